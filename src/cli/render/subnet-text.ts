/**
 * Text view of `netkata subnet`: the address, mask and network in binary with the network/host boundary
 * marked, the AND written out as a textbook does (address row, mask row, rule, result row), then the
 * same AND octet by octet, then the answers.
 */
import { expandIPv6, prefixMask } from '../../addr/parse.js';
import type { SubnetInfo, SubnetIPv4, SubnetIPv6 } from '../../addr/subnet.js';
import type { Messages } from '../../i18n/en/index.js';
import { subnet as EN } from '../../i18n/en/subnet.js';
import { displayWidth, padEndCells } from '../../text-width.js';
import { paint, type Painter } from './paint.js';

type Text = Messages['subnet'];

/** A label column as wide as its widest label plus one space (at least `min`), measured in terminal cells. */
function labeller(labels: readonly string[], min: number): (s: string) => string {
  const w = Math.max(min, ...labels.map((l) => displayWidth(l) + 1));
  return (s) => padEndCells(s, w);
}

/**
 * Insert `|` after the `units`-th digit of a string of digits with separators ('.' or ':'): bits of a
 * dotted binary address, or hex digits (nibbles) of an expanded IPv6 address. The network part and the
 * host part are coloured differently when colour is on.
 */
export function markBoundary(digits: string, units: number, p: Painter): string {
  if (units === 0) return `|${p.host(digits)}`;
  let seen = 0;
  let k = 0;
  for (; k < digits.length; k++) {
    const c = digits[k];
    if (c !== '.' && c !== ':') {
      seen++;
      if (seen === units) { k++; break; }
    }
  }
  // Keep a separator that follows the boundary on the network side (11000000.|01010111).
  if (k < digits.length && (digits[k] === '.' || digits[k] === ':')) k++;
  const net = digits.slice(0, k);
  const host = digits.slice(k);
  return host === '' ? `${p.net(net)}|` : `${p.net(net)}|${p.host(host)}`;
}

function renderV4(s: SubnetIPv4, p: Painter, t: Text): string {
  const out: string[] = [];
  const label = labeller([t.address, t.netmask, t.and, t.network, t.broadcast, t.hosts, t.note], 10);
  const num = (x: string): string => x.padEnd(17);
  out.push(`${p.bold(`${s.address}/${s.prefix}`)}  ${t.heading({ cls: s.class, ranges: s.ranges })}`);
  out.push('');
  out.push(`  ${label('')}${num('')}${boundaryHeader(markBoundary(s.binary.netmask, s.prefix, paint(false)).indexOf('|'), t)}`);
  out.push(`  ${label(t.address)}${num(s.address)}${markBoundary(s.binary.address, s.prefix, p)}`);
  out.push(`  ${label(t.netmask)}${num(s.netmask)}${markBoundary(s.binary.netmask, s.prefix, p)}`);
  out.push(`  ${label(t.and)}${num('')}${'-'.repeat(36)}`);
  out.push(`  ${label(t.network)}${num(s.network)}${markBoundary(s.binary.network, s.prefix, p)}`);
  out.push('');
  out.push(`  ${t.byOctet}`);
  const a = s.address.split('.');
  const m = s.netmask.split('.');
  const n = s.network.split('.');
  const ab = s.binary.address.split('.');
  const mb = s.binary.netmask.split('.');
  const nb = s.binary.network.split('.');
  for (let k = 0; k < 4; k++) {
    out.push(
      `    ${t.octet(k + 1)}  ${a[k]!.padStart(3)} = ${ab[k]}  AND  ${m[k]!.padStart(3)} = ${mb[k]}  ->  ${nb[k]} = ${n[k]}`,
    );
  }
  out.push('');
  out.push(`  ${label(t.network)}${s.cidr}`);
  out.push(`  ${label(t.netmask)}${t.maskLine({ mask: s.netmask, prefix: s.prefix, wildcard: s.wildcard })}`);
  out.push(`  ${label(t.broadcast)}${s.broadcast ?? t.none}`);
  out.push(`  ${label(t.hosts)}${t.hostsLine({ first: s.firstHost, last: s.lastHost, usable: String(s.hostCount), total: String(s.addressCount) })}`);
  out.push(`  ${label(t.note)}${s.prefix === 31 ? t.note31 : s.prefix === 32 ? t.note32 : t.noteNet}`);
  return out.join('\n');
}

/** `network | host` with its bar over the boundary mark at column `bar`. */
function boundaryHeader(bar: number, t: Text): string {
  const before = displayWidth(`${t.netBits} `);
  return bar >= before ? `${' '.repeat(bar - before)}${t.netBits} | ${t.hostBits}` : `${' '.repeat(bar)}| ${t.hostBitsOnly}`;
}

function renderV6(s: SubnetIPv6, p: Painter, t: Text): string {
  const out: string[] = [];
  const label = labeller([t.address, t.mask, t.and, t.network, t.first, t.last, t.addresses], 10);
  out.push(`${p.bold(`${s.address}${s.zone === undefined ? '' : `%${s.zone}`}/${s.prefix}`)}${s.ranges.length > 0 ? `  ${t.ranges(s.ranges)}` : ''}`);
  out.push('');
  // The numbers behind the rows: `expanded` is the address in full (eight groups of four digits).
  const address = BigInt(`0x${s.expanded.replaceAll(':', '')}`);
  const mask = prefixMask(6, s.prefix);
  const network = address & mask;
  const maskHex = expandIPv6(mask);
  const netHex = expandIPv6(network);
  // One hex digit is four bits: the mark sits on the last nibble boundary at or before the prefix,
  // and the group holding the exact boundary is shown in binary below when it falls inside one.
  const nibble = Math.floor(s.prefix / 4);
  const mark = (hex: string): string => markBoundary(hex, nibble, p);
  out.push(`  ${label('')}${boundaryHeader(markBoundary(maskHex, nibble, paint(false)).indexOf('|'), t)}`);
  out.push(`  ${label(t.address)}${mark(s.expanded)}`);
  out.push(`  ${label(t.mask)}${mark(maskHex)}`);
  out.push(`  ${label(t.and)}${'-'.repeat(39)}`);
  out.push(`  ${label(t.network)}${mark(netHex)}`);
  if (s.prefix % 16 !== 0) {
    const g = Math.floor(s.prefix / 16);
    const shift = BigInt(112 - 16 * g);
    const bin = (value: bigint): string => Number((value >> shift) & 0xffffn).toString(2).padStart(16, '0');
    const within = s.prefix % 16;
    out.push('');
    out.push(`  ${t.groupBinary(g + 1)}`);
    const inner = labeller([t.address, t.mask, t.network], 9);
    out.push(`    ${inner(t.address)}${markBoundary(bin(address), within, p)}`);
    out.push(`    ${inner(t.mask)}${markBoundary(bin(mask), within, p)}`);
    out.push(`    ${inner(t.network)}${markBoundary(bin(network), within, p)}`);
  }
  out.push('');
  out.push(`  ${label(t.network)}${s.cidr}`);
  out.push(`  ${label(t.first)}${s.firstHost}`);
  out.push(`  ${label(t.last)}${s.lastAddress}`);
  out.push(`  ${label(t.addresses)}${t.v6Count({ count: String(s.addressCount), bits: 128 - s.prefix })}`);
  return out.join('\n');
}

export function renderSubnetText(s: SubnetInfo, color: boolean, t: Text = EN): string {
  const p = paint(color);
  return s.version === 4 ? renderV4(s, p, t) : renderV6(s, p, t);
}

/** One line per input for `subnet --stdin` without --json. */
export function renderSubnetLine(s: SubnetInfo, t: Text = EN): string {
  if (s.version === 4) {
    return `${s.input}\t${t.network} ${s.cidr}\t${t.mask} ${s.netmask}\t${t.broadcast} ${s.broadcast ?? '-'}\t${t.hosts} ${s.firstHost}-${s.lastHost} (${s.hostCount})`;
  }
  return `${s.input}\t${t.network} ${s.cidr}\t${t.last} ${s.lastAddress}\t${t.addresses} ${s.addressCount}`;
}
