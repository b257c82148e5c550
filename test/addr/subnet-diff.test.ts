// Differential tests of the fast paths (seeded): the uint32 IPv4 subnet against ip-address, and the
// byte-level bulk serializer against JSON.stringify of the object.
import { describe, expect, it } from 'vitest';
import { formatIPv4, parseCidr, type ParsedCidr } from '../../src/addr/parse.js';
import { subnet, subnetViaLibrary } from '../../src/addr/subnet.js';
import { encodeSubnetJsonLine, MAX_ENCODED_RECORD, subnetJsonLine } from '../../src/addr/subnet-bulk.js';
import { IPV4_SPECIAL } from '../../src/addr/special-ranges.js';
import { seeded } from './vectors.js';

function randomV4Cidr(next: () => number): string {
  const p = next() % 4 === 0 ? [0, 1, 8, 16, 24, 30, 31, 32][next() % 8]! : next() % 33;
  return `${formatIPv4(next())}/${p}`;
}

describe('uint32 IPv4 subnet vs ip-address (Address4)', () => {
  it('same object for 20,000 seeded random CIDRs, all prefixes', () => {
    const next = seeded(0x5eed0003);
    for (let i = 0; i < 20_000; i++) {
      const c = parseCidr(randomV4Cidr(next));
      const fast = subnet(c);
      const lib = subnetViaLibrary(c);
      if (JSON.stringify(fast) !== JSON.stringify(lib)) expect(fast).toEqual(lib);
    }
  });
  it('every prefix 0..32 at the edges of the address space', () => {
    for (let p = 0; p <= 32; p++) {
      for (const a of ['0.0.0.0', '255.255.255.255', '127.0.0.1', '128.0.0.0']) {
        const c = parseCidr(`${a}/${p}`);
        expect(subnet(c)).toEqual(subnetViaLibrary(c));
      }
    }
  });
});

describe('bigint IPv6 subnet vs ip-address (Address6)', () => {
  it('same object for 2,000 seeded random CIDRs', () => {
    const next = seeded(0x5eed0004);
    for (let i = 0; i < 2_000; i++) {
      let v = 0n;
      for (let k = 0; k < 4; k++) v = (v << 32n) | BigInt(next());
      if (next() % 2 === 0) v &= ~(0xffffffffn << BigInt(32 * (next() % 4)));
      const c: ParsedCidr = { version: 6, address: v, prefix: next() % 129, input: 'x' };
      expect(subnet(c)).toEqual(subnetViaLibrary(c));
    }
  });
});

describe('bulk byte serializer vs JSON.stringify(subnet(parseCidr(line)))', () => {
  const out = new Uint8Array(MAX_ENCODED_RECORD + 16);
  const encode = (line: string): string | undefined => {
    const src = Buffer.from(line, 'latin1');
    const end = encodeSubnetJsonLine(src, 0, src.length, out, 8);
    return end < 0 ? undefined : Buffer.from(out.subarray(8, end)).toString('latin1');
  };

  it('byte-identical for 20,000 seeded random a.b.c.d/n lines', () => {
    const next = seeded(0x5eed0005);
    for (let i = 0; i < 20_000; i++) {
      const line = randomV4Cidr(next);
      const got = encode(line);
      const want = JSON.stringify(subnet(parseCidr(line)));
      if (got !== want) expect(got).toBe(want);
      expect(subnetJsonLine(line)).toBe(want);
    }
  });

  it('byte-identical at both edges of every IPv4 special-purpose block, under every prefix', () => {
    // Random addresses seldom land in the small and nested blocks (192.0.0.9/32 inside 192.0.0.0/24), whose
    // ranges lists the serializer caches per class and prefix.
    for (const r of IPV4_SPECIAL) {
      const c = parseCidr(r.cidr);
      const s = subnet(c);
      for (const a of [s.network, s.broadcast ?? s.lastHost]) {
        for (let p = 0; p <= 32; p++) {
          const line = `${a}/${p}`;
          expect(encode(line)).toBe(JSON.stringify(subnet(parseCidr(line))));
        }
      }
    }
  });

  it('declines (-1) every line that is not exactly a.b.c.d/n, leaving it to the strict parser', () => {
    for (const line of ['1.2.3.4', '1.2.3.4/33', '1.2.3.4/024', '01.2.3.4/8', '1.2.3/8', '1.2.3.4 255.0.0.0', '1.2.3.4/255.0.0.0',
      '::1/64', '1.2.3.4/', '/8', '1.2.3.4/8/8', ' 1.2.3.4/8', '255.255.255.255/32x', '']) {
      expect(encode(line)).toBeUndefined();
    }
    expect(encode('255.255.255.255/32')).toBe(JSON.stringify(subnet(parseCidr('255.255.255.255/32'))));
  });
});
