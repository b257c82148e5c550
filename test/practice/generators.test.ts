import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { grade } from '../../src/practice/grade.js';
import { GENERATORS } from '../../src/practice/generators/index.js';
import { loadPool } from '../../src/practice/pool-files.js';
import type { Question } from '../../src/practice/question.js';
import { generate } from '../../src/practice/session.js';
import {
  compress, explode, fmt4, groupsOf, IANA_PORTS, maskOf, refClassify, STORIES, TIME_WAIT_WHO, u32,
} from './reference.js';

const vectors = JSON.parse(readFileSync(new URL('../data/practice-ipv6-vectors.json', import.meta.url), 'utf8')) as {
  vectors: { groups: number[]; compressed: string; exploded: string }[];
};

describe('the reference IPv6 compressor', () => {
  it('agrees with Python ipaddress on every committed vector', () => {
    for (const v of vectors.vectors) {
      expect(compress(v.groups)).toBe(v.compressed);
      expect(explode(v.groups)).toBe(v.exploded);
      expect(groupsOf(v.compressed)).toEqual(v.groups);
    }
  });
});

type P = Record<string, unknown>;

/** The right answer, computed without src/addr or src/tcp, as something a person could type. */
function reference(q: Question): string {
  const p = (q.params ?? {}) as P;
  const name = q.source;
  const addr = p['address'] as string;
  const prefix = p['prefix'] as number;
  const net = () => (u32(addr) & maskOf(prefix)) >>> 0;
  const bcast = () => (net() | ~maskOf(prefix)) >>> 0;
  switch (name) {
    case 'subnet.network': return fmt4(net());
    case 'subnet.broadcast': return fmt4(bcast());
    case 'subnet.first-host': return fmt4(prefix >= 31 ? net() : net() + 1);
    case 'subnet.last-host': return fmt4(prefix >= 31 ? bcast() : bcast() - 1);
    case 'subnet.host-count': return String(prefix === 32 ? 1 : prefix === 31 ? 2 : 2 ** (32 - prefix) - 2);
    case 'subnet.mask-to-prefix': return `/${prefix}`;
    case 'subnet.prefix-to-mask': return fmt4(maskOf(prefix));
    case 'subnet.wildcard': return fmt4(~maskOf(prefix) >>> 0);
    case 'subnet.count': return String(2 ** (prefix - Number((p['parent'] as string).split('/')[1])));
    case 'subnet.prefix-for-hosts': {
      let bits = 2;
      while (2 ** bits - 2 < (p['hosts'] as number)) bits++;
      return `/${32 - bits}`;
    }
    case 'subnet.vlsm': {
      const [pa, pp] = (p['parent'] as string).split('/') as [string, string];
      const hosts = p['hosts'] as number[];
      const order = hosts.map((h, i) => ({ h, i, size: 2 ** Math.ceil(Math.log2(h + 2)) }))
        .sort((a, b) => b.size - a.size || a.i - b.i);
      let at = (u32(pa) & maskOf(Number(pp))) >>> 0;
      const where = new Map<number, string>();
      for (const o of order) { where.set(o.i + 1, `${fmt4(at)}/${32 - Math.log2(o.size)}`); at += o.size; }
      return where.get(p['lan'] as number)!;
    }
    case 'binary.octet': {
      const v = p['value'] as number;
      return p['direction'] === 'to-binary' ? v.toString(2).padStart(8, '0') : String(v);
    }
    case 'binary.address':
      return p['direction'] === 'to-binary'
        ? addr.split('.').map((o) => Number(o).toString(2).padStart(8, '0')).join('.')
        : addr;
    case 'same-segment.check':
    case 'same-segment.gateway': {
      const m = maskOf(prefix);
      const same = ((u32(p['ip1'] as string) & m) >>> 0) === ((u32(p['ip2'] as string) & m) >>> 0);
      if (name === 'same-segment.check') return same ? 'yes' : 'no';
      // By number, wherever the seeded order put the choice.
      return String(q.choices!.findIndex((c) => c.en.startsWith(same ? 'directly' : 'via its default gateway')) + 1);
    }
    case 'classify.scope': return refClassify(addr).scope;
    case 'classify.private': return refClassify(addr).private ? 'yes' : 'no';
    case 'classify.global': return refClassify(addr).global ? 'yes' : 'no';
    case 'ipv6.compress': return compress(groupsOf(addr));
    case 'ipv6.expand': return explode(groupsOf(addr));
    case 'ipv6.embedded-ipv4': {
      const g = groupsOf(addr);
      const [hi, lo] = p['kind'] === '6to4' ? [g[1]!, g[2]!] : [g[6]!, g[7]!];
      return fmt4(((hi << 16) | lo) >>> 0);
    }
    case 'ipv6.network': {
      const g = groupsOf(addr);
      const out = g.map((x, i) => {
        const keep = Math.max(0, Math.min(16, prefix - 16 * i));
        return keep === 0 ? 0 : x & ((0xffff << (16 - keep)) & 0xffff);
      });
      return compress(out);
    }
    case 'ports.number': return String(IANA_PORTS[p['service'] as string]);
    case 'ports.service': return Object.entries(IANA_PORTS).find(([, n]) => n === p['port'])![0];
    case 'ports.range': {
      const n = p['port'] as number;
      return n <= 1023 ? 'well-known' : n <= 49151 ? 'registered' : 'dynamic';
    }
    case 'mac.oui': return (p['mac'] as string).toLowerCase().replace(/-/g, ':').slice(0, 8);
    case 'mac.bits': {
      const first = parseInt((p['mac'] as string).slice(0, 2), 16);
      return (p['bit'] === 'multicast' ? first & 1 : first & 2) ? 'yes' : 'no';
    }
    case 'mac.link-local': {
      const b = (p['mac'] as string).split(/[:-]/).map((x) => parseInt(x, 16));
      const e = [b[0]! ^ 2, b[1]!, b[2]!, 0xff, 0xfe, b[3]!, b[4]!, b[5]!];
      return compress([0xfe80, 0, 0, 0, (e[0]! << 8) | e[1]!, (e[2]! << 8) | e[3]!, (e[4]! << 8) | e[5]!, (e[6]! << 8) | e[7]!]);
    }
    case 'tcp.state-after': {
      const row = STORIES[p['story'] as string]![(p['segment'] as number) - 1]!;
      return (p['role'] === 'receiver' ? row[3] : row[2])!;
    }
    case 'tcp.next-segment': return STORIES[p['story'] as string]![(p['segment'] as number) - 1]![1];
    case 'tcp.time-wait': return TIME_WAIT_WHO[p['story'] as string]!;
    case 'tcp.lost-ack': {
      const isn = p['isn'] as { client: number; server: number };
      void isn;
      switch (p['ask']) {
        case 'server-state': return 'LAST_ACK';
        case 'resend-after': return String(p['rto']); // first retransmission after one RTO (RFC 6298)
        case 'client-leaves': return String(2 * (p['msl'] as number)); // 2MSL restarted (RFC 9293 3.10.7.4)
        // By number, wherever the seeded order put the choice: the peer retransmits its FIN (RFC 9293 3.10.7.4).
        default: return String(q.choices!.findIndex((c) => c.en.startsWith('the server retransmits its FIN')) + 1);
      }
    }
    case 'tcp.order': {
      // Letters in the prompt, sorted by the canonical order of (from, flags) in the story.
      const story = STORIES[p['story'] as string]!;
      const rows = p['phase'] === 'handshake' ? story.slice(0, 3) : story.slice(3, 7);
      const items = [...q.prompt.en.matchAll(/^([A-G])\) (\w+) -> \w+\s+(\S+)/gm)].map((m) => ({ letter: m[1]!, from: m[2]!, flags: m[3]! }));
      return rows.map((r) => items.find((it) => it.from === r[0] && it.flags === r[1])!.letter).join(' ');
    }
    case 'tcp.flags': {
      const isn = p['isn'] as { client: number; server: number };
      switch (p['ask']) {
        case 'synack-flags': return 'SYN,ACK';
        case 'final-ack': return String(isn.server + 1);
        case 'data-ack': return String(isn.client + 1 + 100);
        case 'fin-ack': return String(isn.client + 1 + 100 + 1);
        default: return String(isn.client + 1);
      }
    }
    default: throw new Error(`no reference for ${name}`);
  }
}

const pool = loadPool();
const SEEDS = 40;

describe('generated questions', () => {
  it('every generator is used by some bank', () => {
    const used = new Set(pool.generated.map((g) => g.generator.name));
    expect([...GENERATORS.keys()].filter((n) => !used.has(n))).toEqual([]);
  });

  for (const entry of pool.generated) {
    const label = `${entry.generator.name} ${JSON.stringify(entry.params)} (bank ${entry.bank})`;
    it(`${label}: the answer matches an independent computation and grades as right`, () => {
      for (let seed = 0; seed < SEEDS; seed++) {
        const q = generate(entry, seed, seed % 7);
        const ref = reference(q);
        const v = grade(q, ref);
        if (!v.correct) throw new Error(`${q.id}: expected ${JSON.stringify(ref)} to be right, answer key says ${q.answer.en}\n${q.prompt.en}`);
        expect(q.prompt.zh).not.toBe('');
        expect(q.explanation.en.length).toBeGreaterThan(20);
        expect(q.explanation.zh.length).toBeGreaterThan(5);
      }
    });
  }

  it('choices come in a seeded order: over seeds the right answer is not always at the same number', () => {
    const cases: [string, Record<string, string>][] = [
      ['tcp.lost-ack', { ask: 'what' }], ['tcp.time-wait', { story: 'client-close' }], ['same-segment.gateway', {}],
    ];
    for (const [name, params] of cases) {
      const entry = { generator: GENERATORS.get(name)!, params, weight: 1, bank: 'test' };
      const positions = new Set<number>();
      for (let seed = 0; seed < SEEDS; seed++) {
        const q = generate(entry, seed, 0);
        const at = q.choices!.findIndex((c) => c.en === q.answer.en);
        expect(at, q.id).toBeGreaterThanOrEqual(0);
        positions.add(at);
      }
      expect(positions.size, name).toBeGreaterThan(1);
    }
  });

  it('strict forms: an expanded or upper-case IPv6 answer to a compression question is wrong, with a note', () => {
    const entry = pool.generated.find((g) => g.generator.name === 'ipv6.compress')!;
    for (let seed = 0; seed < SEEDS; seed++) {
      const q = generate(entry, seed, 0);
      const groups = groupsOf(q.params!['address'] as string);
      const v = grade(q, explode(groups));
      if (explode(groups) !== compress(groups)) {
        expect(v.correct).toBe(false);
        expect(v.note?.en).toMatch(/RFC 5952/);
      }
      if (/[a-f]/.test(compress(groups))) expect(grade(q, compress(groups).toUpperCase()).correct).toBe(false);
    }
  });
});
