// Loads test/data/addr-vectors.json (made by test/data/gen_addr_vectors.py from Python's ipaddress).
import { readFileSync } from 'node:fs';

export interface SubnetV4Vector {
  input: string; network: string; netmask: string; hostmask: string; broadcast: string;
  numAddresses: number; firstHost: string; lastHost?: string; hostCount?: number;
}
export interface SubnetV6Vector { input: string; address: string; network: string; broadcast: string; numAddresses: string; exploded: string }
export interface NotationV4Vector { address: string; integer: number; hex: string; reverse: string; mapped: string }
export interface NotationV6Vector {
  input: string; address: string; exploded: string; integer: string; reverse: string;
  ipv4Mapped: string | null; sixtofour: string | null; teredo: [string, string] | null;
}
export interface ClassifyVector {
  address: string; version: 4 | 6; isGlobal: boolean; isPrivate: boolean; isMulticast: boolean; isLoopback: boolean; isLinkLocal: boolean;
}
export interface ParseVector { input: string; valid: boolean; address?: string }
export interface AddrVectors {
  python: string;
  subnetV4: SubnetV4Vector[]; subnetV6: SubnetV6Vector[];
  notationV4: NotationV4Vector[]; notationV6: NotationV6Vector[];
  classify: ClassifyVector[]; parse: ParseVector[];
}

export const vectors = JSON.parse(
  readFileSync(new URL('../data/addr-vectors.json', import.meta.url), 'utf8'),
) as AddrVectors;

/** A small seeded generator (mulberry32) for differential tests: same seed, same inputs. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/**
 * Python's ipaddress prints every IPv6 address in RFC 5952 section 4 form (`::ffff:7f00:1`). netkata
 * follows section 5 as well: "it is RECOMMENDED to use mixed notation if ... the address is known to be
 * IPv4-mapped", and RFC 6052 2.4 writes NAT64 Well-Known-Prefix addresses the same way
 * (`64:ff9b::192.0.2.33`). So a Python string in ::ffff:0:0/96 or 64:ff9b::/96 is compared after this
 * rewrite of its last 32 bits to dotted decimal: a text operation on Python's output, independent of
 * netkata's formatter. Every other string is returned unchanged.
 */
export function pythonToMixed(text: string): string {
  const dotted = (hi: string | undefined, lo: string | undefined): string => {
    const h = hi === undefined || hi === '' ? 0 : Number.parseInt(hi, 16);
    const l = lo === undefined || lo === '' ? 0 : Number.parseInt(lo, 16);
    return [h >> 8, h & 255, l >> 8, l & 255].join('.');
  };
  // Section 4 spelling of ::ffff:a.b.c.d: the five zero groups are always the "::" run.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(text);
  if (mapped) return `::ffff:${dotted(mapped[1], mapped[2])}`;
  // 64:ff9b:0:0:0:0:hi:lo: "::" covers groups 3-6, plus hi when it is 0 (then one group, or none when lo is 0 too).
  const nat64 = /^64:ff9b::(?:([0-9a-f]{1,4}):)?([0-9a-f]{1,4})?$/.exec(text);
  if (nat64) return `64:ff9b::${dotted(nat64[1], nat64[2])}`;
  return text;
}
