import { InputError, reason } from '../errors.js';
import { bitsOf, formatAddress, formatIPv4, parseAddress, type IpVersion, type ParsedAddress } from './parse.js';

/**
 * An inclusive address range as the minimal list of CIDR blocks, the job of Python's
 * `ipaddress.summarize_address_range` (our reference: test/data/sets-vectors.json).
 *
 * Greedy from the low end is minimal: at each step take the largest block that both starts on
 * an aligned boundary at `start` (limited by its trailing zero bits) and stays within the range
 * (limited by the remaining count). Any CIDR cover must cut at the same points.
 */

export interface RangeInfo {
  readonly version: IpVersion;
  readonly start: string;
  readonly end: string;
  /** Number for IPv4; decimal string for IPv6 (it can exceed 2^53, CLI.md). */
  readonly addressCount: number | string;
  readonly cidrs: readonly string[];
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** Generic (bigint) path, both versions. Calls `emit` for each block in ascending order. */
export function summarizeBig(version: IpVersion, start: bigint, end: bigint, emit: (address: bigint, prefix: number) => void): void {
  const bits = bitsOf(version);
  let s = start;
  while (s <= end) {
    // Alignment of s: the number of trailing zero bits (all of them for 0).
    let k = s === 0n ? bits : bitLength(s & -s) - 1;
    const fit = bitLength(end - s + 1n) - 1;
    if (fit < k) k = fit;
    emit(s, bits - k);
    s += 1n << BigInt(k);
  }
}

/** IPv4 fast path on plain numbers (0 .. 2^32-1, exact in a double). */
export function summarizeV4(start: number, end: number, emit: (address: number, prefix: number) => void): void {
  let s = start;
  while (s <= end) {
    // ctz of s: s & -s isolates the lowest one bit (ToInt32 keeps bit 31 right for s >= 2^31).
    let k = s === 0 ? 32 : 31 - Math.clz32(s & -s);
    const count = end - s + 1;
    const fit = count >= 4294967296 ? 32 : 31 - Math.clz32(count);
    if (fit < k) k = fit;
    emit(s, 32 - k);
    s += 2 ** k;
  }
}

export function summarizeToStrings(version: IpVersion, start: bigint, end: bigint): string[] {
  const out: string[] = [];
  if (version === 4) summarizeV4(Number(start), Number(end), (a, p) => out.push(`${formatIPv4(a)}/${p}`));
  else summarizeBig(version, start, end, (a, p) => out.push(`${formatAddress(version, a)}/${p}`));
  return out;
}

/** Parse one end of a range: an address without zone id (a zone has no meaning in a range). */
function parseRangeEnd(text: string, which: 'start' | 'end'): ParsedAddress {
  const a = parseAddress(text);
  if (a.zone !== undefined) throw new InputError(reason('rangeZone', { which, zone: a.zone }), text);
  return a;
}

/** An inclusive range of one version, start <= end. */
export interface AddressRange {
  readonly version: IpVersion;
  readonly start: bigint;
  readonly end: bigint;
}

/**
 * The two ends of `start-end`, trimmed, or undefined unless `text` holds exactly one "-". Neither IPv4
 * nor IPv6 text contains "-", so one "-" can only separate the two ends.
 */
export function splitRange(text: string): readonly [string, string] | undefined {
  const dash = text.indexOf('-');
  if (dash === -1 || text.indexOf('-', dash + 1) !== -1) return undefined;
  return [text.slice(0, dash).trim(), text.slice(dash + 1).trim()];
}

/**
 * An inclusive address range from its two ends (`parseRange('10.0.0.1', '10.0.0.9')`) or from one
 * `start-end` string (`parseRange('10.0.0.1-10.0.0.9')`, the form aggregate reads). The ends are plain
 * addresses (no prefix, no zone id) of one version, and start <= end; anything else is an InputError.
 */
export function parseRange(text: string, endText?: string): AddressRange {
  let startText = text;
  let input = text;
  if (endText === undefined) {
    const ends = splitRange(text);
    if (ends === undefined) {
      throw new InputError(text.includes('-') ? reason('rangeDashes') : reason('rangeExpected'), text);
    }
    [startText, endText] = ends;
    if (startText.includes('/') || endText.includes('/')) throw new InputError(reason('rangeCidrs'), text);
  } else {
    input = `${text} ${endText}`;
  }
  const a = parseRangeEnd(startText, 'start');
  const b = parseRangeEnd(endText, 'end');
  if (a.version !== b.version) {
    throw new InputError(reason('rangeVersions', { start: a.version, end: b.version }), input);
  }
  if (a.value > b.value) throw new InputError(reason('rangeOrder'), input);
  return { version: a.version, start: a.value, end: b.value };
}

/** `netkata range <start> <end>`, or `netkata range <start>-<end>`. */
export function rangeInfo(text: string, endText?: string): RangeInfo {
  const r = parseRange(text, endText);
  const count = r.end - r.start + 1n;
  return {
    version: r.version,
    start: formatAddress(r.version, r.start),
    end: formatAddress(r.version, r.end),
    addressCount: r.version === 4 ? Number(count) : count.toString(),
    cidrs: summarizeToStrings(r.version, r.start, r.end),
  };
}
