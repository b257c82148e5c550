/**
 * Special-purpose classification (`netkata classify`): which IANA blocks hold an address, its scope,
 * and whether it is globally reachable.
 *
 * WARNING: `global` is the predicate to use where a request must not reach an internal destination.
 * Addresses that carry an IPv4 address (IPv4-mapped, NAT64, 6to4, Teredo) are judged by that address too,
 * so `::ffff:127.0.0.1`, `::fFFf:7f00:1` and `64:ff9b::a00:1` are not global.
 */
import { InputError, reason } from '../errors.js';
import { formatAddress, formatIPv4, maskFromPrefix, parseAddress, parseCidr, scanIPv4, type IpVersion, type ParsedAddress } from './parse.js';
import { extractIPv4, type Nat64Prefix } from './nat64.js';
import { IPV4_SPECIAL, IPV6_SPECIAL, type Scope, type SpecialRange } from './special-ranges.js';

export interface RangeRef {
  readonly cidr: string;
  readonly name: string;
  readonly rfc: string;
}

export type EmbeddingKind = 'ipv4-mapped' | 'nat64' | '6to4' | 'teredo';

export interface EmbeddedIPv4 {
  readonly kind: EmbeddingKind;
  readonly address: string;
  readonly scope: Scope;
  readonly global: boolean;
  readonly private: boolean;
  readonly ranges: readonly RangeRef[];
}

export interface Teredo {
  readonly server: string;
  readonly client: string;
  readonly clientPort: number;
  readonly flags: number;
}

export interface Classification {
  readonly address: string;
  readonly version: IpVersion;
  readonly scope: Scope;
  readonly global: boolean;
  readonly private: boolean;
  readonly ranges: readonly RangeRef[];
  /** The IPv4 address carried by an IPv4-mapped, NAT64 (64:ff9b::/96, or under `--nat64`), 6to4 or Teredo (client) address. */
  readonly embeddedIPv4?: string;
  /** The NAT64 prefix the address was read under (`--nat64`). */
  readonly nat64Prefix?: string;
  readonly zone?: string;
  /** How the embedded IPv4 address classifies on its own. */
  readonly embedded?: EmbeddedIPv4;
  readonly teredo?: Teredo;
}

interface Compiled4 { readonly net: number; readonly mask: number; readonly prefix: number; readonly range: SpecialRange }
interface Compiled6 { readonly net: bigint; readonly prefix: number; readonly range: SpecialRange }

function byPrefixDesc<T extends { prefix: number }>(a: T, b: T): number {
  return b.prefix - a.prefix;
}

const V4: readonly Compiled4[] = IPV4_SPECIAL.map((range) => {
  const [a, p] = range.cidr.split('/') as [string, string];
  const prefix = Number(p);
  return { net: scanIPv4(a), mask: maskFromPrefix(prefix), prefix, range };
}).sort(byPrefixDesc);
if (V4.length > 32) throw new Error('ipv4RangeBits needs one bit per IPv4 block');

let v6: readonly Compiled6[] | undefined;
function compiled6(): readonly Compiled6[] {
  if (v6 === undefined) {
    v6 = IPV6_SPECIAL.map((range) => {
      const c = parseCidr(range.cidr);
      return { net: c.address, prefix: c.prefix, range };
    }).sort(byPrefixDesc);
  }
  return v6;
}

/**
 * For each first octet, the indexes into V4 of the blocks that can hold an address starting with it:
 * built on the bulk path's first lookup, not when the module loads (256 x 25 tests in the interpreter
 * were a tenth of `netkata subnet`'s start-up, issue 14).
 */
let v4ByFirstOctet: readonly (readonly number[])[] | undefined;
function v4ByFirst(first: number): readonly number[] {
  v4ByFirstOctet ??= Array.from({ length: 256 }, (_, f) =>
    V4.flatMap((c, k) => ((((f << 24) & c.mask) >>> 0) === ((c.net & c.mask & 0xff000000) >>> 0) ? [k] : [])),
  );
  return v4ByFirstOctet[first]!;
}

/** The special blocks holding an IPv4 address (uint32), most specific first. */
export function ipv4Ranges(value: number): SpecialRange[] {
  const out: SpecialRange[] = [];
  for (const c of V4) if (((value & c.mask) >>> 0) === c.net) out.push(c.range);
  return out;
}

/**
 * The same answer as a bit set over the IPv4 table (bit k = block k, most specific first), for the
 * bulk path to look up a pre-serialized list without allocating. `ipv4RangesFromBits` turns it back.
 */
export function ipv4RangeBits(value: number): number {
  let bits = 0;
  for (const k of v4ByFirst(value >>> 24)) {
    const c = V4[k]!;
    if (((value & c.mask) >>> 0) === c.net) bits |= 1 << k;
  }
  return bits >>> 0;
}

export function ipv4RangesFromBits(bits: number): SpecialRange[] {
  return V4.filter((_, k) => (bits >>> k) & 1).map((c) => c.range);
}

/** The special blocks holding an IPv6 address, most specific first. */
export function ipv6Ranges(value: bigint): SpecialRange[] {
  const out: SpecialRange[] = [];
  for (const c of compiled6()) {
    const shift = BigInt(128 - c.prefix);
    if (value >> shift === c.net >> shift) out.push(c.range);
  }
  return out;
}

/**
 * Globally reachable per the registry: the most specific block that answers decides; a `null` block
 * (the column is blank or N/A) defers to the block containing it, and an address in no answering block
 * is global. IPv6 outside 2000::/3 always sits in a "Reserved by IETF", multicast or other block here.
 */
function registryGlobal(ranges: readonly SpecialRange[]): boolean {
  for (const r of ranges) if (r.globallyReachable !== null) return r.globallyReachable;
  return true;
}

const isRfc1918 = (r: SpecialRange): boolean => r.name === 'Private-Use';
const isUla = (r: SpecialRange): boolean => r.cidr === 'fc00::/7';
const toRef = (r: SpecialRange): RangeRef => ({ cidr: r.cidr, name: r.name, rfc: r.rfc });

function classifyIPv4Value(value: number): { scope: Scope; global: boolean; private: boolean; ranges: SpecialRange[] } {
  const ranges = ipv4Ranges(value);
  return {
    scope: ranges[0]?.scope ?? 'global',
    global: registryGlobal(ranges),
    private: ranges.some(isRfc1918),
    ranges,
  };
}

/** RFC 4380 section 4: prefix(32) | server IPv4(32) | flags(16) | port(16) ^ 0xffff | client IPv4(32) ^ 0xffffffff. */
export function teredoParts(value: bigint): Teredo {
  return {
    server: formatIPv4(Number((value >> 64n) & 0xffffffffn)),
    client: formatIPv4((~Number(value & 0xffffffffn)) >>> 0),
    clientPort: Number((value >> 32n) & 0xffffn) ^ 0xffff,
    flags: Number((value >> 48n) & 0xffffn),
  };
}

/** Which IPv4 address an IPv6 address carries, if it is one of the four embeddings. */
export function embeddedIPv4Of(value: bigint): { kind: EmbeddingKind; ipv4: number } | undefined {
  const top96 = value >> 32n;
  if (top96 === 0xffffn) return { kind: 'ipv4-mapped', ipv4: Number(value & 0xffffffffn) }; // RFC 4291 2.5.5.2
  if (top96 === 0x0064ff9b0000000000000000n) return { kind: 'nat64', ipv4: Number(value & 0xffffffffn) }; // RFC 6052 2.1
  if (value >> 112n === 0x2002n) return { kind: '6to4', ipv4: Number((value >> 80n) & 0xffffffffn) }; // RFC 3056 2
  if (value >> 96n === 0x20010000n) return { kind: 'teredo', ipv4: (~Number(value & 0xffffffffn)) >>> 0 }; // RFC 4380 4
  return undefined;
}

/** `nat64`: read an IPv6 address under that NAT64 prefix (RFC 6052, any length) instead of only 64:ff9b::/96. */
export function classifyParsed(a: ParsedAddress, nat64?: Nat64Prefix): Classification {
  const address = formatAddress(a.version, a.value);
  if (a.version === 4) {
    if (nat64 !== undefined) throw new InputError(reason('classifyNat64V4'), a.input);
    const c = classifyIPv4Value(Number(a.value));
    return { address, version: 4, scope: c.scope, global: c.global, private: c.private, ranges: c.ranges.map(toRef) };
  }
  const ranges = ipv6Ranges(a.value);
  const scope: Scope = ranges[0]?.scope ?? 'global';
  const own = { global: registryGlobal(ranges), private: ranges.some(isUla) };
  const zone = a.zone === undefined ? {} : { zone: a.zone };
  const e = nat64 === undefined ? embeddedIPv4Of(a.value) : { kind: 'nat64' as const, ipv4: extractIPv4(nat64, a.value) };
  if (e === undefined) return { address, version: 6, scope, ...own, ranges: ranges.map(toRef), ...zone };
  const inner = classifyIPv4Value(e.ipv4);
  const embedded: EmbeddedIPv4 = {
    kind: e.kind,
    address: formatIPv4(e.ipv4),
    scope: inner.scope,
    global: inner.global,
    private: inner.private,
    ranges: inner.ranges.map(toRef),
  };
  const teredo = e.kind === 'teredo' ? { teredo: teredoParts(a.value) } : {};
  return {
    address,
    version: 6,
    scope,
    // The registry's answer for the wrapper AND the embedded address's: ::ffff:0:0/96 is never globally
    // reachable as IPv6 (registry), and 64:ff9b::/96 only reaches what its IPv4 address reaches.
    global: own.global && inner.global,
    private: own.private || inner.private,
    ranges: ranges.map(toRef),
    embeddedIPv4: embedded.address,
    ...(nat64 === undefined ? {} : { nat64Prefix: nat64.text }),
    ...zone,
    embedded,
    ...teredo,
  };
}

export function classify(text: string, nat64?: Nat64Prefix): Classification {
  const t = text;
  if (t.includes('/')) throw new InputError(reason('classifyCidr'), text);
  return classifyParsed(parseAddress(t), nat64);
}
