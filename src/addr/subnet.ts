/**
 * `netkata subnet`: everything about the block an address sits in.
 *
 * Two implementations of one contract:
 *  - IPv4 uses uint32 arithmetic (`subnetIPv4`), the path one-shot and bulk `--stdin` take;
 *  - `subnetViaLibrary` asks ip-address (Address4/Address6) and is what IPv6 uses.
 * test/addr/subnet-diff.test.ts proves both give the same object for seeded random IPv4 input, and
 * that the bulk serializer (subnet-bulk.ts) prints exactly `JSON.stringify(subnet(...))`.
 *
 * Count rule (CLI.md "numbers that can exceed 2^53 are decimal strings"): the type follows the version,
 * not the value. IPv4 `hostCount`/`addressCount` are always JSON numbers (at most 2^32); IPv6 ones are
 * always decimal strings, even "1" for a /128, so a consumer never sees the type change with the prefix.
 */
import {
  binaryIPv4,
  expandIPv6,
  formatIPv4,
  formatIPv6Text,
  ipAddressLib,
  maskFromPrefix,
  type ParsedCidr,
} from './parse.js';
import { ipv4Ranges, ipv6Ranges } from './classify.js';

export type AddressClass = 'A' | 'B' | 'C' | 'D' | 'E';

export interface SubnetIPv4 {
  readonly version: 4;
  readonly input: string;
  readonly address: string;
  readonly prefix: number;
  readonly network: string;
  readonly cidr: string;
  readonly netmask: string;
  readonly wildcard: string;
  /** null for /31 (RFC 3021: both addresses are hosts) and /32. */
  readonly broadcast: string | null;
  readonly firstHost: string;
  readonly lastHost: string;
  readonly hostCount: number;
  readonly addressCount: number;
  readonly class: AddressClass;
  readonly ranges: readonly string[];
  readonly binary: { readonly address: string; readonly netmask: string; readonly network: string };
}

export interface SubnetIPv6 {
  readonly version: 6;
  readonly input: string;
  readonly address: string;
  readonly prefix: number;
  readonly network: string;
  readonly cidr: string;
  readonly firstHost: string;
  readonly lastHost: string;
  readonly lastAddress: string;
  readonly hostCount: string;
  readonly addressCount: string;
  readonly expanded: string;
  readonly ranges: readonly string[];
  readonly zone?: string;
}

export type SubnetInfo = SubnetIPv4 | SubnetIPv6;

/** Classful class by the leading bits (RFC 791 3.2; D is multicast RFC 1112, E reserved). */
export function addressClass(value: number): AddressClass {
  const first = value >>> 24;
  if (first < 128) return 'A';
  if (first < 192) return 'B';
  if (first < 224) return 'C';
  if (first < 240) return 'D';
  return 'E';
}

/** IPv4 host range and count; RFC 3021 makes both addresses of a /31 hosts, and a /32 is one host. */
export function ipv4Hosts(network: number, broadcast: number, prefix: number): { first: number; last: number; count: number } {
  if (prefix === 32) return { first: network, last: network, count: 1 };
  if (prefix === 31) return { first: network, last: broadcast, count: 2 };
  return { first: network + 1, last: broadcast - 1, count: 2 ** (32 - prefix) - 2 };
}

export function subnetIPv4(address: number, prefix: number, input: string): SubnetIPv4 {
  const mask = maskFromPrefix(prefix);
  const network = (address & mask) >>> 0;
  const broadcast = (network | ~mask) >>> 0;
  const hosts = ipv4Hosts(network, broadcast, prefix);
  const networkText = formatIPv4(network);
  return {
    version: 4,
    input,
    address: formatIPv4(address),
    prefix,
    network: networkText,
    cidr: `${networkText}/${prefix}`,
    netmask: formatIPv4(mask),
    wildcard: formatIPv4(~mask >>> 0),
    broadcast: prefix >= 31 ? null : formatIPv4(broadcast),
    firstHost: formatIPv4(hosts.first),
    lastHost: formatIPv4(hosts.last),
    hostCount: hosts.count,
    addressCount: 2 ** (32 - prefix),
    class: addressClass(address),
    ranges: ipv4Ranges(address).map((r) => r.name),
    binary: { address: binaryIPv4(address), netmask: binaryIPv4(mask), network: binaryIPv4(network) },
  };
}

export function subnetIPv6(address: bigint, prefix: number, input: string, zone?: string): SubnetIPv6 {
  const hostBits = BigInt(128 - prefix);
  const network = (address >> hostBits) << hostBits;
  const last = network | ((1n << hostBits) - 1n);
  const networkText = formatIPv6Text(network);
  const count = (1n << hostBits).toString();
  const info: SubnetIPv6 = {
    version: 6,
    input,
    address: formatIPv6Text(address),
    prefix,
    network: networkText,
    cidr: `${networkText}/${prefix}`,
    firstHost: networkText,
    lastHost: formatIPv6Text(last),
    lastAddress: formatIPv6Text(last),
    hostCount: count,
    addressCount: count,
    expanded: expandIPv6(address),
    ranges: ipv6Ranges(address).map((r) => r.name),
  };
  return zone === undefined ? info : { ...info, zone };
}

export function subnet(cidr: ParsedCidr): SubnetInfo {
  return cidr.version === 4
    ? subnetIPv4(Number(cidr.address), cidr.prefix, cidr.input)
    : subnetIPv6(cidr.address, cidr.prefix, cidr.input, cidr.zone);
}

/**
 * The same contract computed by ip-address. Its startAddress/endAddress are the network and the last
 * address; its *Exclusive variants step one in from each end, which for a /31 or /32 gives start > end,
 * so those two prefixes take the RFC 3021 reading here as well.
 */
export function subnetViaLibrary(cidr: ParsedCidr): SubnetInfo {
  const { Address4, Address6 } = ipAddressLib();
  if (cidr.version === 4) {
    const a = Address4.fromBigInt(cidr.address);
    const block = new Address4(`${a.correctForm()}/${cidr.prefix}`);
    const start = block.startAddress();
    const end = block.endAddress();
    const small = cidr.prefix >= 31;
    const first = cidr.prefix === 32 ? a : small ? start : block.startAddressExclusive();
    const last = cidr.prefix === 32 ? a : small ? end : block.endAddressExclusive();
    const count = cidr.prefix === 32 ? 1n : last.bigInt() - first.bigInt() + 1n;
    const maskValue = ((1n << 32n) - 1n) ^ ((1n << BigInt(32 - cidr.prefix)) - 1n);
    const mask = Address4.fromBigInt(maskValue);
    const wildcard = Address4.fromBigInt(((1n << 32n) - 1n) ^ maskValue);
    const dotted = (x: InstanceType<typeof Address4>): string => x.binaryZeroPad().replace(/(.{8})(?!$)/g, '$1.');
    const firstOctet = Number(a.toArray()[0]);
    const klass: AddressClass = firstOctet < 128 ? 'A' : firstOctet < 192 ? 'B' : firstOctet < 224 ? 'C' : firstOctet < 240 ? 'D' : 'E';
    return {
      version: 4,
      input: cidr.input,
      address: a.correctForm(),
      prefix: cidr.prefix,
      network: start.correctForm(),
      cidr: `${start.correctForm()}/${cidr.prefix}`,
      netmask: mask.correctForm(),
      wildcard: wildcard.correctForm(),
      broadcast: small ? null : end.correctForm(),
      firstHost: first.correctForm(),
      lastHost: last.correctForm(),
      hostCount: Number(count),
      addressCount: Number(end.bigInt() - start.bigInt() + 1n),
      class: klass,
      ranges: ipv4Ranges(Number(cidr.address)).map((r) => r.name),
      binary: { address: dotted(a), netmask: dotted(mask), network: dotted(start) },
    };
  }
  const a = Address6.fromBigInt(cidr.address);
  const block = new Address6(`${a.correctForm()}/${cidr.prefix}`);
  const start = block.startAddress();
  const end = block.endAddress();
  const count = (end.bigInt() - start.bigInt() + 1n).toString();
  const info: SubnetIPv6 = {
    version: 6,
    input: cidr.input,
    address: a.correctForm(),
    prefix: cidr.prefix,
    network: start.correctForm(),
    cidr: `${start.correctForm()}/${cidr.prefix}`,
    firstHost: start.correctForm(),
    lastHost: end.correctForm(),
    lastAddress: end.correctForm(),
    hostCount: count,
    addressCount: count,
    expanded: a.canonicalForm(),
    ranges: ipv6Ranges(cidr.address).map((r) => r.name),
  };
  return cidr.zone === undefined ? info : { ...info, zone: cidr.zone };
}
