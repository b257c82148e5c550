/**
 * `netkata ip`: one address in every notation people meet it in, and back from an integer or bits.
 * IPv6 `address` is RFC 5952: section 4 (lower case, longest zero run as "::"), and for IPv4-mapped and
 * NAT64 Well-Known-Prefix addresses the section 5 mixed form (`::ffff:127.0.0.1`; see `formatIPv6Text`).
 * For those two blocks `mixed` repeats that form (kept for scripts that read it) and `hexForm` gives the
 * all-hex section 4 form (`::ffff:7f00:1`, what Python's ipaddress prints). 6to4 is not one of them: its
 * IPv4 sits in bits 16-47, shown as `embeddedIPv4`.
 *
 * With a NAT64 prefix (`--nat64 2001:db8:122::/48`, RFC 6052 any length) an IPv6 address is read under
 * that prefix's layout, and an IPv4 address is embedded into it (see nat64.ts).
 */
import { InputError, reason } from '../errors.js';
import { embeddedIPv4Of, type EmbeddingKind } from './classify.js';
import { multicastMacOfIPv4, multicastMacOfIPv6 } from './mac.js';
import { embedIPv4, extractIPv4, type Nat64Prefix } from './nat64.js';
import {
  binaryIPv4,
  expandIPv6,
  formatIPv4,
  formatIPv6,
  formatIPv6Mixed,
  formatIPv6Text,
  MAX_IPV6,
  parseAddress,
  type ParsedAddress,
} from './parse.js';

export interface NotationIPv4 {
  readonly version: 4;
  readonly address: string;
  readonly integer: number;
  readonly hex: string;
  readonly binary: string;
  readonly octets: readonly number[];
  readonly ipv4Mapped: string;
  readonly ipv4MappedHex: string;
  readonly reverse: string;
  /** For 224.0.0.0/4: the Ethernet address frames to this group go to (RFC 1112 section 6.4). */
  readonly multicastMac?: string;
}

export interface NotationIPv6 {
  readonly version: 6;
  readonly address: string;
  readonly expanded: string;
  /** Decimal string: 128-bit values exceed 2^53. */
  readonly integer: string;
  readonly hex: string;
  /** Eight 16-bit groups, colon separated. */
  readonly binary: string;
  readonly reverse: string;
  readonly zone?: string;
  readonly embeddedIPv4?: string;
  readonly embeddedKind?: EmbeddingKind;
  readonly mixed?: string;
  /** Section 4 all-hex form, given only where `address` is the mixed form. */
  readonly hexForm?: string;
  /** The NAT64 prefix the address was read under (`--nat64`). */
  readonly nat64Prefix?: string;
  /** For ff00::/8: the Ethernet address frames to this group go to (RFC 2464 section 7). */
  readonly multicastMac?: string;
}

export type Notation = NotationIPv4 | NotationIPv6;

export function notationIPv4(value: number): NotationIPv4 {
  const octets = [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
  const dotted = octets.join('.');
  return {
    version: 4,
    address: dotted,
    integer: value,
    hex: `0x${value.toString(16).padStart(8, '0')}`,
    binary: binaryIPv4(value),
    octets,
    ipv4Mapped: `::ffff:${dotted}`,
    ipv4MappedHex: formatIPv6(0xffff00000000n | BigInt(value)),
    // RFC 1035 3.5: octets in reverse order under in-addr.arpa.
    reverse: `${[...octets].reverse().join('.')}.in-addr.arpa`,
    ...(octets[0]! >= 224 && octets[0]! <= 239 ? { multicastMac: multicastMacOfIPv4(value) } : {}),
  };
}

export function notationIPv6(value: bigint, zone?: string, nat64?: Nat64Prefix): NotationIPv6 {
  const hex32 = value.toString(16).padStart(32, '0');
  const bits = value.toString(2).padStart(128, '0');
  const e = nat64 === undefined ? embeddedIPv4Of(value) : { kind: 'nat64' as const, ipv4: extractIPv4(nat64, value) };
  // RFC 5952 section 5: the mixed form where the prefix says the low 32 bits are IPv4 (under a given
  // NAT64 prefix, only a /96 puts them there).
  const mixedForm = e !== undefined && (e.kind === 'ipv4-mapped' || (e.kind === 'nat64' && (nat64 === undefined || nat64.length === 96)));
  const base: NotationIPv6 = {
    version: 6,
    address: mixedForm ? formatIPv6Mixed(value) : formatIPv6Text(value),
    expanded: expandIPv6(value),
    integer: value.toString(),
    hex: `0x${hex32}`,
    binary: bits.replace(/(.{16})(?!$)/g, '$1:'),
    // RFC 3596 2.5: nibbles in reverse order under ip6.arpa.
    reverse: `${[...hex32].reverse().join('.')}.ip6.arpa`,
  };
  const withZone = { ...base, ...(zone === undefined ? {} : { zone }), ...(value >> 120n === 0xffn ? { multicastMac: multicastMacOfIPv6(value) } : {}) };
  if (e === undefined) return withZone;
  const mixed = mixedForm ? { mixed: formatIPv6Mixed(value), hexForm: formatIPv6(value) } : {};
  const prefix = nat64 === undefined ? {} : { nat64Prefix: nat64.text };
  return { ...withZone, embeddedIPv4: formatIPv4(e.ipv4), embeddedKind: e.kind, ...mixed, ...prefix };
}

export function notationOf(a: ParsedAddress, nat64?: Nat64Prefix): Notation {
  if (nat64 === undefined) return a.version === 4 ? notationIPv4(Number(a.value)) : notationIPv6(a.value, a.zone);
  // Under a NAT64 prefix an IPv4 address is shown as the IPv6 address that carries it.
  return a.version === 4 ? notationIPv6(embedIPv4(nat64, Number(a.value)), undefined, nat64) : notationIPv6(a.value, a.zone, nat64);
}

export function notation(text: string, nat64?: Nat64Prefix): Notation {
  return notationOf(parseAddress(text), nat64);
}

/**
 * `--from-int`: decimal (or 0x hex) to an address. Up to 2^32-1 is IPv4 unless `version` says 6; larger
 * values are IPv6.
 */
export function fromInteger(text: string, version?: 4 | 6): Notation {
  const t = text.trim();
  let n: bigint;
  if (/^[0-9]+$/.test(t)) n = BigInt(t);
  else if (/^0x[0-9a-f]+$/i.test(t)) n = BigInt(t);
  else throw new InputError(reason('notInteger'), text);
  if (n > MAX_IPV6) throw new InputError(reason('integerTooLarge6'), text);
  if (version === 4 && n > 0xffffffffn) throw new InputError(reason('integerTooLarge4'), text);
  if (version === 6 || n > 0xffffffffn) return notationIPv6(n);
  return notationIPv4(Number(n));
}

/** `--from-binary`: 32 bits (IPv4) or 128 bits (IPv6); dots, colons, spaces and underscores are ignored. */
export function fromBinary(text: string): Notation {
  const bits = text.replace(/[.:\s_]/g, '');
  const bad = /[^01]/.exec(bits);
  if (bad) throw new InputError(reason('notABit', bad[0]), text);
  if (bits.length === 32) return notationIPv4(Number.parseInt(bits, 2));
  if (bits.length === 128) return notationIPv6(BigInt(`0b${bits}`));
  throw new InputError(reason('bitCount', bits.length), text);
}
