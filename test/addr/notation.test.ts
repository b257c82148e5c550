import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { fromBinary, fromInteger, notation, type NotationIPv4, type NotationIPv6 } from '../../src/addr/notation.js';
import { formatIPv6, parseAddress } from '../../src/addr/parse.js';
import { pythonToMixed, vectors } from './vectors.js';

const n4 = (t: string): NotationIPv4 => notation(t) as NotationIPv4;
const n6 = (t: string): NotationIPv6 => notation(t) as NotationIPv6;

describe('RFC 5952 section 4 examples', () => {
  it.each([
    ['2001:0db8::0001', '2001:db8::1', '4.1 leading zeros suppressed'],
    ['2001:db8:0:0:0:0:2:1', '2001:db8::2:1', '4.2.1 "::" used to its maximum'],
    ['2001:db8::0:1', '2001:db8::1', '4.2.1 2001:db8::0:1 is not acceptable'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1', '4.2.2 one 16-bit 0 field is not shortened'],
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1', '4.2.3 the longest run is shortened'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1', '4.2.3 the first of equal runs is shortened'],
    ['2001:DB8:AAAA:BBBB:CCCC:DDDD:EEEE:FFFF', '2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff', '4.3 lower case'],
  ])('%s -> %s (%s)', (input, want) => {
    expect(n6(input).address).toBe(want);
  });
  it('section 5: IPv4-mapped prints in mixed notation ::ffff:192.0.2.1 (address and mixed)', () => {
    expect(n6('::ffff:c000:201').address).toBe('::ffff:192.0.2.1');
    expect(n6('::ffff:c000:201').mixed).toBe('::ffff:192.0.2.1');
    expect(n6('::ffff:c000:201').hexForm).toBe('::ffff:c000:201');
    expect(n6('::ffff:c000:201').embeddedIPv4).toBe('192.0.2.1');
    expect(n6('::ffff:0:0').address).toBe('::ffff:0.0.0.0');
  });
  it('RFC 6052 2.4: 64:ff9b::192.0.2.33 in mixed notation (the Well-Known Prefix only)', () => {
    expect(n6('64:ff9b::c000:221').address).toBe('64:ff9b::192.0.2.33');
    expect(n6('64:ff9b::c000:221').mixed).toBe('64:ff9b::192.0.2.33');
    expect(n6('64:ff9b::1').address).toBe('64:ff9b::0.0.0.1');
    // RFC 8215 local-use 64:ff9b:1::/48: where the IPv4 bits sit depends on the operator's prefix length.
    expect(n6('64:ff9b:1::c000:221').address).toBe('64:ff9b:1::c000:221');
  });
  it('section 5 applies only where the address is known to carry IPv4: ::1, ::c000:201 (deprecated IPv4-compatible), 6to4 stay hex', () => {
    expect(n6('::1').address).toBe('::1');
    expect(n6('::192.0.2.1').address).toBe('::c000:201');
    expect(n6('2002:c000:201::1').address).toBe('2002:c000:201::1');
    expect(n6('::fffe:c000:201').address).toBe('::fffe:c000:201');
  });
});

describe('IPv4 notations of 192.168.12.87', () => {
  it('integer, hex, dotted binary, octets, mapped and reverse DNS', () => {
    expect(n4('192.168.12.87')).toEqual({
      version: 4,
      address: '192.168.12.87',
      integer: 3232238679,
      hex: '0xc0a80c57',
      binary: '11000000.10101000.00001100.01010111',
      octets: [192, 168, 12, 87],
      ipv4Mapped: '::ffff:192.168.12.87',
      ipv4MappedHex: '::ffff:c0a8:c57',
      reverse: '87.12.168.192.in-addr.arpa',
    });
  });
});

describe(`Python ${vectors.python} ipaddress agrees on notation`, () => {
  it.each(vectors.notationV4.map((v) => [v.address, v] as const))('IPv4 %s', (_, v) => {
    const n = n4(v.address);
    expect(n.integer).toBe(v.integer);
    expect(n.hex).toBe(v.hex);
    expect(n.reverse).toBe(v.reverse);
    expect(n.ipv4MappedHex).toBe(v.mapped);
    expect(fromInteger(String(v.integer)).address).toBe(v.address);
    expect(fromBinary(n.binary).address).toBe(v.address);
  });
  // Mapped and 64:ff9b::/96 addresses print in RFC 5952 section 5 mixed form; Python's section 4 text
  // is compared through pythonToMixed (see vectors.ts), and `hexForm` must equal Python's text as is.
  it.each(vectors.notationV6.map((v) => [v.input, v] as const))('IPv6 %s', (_, v) => {
    const n = n6(v.input);
    const want = pythonToMixed(v.address);
    expect(n.address).toBe(want);
    if (want !== v.address) expect(n.hexForm).toBe(v.address);
    else expect(n.hexForm).toBeUndefined();
    expect(n.expanded).toBe(v.exploded);
    expect(n.integer).toBe(v.integer);
    expect(n.reverse).toBe(v.reverse);
    expect(fromInteger(v.integer, 6).address).toBe(want);
    expect(fromBinary(n.binary).address).toBe(want);
  });
});

describe('back from integers and bits', () => {
  it('--from-int: IPv4 up to 2^32-1, IPv6 above, --v6 forces IPv6, 0x hex accepted', () => {
    expect(fromInteger('3232238679').address).toBe('192.168.12.87');
    expect(fromInteger('0xc0a80c57').address).toBe('192.168.12.87');
    expect(fromInteger('4294967296').address).toBe('::1:0:0');
    expect(fromInteger('1', 6).address).toBe('::1');
    expect(fromInteger('340282366920938463463374607431768211455').address).toBe('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
  });
  it.each([['-1', /non-negative integer/], ['1.5', /non-negative integer/], ['340282366920938463463374607431768211456', /larger than 2\^128/], ['', /non-negative/]])(
    '--from-int %j is rejected',
    (t, why) => {
      expect(() => fromInteger(t)).toThrow(InputError);
      expect(() => fromInteger(t)).toThrow(why);
    },
  );
  it('--from-binary: 32 or 128 bits, separators ignored', () => {
    expect(fromBinary('11000000101010000000110001010111').address).toBe('192.168.12.87');
    expect(fromBinary(`${'0'.repeat(127)}1`).address).toBe('::1');
    expect(() => fromBinary('1012')).toThrow(/"2" is not a bit/);
    expect(() => fromBinary('1'.repeat(31))).toThrow(/31 bits/);
  });
  it('keeps the zone id', () => {
    expect(n6('fe80::1%eth0').zone).toBe('eth0');
  });
  it('formatIPv6 (section 4, all hex) round-trips parseAddress for Python\'s forms', () => {
    for (const v of vectors.notationV6) expect(formatIPv6(parseAddress(v.address).value)).toBe(v.address);
  });
});
