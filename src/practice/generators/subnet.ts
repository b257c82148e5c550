/**
 * Subnet arithmetic questions: network, broadcast, first/last host, host count, mask <-> prefix,
 * wildcard, how many subnets, how big a subnet for n hosts, VLSM plans, binary <-> decimal.
 * Answers come from src/addr (subnet, planSplit, notation); the working shows how to get there by hand.
 */
import { parseCidr } from '../../addr/parse.js';
import { planSplit, split } from '../../addr/split.js';
import { subnet, type SubnetIPv4 } from '../../addr/subnet.js';
import { notationIPv4 } from '../../addr/notation.js';
import { body, options, range, type Generator } from '../generator.js';
import { text } from '../question.js';
import { andRows, blockRows, dotted, hostRows, joinText } from '../working.js';
import { pickIPv4 } from './pick-address.js';

function subnet4(address: string, prefix: number): SubnetIPv4 {
  const s = subnet(parseCidr(`${address}/${prefix}`));
  if (s.version !== 4) throw new Error('expected IPv4');
  return s;
}

/** `192.168.12.87/26` or `192.168.12.87 255.255.255.192`, as the bank (or the dice) chooses. */
function written(address: string, prefix: number, form: string): string {
  return form === 'dotted' ? `${address} ${dotted(prefix)}` : `${address}/${prefix}`;
}

const maskForm = options(['prefix', 'dotted']);

function hostPart(name: string, pick: (s: SubnetIPv4) => string | null, en: string, zh: string, why: { en: string; zh: string }): Generator {
  return {
    name,
    topic: 'subnet',
    params: { prefix: range(1, 30, [16, 30]), form: maskForm },
    make(rng, p) {
      const prefix = p.int('prefix');
      const address = pickIPv4(rng);
      const s = subnet4(address, prefix);
      const w = written(address, prefix, p.option('form'));
      const answer = pick(s)!;
      return body({
        prompt: text(`${en} ${w}?`, `${w} ${zh}？`),
        answer,
        check: { kind: 'ipv4' },
        explanation: why,
        working: joinText(andRows(s), blockRows(s), hostRows(s)),
        params: { address, prefix },
      });
    },
  };
}

export const subnetNetwork = hostPart('subnet.network', (s) => s.network,
  'What is the network address of', '的网络地址是什么',
  text('The network address keeps the network bits and sets every host bit to 0: address AND mask.',
    '网络地址保留网络位、把主机位全部置 0：地址与掩码按位与。'));

export const subnetBroadcast = hostPart('subnet.broadcast', (s) => s.broadcast,
  'What is the broadcast address of the subnet of', '所在子网的广播地址是什么',
  text('The broadcast address keeps the network bits and sets every host bit to 1: network OR wildcard.',
    '广播地址保留网络位、把主机位全部置 1：网络地址与反掩码按位或。'));

export const subnetFirstHost = hostPart('subnet.first-host', (s) => s.firstHost,
  'What is the first usable host address in the subnet of', '所在子网的第一个可用主机地址是什么',
  text('The first host is the network address + 1 (the network address itself names the subnet).',
    '第一个主机地址是网络地址 + 1（网络地址本身代表整个子网，不分配给主机）。'));

export const subnetLastHost = hostPart('subnet.last-host', (s) => s.lastHost,
  'What is the last usable host address in the subnet of', '所在子网的最后一个可用主机地址是什么',
  text('The last host is the broadcast address - 1 (the broadcast address reaches every host, so no host may own it).',
    '最后一个主机地址是广播地址 - 1（广播地址发给子网内所有主机，不能分给某一台）。'));

export const subnetHostCount: Generator = {
  name: 'subnet.host-count',
  topic: 'subnet',
  params: { prefix: range(1, 32, [16, 30]), form: maskForm },
  make(rng, p) {
    const prefix = p.int('prefix');
    const address = pickIPv4(rng);
    const s = subnet4(address, prefix);
    const w = p.option('form') === 'dotted' ? `mask ${s.netmask}` : `/${prefix}`;
    return body({
      prompt: text(`How many usable host addresses does an IPv4 subnet with ${w} have?`, `${p.option('form') === 'dotted' ? `子网掩码为 ${s.netmask}` : `前缀为 /${prefix}`} 的 IPv4 子网有多少个可用主机地址？`),
      answer: String(s.hostCount),
      check: { kind: 'integer' },
      explanation: text('Usable hosts = 2^(host bits) - 2: the all-zeros address names the network and the all-ones address is the broadcast. /31 (RFC 3021) and /32 are the exceptions.',
        '可用主机数 = 2^主机位数 - 2：主机位全 0 是网络地址，全 1 是广播地址。/31（RFC 3021）和 /32 是例外。'),
      // The address was only needed to ask subnet(); the working shows the count, not that address.
      working: prefix >= 31 ? hostRows(s) : text(
        `${32 - prefix} host bits: 2^${32 - prefix} = ${s.addressCount} addresses, minus network and broadcast = ${s.hostCount} hosts.`,
        `主机位 ${32 - prefix} 位：2^${32 - prefix} = ${s.addressCount} 个地址，去掉网络地址和广播地址，可用主机 ${s.hostCount} 个。`),
      params: { prefix },
    });
  },
};

export const subnetMaskToPrefix: Generator = {
  name: 'subnet.mask-to-prefix',
  topic: 'subnet',
  params: { prefix: range(0, 32, [8, 30]) },
  make(rng, p) {
    void rng;
    const prefix = p.int('prefix');
    const s = subnet4('0.0.0.0', prefix);
    return body({
      prompt: text(`Which prefix length is the mask ${s.netmask}?`, `掩码 ${s.netmask} 对应的前缀长度是多少？`),
      answer: `/${prefix}`,
      accepts: [String(prefix)],
      check: { kind: 'mask', forms: ['prefix'] },
      explanation: text('The prefix length counts the 1 bits of the mask, which must all come first.', '前缀长度就是掩码中 1 的个数，而且这些 1 必须连续排在最前面。'),
      working: text(`${s.netmask} = ${s.binary.netmask}: ${prefix} ones.`, `${s.netmask} = ${s.binary.netmask}：共 ${prefix} 个 1。`),
      params: { prefix },
    });
  },
};

export const subnetPrefixToMask: Generator = {
  name: 'subnet.prefix-to-mask',
  topic: 'subnet',
  params: { prefix: range(0, 32, [8, 30]) },
  make(rng, p) {
    void rng;
    const prefix = p.int('prefix');
    const s = subnet4('0.0.0.0', prefix);
    return body({
      prompt: text(`Write /${prefix} as a dotted-decimal netmask.`, `把 /${prefix} 写成点分十进制子网掩码。`),
      answer: s.netmask,
      check: { kind: 'mask', forms: ['dotted'] },
      explanation: text('Write prefix-many 1 bits, fill with 0 to 32 bits, read each group of 8 as a decimal number.', '先写前缀个 1，再补 0 到 32 位，每 8 位换算成一个十进制数。'),
      working: text(`${prefix} ones: ${s.binary.netmask} = ${s.netmask}`, `${prefix} 个 1:${s.binary.netmask} = ${s.netmask}`),
      params: { prefix },
    });
  },
};

export const subnetWildcard: Generator = {
  name: 'subnet.wildcard',
  topic: 'subnet',
  params: { prefix: range(0, 32, [8, 30]), form: maskForm },
  make(rng, p) {
    void rng;
    const prefix = p.int('prefix');
    const s = subnet4('0.0.0.0', prefix);
    const w = p.option('form') === 'dotted' ? s.netmask : `/${prefix}`;
    return body({
      prompt: text(`What is the wildcard (inverse) mask of ${w}?`, `${w} 的反掩码（通配符掩码）是什么？`),
      answer: s.wildcard,
      check: { kind: 'ipv4' },
      explanation: text('The wildcard mask flips every bit of the netmask (255 - each octet); ACLs and OSPF use it to mark the bits that may vary.',
        '反掩码把子网掩码每一位取反（每个字节用 255 去减）；ACL 和 OSPF 用它标出可以变化的位。'),
      working: text(`255.255.255.255 - ${s.netmask} = ${s.wildcard}`, `255.255.255.255 - ${s.netmask} = ${s.wildcard}`),
      params: { prefix },
    });
  },
};

export const subnetCount: Generator = {
  name: 'subnet.count',
  topic: 'subnet',
  params: { parent: range(8, 28, [16, 26]), bits: range(1, 8, [1, 6]) },
  make(rng, p) {
    const parentPrefix = p.int('parent');
    const child = Math.min(30, parentPrefix + p.int('bits'));
    const s = subnet4(pickIPv4(rng), parentPrefix);
    const plan = planSplit(parseCidr(s.cidr), { kind: 'prefix', prefix: child });
    const first = plan.blocks[0]!;
    const second = plan.blocks[1];
    const step = subnet({ version: 4, address: first.address, prefix: child, input: '' });
    const n = plan.produced;
    const k = child - parentPrefix;
    return body({
      prompt: text(`How many /${child} subnets fit in ${s.cidr}?`, `${s.cidr} 可以划分出多少个 /${child} 子网？`),
      answer: String(n),
      check: { kind: 'integer' },
      explanation: text('Each bit borrowed from the host part doubles the number of subnets: 2^(new prefix - old prefix).',
        '每从主机位借 1 位，子网数就翻一倍：2^（新前缀 - 原前缀）。'),
      working: text(
        `${child} - ${parentPrefix} = ${k} borrowed bit${k === 1 ? '' : 's'}: 2^${k} = ${n} subnets (${step.cidr}${second ? `, ${subnet({ version: 4, address: second.address, prefix: child, input: '' }).cidr}` : ''}, ...).`,
        `借了 ${child} - ${parentPrefix} = ${k} 位：2^${k} = ${n} 个子网（${step.cidr}${second ? `、${subnet({ version: 4, address: second.address, prefix: child, input: '' }).cidr}` : ''} ...）。`),
      params: { parent: s.cidr, prefix: child },
    });
  },
};

export const subnetPrefixForHosts: Generator = {
  name: 'subnet.prefix-for-hosts',
  topic: 'subnet',
  params: { hosts: range(1, 16_000_000, [2, 4000]) },
  make(rng, p) {
    // Spread the need over orders of magnitude, and now and then sit exactly on a boundary (2^k - 2).
    const [lo, hi] = p.bounds('hosts');
    const m = rng.int(Math.ceil(Math.log2(lo + 2)), Math.ceil(Math.log2(hi + 2)));
    const from = Math.max(lo, 2 ** (m - 1) - 1);
    const to = Math.min(hi, 2 ** m - 2);
    const hosts = rng.int(0, 3) === 0 ? to : rng.int(Math.min(from, to), to);
    const plan = planSplit(parseCidr('10.0.0.0/8'), { kind: 'hosts', hosts: [hosts] });
    const prefix = plan.blocks[0]!.prefix;
    const size = 2 ** (32 - prefix);
    return body({
      prompt: text(`A LAN needs ${hosts} host address${hosts === 1 ? '' : 'es'}. Which is the longest prefix (smallest IPv4 subnet) that holds them?`,
        `一个局域网需要 ${hosts} 个主机地址。能容纳它们的最长前缀（最小的 IPv4 子网）是多少？`),
      answer: `/${prefix}`,
      accepts: [String(prefix), dotted(prefix)],
      check: { kind: 'mask', forms: ['prefix', 'dotted'] },
      explanation: text('Add 2 for the network and broadcast addresses, round up to a power of two; that power is the host bits, the rest is the prefix.',
        '需要的地址数 = 主机数 + 2（网络地址和广播地址），向上取到 2 的幂；这个幂就是主机位数，32 减去它就是前缀。'),
      working: text(`${hosts} + 2 = ${hosts + 2} addresses <= 2^${32 - prefix} = ${size}: ${32 - prefix} host bits, /${prefix} (${dotted(prefix)}), ${size - 2} usable hosts.`,
        `${hosts} + 2 = ${hosts + 2} 个地址 <= 2^${32 - prefix} = ${size}：主机位 ${32 - prefix} 位，即 /${prefix}（${dotted(prefix)}），可用 ${size - 2} 个主机。`),
      params: { hosts },
    });
  },
};

export const subnetVlsm: Generator = {
  name: 'subnet.vlsm',
  topic: 'subnet',
  params: { parent: range(16, 26, [22, 24]), lans: range(2, 6, [3, 5]) },
  make(rng, p) {
    const parentPrefix = p.int('parent');
    const lans = p.int('lans');
    const parent = subnet4(pickIPv4(rng), parentPrefix).cidr;
    const capacity = 2 ** (32 - parentPrefix);
    // Needs that fit: draw block sizes that sum to at most the parent, then a host need inside each.
    const hosts: number[] = [];
    let left = capacity;
    for (let i = 0; i < lans; i++) {
      const maxBits = Math.floor(Math.log2(Math.max(4, left / (lans - i))));
      const bits = rng.int(2, Math.max(2, Math.min(maxBits, 32 - parentPrefix - 1)));
      const block = 2 ** bits;
      if (block > left) break;
      left -= block;
      hosts.push(rng.int(Math.max(1, block / 2 - 1), block - 2));
    }
    // The stated rule: largest need first, equal needs by name (A before B). split() places blocks
    // largest block first with equal blocks in the order given, so hand it the needs already in the
    // stated order: a larger need never has a smaller block, and equal blocks then keep that order.
    const order = hosts.map((h, i) => ({ h, i })).sort((a, b) => b.h - a.h || a.i - b.i);
    const plan = split(parent, { kind: 'hosts', hosts: order.map((o) => o.h) });
    const lanOf = (s: { need?: number }): number => order[(s.need ?? 1) - 1]!.i;
    const target = rng.int(0, plan.subnets.length - 1);
    const chosen = plan.subnets[target]!;
    const letter = (i: number): string => String.fromCharCode(65 + i);
    const needs = hosts.map((h, i) => `${letter(i)}=${h}`).join(', ');
    const needsZh = hosts.map((h, i) => `${letter(i)}=${h}`).join('、');
    const ask = letter(lanOf(chosen));
    const rows = plan.subnets.map((s) => `${letter(lanOf(s))} (${s.hostsNeeded} hosts, block ${s.addressCount}) -> ${s.cidr}`).join('\n');
    const rowsZh = plan.subnets.map((s) => `${letter(lanOf(s))}（${s.hostsNeeded} 台，块大小 ${s.addressCount}）-> ${s.cidr}`).join('\n');
    return body({
      prompt: text(`VLSM: split ${parent} for LANs needing ${needs} hosts. Largest need first (equal needs in name order), each gets the smallest block that fits, allocated from the lowest address up. Which subnet (CIDR) does LAN ${ask} get?`,
        `VLSM：把 ${parent} 划分给需要 ${needsZh} 台主机的几个局域网。需求大的先分（需求相同按名称顺序），每个分到能容纳它的最小块，从最低地址开始依次分配。局域网 ${ask} 分到哪个子网（CIDR）？`),
      answer: chosen.cidr,
      check: { kind: 'cidr' },
      explanation: text('Sort by need (largest first, equal needs by name), size each block as the power of two >= hosts + 2, and place blocks one after another; since a larger need never gets a smaller block, every block stays aligned to its own size.',
        '按需求从大到小排序（需求相同按名称顺序），每块大小取 >= 主机数 + 2 的最小 2 的幂，依次紧挨着分配；需求大的块不会比需求小的块小，所以每块都按自身大小对齐。'),
      working: text(rows, rowsZh),
      params: { parent, hosts, lan: lanOf(chosen) + 1 },
    });
  },
};

/**
 * The whole VLSM plan as a fill-in table: per LAN its network, mask, first and last host, typed on one
 * line (src/practice/table.ts reads it cell by cell and names the wrong cells).
 */
export const subnetVlsmTable: Generator = {
  name: 'subnet.vlsm-table',
  topic: 'subnet',
  params: { parent: range(16, 26, [22, 24]), lans: range(2, 5, [2, 4]) },
  make(rng, p) {
    const plan = subnetVlsm.make(rng, p);
    const { parent, hosts } = plan.params as { parent: string; hosts: number[] };
    const order = hosts.map((h, i) => ({ h, i })).sort((a, b) => b.h - a.h || a.i - b.i);
    const subnets = split(parent, { kind: 'hosts', hosts: order.map((o) => o.h) }).subnets;
    const letter = (i: number): string => String.fromCharCode(65 + i);
    const rows = hosts.map((_, lan) => {
      const s = subnets[order.findIndex((o) => o.i === lan)]!;
      if (s.version !== 4) throw new Error('expected IPv4');
      return `${letter(lan)} ${s.cidr} ${s.netmask} ${s.firstHost}-${s.lastHost}`;
    });
    const needs = hosts.map((h, i) => `${letter(i)}=${h}`).join(', ');
    const needsZh = hosts.map((h, i) => `${letter(i)}=${h}`).join('、');
    return body({
      prompt: text(`VLSM: split ${parent} for LANs needing ${needs} hosts. Largest need first (equal needs in name order), each gets the smallest block that fits, allocated from the lowest address up. Fill in the plan, one row per LAN in name order, rows separated by ";": LAN, network/prefix, mask, first host-last host (e.g. "A 10.0.0.0/26 255.255.255.192 10.0.0.1-10.0.0.62; B ...").`,
        `VLSM：把 ${parent} 划分给需要 ${needsZh} 台主机的几个局域网。需求大的先分（需求相同按名称顺序），每个分到能容纳它的最小块，从最低地址开始依次分配。按名称顺序填写分配表，每个局域网一行，行与行之间用 ";" 分隔：局域网、网络地址/前缀、子网掩码、第一个主机-最后一个主机（例如 "A 10.0.0.0/26 255.255.255.192 10.0.0.1-10.0.0.62; B ..."）。`),
      answer: rows.join('; '),
      check: { kind: 'table', columns: ['cidr', 'mask', 'ipv4', 'ipv4'] },
      explanation: plan.explanation,
      working: plan.working,
      params: { parent, hosts },
    });
  },
};

export const binaryOctet: Generator = {
  name: 'binary.octet',
  topic: 'subnet',
  params: { direction: options(['to-binary', 'to-decimal']) },
  make(rng, p) {
    const value = rng.pick([0, 128, 192, 224, 240, 248, 252, 254, 255, rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)]);
    const n = notationIPv4(value);
    const bits = n.binary.split('.')[3]!;
    const ladder = [128, 64, 32, 16, 8, 4, 2, 1].map((w, i) => `${bits[i]}x${w}`).join(' + ');
    const working = text(`${ladder} = ${value}`, `${ladder} = ${value}`);
    const why = text('Each bit of an octet is worth 128, 64, 32, 16, 8, 4, 2, 1 from left to right; add the weights of the 1 bits.',
      '一个字节的 8 位从左到右分别代表 128、64、32、16、8、4、2、1；把为 1 的位的权值相加。');
    if (p.option('direction') === 'to-binary') {
      return body({
        prompt: text(`Write ${value} as an 8-bit binary number.`, `把 ${value} 写成 8 位二进制数。`),
        answer: bits, check: { kind: 'binary' }, explanation: why, working, params: { value, direction: 'to-binary' },
      });
    }
    return body({
      prompt: text(`What is ${bits} (binary) in decimal?`, `二进制 ${bits} 的十进制值是多少？`),
      answer: String(value), check: { kind: 'integer' }, explanation: why, working, params: { value, direction: 'to-decimal' },
    });
  },
};

export const binaryAddress: Generator = {
  name: 'binary.address',
  topic: 'subnet',
  params: { direction: options(['to-binary', 'to-decimal']) },
  make(rng, p) {
    const address = pickIPv4(rng);
    const n = notationIPv4(Number(parseCidr(address).address));
    const working = text(n.octets.map((o, i) => `${o} = ${n.binary.split('.')[i]}`).join('\n'), n.octets.map((o, i) => `${o} = ${n.binary.split('.')[i]}`).join('\n'));
    const why = text('Convert each octet on its own: an IPv4 address is four 8-bit numbers written in decimal and joined by dots.',
      '逐个字节转换：IPv4 地址就是四个 8 位数，用十进制写出来再用点连接。');
    if (p.option('direction') === 'to-binary') {
      return body({
        prompt: text(`Write ${address} in dotted binary (32 bits).`, `把 ${address} 写成点分二进制（32 位）。`),
        answer: n.binary, check: { kind: 'binary' }, explanation: why, working, params: { address, direction: 'to-binary' },
      });
    }
    return body({
      prompt: text(`Which IPv4 address is ${n.binary}?`, `${n.binary} 是哪个 IPv4 地址？`),
      answer: n.address, check: { kind: 'ipv4' }, explanation: why, working, params: { address, direction: 'to-decimal' },
    });
  },
};

export const SUBNET_GENERATORS: readonly Generator[] = [
  subnetNetwork, subnetBroadcast, subnetFirstHost, subnetLastHost, subnetHostCount, subnetMaskToPrefix,
  subnetPrefixToMask, subnetWildcard, subnetCount, subnetPrefixForHosts, subnetVlsm, subnetVlsmTable, binaryOctet, binaryAddress,
];
