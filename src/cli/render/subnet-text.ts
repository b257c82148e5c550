/**
 * Text view of `netkata subnet`: the address, mask and network in binary with the network/host boundary
 * marked, the AND written out as a textbook does (address row, mask row, rule, result row), then the
 * same AND octet by octet, then the answers.
 */
import type { SubnetInfo, SubnetIPv4, SubnetIPv6 } from '../../addr/subnet.js';
import { paint, type Painter } from './paint.js';

/**
 * Insert `|` after the `prefix`-th bit of a string of bits with separators ('.' or ':'), colouring the
 * network part and the host part differently when colour is on.
 */
export function markBoundary(bits: string, prefix: number, p: Painter): string {
  let seen = 0;
  let k = 0;
  if (prefix === 0) return `|${p.host(bits)}`;
  for (; k < bits.length; k++) {
    const c = bits[k];
    if (c === '0' || c === '1') {
      seen++;
      if (seen === prefix) { k++; break; }
    }
  }
  // Keep a separator that follows the boundary on the network side (11000000.|01010111).
  if (k < bits.length && (bits[k] === '.' || bits[k] === ':')) k++;
  const net = bits.slice(0, k);
  const host = bits.slice(k);
  return host === '' ? `${p.net(net)}|` : `${p.net(net)}|${p.host(host)}`;
}

function pad(s: string, n: number): string {
  return s.padEnd(n);
}

function renderV4(s: SubnetIPv4, p: Painter): string {
  const out: string[] = [];
  const label = (t: string): string => pad(t, 10);
  const num = (t: string): string => pad(t, 17);
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
  const label = (t: string): string => pad(t, 10);
  out.push(`${p.bold(`${s.address}${s.zone === undefined ? '' : `%${s.zone}`}/${s.prefix}`)}${s.ranges.length > 0 ? `  ${s.ranges.join(', ')}` : ''}`);
  out.push('');
  const maskHex = maskExpanded(s.prefix);
  const netHex = expandedOf(s.network);
  // One hex digit is four bits: the mark sits on the last nibble boundary at or before the prefix,
  // and the group holding the exact boundary is shown in binary below when it falls inside one.
  const nibble = Math.floor(s.prefix / 4);
  const mark = (hex: string): string => markNibbles(hex, nibble, p);
  out.push(`  ${label('')}${boundaryHeader(markNibbles(maskHex, nibble, paint(false)).indexOf('|'))}`);
  out.push(`  ${label('address')}${mark(s.expanded)}`);
  out.push(`  ${label('mask')}${mark(maskHex)}`);
  out.push(`  ${label('AND')}${'-'.repeat(39)}`);
  out.push(`  ${label('network')}${mark(netHex)}`);
  if (s.prefix % 16 !== 0) {
    const g = Math.floor(s.prefix / 16);
    const bin = (hex: string): string => Number.parseInt(hex.split(':')[g]!, 16).toString(2).padStart(16, '0');
    const within = s.prefix % 16;
    out.push('');
    out.push(`  the boundary falls inside group ${g + 1}; that group in binary:`);
    out.push(`    address  ${markBoundary(bin(s.expanded), within, p)}`);
    out.push(`    mask     ${markBoundary(bin(maskHex), within, p)}`);
    out.push(`    network  ${markBoundary(bin(netHex), within, p)}`);
  }
  out.push('');
  out.push(`  ${label('network')}${s.cidr}`);
  out.push(`  ${label('first')}${s.firstHost}`);
  out.push(`  ${label('last')}${s.lastAddress}`);
  out.push(`  ${label('addresses')}${s.addressCount} (2^${128 - s.prefix}); IPv6 has no broadcast, every address is usable`);
  return out.join('\n');
}

function expandedOf(text: string): string {
  // RFC 5952 section 5 mixed form (::ffff:10.1.2.0): the dotted tail is the last two groups.
  const dotted = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  const hexPair = (a: string, b: string): string => ((Number(a) << 8) | Number(b)).toString(16);
  const compressed = dotted === null
    ? text
    : `${dotted[1]!}${hexPair(dotted[2]!, dotted[3]!)}:${hexPair(dotted[4]!, dotted[5]!)}`;
  const [head, tail] = compressed.includes('::') ? compressed.split('::') as [string, string] : [compressed, undefined];
  const h = head === '' ? [] : head.split(':');
  const t = tail === undefined ? [] : tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : new Array<string>(8 - h.length - t.length).fill('0');
  return [...h, ...zeros, ...t].map((g) => g.padStart(4, '0')).join(':');
}

function maskExpanded(prefix: number): string {
  const bits = '1'.repeat(prefix) + '0'.repeat(128 - prefix);
  const groups: string[] = [];
  for (let k = 0; k < 8; k++) {
    groups.push(Number.parseInt(bits.slice(16 * k, 16 * k + 16), 2).toString(16).padStart(4, '0'));
  }
  return groups.join(':');
}

/** Mark after the n-th hex digit (a nibble boundary at or before the prefix). */
function markNibbles(hex: string, nibbles: number, p: Painter): string {
  let seen = 0;
  let k = 0;
  if (nibbles === 0) return `|${p.host(hex)}`;
  for (; k < hex.length; k++) {
    if (hex[k] !== ':') {
      seen++;
      if (seen === nibbles) { k++; break; }
    }
  }
  if (k < hex.length && hex[k] === ':') k++;
  const net = hex.slice(0, k);
  const host = hex.slice(k);
  return host === '' ? `${p.net(net)}|` : `${p.net(net)}|${p.host(host)}`;
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
