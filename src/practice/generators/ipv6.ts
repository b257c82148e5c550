/** IPv6 notation questions: RFC 5952 compression, full expansion, embedded IPv4, the network of a prefix. */
import { classify } from '../../addr/classify.js';
import { notationIPv6 } from '../../addr/notation.js';
import { formatIPv4, isMixedNotation, parseAddress, parseCidr } from '../../addr/parse.js';
import { subnet } from '../../addr/subnet.js';
import { body, options, type Generator } from '../generator.js';
import { text } from '../question.js';
import type { Rng } from '../rng.js';
import { pickIPv4 } from './pick-address.js';

/** Eight groups with runs of zeros of different lengths (ties included) and small values with leading zeros. */
function pickGroups(rng: Rng): number[] {
  const groups = Array.from({ length: 8 }, () => rng.pick([0, 0, 0, rng.int(1, 0xf), rng.int(1, 0xff), rng.int(0x100, 0xfff), rng.int(0x1000, 0xffff)]));
  if (rng.bool()) groups[0] = rng.pick([0x2001, 0xfe80, 0xfd12, 0x2400]);
  if (rng.bool()) groups[1] = 0xdb8;
  // Compression and expansion drill RFC 5952 section 4; an IPv4-mapped or 64:ff9b::/96 draw (rare) would
  // print in section 5's mixed form, so move it out of those blocks without drawing again (same seed, same
  // questions as before for every other draw).
  if (isMixedNotation(valueOf(groups))) groups[0] = 0x2001;
  return groups;
}

function valueOf(groups: readonly number[]): bigint {
  return groups.reduce((v, g) => (v << 16n) | BigInt(g), 0n);
}

/** How the address would be written by someone who knows only the 8x4 form, with upper case now and then. */
function written(rng: Rng, groups: readonly number[]): string {
  const upper = rng.int(0, 3) === 0;
  const s = groups.map((g) => g.toString(16).padStart(rng.bool() ? 4 : 1, '0')).join(':');
  return upper ? s.toUpperCase() : s;
}

export const ipv6Compress: Generator = {
  name: 'ipv6.compress',
  topic: 'ipv6',
  params: {},
  make(rng) {
    const groups = pickGroups(rng);
    const shown = written(rng, groups);
    const n = notationIPv6(valueOf(groups));
    const noLeading = groups.map((g) => g.toString(16)).join(':');
    return body({
      prompt: text(`Write ${shown} in its RFC 5952 recommended (canonical) text form.`, `把 ${shown} 写成 RFC 5952 推荐的规范文本形式。`),
      answer: n.address,
      check: { kind: 'ipv6', form: 'rfc5952' },
      explanation: text('RFC 5952 section 4: lower-case hex, no leading zeros in a group, "::" replaces the longest run of two or more all-zero groups (the first one when two runs tie), and a single zero group is written 0, never "::".',
        'RFC 5952 第 4 节：十六进制小写；每组去掉前导零；用 "::" 代替最长的一段（至少两个）连续全零组（长度相同时取第一段）；单独一个全零组写成 0，不能用 "::"。'),
      working: text(`full:            ${n.expanded}\nno leading zeros: ${noLeading}\ncanonical:       ${n.address}`,
        `完整形式：   ${n.expanded}\n去掉前导零： ${noLeading}\n规范形式：   ${n.address}`),
      params: { address: n.expanded },
    });
  },
};

export const ipv6Expand: Generator = {
  name: 'ipv6.expand',
  topic: 'ipv6',
  params: {},
  make(rng) {
    const n = notationIPv6(valueOf(pickGroups(rng)));
    const missing = 8 - n.address.split(':').filter((g) => g !== '').length;
    return body({
      prompt: text(`Write ${n.address} in full: eight groups of four hex digits.`, `把 ${n.address} 写成完整形式：8 组，每组 4 位十六进制。`),
      answer: n.expanded,
      check: { kind: 'ipv6', form: 'expanded' },
      explanation: text('"::" stands for as many all-zero groups as are missing from eight; then pad every group to four digits.',
        '"::" 代表补足 8 组所缺的全零组；再把每组补足到 4 位。'),
      working: text(n.address.includes('::') ? `${n.address}: ${8 - missing} groups written, "::" stands for ${missing} zero group${missing === 1 ? '' : 's'} -> ${n.expanded}` : `no "::": pad each group -> ${n.expanded}`,
        n.address.includes('::') ? `${n.address}：写出了 ${8 - missing} 组，"::" 代表 ${missing} 个全零组 -> ${n.expanded}` : `没有 "::"：每组补足 4 位 -> ${n.expanded}`),
      params: { address: n.address },
    });
  },
};

export const ipv6Embedded: Generator = {
  name: 'ipv6.embedded-ipv4',
  topic: 'ipv6',
  params: { kind: options(['ipv4-mapped', 'nat64', '6to4']) },
  make(rng, p) {
    const v4 = pickIPv4(rng);
    const x = Number(parseAddress(v4).value);
    const hi = (x >>> 16).toString(16);
    const lo = (x & 0xffff).toString(16);
    const kind = p.option('kind');
    const address = kind === 'ipv4-mapped' ? `::ffff:${hi}:${lo}`
      : kind === 'nat64' ? `64:ff9b::${hi}:${lo}`
      : `2002:${hi}:${lo}:${rng.int(0, 0xffff).toString(16)}::${rng.int(1, 0xffff).toString(16)}`;
    const c = classify(address);
    const where = kind === '6to4'
      ? text('6to4 (RFC 3056, 2002::/16) puts the IPv4 address in bits 16-47: the two groups after 2002.', '6to4（RFC 3056,2002::/16）把 IPv4 地址放在第 16-47 位：紧跟 2002 的两组。')
      : text(`${kind === 'nat64' ? 'NAT64 (RFC 6052, 64:ff9b::/96)' : 'An IPv4-mapped address (RFC 4291, ::ffff:0:0/96)'} carries the IPv4 address in its last 32 bits: the last two groups.`,
        `${kind === 'nat64' ? 'NAT64（RFC 6052，64:ff9b::/96）' : 'IPv4 映射地址（RFC 4291,::ffff:0:0/96）'}把 IPv4 地址放在最后 32 位：最后两组。`);
    const pair = `${hi.padStart(4, '0')}:${lo.padStart(4, '0')}`;
    const octets = `${pair.slice(0, 2)} ${pair.slice(2, 4)} ${pair.slice(5, 7)} ${pair.slice(7, 9)} = ${c.embeddedIPv4}`;
    return body({
      prompt: text(`Which IPv4 address is embedded in ${address}?`, `${address} 中嵌入的 IPv4 地址是什么？`),
      answer: c.embeddedIPv4 ?? formatIPv4(x),
      check: { kind: 'ipv4' },
      explanation: where,
      working: text(`${pair}: hex bytes ${octets}`, `${pair}：十六进制字节 ${octets}`),
      params: { address, kind },
    });
  },
};

export const ipv6Network: Generator = {
  name: 'ipv6.network',
  topic: 'ipv6',
  params: { prefix: options(['32', '48', '56', '60', '64'], ['48', '56', '60', '64', '64']) },
  make(rng, p) {
    const groups = pickGroups(rng).map((g) => (g === 0 ? rng.int(1, 0xffff) : g));
    groups[0] = 0x2001; groups[1] = 0xdb8;
    const address = notationIPv6(valueOf(groups)).address;
    const prefix = Number(p.option('prefix'));
    const s = subnet(parseCidr(`${address}/${prefix}`));
    const full = notationIPv6(valueOf(groups)).expanded.replace(/:/g, '');
    const keep = prefix / 4;
    return body({
      prompt: text(`What is the network (prefix) of ${address}/${prefix}?`, `${address}/${prefix} 的网络前缀（网络地址）是什么？`),
      answer: s.network,
      accepts: [`${s.network}/${prefix}`],
      check: { kind: 'ipv6', form: 'any' },
      explanation: text('Keep the first prefix-many bits and zero the rest; with a prefix that is a multiple of 4, that is whole hex digits.',
        '保留前缀长度那么多位，其余清零；前缀是 4 的倍数时，就是保留整数个十六进制位。'),
      working: text(`/${prefix} keeps ${keep} of 32 hex digits: ${full.slice(0, keep)}|${full.slice(keep)} -> ${s.network}`,
        `/${prefix} 保留 32 个十六进制位中的前 ${keep} 位：${full.slice(0, keep)}|${full.slice(keep)} -> ${s.network}`),
      params: { address, prefix },
    });
  },
};

export const IPV6_GENERATORS: readonly Generator[] = [ipv6Compress, ipv6Expand, ipv6Embedded, ipv6Network];
