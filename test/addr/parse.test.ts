import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  formatAddress,
  isValidAddress,
  parseAddress,
  parseCidr,
  parseIPv4ToUint32,
} from '../../src/addr/parse.js';
import { pythonToMixed, vectors } from './vectors.js';

function rejection(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('strict IPv4 (CLI.md: 010.1.1.1, 1.2.3, 127.1, 0x7f.0.0.1 are rejected with a reason)', () => {
  it.each([
    ['010.1.1.1', /leading zero.*octal/],
    ['1.2.3.04', /leading zero/],
    ['00.0.0.0', /leading zero/],
    ['127.1', /shorthand IPv4 with 2 parts/],
    ['1.2.3', /shorthand IPv4 with 3 parts/],
    ['0x7f.0.0.1', /hex notation/],
    ['7f.0.0.1', /hex digits/],
    ['256.1.1.1', /octet 256 is out of range 0-255/],
    ['1.2.3.1000', /out of range/],
    ['1.2.3.4.5', /5 octets/],
    ['1..2.3', /empty octet 2/],
    ['1.2.3.', /empty octet 4/],
    ['3232238679', /bare number/],
    ['1.2.3.4 ', /unexpected character " "/],
    ['', /empty address/],
  ])('%s is rejected: %s', (text, why) => {
    const e = rejection(() => parseAddress(text));
    expect(e.message).toMatch(why);
    expect(e.input).toBe(text);
    expect(e.message).not.toContain('\n');
    expect(() => parseIPv4ToUint32(text)).toThrow(InputError);
  });

  it('accepts dotted decimal and gives the uint32', () => {
    expect(parseIPv4ToUint32('192.168.12.87')).toBe(3232238679);
    expect(parseIPv4ToUint32('255.255.255.255')).toBe(0xffffffff);
    expect(parseIPv4ToUint32('0.0.0.0')).toBe(0);
    expect(parseAddress('10.0.0.1')).toEqual({ version: 4, value: 0x0a000001n, input: '10.0.0.1' });
  });
});

describe('IPv6 (RFC 4291 2.2, zone ids per RFC 4007 11)', () => {
  it.each([
    [':::', /":::" is not valid/],
    ['1::2::3', /"::" may appear only once/],
    ['12345::', /more than four hex digits/],
    ['1:2:3:4:5:6:7:8:9', /9 groups/],
    ['1:2:3:4:5:6:7', /7 groups/],
    [':1:2:3:4:5:6:7', /cannot start with a single ":"/],
    ['1:2:3:4:5:6:7:', /cannot end with a single ":"/],
    ['1:2:3:4:5:6::1.2.3.4', /at least one zero group/],
    ['::ffff:010.0.0.1', /embedded IPv4 010\.0\.0\.1: .*leading zero/],
    ['::ffff:1.2.3', /embedded IPv4 1\.2\.3: shorthand/],
    ['1.2.3.4::', /dotted IPv4 part may only be the last 32 bits/],
    ['[::1]', /brackets/],
    ['::g', /unexpected character "g"/],
    ['fe80::1%', /empty zone id/],
    ['fe80::1%et h', /zone id may hold only/],
  ])('%s is rejected: %s', (text, why) => {
    const e = rejection(() => parseAddress(text));
    expect(e.message).toMatch(why);
  });

  it('keeps the zone id and parses the address part', () => {
    expect(parseAddress('fe80::1%eth0')).toEqual({ version: 6, value: 0xfe800000000000000000000000000001n, zone: 'eth0', input: 'fe80::1%eth0' });
    expect(parseCidr('fe80::1%eth0/64')).toMatchObject({ prefix: 64, zone: 'eth0' });
  });

  it('reads IPv4-mapped written three ways as one value (the SSRF bypass spellings)', () => {
    const want = 0xffff7f000001n;
    expect(parseAddress('::ffff:127.0.0.1').value).toBe(want);
    expect(parseAddress('::fFFf:7f00:1').value).toBe(want);
    expect(parseAddress('0:0:0:0:0:ffff:127.0.0.1').value).toBe(want);
  });
});

describe('CIDR and masks', () => {
  it('accepts a.b.c.d/n, a.b.c.d/mask, (a.b.c.d, mask), v6/n and a bare address', () => {
    expect(parseCidr('192.168.12.87/24')).toMatchObject({ version: 4, address: 3232238679n, prefix: 24 });
    expect(parseCidr('192.168.12.87/255.255.255.0')).toMatchObject({ prefix: 24 });
    expect(parseCidr('192.168.12.87', '255.255.255.0')).toMatchObject({ prefix: 24, input: '192.168.12.87 255.255.255.0' });
    expect(parseCidr('192.168.12.87', '/26')).toMatchObject({ prefix: 26 });
    expect(parseCidr('2001:db8::1/64')).toMatchObject({ version: 6, prefix: 64 });
    expect(parseCidr('10.0.0.1')).toMatchObject({ prefix: 32 });
    expect(parseCidr('::1')).toMatchObject({ prefix: 128 });
    expect(parseCidr('0.0.0.0/0.0.0.0')).toMatchObject({ prefix: 0 });
  });

  it.each([
    ['10.0.0.1/33', /prefix length 33 is larger than 32/],
    ['2001:db8::/129', /prefix length 129 is larger than 128/],
    ['10.0.0.1/255.0.255.0', /mask 255\.0\.255\.0 is not contiguous/],
    ['10.0.0.1/255.255.255.1', /not contiguous/],
    ['10.0.0.1/0.0.0.255', /wildcard .* the netmask is 255\.255\.255\.0 \(\/24\)/],
    ['10.0.0.1/024', /leading zero/],
    ['10.0.0.1/', /nothing after "\/"/],
    ['10.0.0.1/2/3', /more than one "\/"/],
    ['10.0.0.1/x', /is not a number/],
    ['2001:db8::/255.255.0.0', /dotted mask only applies to IPv4/],
  ])('%s is rejected: %s', (text, why) => {
    expect(rejection(() => parseCidr(text)).message).toMatch(why);
  });

  it('rejects a mask given twice', () => {
    expect(rejection(() => parseCidr('10.0.0.1/8', '255.0.0.0')).message).toMatch(/not both/);
  });
});

describe(`Python ${vectors.python} ipaddress.ip_address agrees on what is an address`, () => {
  // Python accepts any zone id characters; netkata allows [A-Za-z0-9_.-] (none of these vectors differ).
  it.each(vectors.parse.map((v) => [v.input, v] as const))('%j', (_, v) => {
    expect(isValidAddress(v.input)).toBe(v.valid);
    if (v.valid) {
      const a = parseAddress(v.input);
      // RFC 5952 section 5: mapped and 64:ff9b::/96 print mixed; Python prints section 4 (vectors.ts).
      expect(formatAddress(a.version, a.value)).toBe(pythonToMixed(v.address!));
    }
  });
});
