// Differential: the hand-written uint32 IPv4 scanners (string and byte) accept exactly what ip-address's
// Address4 accepts as a plain address, and give the same value. Seeded, so a failure replays.
import { Address4, Address6 } from 'ip-address';
import { describe, expect, it } from 'vitest';
import { parseAddress, scanIPv4 } from '../../src/addr/parse.js';
import { scanIPv4Bytes } from '../../src/addr/subnet-bulk.js';
import { seeded } from './vectors.js';

const ALPHABET = '0123456789.....x-+ /';

function randomDottedish(next: () => number): string {
  const r = next() % 4;
  if (r === 0) {
    // a well-formed address
    const v = next();
    return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  }
  if (r === 1) {
    // octets with leading zeros, overflows and odd counts
    const n = 1 + (next() % 6);
    const parts: string[] = [];
    for (let k = 0; k < n; k++) {
      const kind = next() % 5;
      parts.push(kind === 0 ? `0${next() % 100}` : kind === 1 ? String(next() % 1000) : kind === 2 ? '' : String(next() % 256));
    }
    return parts.join('.');
  }
  const len = next() % 18;
  let s = '';
  for (let k = 0; k < len; k++) s += ALPHABET[next() % ALPHABET.length];
  return s;
}

function libraryValue(text: string): number {
  // Address4 also takes "/n"; a plain address is what is compared.
  if (text.includes('/') || !Address4.isValid(text)) return -1;
  return Number(new Address4(text).bigInt());
}

describe('IPv4 scanner vs ip-address Address4 (seeded random input)', () => {
  it('agree on acceptance and value for 100,000 inputs', () => {
    const next = seeded(0x5eed0001);
    let accepted = 0;
    for (let i = 0; i < 100_000; i++) {
      const s = randomDottedish(next);
      const want = libraryValue(s);
      const got = scanIPv4(s);
      if (got !== want) expect({ input: s, got }).toEqual({ input: s, got: want });
      const bytes = Buffer.from(`#${s}#`, 'latin1');
      const gotBytes = scanIPv4Bytes(bytes, 1, bytes.length - 1);
      if (gotBytes !== want) expect({ input: s, gotBytes }).toEqual({ input: s, gotBytes: want });
      if (want >= 0) accepted++;
    }
    // The generator must exercise both outcomes, or the comparison proves little.
    expect(accepted).toBeGreaterThan(20_000);
    expect(accepted).toBeLessThan(80_000);
  });
});

describe('IPv6 parse vs ip-address Address6 value (seeded random values, several spellings)', () => {
  it('gives the same 128-bit value as Address6 for 4,000 addresses', () => {
    const next = seeded(0x5eed0002);
    for (let i = 0; i < 4_000; i++) {
      let v = 0n;
      for (let k = 0; k < 4; k++) v = (v << 32n) | BigInt(next());
      // zero out a random run of groups so "::" appears
      const start = next() % 8;
      const len = next() % 8;
      for (let g = start; g < Math.min(8, start + len); g++) v &= ~(0xffffn << BigInt(16 * (7 - g)));
      const lib = Address6.fromBigInt(v);
      for (const spelling of [lib.correctForm(), lib.canonicalForm(), lib.to4in6()]) {
        expect(parseAddress(spelling).value).toBe(v);
      }
    }
  });
});
