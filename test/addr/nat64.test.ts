// RFC 6052 IPv4-embedded IPv6 addresses under every allowed prefix length. The vectors are the table of
// RFC 6052 section 2.4 (192.0.2.33 under six Network-Specific Prefixes), in the RFC's own spelling; the
// property test checks the section 2.2 layout rules for any prefix and any IPv4 address.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { classify } from '../../src/addr/classify.js';
import { embedIPv4, extractIPv4, NAT64_PREFIX_LENGTHS, parseNat64Prefix } from '../../src/addr/nat64.js';
import { notation } from '../../src/addr/notation.js';
import { parseAddress } from '../../src/addr/parse.js';

const RFC6052_2_4: readonly [prefix: string, ipv4: string, embedded: string][] = [
  ['2001:db8::/32', '192.0.2.33', '2001:db8:c000:221::'],
  ['2001:db8:100::/40', '192.0.2.33', '2001:db8:1c0:2:21::'],
  ['2001:db8:122::/48', '192.0.2.33', '2001:db8:122:c000:2:2100::'],
  ['2001:db8:122:300::/56', '192.0.2.33', '2001:db8:122:3c0:0:221::'],
  ['2001:db8:122:344::/64', '192.0.2.33', '2001:db8:122:344:c0:2:2100::'],
  ['2001:db8:122:344::/96', '192.0.2.33', '2001:db8:122:344::192.0.2.33'],
];

const v6 = (text: string): bigint => parseAddress(text).value;
const v4 = (text: string): number => Number(parseAddress(text).value);

describe('RFC 6052 section 2.4 examples', () => {
  for (const [prefix, ipv4, embedded] of RFC6052_2_4) {
    it(`${ipv4} under ${prefix} is ${embedded}, and back`, () => {
      const p = parseNat64Prefix(prefix);
      expect(embedIPv4(p, v4(ipv4))).toBe(v6(embedded));
      expect(extractIPv4(p, v6(embedded))).toBe(v4(ipv4));
    });
  }

  it('the Well-Known Prefix under --nat64 agrees with the built-in 64:ff9b::/96 reading', () => {
    const wkp = parseNat64Prefix('64:ff9b::/96');
    expect(embedIPv4(wkp, v4('192.0.2.33'))).toBe(v6('64:ff9b::192.0.2.33'));
    expect(notation('64:ff9b::c000:221', wkp)).toMatchObject({ address: '64:ff9b::192.0.2.33', embeddedIPv4: '192.0.2.33', embeddedKind: 'nat64' });
    expect(classify('64:ff9b::7f00:1', wkp)).toMatchObject({ embeddedIPv4: '127.0.0.1', global: false });
    expect(classify('64:ff9b::7f00:1')).toMatchObject({ embeddedIPv4: '127.0.0.1', global: false });
  });

  it('ip shows the section 5 mixed form only where the IPv4 bits are the low 32 (/96)', () => {
    expect(notation('192.0.2.33', parseNat64Prefix('2001:db8:122:344::/96'))).toMatchObject({
      version: 6, address: '2001:db8:122:344::192.0.2.33', hexForm: '2001:db8:122:344::c000:221', nat64Prefix: '2001:db8:122:344::/96',
    });
    const n48 = notation('192.0.2.33', parseNat64Prefix('2001:db8:122::/48'));
    expect(n48).toMatchObject({ address: '2001:db8:122:c000:2:2100::', embeddedIPv4: '192.0.2.33', embeddedKind: 'nat64' });
    expect(n48).not.toHaveProperty('hexForm');
  });

  it('classify under a network-specific prefix judges the IPv4 it carries (loopback is not global)', () => {
    const c = classify('2001:db8:7f00:1::', parseNat64Prefix('2001:db8::/32'));
    expect(c).toMatchObject({ embeddedIPv4: '127.0.0.1', nat64Prefix: '2001:db8::/32', global: false, embedded: { kind: 'nat64', scope: 'loopback' } });
    // Without the prefix nothing says the address carries IPv4 (RFC 6052 gives no marker; RFC 7050 discovers it).
    expect(classify('2001:db8:7f00:1::')).not.toHaveProperty('embeddedIPv4');
  });
});

describe('RFC 6052 section 2.2 layout, any prefix and IPv4 address', () => {
  const prefixAndV4 = fc.tuple(
    fc.constantFrom(...NAT64_PREFIX_LENGTHS),
    fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
    fc.integer({ min: 0, max: 0xffffffff }),
  );
  it('embed then extract gives the IPv4 back; the result keeps the prefix, a zero u octet and a zero suffix', () => {
    fc.assert(fc.property(prefixAndV4, ([len, bits, ipv4]) => {
      const hostMask = ((1n << 128n) - 1n) >> BigInt(len);
      const value = bits & ~hostMask & ~(0xffn << 56n) & ((1n << 128n) - 1n);
      const p = { value, length: len, text: 'x' };
      const a = embedIPv4(p, ipv4);
      expect(a & ~hostMask & ((1n << 128n) - 1n)).toBe(value);
      expect((a >> 56n) & 0xffn).toBe(0n);
      // Take the u octet out (120 bits left): the IPv4 address is then the 32 bits right after the prefix,
      // which is itself 8 bits shorter when it held the u octet (/96), and the rest is the zero suffix.
      const withoutU = ((a >> 64n) << 56n) | (a & ((1n << 56n) - 1n));
      const suffixBits = BigInt(120 - (len === 96 ? 88 : len) - 32);
      expect(Number((withoutU >> suffixBits) & 0xffffffffn)).toBe(ipv4);
      expect(withoutU & ((1n << suffixBits) - 1n)).toBe(0n);
      expect(extractIPv4(p, a)).toBe(ipv4);
    }), { numRuns: 5_000, seed: 6052 });
  });

  it('a receiver ignores the suffix (section 2.2: SHOULD ignore)', () => {
    const p = parseNat64Prefix('2001:db8:122::/48');
    expect(extractIPv4(p, v6('2001:db8:122:c000:2:2100:abcd:1'))).toBe(v4('192.0.2.33'));
  });
});

describe('rejections are one-line InputErrors', () => {
  const cases: [string, RegExp][] = [
    ['2001:db8::/33', /allows prefix lengths 32, 40, 48, 56, 64, 96/],
    ['2001:db8::1/32', /host bits are set; the \/32 prefix is 2001:db8::\/32/],
    ['10.0.0.0/8', /IPv6 prefix/],
    ['2001:db8::', /needs its length/],
    ['2001:db8:0:0:ff00::/96', /u octet/],
    ['fe80::%eth0/64', /zone/],
  ];
  for (const [text, message] of cases) {
    it(`--nat64 ${text}`, () => {
      expect(() => parseNat64Prefix(text)).toThrow(InputError);
      expect(() => parseNat64Prefix(text)).toThrow(message);
    });
  }
  it('an address outside the prefix, or with a non-zero u octet', () => {
    const p = parseNat64Prefix('2001:db8:122:344::/64');
    expect(() => extractIPv4(p, v6('2001:db9::1'))).toThrow(/not inside the NAT64 prefix 2001:db8:122:344::\/64/);
    expect(() => extractIPv4(p, v6('2001:db8:122:344:1c0:2:2100:0'))).toThrow(/u octet/);
    expect(() => classify('192.0.2.33', p)).toThrow(InputError);
  });
});
