/**
 * Text view of `netkata subnet`: the address, mask and network in binary with the network/host boundary
 * marked, the AND written out as a textbook does (address row, mask row, rule, result row), then the
 * same AND octet by octet, then the answers.
 */
import { expandIPv6, prefixMask } from '../../addr/parse.js';
import type { SubnetInfo, SubnetIPv4, SubnetIPv6 } from '../../addr/subnet.js';
import { paint, type Painter } from './paint.js';

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

function renderV4(s: SubnetIPv4, p: Painter): string {
  const out: string[] = [];
  const label = (t: string): string => t.padEnd(10);
  const num = (t: string): string => t.padEnd(17);
  out.push(`${p.bold(`${s.address}/${s.prefix}`)}  class ${s.class}${s.ranges.length > 0 ? `, ${s.ranges.join(', ')}` : ''}`);
  out.push('');
  out.push(`  ${label('')}${num('')}${boundaryHeader(markBoundary(s.binary.netmask, s.prefix, paint(false)).indexOf('|'))}`);
  out.push(`  ${label('address')}${num(s.address)}${markBoundary(s.binary.address, s.prefix, p)}`);
  out.push(`  ${label('netmask')}${num(s.netmask)}${markBoundary(s.binary.netmask, s.prefix, p)}`);
  out.push(`  ${label('AND')}${num('')}${'-'.repeat(36)}`);
  out.push(`  ${label('network')}${num(s.network)}${markBoundary(s.binary.network, s.prefix, p)}`);
  out.push('');
  out.push('  AND, octet by octet (a bit survives only where the mask has a 1):');
  const a = s.address.split('.');
  const m = s.netmask.split('.');
  const n = s.network.split('.');
  const ab = s.binary.address.split('.');
  const mb = s.binary.netmask.split('.');
  const nb = s.binary.network.split('.');
  for (let k = 0; k < 4; k++) {
    out.push(
      `    octet ${k + 1}  ${a[k]!.padStart(3)} = ${ab[k]}  AND  ${m[k]!.padStart(3)} = ${mb[k]}  ->  ${nb[k]} = ${n[k]}`,
    );
  }
  out.push('');
  out.push(`  ${label('network')}${s.cidr}`);
  out.push(`  ${label('netmask')}${s.netmask} (/${s.prefix})   wildcard ${s.wildcard}`);
  out.push(`  ${label('broadcast')}${s.broadcast ?? 'none'}`);
  out.push(`  ${label('hosts')}${s.firstHost} - ${s.lastHost}  (${s.hostCount} usable of ${s.addressCount} addresses)`);
  if (s.prefix === 31) out.push('  note      /31 (RFC 3021): a point-to-point link; both addresses are hosts, there is no broadcast');
  else if (s.prefix === 32) out.push('  note      /32: a single host route; the only address is the host, there is no broadcast');
  else out.push('  note      the first address names the network and the last is the broadcast, so neither is a host');
  return out.join('\n');
}

/** `network | host` with its bar over the boundary mark at column `bar`. */
function boundaryHeader(bar: number): string {
  return bar >= 8 ? `${' '.repeat(bar - 8)}network | host` : `${' '.repeat(bar)}| host bits`;
}

function renderV6(s: SubnetIPv6, p: Painter): string {
  const out: string[] = [];
  const label = (t: string): string => t.padEnd(10);
  out.push(`${p.bold(`${s.address}${s.zone === undefined ? '' : `%${s.zone}`}/${s.prefix}`)}${s.ranges.length > 0 ? `  ${s.ranges.join(', ')}` : ''}`);
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
  out.push(`  ${label('')}${boundaryHeader(markBoundary(maskHex, nibble, paint(false)).indexOf('|'))}`);
  out.push(`  ${label('address')}${mark(s.expanded)}`);
  out.push(`  ${label('mask')}${mark(maskHex)}`);
  out.push(`  ${label('AND')}${'-'.repeat(39)}`);
  out.push(`  ${label('network')}${mark(netHex)}`);
  if (s.prefix % 16 !== 0) {
    const g = Math.floor(s.prefix / 16);
    const shift = BigInt(112 - 16 * g);
    const bin = (value: bigint): string => Number((value >> shift) & 0xffffn).toString(2).padStart(16, '0');
    const within = s.prefix % 16;
    out.push('');
    out.push(`  the boundary falls inside group ${g + 1}; that group in binary:`);
    out.push(`    address  ${markBoundary(bin(address), within, p)}`);
    out.push(`    mask     ${markBoundary(bin(mask), within, p)}`);
    out.push(`    network  ${markBoundary(bin(network), within, p)}`);
  }
  out.push('');
  out.push(`  ${label('network')}${s.cidr}`);
  out.push(`  ${label('first')}${s.firstHost}`);
  out.push(`  ${label('last')}${s.lastAddress}`);
  out.push(`  ${label('addresses')}${s.addressCount} (2^${128 - s.prefix}); IPv6 has no broadcast, every address is usable`);
  return out.join('\n');
}

export function renderSubnetText(s: SubnetInfo, color: boolean): string {
  const p = paint(color);
  return s.version === 4 ? renderV4(s, p) : renderV6(s, p);
}

/** One line per input for `subnet --stdin` without --json. */
export function renderSubnetLine(s: SubnetInfo): string {
  if (s.version === 4) {
    return `${s.input}\tnetwork ${s.cidr}\tmask ${s.netmask}\tbroadcast ${s.broadcast ?? '-'}\thosts ${s.firstHost}-${s.lastHost} (${s.hostCount})`;
  }
  return `${s.input}\tnetwork ${s.cidr}\tlast ${s.lastAddress}\taddresses ${s.addressCount}`;
}
