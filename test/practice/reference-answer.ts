/**
 * The right answer to a generated question, computed without src/: plain uint32 / bigint arithmetic and
 * the tables of ./reference.ts, reading the inputs from the prompt the person sees wherever the prompt
 * states them (so a key that disagrees with its own prompt fails), and checking the rule the prompt
 * states (largest need first, exactly one or two valid choices, no network or broadcast address as "a
 * host"). Throws when a question breaks its stated rule.
 */
import type { Question } from '../../src/practice/question.js';
import {
  compress, explode, fmt4, groupsOf, IANA_PORTS, maskOf, refClassify, STORIES, TIME_WAIT_WHO, u32,
} from './reference.js';

type P = Record<string, unknown>;

/** The right answer, computed without src/addr or src/tcp, as something a person could type. */
export function reference(q: Question): string {
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
      const plan = vlsmPlan(q);
      return plan.get(must(/Which subnet \(CIDR\) does LAN ([A-Z]) get\?/, q.prompt.en, q.id)[1]!)!.cidr;
    }
    case 'subnet.vlsm-table': {
      // One row per LAN in name order: network/prefix, mask, first-last host (textbook: network + 1 to broadcast - 1).
      const plan = vlsmPlan(q);
      return [...plan.keys()].sort().map((name) => {
        const { net, bits } = plan.get(name)!;
        return `${name} ${fmt4(net)}/${32 - bits} ${fmt4(maskOf(32 - bits))} ${fmt4(net + 1)}-${fmt4(net + 2 ** bits - 2)}`;
      }).join('; ');
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
      // The prompt shows both addresses, and neither is a network or broadcast address "as a host".
      for (const ip of [p['ip1'] as string, p['ip2'] as string]) {
        if (!q.prompt.en.includes(ip)) throw new Error(`${q.id}: ${ip} is not in the prompt`);
        const host = u32(ip) & ~m;
        if (host === 0 || (host >>> 0) === (~m >>> 0)) throw new Error(`${q.id}: ${ip}/${prefix} is a network or broadcast address`);
      }
      const same = ((u32(p['ip1'] as string) & m) >>> 0) === ((u32(p['ip2'] as string) & m) >>> 0);
      if (name === 'same-segment.check') return same ? 'yes' : 'no';
      // By number, wherever the seeded order put the choice.
      return String(q.choices!.findIndex((c) => c.en.startsWith(same ? 'directly' : 'via its default gateway')) + 1);
    }
    case 'classify.scope': return refClassify(addr).scope;
    case 'classify.private': return refClassify(addr).private ? 'yes' : 'no';
    case 'classify.global': {
      // Multicast has no one answer to "globally reachable" (it depends on the group's scope): never asked.
      if (refClassify(addr).scope === 'multicast') throw new Error(`${q.id}: asks whether multicast ${addr} is globally reachable`);
      return refClassify(addr).global ? 'yes' : 'no';
    }
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
    default: return referenceNew(q);
  }
}


const V4 = '(\\d+\\.\\d+\\.\\d+\\.\\d+)';

/**
 * A VLSM plan from the prompt, by the rule it states: largest need first, equal needs in name order,
 * the smallest block that fits (hosts + 2), from the lowest address up; each block must come out aligned
 * and the plan must fit its parent.
 */
function vlsmPlan(q: Question): Map<string, { net: number; bits: number; cidr: string }> {
  const m = must(/split (\S+)\/(\d+) for LANs needing (.*) hosts\. Largest need first \(equal needs in name order\), each gets the smallest block that fits, allocated from the lowest address up\./, q.prompt.en, q.id);
  const needs = [...m[3]!.matchAll(/([A-Z])=(\d+)/g)].map((x) => ({ name: x[1]!, h: Number(x[2]) }));
  const order = [...needs].sort((a, b) => b.h - a.h || a.name.localeCompare(b.name));
  const base = (u32(m[1]!) & maskOf(Number(m[2]))) >>> 0;
  let at = base;
  const plan = new Map<string, { net: number; bits: number; cidr: string }>();
  for (const o of order) {
    let bits = 0;
    while (2 ** bits < o.h + 2) bits++;
    if (at % 2 ** bits !== 0) throw new Error(`${q.id}: block of ${o.name} would not be aligned`);
    plan.set(o.name, { net: at, bits, cidr: `${fmt4(at)}/${32 - bits}` });
    at += 2 ** bits;
  }
  if (at > base + 2 ** (32 - Number(m[2]))) throw new Error(`${q.id}: the plan does not fit its parent`);
  return plan;
}
function must(re: RegExp, s: string, id: string): RegExpExecArray {
  const m = re.exec(s);
  if (m === null) throw new Error(`${id}: prompt does not match ${re}`);
  return m;
}
/** `10.0.0.0/8` or `10.0.0.0 255.0.0.0` as [network, prefix]; a mask must be contiguous ones. */
function readNet(addr: string, prefix: string | undefined, mask: string | undefined): [number, number] {
  if (prefix !== undefined) return [u32(addr), Number(prefix)];
  const m = u32(mask!);
  let p = 0;
  while (p < 32 && ((m >>> (31 - p)) & 1) === 1) p++;
  if (maskOf(p) !== m) throw new Error(`${mask} is not a contiguous mask`);
  return [u32(addr), p];
}
const inNet = (a: number, net: number, p: number): boolean => ((a & maskOf(p)) >>> 0) === ((net & maskOf(p)) >>> 0);
const numbersOf = (q: Question, pred: (en: string) => boolean): number[] =>
  q.choices!.map((c, i) => (pred(c.en) ? i + 1 : 0)).filter((n) => n > 0);
function classOf(first: number): string {
  // RFC 791 3.2 by value ranges (not by bit patterns as the generator's module does).
  return first <= 127 ? 'A' : first <= 191 ? 'B' : first <= 223 ? 'C' : first <= 239 ? 'D' : 'E';
}
const DEFAULT_MASK: Readonly<Record<string, string>> = { A: '255.0.0.0', B: '255.255.0.0', C: '255.255.255.0' };

/** The kinds added for written exams (valid host, contains, classful, mask-for, summary, LPM, special, timing). */
function referenceNew(q: Question): string {
  const en = q.prompt.en;
  const id = q.id;
  switch (q.source) {
    case 'subnet.valid-host': {
      const m = must(new RegExp(`in the subnet ${V4}(?:/(\\d+)| ${V4})\\?( \\(choose two\\))?$`), en, id);
      const [net, p] = readNet(m[1]!, m[2], m[3]);
      if (((net & maskOf(p)) >>> 0) !== net) throw new Error(`${id}: ${m[1]} is not a network address`);
      const bcast = (net | ~maskOf(p)) >>> 0;
      const valid = numbersOf(q, (c) => inNet(u32(c), net, p) && u32(c) !== net && u32(c) !== bcast);
      const want = m[4] === undefined ? 1 : 2;
      if (valid.length !== want) throw new Error(`${id}: ${valid.length} valid hosts among the choices, the prompt asks for ${want}`);
      return valid.join(',');
    }
    case 'subnet.contains': {
      const a = u32(must(new RegExp(`contains the address ${V4}\\?`), en, id)[1]!);
      const hits = numbersOf(q, (c) => { const [n, p] = c.split('/') as [string, string]; return ((u32(n) & maskOf(Number(p))) >>> 0) === u32(n) && inNet(a, u32(n), Number(p)); });
      if (hits.length !== 1) throw new Error(`${id}: ${hits.length} choices contain the address`);
      return String(hits[0]);
    }
    case 'subnet.classful': {
      const c = /which class is (\d+)\./.exec(en) ?? /default \(classful\) subnet mask of (\d+)\./.exec(en);
      if (c !== null) {
        const cls = classOf(Number(c[1]));
        if (en.includes('which class')) return String(numbersOf(q, (x) => x === `class ${cls}`)[0]);
        return DEFAULT_MASK[cls]!;
      }
      const m = must(new RegExp(`The class ([ABC]) network ${V4} is subnetted with the mask ${V4}\\.`), en, id);
      const cls = classOf(u32(m[2]!) >>> 24);
      if (cls !== m[1]) throw new Error(`${id}: ${m[2]} is class ${cls}, the prompt says ${m[1]}`);
      const [, p] = readNet(m[3]!, undefined, m[3]);
      const borrowed = p - { A: 8, B: 16, C: 24 }[cls]!;
      return en.includes('How many bits') ? String(borrowed) : String(2 ** borrowed);
    }
    case 'subnet.mask-for': {
      const parent = must(new RegExp(`${V4}/(\\d+)`), en, id);
      const pp = Number(parent[2]);
      const hosts = /each with at least (\d+) hosts/.exec(en);
      if (hosts !== null) {
        let bits = 0;
        while (2 ** bits - 2 < Number(hosts[1])) bits++;
        if (32 - bits < pp) throw new Error(`${id}: no subnet of the parent holds that many hosts`);
        return fmt4(maskOf(32 - bits));
      }
      const n = Number(must(/into (?:at least )?(\d+) equal subnets/, en, id)[1]);
      let k = 0;
      while (2 ** k < n) k++;
      const nth = /What is subnet number (\d+)\?/.exec(en);
      if (nth === null) return fmt4(maskOf(pp + k));
      return `${fmt4(u32(parent[1]!) + (Number(nth[1]) - 1) * 2 ** (32 - pp - k))}/${pp + k}`;
    }
    case 'route.summary': {
      const nets = [...must(/one route for (.*)\. What/, en, id)[1]!.matchAll(/(\d+\.\d+\.\d+\.\d+)\/(\d+)/g)].map((x) => [u32(x[1]!), Number(x[2])] as const);
      let p = Math.min(...nets.map(([, l]) => l));
      while (p > 0 && !nets.every(([a]) => inNet(a, nets[0]![0], p))) p--;
      return `${fmt4((nets[0]![0] & maskOf(p)) >>> 0)}/${p}`;
    }
    case 'route.lpm': {
      const dest = u32(must(new RegExp(`a packet for ${V4}\\?`), en, id)[1]!);
      const rows = [...en.matchAll(/^ {2}(\d+\.\d+\.\d+\.\d+)\/(\d+)\s+-> (\S+)$/gm)].map((x) => ({ net: u32(x[1]!), p: Number(x[2]), hop: x[3]! }));
      const best = rows.filter((r) => inNet(dest, r.net, r.p)).sort((a, b) => b.p - a.p);
      if (best.length > 1 && best[0]!.p === best[1]!.p) throw new Error(`${id}: two equally long matches`);
      return best[0]!.hop;
    }
    case 'classify.special': {
      const m = /What is (\S+)\?$/.exec(en) ?? must(new RegExp(`configured as ${V4}/(\\d+)\\. What is the address ${V4}\\?`), en, id);
      const address = m.length > 2 ? m[3]! : m[1]!;
      let kind: string;
      if (address.includes(':')) {
        const g = groupsOf(address);
        const high = g.slice(0, 5).every((x) => x === 0);
        // RFC 4291 2.5.5.2 (::ffff:0:0/96) and 2.5.5.1 (::/96 but not :: or ::1).
        kind = high && g[5] === 0xffff ? 'an IPv4-mapped' : high && g[5] === 0 && (g[6] !== 0 || g[7]! > 1) ? 'an IPv4-compatible' : '?';
      } else {
        const v = u32(address);
        const hostNet = m.length > 2 ? u32(m[1]!) : 0;
        const hp = m.length > 2 ? Number(m[2]) : 32;
        kind = v === 0xffffffff ? 'limited broadcast' : v === 0 ? '"this host"' : v >>> 24 === 127 ? 'loopback'
          : address === '224.0.0.1' ? 'the all-hosts' : address === '224.0.0.2' ? 'the all-routers'
          : inNet(v, hostNet, hp) && ((v | maskOf(hp)) >>> 0) === 0xffffffff ? 'directed broadcast' : '?';
      }
      const hit = numbersOf(q, (c) => c.startsWith(kind));
      if (hit.length !== 1) throw new Error(`${id}: ${address} -> ${kind}: ${hit.length} matching choices`);
      return String(hit[0]);
    }
    case 'tcp.timing': {
      const m = must(/One-way delay (\d+) ms \(RTT (\d+) ms\), MSL (\d+) s.*the server calls close\(\) at (\d+) ms/, en, id);
      const d = Number(m[1]);
      const msl = Number(m[3]) * 1000;
      if (Number(m[2]) !== 2 * d) throw new Error(`${id}: RTT is not twice the one-way delay`);
      // RFC 9293 3.3.2 / figure 6: the client is ESTABLISHED on the SYN,ACK (1 RTT), the server on the
      // third segment (1.5 RTT); the active closer enters TIME_WAIT when the peer's FIN arrives and
      // stays 2 MSL.
      if (en.includes('client reach ESTABLISHED')) return String(2 * d);
      if (en.includes('server reach ESTABLISHED')) return String(3 * d);
      if (en.includes('stay in TIME_WAIT')) return String((2 * msl) / 1000);
      return String(Number(m[4]) + d + 2 * msl);
    }
    case 'tcp.window': return windowReference(q);
    default: throw new Error(`no reference for ${q.source}`);
  }
}

/**
 * tcp.window by the textbook's round rules, read from the prompt: slow start doubles cwnd up to ssthresh
 * (RFC 5681 3.1; 谢希仁 5.8.2: 8 -> 12 when ssthresh is 12), avoidance adds 1 a round, a round whose
 * segments are all lost ends in a timeout (ssthresh = max(cwnd/2, 2), cwnd = 1), and a round with a lost
 * first segment in fast retransmit (ssthresh = max(cwnd/2, 2)). The sender always fills its window.
 */
function windowReference(q: Question): string {
  const en = q.prompt.en;
  if (en.includes('window of 0')) return String(q.choices!.findIndex((c) => c.en.includes('persist timer')) + 1);
  const ss0 = Number(must(/ssthresh = (\d+);/, en, q.id)[1]);
  const rwnd = Number(must(/receiver's window is (\d+) segments/, en, q.id)[1]);
  const lostRound = /everything sent in round (\d+) is lost|in round (\d+) the first segment is lost/.exec(en);
  const lossAt = lostRound ? Number(lostRound[1] ?? lostRound[2]) : undefined;
  const cwnds: number[] = [];
  const ssthreshes: number[] = [];
  let w = 1;
  let ss = ss0;
  for (let r = 1; r <= 40; r++) {
    cwnds.push(w);
    ssthreshes.push(ss);
    if (r === lossAt) {
      ss = Math.max(Math.floor(w / 2), 2);
      w = 1;
    } else w = w < ss ? Math.min(2 * w, ss) : w + 1;
  }
  const n = /in round (\d+)\?/.exec(en);
  if (en.includes('What is cwnd')) return String(cwnds[Number(n![1]) - 1]);
  if (en.includes('in flight')) {
    const k = Number(n![1]);
    if (cwnds.slice(0, k - 1).some((c) => c > rwnd)) throw new Error(`${q.id}: the receiver's window limited an earlier round`);
    return String(Math.min(cwnds[k - 1]!, rwnd));
  }
  return String(ssthreshes[lossAt!]);
}
