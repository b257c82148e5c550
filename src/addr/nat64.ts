/**
 * RFC 6052 IPv4-embedded IPv6 addresses under any NAT64 prefix, not only the Well-Known Prefix.
 *
 * Section 2.2: the prefix is 32, 40, 48, 56, 64 or 96 bits long; the 32 IPv4 bits follow it, skipping
 * bits 64-71 (the "u" octet, which MUST be zero); what is left after them is the suffix (SHOULD be zero
 * when synthesizing; a receiver SHOULD ignore it). So under /48 the IPv4 address is split 16 + 16 bits
 * around the u octet. Which layout an address uses cannot be read from the address alone (RFC 7050
 * exists to discover it), so outside 64:ff9b::/96 the prefix is given by the user (`--nat64`).
 */
import { InputError, reason } from '../errors.js';
import { formatIPv6, parseCidr, prefixMask } from './parse.js';

export const NAT64_PREFIX_LENGTHS: readonly number[] = [32, 40, 48, 56, 64, 96];

export interface Nat64Prefix {
  readonly value: bigint;
  readonly length: number;
  /** `2001:db8:122::/48`, RFC 5952 */
  readonly text: string;
}

const U_OCTET = 0xffn << 56n; // bits 64-71 counted from the left

/** A NAT64 prefix as given to `--nat64`: an IPv6 network of one of the six lengths, host bits zero. */
export function parseNat64Prefix(text: string): Nat64Prefix {
  if (!text.includes('/')) throw new InputError(reason('nat64NeedsLength'), text);
  const c = parseCidr(text);
  if (c.version !== 6) throw new InputError(reason('nat64NotV6'), text);
  if (c.zone !== undefined) throw new InputError(reason('nat64Zone'), text);
  if (!NAT64_PREFIX_LENGTHS.includes(c.prefix)) {
    throw new InputError(reason('nat64Lengths', { lengths: NAT64_PREFIX_LENGTHS, prefix: c.prefix }), text);
  }
  const netMask = prefixMask(6, c.prefix);
  if ((c.address & netMask) !== c.address) {
    throw new InputError(reason('nat64HostBits', { prefix: c.prefix, network: formatIPv6(c.address & netMask) }), text);
  }
  if ((c.address & U_OCTET) !== 0n) throw new InputError(reason('nat64UOctet'), text);
  return { value: c.address, length: c.prefix, text: `${formatIPv6(c.address)}/${c.prefix}` };
}

/** How many IPv4 bits sit before the u octet (the rest follow it). */
const bitsBeforeU = (length: number): number => (length >= 64 ? 0 : Math.min(32, 64 - length));

/** The IPv4-embedded IPv6 address for `ipv4` under `prefix` (suffix zero). */
export function embedIPv4(prefix: Nat64Prefix, ipv4: number): bigint {
  const v4 = BigInt(ipv4 >>> 0);
  if (prefix.length === 96) return prefix.value | v4;
  const before = BigInt(bitsBeforeU(prefix.length));
  const after = 32n - before;
  const high = v4 >> after; // ends at bit 63, i.e. just above the u octet
  const low = v4 & ((1n << after) - 1n); // starts at bit 72, just below it
  return prefix.value | (high << 64n) | (low << (56n - after));
}

/** The IPv4 address carried by `address` under `prefix`; an InputError when it is not one. */
export function extractIPv4(prefix: Nat64Prefix, address: bigint): number {
  if ((address & prefixMask(6, prefix.length)) !== prefix.value) throw new InputError(reason('nat64NotInside', prefix.text), formatIPv6(address));
  if (prefix.length === 96) return Number(address & 0xffffffffn);
  if ((address & U_OCTET) !== 0n) {
    throw new InputError(reason('nat64NotEmbedded'), formatIPv6(address));
  }
  const before = BigInt(bitsBeforeU(prefix.length));
  const after = 32n - before;
  const high = (address >> 64n) & ((1n << before) - 1n);
  const low = (address >> (56n - after)) & ((1n << after) - 1n);
  return Number((high << after) | low);
}
