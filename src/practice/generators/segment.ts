/** Same-segment questions: AND both addresses with the mask and compare (src/addr/same-segment.ts). */
import { formatIPv4, maskFromPrefix, parseCidr } from '../../addr/parse.js';
import { sameSegment, type SameSegment } from '../../addr/same-segment.js';
import { body, options, range, type Generator } from '../generator.js';
import { text, type Text } from '../question.js';
import type { Rng } from '../rng.js';
import { pickIPv4 } from './pick-address.js';

/**
 * A host address under the mask: a host part of all zeros names the network and all ones is the
 * broadcast (RFC 919/922), and neither belongs to a host, so such a draw is moved to the nearest host.
 * Prefixes here are at most /30, so there are always at least two hosts.
 */
function asHost(x: number, mask: number): number {
  const hostMask = ~mask >>> 0;
  const host = (x & hostMask) >>> 0;
  if (host === 0) return (x | 1) >>> 0;
  if (host === hostMask) return (x ^ 1) >>> 0;
  return x >>> 0;
}

/** Two host addresses that agree on every bit above the prefix but maybe one: the near misses teach most. */
function pickPair(rng: Rng, prefix: number): [string, string] {
  const mask = maskFromPrefix(prefix);
  const a = asHost(Number(parseCidr(pickIPv4(rng)).address), mask);
  const host = (~mask >>> 0) & rng.uint32();
  let b = ((a & mask) | host) >>> 0;
  if (rng.bool() && prefix > 0) {
    // Flip one network bit close to the boundary (within 4 bits of it).
    const bit = 32 - prefix + rng.int(0, Math.min(3, prefix - 1));
    b = (b ^ (1 << bit)) >>> 0;
  }
  b = asHost(b, mask);
  if (b === a) b = ((a & mask) | ((a & ~mask & 3) === 1 ? 2 : 1)) >>> 0;
  return [formatIPv4(a), formatIPv4(b)];
}

export function andTable(r: SameSegment): Text {
  const row = (label: string, cells: string[]): string => `${label.padEnd(16)}${cells.join('.')}`;
  const lines = [
    row(r.ip1, r.steps.map((s) => s.ip1.binary)),
    row(r.ip2, r.steps.map((s) => s.ip2.binary)),
    row(r.mask, r.steps.map((s) => s.mask.binary)),
    row('AND 1', r.steps.map((s) => s.network1.binary)) + `  = ${r.network1}`,
    row('AND 2', r.steps.map((s) => s.network2.binary)) + `  = ${r.network2}`,
  ];
  const differ = r.steps.filter((s) => !s.same).map((s) => s.part);
  const en = lines.join('\n') +
    `\n${r.sameSegment ? 'Equal networks: same segment.' : `The networks differ in octet ${differ.join(', ')}: different segments.`}`;
  const zh = en.replace(/AND /g, '与 ').replace('Equal networks: same segment.', '网络号相同：同一网段。')
    .replace(/The networks differ in octet ([\d, ]+): different segments\./, '网络号在第 $1 个字节不同：不同网段。');
  return { en, zh };
}

export const sameSegmentCheck: Generator = {
  name: 'same-segment.check',
  topic: 'same-segment',
  params: { prefix: range(1, 30, [16, 29]), form: options(['prefix', 'dotted']) },
  make(rng, p) {
    const prefix = p.int('prefix');
    const [ip1, ip2] = pickPair(rng, prefix);
    const r = sameSegment(ip1, ip2, `/${prefix}`);
    const mask = p.option('form') === 'dotted' ? r.mask : `/${prefix}`;
    return body({
      prompt: text(`Are ${ip1} and ${ip2} on the same segment with mask ${mask}? (yes/no)`, `掩码为 ${mask} 时，${ip1} 和 ${ip2} 在同一网段吗？（是/否）`),
      answer: text(r.sameSegment ? 'yes' : 'no', r.sameSegment ? '是' : '否'),
      check: { kind: 'yesno' },
      explanation: text('AND each address with the mask; equal results mean one segment (they reach each other directly, via ARP), different results mean the traffic goes through the gateway.',
        '分别把两个地址与掩码按位与；结果相同就是同一网段（直接用 ARP 找对方），不同就要经过网关转发。'),
      working: andTable(r),
      params: { ip1, ip2, prefix },
    });
  },
};

export const sameSegmentGateway: Generator = {
  name: 'same-segment.gateway',
  topic: 'same-segment',
  params: { prefix: range(1, 30, [16, 29]) },
  make(rng, p) {
    const prefix = p.int('prefix');
    const [ip1, ip2] = pickPair(rng, prefix);
    const r = sameSegment(ip1, ip2, `/${prefix}`);
    const direct = text('directly: it ARPs for the destination itself', '直接发送：自己用 ARP 查询目的主机的 MAC');
    const gateway = text('via its default gateway: it ARPs for the gateway', '经默认网关：用 ARP 查询网关的 MAC');
    return body({
      prompt: text(`Host ${ip1}/${prefix} sends a packet to ${ip2}. How does it deliver it?`, `主机 ${ip1}/${prefix} 要给 ${ip2} 发包，它怎么投递？`),
      choices: rng.shuffle([direct, gateway]),
      answer: r.sameSegment ? direct : gateway,
      check: { kind: 'choice' },
      explanation: text('A host compares the destination\'s network (under its own mask) with its own: on-link destinations get the frame directly, everything else goes to the gateway\'s MAC address. (A packet to the own subnet\'s broadcast address is neither: it goes to ff:ff:ff:ff:ff:ff without ARP; these questions only use host addresses.)',
        '主机用自己的掩码算出目的地址的网络号，与自己的比较：在本网段就直接发帧，否则把帧发给网关的 MAC 地址。（发往本子网广播地址的分组两者都不是：它直接发往 ff:ff:ff:ff:ff:ff，不用 ARP；这类题只用主机地址。）'),
      working: andTable(r),
      params: { ip1, ip2, prefix },
    });
  },
};

export const SEGMENT_GENERATORS: readonly Generator[] = [sameSegmentCheck, sameSegmentGateway];
