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
