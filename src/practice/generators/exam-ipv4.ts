/**
 * The IPv4 question kinds written exams ask most (software qualification exam, the unified
 * postgraduate CS exam, CCNA): which address is a valid host of a subnet (one, or "choose two"), which
 * subnet contains an address, classful A/B/C with default masks and borrowed bits, the mask for N
 * subnets or N hosts, and "split this /22 into 5". Answers come from src/addr (subnet, addressClass).
 */
import { formatIPv4, parseCidr } from '../../addr/parse.js';
import { addressClass, subnet, type SubnetIPv4 } from '../../addr/subnet.js';
import { body, options, range, type Generator } from '../generator.js';
import { text, type Text } from '../question.js';
import type { Rng } from '../rng.js';
import { andRows, blockRows, dotted, hostRows, joinText } from '../working.js';
import { pickIPv4 } from './pick-address.js';

/** The IPv4 subnet of an address (number or dotted) under a prefix length. */
export function subnet4(address: number | string, prefix: number): SubnetIPv4 {
  const a = typeof address === 'number' ? formatIPv4(address) : address;
  const s = subnet(parseCidr(`${a}/${prefix}`));
  if (s.version !== 4) throw new Error('expected IPv4');
  return s;
}

export const u32 = (a: string): number => Number(parseCidr(a).address);

/** `10.1.8.0/21` or `10.1.8.0 255.255.248.0`. */
function written(network: string, prefix: number, form: string): string {
  return form === 'dotted' ? `${network} ${dotted(prefix)}` : `${network}/${prefix}`;
}

const plain = (s: string): Text => text(s, s);

/** Distinct host offsets in [1, size - 2]. */
function hostOffsets(rng: Rng, size: number, n: number): number[] {
  const out = new Set<number>();
  while (out.size < n) out.add(rng.int(1, size - 2));
  return [...out];
}

export const subnetValidHost: Generator = {
  name: 'subnet.valid-host',
  topic: 'subnet',
  params: { prefix: range(8, 30, [20, 30]), form: options(['prefix', 'dotted']), pick: options(['one', 'two'], ['one', 'one', 'two']) },
  make(rng, p) {
    const two = p.option('pick') === 'two';
    // "Choose two" needs two hosts: a /30 has exactly two, so it still works.
    const prefix = p.int('prefix');
    const s = subnet4(pickIPv4(rng), prefix);
    const net = u32(s.network);
    const bcast = u32(s.broadcast!);
    const size = s.addressCount;
    const hosts = hostOffsets(rng, size, two ? 2 : 1).map((o) => formatIPv4(net + o));
    // Wrong ones: the network address, the broadcast address, and a host of the neighbouring subnet.
    const outside = bcast + 2 <= 0xffffffff ? formatIPv4(bcast + 2) : formatIPv4(net - 2);
    const wrong = [s.network, s.broadcast!, outside];
    const choices = rng.shuffle([...hosts, ...wrong]).map(plain);
    const w = written(s.network, prefix, p.option('form'));
    const answer = two
      ? text(choices.filter((c) => hosts.includes(c.en)).map((c) => c.en).join('; '), choices.filter((c) => hosts.includes(c.en)).map((c) => c.en).join('；'))
      : plain(hosts[0]!);
    const numbers = choices.map((c, i) => (hosts.includes(c.en) ? i + 1 : 0)).filter((n) => n > 0).join(', ');
    return body({
      prompt: two
        ? text(`Which two of these are valid host addresses in the subnet ${w}? (choose two)`, `下列地址中，哪两个是子网 ${w} 中的有效主机地址？（选两项）`)
        : text(`Which of these is a valid host address in the subnet ${w}?`, `下列地址中，哪一个是子网 ${w} 中的有效主机地址？`),
      choices,
      answer,
      accepts: two ? [numbers] : [],
      check: two ? { kind: 'choice', pick: 2 } : { kind: 'choice' },
      explanation: text('A valid host lies strictly between the network address (host bits all 0) and the broadcast address (host bits all 1) of its own subnet; an address of the next block belongs to another subnet.',
        '有效主机地址必须落在本子网的网络地址（主机位全 0）和广播地址（主机位全 1）之间，且不能等于这两个地址；下一个地址块中的地址属于另一个子网。'),
      working: joinText(blockRows(subnet4(hosts[0]!, prefix)), hostRows(s)),
      params: { network: s.network, prefix, hosts, wrong },
    });
  },
};

export const subnetContains: Generator = {
  name: 'subnet.contains',
  topic: 'subnet',
  params: { prefix: range(8, 30, [17, 29]) },
  make(rng, p) {
    const prefix = p.int('prefix');
    const address = pickIPv4(rng);
    const s = subnet4(address, prefix);
    const size = s.addressCount;
    const net = u32(s.network);
    // Four neighbouring blocks in address order, as exams print them; where the right one sits is drawn.
    let first = net - rng.int(0, 3) * size;
    if (first < 0) first = net;
    if (first + 4 * size > 2 ** 32) first = 2 ** 32 - 4 * size;
    const choices = [0, 1, 2, 3].map((i) => plain(`${formatIPv4(first + i * size)}/${prefix}`));
    return body({
      prompt: text(`Which of these subnets contains the address ${address}?`, `地址 ${address} 属于下列哪个子网？`),
      choices,
      answer: plain(s.cidr),
      check: { kind: 'choice' },
      explanation: text('AND the address with the mask: the result is the network address of the one subnet that contains it.',
        '把地址与掩码按位与，结果就是包含该地址的那个子网的网络地址。'),
      working: joinText(andRows(s), blockRows(s)),
      params: { address, prefix },
    });
  },
};

const DEFAULT_PREFIX: Readonly<Record<string, number>> = { A: 8, B: 16, C: 24 };
const CLASS_CHOICES: readonly Text[] = ['A', 'B', 'C', 'D', 'E'].map((c) => text(`class ${c}`, `${c} 类`));

/** First octet ranges by class (RFC 791 3.2, RFC 1112 for D). */
function pickClassful(rng: Rng, classes: readonly string[]): number {
  const c = rng.pick(classes);
  const first = c === 'A' ? rng.int(1, 126) : c === 'B' ? rng.int(128, 191) : c === 'C' ? rng.int(192, 223) : c === 'D' ? rng.int(224, 239) : rng.int(240, 254);
  return ((first << 24) >>> 0) + rng.int(0, 0xffffff);
}

export const subnetClassful: Generator = {
  name: 'subnet.classful',
  topic: 'subnet',
  params: { ask: options(['class', 'default-mask', 'borrowed', 'subnets']) },
  make(rng, p) {
    const ask = p.option('ask');
    const value = pickClassful(rng, ask === 'class' ? ['A', 'B', 'C', 'A', 'B', 'C', 'D', 'E'] : ['A', 'B', 'C']);
    const address = formatIPv4(value);
    const cls = addressClass(value);
    const first = value >>> 24;
    const bits = first.toString(2).padStart(8, '0');
    const classWhy = text('Classful addressing (RFC 791) reads the leading bits of the first octet: 0 = A (1-126, mask 255.0.0.0), 10 = B (128-191, 255.255.0.0), 110 = C (192-223, 255.255.255.0), 1110 = D (224-239, multicast), 1111 = E (240-255, reserved). 127 is loopback.',
      '分类编址（RFC 791）看第一个字节的前几位：0 开头为 A 类（1～126，默认掩码 255.0.0.0），10 为 B 类（128～191，255.255.0.0），110 为 C 类（192～223，255.255.255.0），1110 为 D 类（224～239，组播），1111 为 E 类（240～255，保留）。127 用作环回。');
    const classWork = text(`first octet ${first} = ${bits}: class ${cls}${DEFAULT_PREFIX[cls] ? `, default mask /${DEFAULT_PREFIX[cls]} = ${dotted(DEFAULT_PREFIX[cls])}` : ''}`,
      `第一个字节 ${first} = ${bits}：${cls} 类${DEFAULT_PREFIX[cls] ? `，默认掩码 /${DEFAULT_PREFIX[cls]} = ${dotted(DEFAULT_PREFIX[cls])}` : ''}`);
    if (ask === 'class') {
      return body({
        prompt: text(`In classful addressing, which class is ${address}?`, `按分类编址，${address} 是哪一类地址？`),
        choices: CLASS_CHOICES, answer: CLASS_CHOICES['ABCDE'.indexOf(cls)]!, check: { kind: 'choice' },
        explanation: classWhy, working: classWork, params: { address, ask },
      });
    }
    const def = DEFAULT_PREFIX[cls]!;
    if (ask === 'default-mask') {
      return body({
        prompt: text(`What is the default (classful) subnet mask of ${address}?`, `${address} 的默认子网掩码（按分类编址）是什么？`),
        answer: dotted(def), accepts: [`/${def}`], check: { kind: 'mask', forms: ['dotted', 'prefix'] },
        explanation: classWhy, working: classWork, params: { address, ask },
      });
    }
    const prefix = rng.int(def + 1, Math.min(30, def + 14));
    const network = subnet4(value, def).network;
    const borrowed = prefix - def;
    const setting = text(`The class ${cls} network ${network} is subnetted with the mask ${dotted(prefix)}.`,
      `${cls} 类网络 ${network} 用子网掩码 ${dotted(prefix)} 划分子网。`);
    const work = text(`class ${cls}: default /${def}; ${dotted(prefix)} = /${prefix}; borrowed ${prefix} - ${def} = ${borrowed} bit${borrowed === 1 ? '' : 's'}; 2^${borrowed} = ${2 ** borrowed} subnets of ${2 ** (32 - prefix) - 2} hosts each.`,
      `${cls} 类：默认 /${def}；${dotted(prefix)} = /${prefix}；借用 ${prefix} - ${def} = ${borrowed} 位；2^${borrowed} = ${2 ** borrowed} 个子网，每个子网 ${2 ** (32 - prefix) - 2} 台主机。`);
    if (ask === 'borrowed') {
      return body({
        prompt: text(`${setting.en} How many bits were borrowed from the host part?`, `${setting.zh}从主机部分借用了多少位？`),
        answer: String(borrowed), check: { kind: 'integer' },
        explanation: text('Borrowed bits = subnet prefix - the class\'s default prefix (8 for A, 16 for B, 24 for C).', '借用的位数 = 子网前缀长度 - 该类默认前缀长度（A 类 8，B 类 16，C 类 24）。'),
        working: work, params: { network, prefix, ask },
      });
    }
    return body({
      prompt: text(`${setting.en} How many subnets does that give (subnet zero and the all-ones subnet count, RFC 1878)?`,
        `${setting.zh}能划分出多少个子网（全 0 子网和全 1 子网都可用，RFC 1878）？`),
      answer: String(2 ** borrowed), check: { kind: 'integer' },
      explanation: text('Each borrowed bit doubles the subnets: 2^(borrowed bits). Old texts (RFC 950) subtracted 2 for the all-zeros and all-ones subnets; RFC 1878 and every current router count them.',
        '每借 1 位子网数翻一倍：2^借用位数。早期教材（RFC 950）要减去全 0 和全 1 两个子网；RFC 1878 以及现在的路由器都把它们算在内。'),
      working: work, params: { network, prefix, ask },
    });
  },
};

/** Smallest k with 2^k >= n. */
function bitsFor(n: number): number {
  let k = 0;
  while (2 ** k < n) k++;
  return k;
}

export const subnetMaskFor: Generator = {
  name: 'subnet.mask-for',
  topic: 'subnet',
  params: { ask: options(['subnets', 'hosts', 'split-nth']), parent: range(8, 26, [16, 24]) },
  make(rng, p) {
    const ask = p.option('ask');
    const parentPrefix = p.int('parent');
    const parent = subnet4(pickIPv4(rng), parentPrefix);
    const room = 30 - parentPrefix; // bits that can be borrowed and still leave two host bits
    if (ask === 'hosts') {
      const hostBits = rng.int(2, Math.min(room + 1, 16));
      const hosts = rng.int(2 ** (hostBits - 1) - 1, 2 ** hostBits - 2);
      const prefix = 32 - bitsFor(hosts + 2);
      return body({
        prompt: text(`${parent.cidr} is to be cut into equal subnets, each with at least ${hosts} hosts, and as many subnets as possible. Which mask?`,
          `把 ${parent.cidr} 划分成大小相同的子网，每个子网至少容纳 ${hosts} 台主机，并且子网尽可能多。子网掩码应是多少？`),
        answer: dotted(prefix), accepts: [`/${prefix}`], check: { kind: 'mask', forms: ['dotted', 'prefix'] },
        explanation: text('Hosts + 2 (network and broadcast) rounded up to a power of two gives the host bits; the rest of the 32 bits is the prefix.',
          '主机数 + 2（网络地址和广播地址）向上取到 2 的幂，其指数就是主机位数，32 减去它就是前缀长度。'),
        working: text(`${hosts} + 2 = ${hosts + 2} <= 2^${32 - prefix} = ${2 ** (32 - prefix)}: ${32 - prefix} host bits, /${prefix} = ${dotted(prefix)}; ${2 ** (prefix - parentPrefix)} subnets.`,
          `${hosts} + 2 = ${hosts + 2} <= 2^${32 - prefix} = ${2 ** (32 - prefix)}：主机位 ${32 - prefix} 位，/${prefix} = ${dotted(prefix)}；共 ${2 ** (prefix - parentPrefix)} 个子网。`),
        params: { parent: parent.cidr, hosts, ask },
      });
    }
    // Exams ask for a handful of subnets ("split this /22 into 5"), not hundreds.
    const need = rng.int(2, 2 ** Math.min(room, ask === 'subnets' ? 6 : 4));
    const k = bitsFor(need);
    const prefix = parentPrefix + k;
    const size = 2 ** (32 - prefix);
    const blocks = text(`${need} subnets need ${k} borrowed bit${k === 1 ? '' : 's'} (2^${k} = ${2 ** k} >= ${need}): /${parentPrefix} + ${k} = /${prefix} = ${dotted(prefix)}, blocks of ${size} addresses.`,
      `${need} 个子网需要借 ${k} 位（2^${k} = ${2 ** k} >= ${need}）：/${parentPrefix} + ${k} = /${prefix} = ${dotted(prefix)}，每块 ${size} 个地址。`);
    const why = text('Borrow the fewest host bits whose power of two reaches the number of subnets; fewer borrowed bits leave the most hosts per subnet.',
      '借用的位数取能使 2 的幂不小于所需子网数的最小值；借得越少，每个子网的主机越多。');
    if (ask === 'subnets') {
      return body({
        prompt: text(`${parent.cidr} must be divided into at least ${need} equal subnets with as many hosts each as possible. Which mask?`,
          `要把 ${parent.cidr} 至少划分成 ${need} 个大小相同的子网，并让每个子网的主机尽可能多。子网掩码应是多少？`),
        answer: dotted(prefix), accepts: [`/${prefix}`], check: { kind: 'mask', forms: ['dotted', 'prefix'] },
        explanation: why, working: blocks, params: { parent: parent.cidr, need, ask },
      });
    }
    const nth = rng.int(1, need);
    const network = formatIPv4(u32(parent.network) + (nth - 1) * size);
    return body({
      prompt: text(`Split ${parent.cidr} into ${need} equal subnets, as large as possible, numbered from the lowest address (the first is number 1). What is subnet number ${nth}? (CIDR)`,
        `把 ${parent.cidr} 划分成 ${need} 个尽可能大的等长子网，从最低地址起编号（第一个为 1 号）。${nth} 号子网是什么？（写 CIDR）`),
      answer: `${network}/${prefix}`, check: { kind: 'cidr' }, explanation: why,
      working: text(`${blocks.en}\nsubnet ${nth} = ${parent.network} + ${nth - 1} x ${size} = ${network}/${prefix}`,
        `${blocks.zh}\n${nth} 号子网 = ${parent.network} + ${nth - 1} x ${size} = ${network}/${prefix}`),
      params: { parent: parent.cidr, need, nth, ask },
    });
  },
};

export const EXAM_IPV4_GENERATORS: readonly Generator[] = [subnetValidHost, subnetContains, subnetClassful, subnetMaskFor];
