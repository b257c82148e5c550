/**
 * The working shown with a verdict, built from what src/addr computed: the binary AND row by row,
 * the block size in the octet where the mask ends, the host arithmetic.
 */
import { formatIPv4, maskFromPrefix } from '../addr/parse.js';
import type { SubnetIPv4 } from '../addr/subnet.js';
import type { Text } from './question.js';

function pad(s: string, n: number): string {
  return s.length >= n ? s + ' ' : s + ' '.repeat(n - s.length);
}

/** address AND mask = network, in dotted binary, with the boundary marked by `|`. */
export function andRows(s: SubnetIPv4): Text {
  const mark = (bits: string): string => {
    const flat = bits.replace(/\./g, '');
    let out = '';
    for (let i = 0; i < 32; i++) {
      if (i > 0 && i % 8 === 0) out += '.';
      if (i === s.prefix && s.prefix > 0) out += '|';
      out += flat[i];
    }
    return out;
  };
  const rows = [
    `${pad(s.address, 16)}${mark(s.binary.address)}`,
    `${pad(s.netmask, 16)}${mark(s.binary.netmask)}  (/${s.prefix})`,
    `${pad('AND', 16)}${mark(s.binary.network)}  = ${s.network}`,
  ].join('\n');
  return { en: rows, zh: rows.replace('AND', '按位与') };
}

/** Where the mask ends and how big the blocks are there. */
export function blockRows(s: SubnetIPv4): Text {
  const p = s.prefix;
  if (p % 8 === 0) {
    const keep = p / 8;
    return {
      en: `/${p} ends on an octet boundary: keep the first ${keep} octet${keep === 1 ? '' : 's'}, zero the rest.`,
      zh: `/${p} 正好落在字节边界：保留前 ${keep} 个字节，其余清零。`,
    };
  }
  const octet = Math.floor(p / 8); // 0-based index of the octet where the mask ends
  const maskOctet = (maskFromPrefix(p) >>> (24 - 8 * octet)) & 255;
  const block = 256 - maskOctet;
  const value = Number(s.address.split('.')[octet]);
  const start = Math.floor(value / block) * block;
  const ordinal = ['1st', '2nd', '3rd', '4th'][octet]!;
  const starts = [0, block, 2 * block, 3 * block].filter((x) => x < 256).join(', ');
  return {
    en: `Block size in the ${ordinal} octet: 256 - ${maskOctet} = ${block}; networks start at ${starts}, ...; ${value} lies in ${start}-${start + block - 1}.`,
    zh: `第 ${octet + 1} 个字节的块大小：256 - ${maskOctet} = ${block}；网络号从 ${starts} ... 开始；${value} 落在 ${start}-${start + block - 1}。`,
  };
}

export function hostRows(s: SubnetIPv4): Text {
  const hostBits = 32 - s.prefix;
  if (s.prefix >= 31) {
    return {
      en: `/${s.prefix}: ${s.addressCount} address${s.addressCount === 1 ? '' : 'es'}; ${s.prefix === 31 ? 'RFC 3021 makes both of them hosts (a point-to-point link, no broadcast)' : 'a single host route'}.`,
      zh: `/${s.prefix}：共 ${s.addressCount} 个地址；${s.prefix === 31 ? 'RFC 3021 规定两个都是主机地址（点对点链路，没有广播地址）' : '只有一个主机'}。`,
    };
  }
  return {
    en: `${hostBits} host bits: 2^${hostBits} = ${s.addressCount} addresses, minus network and broadcast = ${s.hostCount} hosts (${s.firstHost} - ${s.lastHost}, broadcast ${s.broadcast}).`,
    zh: `主机位 ${hostBits} 位：2^${hostBits} = ${s.addressCount} 个地址，去掉网络地址和广播地址，可用主机 ${s.hostCount} 个（${s.firstHost} - ${s.lastHost}，广播 ${s.broadcast}）。`,
  };
}

export function joinText(...parts: Text[]): Text {
  return {
    en: parts.map((p) => p.en).filter((x) => x !== '').join('\n'),
    zh: parts.map((p) => p.zh).filter((x) => x !== '').join('\n'),
  };
}

export function dotted(prefix: number): string {
  return formatIPv4(maskFromPrefix(prefix));
}
