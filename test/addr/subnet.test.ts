import { describe, expect, it } from 'vitest';
import { parseCidr } from '../../src/addr/parse.js';
import { subnet, type SubnetIPv4, type SubnetIPv6 } from '../../src/addr/subnet.js';
import { pythonToMixed, vectors } from './vectors.js';

const v4 = (text: string, mask?: string): SubnetIPv4 => subnet(parseCidr(text, mask)) as SubnetIPv4;
const v6 = (text: string): SubnetIPv6 => subnet(parseCidr(text)) as SubnetIPv6;

describe('subnet: the seed tutorials\' example 192.168.12.87/24', () => {
  it('gives every contract field (CLI.md)', () => {
    expect(v4('192.168.12.87/24')).toEqual({
      version: 4,
      input: '192.168.12.87/24',
      address: '192.168.12.87',
      prefix: 24,
      network: '192.168.12.0',
      cidr: '192.168.12.0/24',
      netmask: '255.255.255.0',
      wildcard: '0.0.0.255',
      broadcast: '192.168.12.255',
      firstHost: '192.168.12.1',
      lastHost: '192.168.12.254',
      hostCount: 254,
      addressCount: 256,
      class: 'C',
      ranges: ['Private-Use'],
      binary: {
        address: '11000000.10101000.00001100.01010111',
        netmask: '11111111.11111111.11111111.00000000',
        network: '11000000.10101000.00001100.00000000',
      },
    });
  });

  it('reads the three mask spellings the same way', () => {
    const want = v4('192.168.12.87/24');
    expect({ ...v4('192.168.12.87', '255.255.255.0'), input: '' }).toEqual({ ...want, input: '' });
    expect({ ...v4('192.168.12.87/255.255.255.0'), input: '' }).toEqual({ ...want, input: '' });
  });
});

describe('RFC 3021 /31 and /32', () => {
  it('/31: both addresses are hosts and there is no broadcast', () => {
    expect(v4('10.0.0.1/31')).toMatchObject({
      network: '10.0.0.0', broadcast: null, firstHost: '10.0.0.0', lastHost: '10.0.0.1', hostCount: 2, addressCount: 2,
    });
  });
  it('/32: the address is the one host, no broadcast', () => {
    expect(v4('10.0.0.5/32')).toMatchObject({
      network: '10.0.0.5', broadcast: null, firstHost: '10.0.0.5', lastHost: '10.0.0.5', hostCount: 1, addressCount: 1,
    });
  });
  it('/30 keeps network and broadcast out of the hosts', () => {
    expect(v4('10.0.0.6/30')).toMatchObject({ broadcast: '10.0.0.7', firstHost: '10.0.0.5', lastHost: '10.0.0.6', hostCount: 2 });
  });
  it('/0 counts 2^32 addresses as a JSON number', () => {
    expect(v4('1.2.3.4/0')).toMatchObject({ network: '0.0.0.0', broadcast: '255.255.255.255', hostCount: 4294967294, addressCount: 4294967296 });
  });
});

describe('classful class by leading bits', () => {
  it.each([['0.0.0.0', 'A'], ['127.255.255.255', 'A'], ['128.0.0.0', 'B'], ['191.255.0.1', 'B'], ['192.0.0.0', 'C'],
    ['223.255.255.255', 'C'], ['224.0.0.1', 'D'], ['239.0.0.1', 'D'], ['240.0.0.1', 'E'], ['255.255.255.255', 'E']])('%s is class %s', (a, c) => {
    expect(v4(a).class).toBe(c);
  });
});

describe('IPv6 (counts are always decimal strings)', () => {
  it('2001:db8::1/64', () => {
    expect(v6('2001:db8::1/64')).toEqual({
      version: 6,
      input: '2001:db8::1/64',
      address: '2001:db8::1',
      prefix: 64,
      network: '2001:db8::',
      cidr: '2001:db8::/64',
      firstHost: '2001:db8::',
      lastHost: '2001:db8::ffff:ffff:ffff:ffff',
      lastAddress: '2001:db8::ffff:ffff:ffff:ffff',
      hostCount: '18446744073709551616',
      addressCount: '18446744073709551616',
      expanded: '2001:0db8:0000:0000:0000:0000:0000:0001',
      ranges: ['Documentation'],
    });
  });
  it('/128 still counts as a string, and a zone id is kept', () => {
    expect(v6('fe80::1%eth0/128')).toMatchObject({ hostCount: '1', addressCount: '1', zone: 'eth0', firstHost: 'fe80::1', lastHost: 'fe80::1' });
  });
  it('/0 counts 2^128', () => {
    expect(v6('::/0').addressCount).toBe((1n << 128n).toString());
  });
});

describe(`Python ${vectors.python} ipaddress agrees (IPv4, ${vectors.subnetV4.length} vectors)`, () => {
  it.each(vectors.subnetV4.map((v) => [v.input, v] as const))('%s', (_, v) => {
    const s = v4(v.input);
    expect(s.network).toBe(v.network);
    expect(s.netmask).toBe(v.netmask);
    expect(s.wildcard).toBe(v.hostmask);
    expect(s.addressCount).toBe(v.numAddresses);
    expect(s.firstHost).toBe(v.firstHost);
    if (v.lastHost !== undefined) expect(s.lastHost).toBe(v.lastHost);
    if (v.hostCount !== undefined) expect(s.hostCount).toBe(v.hostCount);
    // Python's broadcast_address is the last address even for /31 and /32, where netkata says null.
    if (s.prefix < 31) expect(s.broadcast).toBe(v.broadcast);
    else expect(s.broadcast).toBeNull();
  });
});

describe(`Python ${vectors.python} ipaddress agrees (IPv6, ${vectors.subnetV6.length} vectors)`, () => {
  // Python's IPv6 hosts() leaves out the Subnet-Router anycast address; CLI.md counts every address,
  // so only network, last address, count and the address forms are compared.
  it.each(vectors.subnetV6.map((v) => [v.input, v] as const))('%s', (_, v) => {
    const s = v6(v.input);
    // RFC 5952 section 5 mixed form for mapped / 64:ff9b::/96 text; Python prints section 4 (vectors.ts).
    expect(s.address).toBe(pythonToMixed(v.address));
    expect(s.network).toBe(pythonToMixed(v.network));
    expect(s.lastAddress).toBe(pythonToMixed(v.broadcast));
    expect(s.addressCount).toBe(v.numAddresses);
    expect(s.expanded).toBe(v.exploded);
  });
});
