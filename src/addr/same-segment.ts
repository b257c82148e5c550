/**
 * `netkata same-segment`: are two hosts on the same network under one mask? The textbook test: AND
 * each address with the mask, part by part (octets for IPv4, 16-bit groups for IPv6), and compare the
 * two network numbers. Hosts on one segment talk directly (ARP / neighbour discovery); otherwise the
 * packet goes to the gateway.
 */
import { InputError, reason } from '../errors.js';
import {
  bitsOf,
  formatAddress,
  formatIPv4,
  maskFromPrefix,
  parseAddress,
  parseCidr,
  parseMask,
  prefixMask,
  type IpVersion,
  type ParsedAddress,
  type ParsedCidr,
} from './parse.js';

export interface PartValue {
  /** Decimal for an IPv4 octet, hex for an IPv6 group. */
  readonly value: string;
  readonly binary: string;
}

export interface AndStep {
  /** 1-based octet (IPv4) or group (IPv6) number. */
  readonly part: number;
  readonly mask: PartValue;
  readonly ip1: PartValue;
  readonly network1: PartValue;
  readonly ip2: PartValue;
  readonly network2: PartValue;
  readonly same: boolean;
}

export interface SameSegment {
  readonly sameSegment: boolean;
  readonly version: IpVersion;
  readonly ip1: string;
  readonly ip2: string;
  /** Dotted netmask for IPv4; the mask as an address (RFC 5952) for IPv6. */
  readonly mask: string;
  readonly prefix: number;
  readonly network1: string;
  readonly network2: string;
  readonly steps: readonly AndStep[];
  /** Why: the networks match, they differ, or the addresses carry different zone ids. */
  readonly reason: 'same-network' | 'different-networks' | 'different-zones';
  /** RFC 4007 zone ids as written (`fe80::1%eth0`), present only when given. */
  readonly zone1?: string;
  readonly zone2?: string;
}

function part(version: IpVersion, v: number): PartValue {
  return version === 4
    ? { value: String(v), binary: v.toString(2).padStart(8, '0') }
    : { value: v.toString(16), binary: v.toString(2).padStart(16, '0') };
}

export function sameSegmentOf(a: ParsedAddress, b: ParsedAddress, prefix: number): SameSegment {
  if (a.version !== b.version) {
    throw new InputError(reason('sameSegmentVersions', { a: a.version, b: b.version }), `${a.input} ${b.input}`);
  }
  const version = a.version;
  const mask = prefixMask(version, prefix);
  const n1 = a.value & mask;
  const n2 = b.value & mask;
  const partBits = version === 4 ? 8 : 16;
  const parts = bitsOf(version) / partBits;
  const partMask = (1n << BigInt(partBits)) - 1n;
  const steps: AndStep[] = [];
  for (let k = 0; k < parts; k++) {
    const shift = BigInt((parts - 1 - k) * partBits);
    const at = (x: bigint): number => Number((x >> shift) & partMask);
    steps.push({
      part: k + 1,
      mask: part(version, at(mask)),
      ip1: part(version, at(a.value)),
      network1: part(version, at(n1)),
      ip2: part(version, at(b.value)),
      network2: part(version, at(n2)),
      same: at(n1) === at(n2),
    });
  }
  // RFC 4007 section 6: a link-local zone is one link, and the zone index says which; section 11.1:
  // `fe80::1%eth0` and `fe80::2%eth1` name addresses in two zones, i.e. on two links, however the bits
  // compare. (Only both zones given can differ: an address without one is in the default zone.)
  const zonesDiffer = a.zone !== undefined && b.zone !== undefined && a.zone !== b.zone;
  return {
    sameSegment: n1 === n2 && !zonesDiffer,
    reason: zonesDiffer ? 'different-zones' : n1 === n2 ? 'same-network' : 'different-networks',
    ...(a.zone !== undefined ? { zone1: a.zone } : {}),
    ...(b.zone !== undefined ? { zone2: b.zone } : {}),
    version,
    ip1: formatAddress(version, a.value),
    ip2: formatAddress(version, b.value),
    mask: version === 4 ? formatIPv4(maskFromPrefix(prefix)) : formatAddress(6, mask),
    prefix,
    network1: formatAddress(version, n1),
    network2: formatAddress(version, n2),
    steps,
  };
}

/**
 * `<ip1> <ip2> --mask <mask|/prefix>`, or `<ip1>/<prefix> <ip2>` (the second may repeat the same
 * prefix). Two different prefixes are an error: the question needs one mask.
 */
export function sameSegment(ip1: string, ip2: string, mask?: string): SameSegment {
  if (mask !== undefined) {
    if (ip1.includes('/') || ip2.includes('/')) {
      throw new InputError(reason('sameSegmentMaskTwice'), `${ip1} ${ip2}`);
    }
    const a = parseAddress(ip1);
    const b = parseAddress(ip2);
    return sameSegmentOf(a, b, parseMask(mask, a.version));
  }
  if (!ip1.includes('/') && !ip2.includes('/')) {
    throw new InputError(reason('sameSegmentNoMask'), `${ip1} ${ip2}`);
  }
  const c1 = ip1.includes('/') ? parseCidr(ip1) : undefined;
  const c2 = ip2.includes('/') ? parseCidr(ip2) : undefined;
  if (c1 !== undefined && c2 !== undefined && c1.prefix !== c2.prefix) {
    throw new InputError(reason('sameSegmentTwoPrefixes', { a: c1.prefix, b: c2.prefix }), `${ip1} ${ip2}`);
  }
  const prefix = (c1 ?? c2)!.prefix;
  const fromCidr = (c: ParsedCidr, input: string): ParsedAddress =>
    c.zone === undefined ? { version: c.version, value: c.address, input } : { version: c.version, value: c.address, zone: c.zone, input };
  const a = c1 === undefined ? parseAddress(ip1) : fromCidr(c1, ip1);
  const b = c2 === undefined ? parseAddress(ip2) : fromCidr(c2, ip2);
  return sameSegmentOf(a, b, prefix);
}
