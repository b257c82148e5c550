import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { grade } from '../../src/practice/grade.js';
import { GENERATORS } from '../../src/practice/generators/index.js';
import { loadPool } from '../../src/practice/pool-files.js';
import { generate } from '../../src/practice/session.js';
import { checkAgainstReference, REFERENCE_SEEDS } from './reference-check.js';
import { compress, explode, groupsOf } from './reference.js';
import { reference } from './reference-answer.js';

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

const pool = loadPool();
const SEEDS = 40;

describe('generated questions', () => {
  it('every generator is used by some bank', () => {
    const used = new Set(pool.generated.map((g) => g.generator.name));
    expect([...GENERATORS.keys()].filter((n) => !used.has(n))).toEqual([]);
  });

  // 2,000 seeds per generator (the TCP ones, which run the simulator, in generators-tcp.test.ts),
  // spread over the bank entries that use it, so every bank's parameter ranges are covered.
  const byName = new Map<string, typeof pool.generated[number][]>();
  for (const e of pool.generated) if (e.generator.topic !== 'tcp') byName.set(e.generator.name, [...(byName.get(e.generator.name) ?? []), e]);
  for (const [name, entries] of byName) {
    it(`${name}: over ${REFERENCE_SEEDS} seeds the key matches an independent computation from the prompt, and grades as right`, () => {
      checkAgainstReference(entries, REFERENCE_SEEDS);
    });
  }

  // IANA's service-name registry: 53 "domain", 3389 "ms-wbt-server". The key is the name people say (DNS,
  // RDP) and IANA's is accepted; the explanation must say how they meet, or the key `dns` reads against a
  // working line that says only "domain" (a new user's report).
  it('ports.service: where the key is the name people say, the explanation names IANA\'s registered name', () => {
    for (const [port, iana, key] of [['53', 'domain', 'dns'], ['3389', 'ms-wbt-server', 'rdp']] as const) {
      const q = generate({ generator: GENERATORS.get('ports.service')!, params: { port }, weight: 1, bank: 'test' }, 1, 0);
      expect(q.answer.en).toBe(key);
      expect(q.accepts).toContain(iana);
      expect(q.explanation.en).toContain(`"${iana}"`);
      expect(q.explanation.zh).toContain(`“${iana}”`);
    }
  });

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
