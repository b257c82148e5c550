/**
 * Strict parsing of IPv4 and IPv6 addresses and CIDRs, once, at the edge.
 *
 * IPv4 is strict dotted decimal: exactly four octets 0-255 without leading zeros. `010.1.1.1`, `127.1`,
 * `1.2.3` and `0x7f.0.0.1` are rejected because inet_aton, getaddrinfo and the WHATWG URL parser read
 * them as octal, shorthand or hex, so accepting them would make us disagree with the network stack about
 * which host a string names (the classic SSRF filter bypass). The IPv4 parser here is a hand-written
 * uint32 scanner (no library load on the one-shot path); test/addr/parse-diff.test.ts proves it accepts
 * exactly what `ip-address`'s Address4 accepts and yields the same value.
 *
 * IPv6 follows RFC 4291 section 2.2 (with an RFC 4007 section 11 zone id), parsed by `ip-address`'s
 * Address6 after our own checks, which give one-line reasons and apply the strict IPv4 rules to a
 * dotted tail (`::ffff:010.0.0.1` is rejected too).
 */
import { createRequire } from 'node:module';
import { InputError, reason, type Reason } from '../errors.js';
import { fullWidthReason } from './full-width.js';

export type IpVersion = 4 | 6;

export interface ParsedAddress {
  readonly version: IpVersion;
  readonly value: bigint;
  readonly zone?: string;
  readonly input: string;
}

export interface ParsedCidr {
  readonly version: IpVersion;
  /** The address as written (host bits kept); `subnet()` derives the network. */
  readonly address: bigint;
  readonly prefix: number;
  readonly zone?: string;
  readonly input: string;
}

type IpAddressLib = typeof import('ip-address');
let lib: IpAddressLib | undefined;
/** ip-address is CommonJS; load it synchronously, and only when IPv6 needs it (IPv4 never does). */
export function ipAddressLib(): IpAddressLib {
  // In the bundle, esbuild sees the plain require() and bundles ip-address there, run on this first call
  // only (so the start-up shortcuts compile it from their code cache, bin/code-cache.cjs); from the
  // sources (tests, ES modules without require) it is loaded from node_modules.
  if (lib === undefined) lib = (typeof require === 'function' ? require('ip-address') : createRequire(import.meta.url)('ip-address')) as IpAddressLib;
  return lib;
}

export const IPV4_BITS = 32;
export const IPV6_BITS = 128;
export const MAX_IPV6 = (1n << 128n) - 1n;

export function bitsOf(version: IpVersion): number {
  return version === 4 ? IPV4_BITS : IPV6_BITS;
}

// ---------------------------------------------------------------- IPv4

/**
 * Strict dotted decimal to uint32, or -1. The hot loop of bulk `--stdin`: no allocation, no regex.
 * `start`/`end` select a slice of `text` so callers can parse `a.b.c.d/n` without substring copies.
 */
export function scanIPv4(text: string, start = 0, end = text.length): number {
  let value = 0;
  let octets = 0;
  let i = start;
  while (i < end) {
    const first = text.charCodeAt(i);
    if (first < 48 || first > 57) return -1;
    let octet = first - 48;
    let digits = 1;
    i++;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      if (first === 48) return -1; // leading zero
      octet = octet * 10 + (c - 48);
      if (++digits > 3) return -1;
      i++;
    }
    if (octet > 255) return -1;
    value = value * 256 + octet;
    octets++;
    if (i === end) break;
    if (text.charCodeAt(i) !== 46 || octets === 4) return -1; // '.'
    i++;
    if (i === end) return -1; // trailing dot
  }
  return octets === 4 ? value : -1;
}

/** Why `text` is not a strict dotted-decimal IPv4 address (one line), or undefined if it is one. */
export function explainIPv4(text: string): Reason | undefined {
  if (text === '') return reason('emptyAddress');
  const fullWidth = fullWidthReason(text);
  if (fullWidth !== undefined) return fullWidth;
  if (/^0x/i.test(text) || /\.0x/i.test(text)) return reason('ipv4Hex');
  const bad = /[^0-9.]/.exec(text);
  if (bad) {
    if (/^[0-9a-f.]+$/i.test(text) && /[a-f]/i.test(text)) return reason('ipv4HexDigits');
    return reason('ipv4BadChar', bad[0]);
  }
  const parts = text.split('.');
  if (parts.length === 1) return reason('ipv4BareNumber');
  for (let k = 0; k < parts.length; k++) {
    if (parts[k] === '') return reason('ipv4EmptyOctet', k + 1);
  }
  if (parts.length < 4) {
    return reason('ipv4Shorthand', parts.length);
  }
  if (parts.length > 4) return reason('ipv4TooManyOctets', parts.length);
  for (const p of parts) {
    if (p.length > 1 && p.startsWith('0')) {
      return reason('ipv4LeadingZero', { octet: p, value: String(Number.parseInt(p, 10)) });
    }
    if (p.length > 3 || Number(p) > 255) return reason('ipv4OctetRange', p);
  }
  return undefined;
}

/** Strict dotted decimal to an unsigned 32-bit integer; throws InputError with the reason. */
export function parseIPv4ToUint32(text: string): number {
  const v = scanIPv4(text);
  if (v >= 0) return v;
  throw new InputError(explainIPv4(text) ?? reason('notIPv4'), text);
}

export function formatIPv4(value: number): string {
  return `${(value >>> 24) & 255}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** uint32 netmask for a prefix (0..32). */
export function maskFromPrefix(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** The netmask of a prefix as a number of the version's width: `prefix` one bits, then zeros. */
export function prefixMask(version: IpVersion, prefix: number): bigint {
  const bits = BigInt(bitsOf(version));
  return ((1n << bits) - 1n) ^ ((1n << (bits - BigInt(prefix))) - 1n);
}

/** The prefix length of a contiguous uint32 mask, or -1 when its ones are not contiguous. */
export function prefixFromMask(mask: number): number {
  const inverted = ~mask >>> 0;
  // Contiguous iff the inverted mask is 2^k - 1, i.e. inverted & (inverted + 1) === 0.
  if ((inverted & (inverted + 1)) !== 0) return -1;
  return 32 - (inverted === 0 ? 0 : 32 - Math.clz32(inverted));
}

/** The eight bits of each octet value, `00000000` to `11111111`. */
export const OCTET_BITS: readonly string[] = Array.from({ length: 256 }, (_, v) => v.toString(2).padStart(8, '0'));

/** Dotted binary, e.g. 11000000.10101000.00001100.01010111 (a table lookup per octet: bulk `--stdin` calls it three times a line). */
export function binaryIPv4(value: number): string {
  const b = OCTET_BITS;
  return `${b[value >>> 24]!}.${b[(value >>> 16) & 255]!}.${b[(value >>> 8) & 255]!}.${b[value & 255]!}`;
}

// ---------------------------------------------------------------- IPv6

const ZONE_RE = /^[A-Za-z0-9_.\-]+$/;

function explainIPv6(core: string): Reason | undefined {
  if (core === '') return reason('emptyAddress');
  if (core.startsWith('[') || core.endsWith(']')) return reason('ipv6Brackets');
  if (core.includes(':::')) return reason('ipv6TripleColon');
  const fullWidth = fullWidthReason(core);
  if (fullWidth !== undefined) return fullWidth;
  const bad = /[^0-9a-fA-F:.]/.exec(core);
  if (bad) return reason('ipv6BadChar', bad[0]);
  const doubles = core.split('::').length - 1;
  if (doubles > 1) return reason('ipv6DoubleColonTwice');
  let head = core;
  let groupsFromTail = 0;
  const lastColon = core.lastIndexOf(':');
  const tail = core.slice(lastColon + 1);
  if (tail.includes('.')) {
    const why = explainIPv4(tail);
    if (why !== undefined) return reason('ipv6EmbeddedIPv4', { tail, why });
    head = core.slice(0, lastColon + 1);
    if (!head.endsWith('::')) head = head.slice(0, -1);
    groupsFromTail = 2;
  } else if (core.includes('.')) {
    return reason('ipv6DottedNotLast');
  }
  if (head.startsWith(':') && !head.startsWith('::')) return reason('ipv6StartColon');
  if (head.endsWith(':') && !head.endsWith('::')) return reason('ipv6EndColon');
  const groups = head.split(':');
  for (const g of groups) {
    if (g.length > 4) return reason('ipv6LongGroup', g);
  }
  const written = groups.filter((g) => g !== '').length + groupsFromTail;
  if (doubles === 0 && written !== 8) return reason('ipv6GroupCount', written);
  if (doubles === 1 && written > 7) return reason('ipv6DoubleColonEmpty', written);
  return undefined;
}

function splitZone(text: string): { core: string; zone: string | undefined } {
  const pct = text.indexOf('%');
  if (pct === -1) return { core: text, zone: undefined };
  const zone = text.slice(pct + 1);
  if (zone === '') throw new InputError(reason('zoneEmpty'), text);
  if (!ZONE_RE.test(zone)) throw new InputError(reason('zoneChars'), text);
  return { core: text.slice(0, pct), zone };
}

function parseIPv6Core(core: string, input: string): bigint {
  const why = explainIPv6(core);
  if (why !== undefined) throw new InputError(why, input);
  const { Address6 } = ipAddressLib();
  try {
    return new Address6(core).bigInt();
  } catch (e) {
    // Our checks above should catch everything ip-address rejects; keep its reason if not.
    const why = e instanceof Error ? e.message.replace(/<[^>]*>/g, '') : String(e);
    throw new InputError(reason('ipv6Invalid', why), input);
  }
}

/**
 * RFC 5952 section 4 for a list of 16-bit groups: lower case, no leading zeros, the longest run (>= 2)
 * of zero groups as "::", the first on a tie.
 */
function compressGroups(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLen = 1; // a single zero group is never compressed (RFC 5952 4.2.2)
  for (let k = 0; k < groups.length; ) {
    if (groups[k] !== 0) { k++; continue; }
    let e = k;
    while (e < groups.length && groups[e] === 0) e++;
    if (e - k > bestLen) { bestStart = k; bestLen = e - k; }
    k = e;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** The 16-bit groups of the top `count` groups of an IPv6 value. */
function groupsOf(value: bigint, count: number): number[] {
  const groups: number[] = [];
  for (let k = 0; k < count; k++) groups.push(Number((value >> BigInt(112 - 16 * k)) & 0xffffn));
  return groups;
}

/** RFC 5952 section 4. */
export function formatIPv6(value: bigint): string {
  return compressGroups(groupsOf(value, 8));
}

/** All eight groups, four digits each. */
export function expandIPv6(value: bigint): string {
  return value.toString(16).padStart(32, '0').replace(/(.{4})(?!$)/g, '$1:');
}

/** RFC 5952 section 5: the first 96 bits compressed as in section 4, then the last 32 dotted. */
export function formatIPv6Mixed(value: bigint): string {
  const head = compressGroups(groupsOf(value, 6));
  const tail = formatIPv4(Number(value & 0xffffffffn));
  return head.endsWith('::') ? `${head}${tail}` : `${head}:${tail}`;
}

const MAPPED_TOP96 = 0xffffn; // ::ffff:0:0/96, RFC 4291 2.5.5.2
const NAT64_WKP_TOP96 = 0x0064ff9b0000000000000000n; // 64:ff9b::/96, RFC 6052 2.1

/**
 * True when the text form of `value` ends in dotted IPv4: RFC 5952 section 5 RECOMMENDS mixed notation
 * when the address is known to be IPv4-mapped (::ffff:0:0/96) and names IPv4-translated addresses per
 * RFC 6052 as the other case; RFC 6052 2.4 writes the Well-Known Prefix form 64:ff9b::192.0.2.33. Only
 * the /96 Well-Known Prefix qualifies: under a network-specific or local-use prefix (64:ff9b:1::/48,
 * RFC 8215) the IPv4 bits sit where the operator's prefix length puts them, which the address alone
 * does not tell. IPv4-compatible ::a.b.c.d is deprecated (RFC 4291 2.5.5.1), so `::1` stays `::1`.
 */
export function isMixedNotation(value: bigint): boolean {
  const top96 = value >> 32n;
  return top96 === MAPPED_TOP96 || top96 === NAT64_WKP_TOP96;
}

/**
 * The text form every command prints: RFC 5952 section 4, and section 5's mixed form for IPv4-mapped and
 * NAT64 Well-Known-Prefix addresses (`::ffff:127.0.0.1`, not `::ffff:7f00:1`). `formatIPv6` stays the
 * pure section 4 form (all hex) for callers that need it (the practice grader's `::ffff:7f00:1` check).
 */
export function formatIPv6Text(value: bigint): string {
  return isMixedNotation(value) ? formatIPv6Mixed(value) : formatIPv6(value);
}

// ---------------------------------------------------------------- both

/** The printed form: dotted decimal, or RFC 5952 with section 5 mixed notation (see `formatIPv6Text`). */
export function formatAddress(version: IpVersion, value: bigint): string {
  return version === 4 ? formatIPv4(Number(value)) : formatIPv6Text(value);
}

export function parseAddress(text: string): ParsedAddress {
  // No trimming: a strict parser takes the address exactly (line readers trim their lines).
  const input = text;
  const t = text;
  if (t === '') throw new InputError(reason('emptyAddress'), input);
  if (t.includes('/')) throw new InputError(reason('notCidr'), input);
  if (t.includes(':')) {
    const { core, zone } = splitZone(t);
    const value = parseIPv6Core(core, input);
    return zone === undefined ? { version: 6, value, input } : { version: 6, value, zone, input };
  }
  if (t.includes('%')) throw new InputError(reason('zoneV4'), input);
  const v = scanIPv4(t);
  if (v < 0) throw new InputError(explainIPv4(t) ?? reason('notIPv4'), input);
  return { version: 4, value: BigInt(v), input };
}

export function isValidAddress(text: string): boolean {
  try {
    parseAddress(text);
    return true;
  } catch {
    return false;
  }
}

function parsePrefixLength(text: string, version: IpVersion, input: string): number {
  const max = bitsOf(version);
  if (!/^\d+$/.test(text)) throw new InputError(reason('prefixNotNumber', text), input);
  if (text.length > 1 && text.startsWith('0')) throw new InputError(reason('prefixLeadingZero', text), input);
  const n = Number(text);
  if (n > max) throw new InputError(reason('prefixTooLong', { prefix: text, max, version }), input);
  return n;
}

/** A dotted IPv4 netmask to its prefix length; rejects non-contiguous masks and wildcard masks with a hint. */
export function prefixFromDottedMask(maskText: string, input: string): number {
  const m = scanIPv4(maskText);
  if (m < 0) throw new InputError(reason('maskInvalid', { mask: maskText, why: explainIPv4(maskText) ?? reason('notDottedMask') }), input);
  const p = prefixFromMask(m);
  if (p >= 0) return p;
  const wildcardPrefix = prefixFromMask(~m >>> 0);
  if (wildcardPrefix >= 0) {
    throw new InputError(
      reason('maskWildcard', { mask: maskText, netmask: formatIPv4(maskFromPrefix(wildcardPrefix)), prefix: wildcardPrefix }),
      input,
    );
  }
  throw new InputError(reason('maskNotContiguous', { mask: maskText, bits: binaryIPv4(m) }), input);
}

/** A mask given separately: `255.255.255.0`, `/24` or `24`. */
export function parseMask(mask: string, version: IpVersion, input: string = mask): number {
  const m = mask;
  if (m.includes('.')) {
    if (version === 6) throw new InputError(reason('dottedMaskV6'), input);
    return prefixFromDottedMask(m, input);
  }
  return parsePrefixLength(m.startsWith('/') ? m.slice(1) : m, version, input);
}

/**
 * `a.b.c.d/n`, `a.b.c.d/mask`, `v6/n`, `fe80::1%eth0/64` (RFC 4007 section 11.7), or a bare address
 * (/32 or /128); `mask` is the separate-argument form (`a.b.c.d mask`).
 */
export function parseCidr(text: string, mask?: string): ParsedCidr {
  const input = mask === undefined ? text : `${text} ${mask}`;
  const t = text;
  const slash = t.indexOf('/');
  if (slash !== -1 && t.indexOf('/', slash + 1) !== -1) throw new InputError(reason('twoSlashes'), input);
  if (slash !== -1 && mask !== undefined) throw new InputError(reason('prefixTwice'), input);
  const addrText = slash === -1 ? t : t.slice(0, slash);
  let a: ParsedAddress;
  try {
    a = parseAddress(addrText);
  } catch (e) {
    // Report what the user wrote (`127.1/8`), not the part we split off.
    if (e instanceof InputError && e.input !== input) throw new InputError(e.reason ?? e.message, input);
    throw e;
  }
  let prefix: number;
  if (slash !== -1) {
    const suffix = t.slice(slash + 1);
    if (suffix === '') throw new InputError(reason('nothingAfterSlash'), input);
    prefix = suffix.includes('.')
      ? a.version === 4
        ? prefixFromDottedMask(suffix, input)
        : (() => { throw new InputError(reason('dottedMaskV6'), input); })()
      : parsePrefixLength(suffix, a.version, input);
  } else if (mask !== undefined) {
    prefix = parseMask(mask, a.version, input);
  } else {
    prefix = bitsOf(a.version);
  }
  const base = { version: a.version, address: a.value, prefix, input };
  return a.zone === undefined ? base : { ...base, zone: a.zone };
}

/**
 * One line of text: `cidr`, `address mask` (separated by whitespace) or a bare address, as `subnet
 * --stdin`, a quoted `subnet "10.0.0.1 255.0.0.0"` and `aggregate` read it. `expected` is the reason
 * given for more than two words.
 */
export function parseCidrLine(line: string, expected: string | Reason = reason('cidrLine')): ParsedCidr {
  const parts = line.trim().split(/\s+/);
  if (parts.length === 1) return parseCidr(parts[0]!);
  if (parts.length === 2) return parseCidr(parts[0]!, parts[1]!);
  throw new InputError(expected, line);
}
