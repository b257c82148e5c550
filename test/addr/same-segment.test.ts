import { describe, expect, it } from 'vitest';
import { sameSegment } from '../../src/addr/same-segment.js';

describe('same-segment: the seed tutorials\' exercise', () => {
  it('192.168.12.87 and 192.168.12.7 under 255.255.255.0 share 192.168.12.0', () => {
    const r = sameSegment('192.168.12.87', '192.168.12.7', '255.255.255.0');
    expect(r).toMatchObject({ sameSegment: true, mask: '255.255.255.0', prefix: 24, network1: '192.168.12.0', network2: '192.168.12.0' });
    expect(r.steps).toHaveLength(4);
    expect(r.steps[3]).toEqual({
      part: 4,
      mask: { value: '0', binary: '00000000' },
      ip1: { value: '87', binary: '01010111' },
      network1: { value: '0', binary: '00000000' },
      ip2: { value: '7', binary: '00000111' },
      network2: { value: '0', binary: '00000000' },
      same: true,
    });
  });
  it('the same pair under /28 is on different segments (87 & 240 = 80, 7 & 240 = 0)', () => {
    const r = sameSegment('192.168.12.87/28', '192.168.12.7');
    expect(r).toMatchObject({ sameSegment: false, mask: '255.255.255.240', network1: '192.168.12.80', network2: '192.168.12.0' });
    expect(r.steps[3]).toMatchObject({ network1: { value: '80' }, network2: { value: '0' }, same: false });
  });
  it('accepts --mask as /prefix and the prefix on the second address', () => {
    expect(sameSegment('10.1.2.3', '10.1.200.1', '/16').sameSegment).toBe(true);
    expect(sameSegment('10.1.2.3', '10.2.0.1/16').sameSegment).toBe(false);
  });
  // RFC 4007 section 11.1: the zone index after "%" says which link a link-local address is on; section
  // 6: a link-local zone is exactly one link. So equal networks in two zones are two segments.
  it('fe80::1%eth0 and fe80::2%eth1 under /64 are on two links (RFC 4007 zones), though the bits match', () => {
    const r = sameSegment('fe80::1%eth0', 'fe80::2%eth1', '/64');
    expect(r).toMatchObject({ sameSegment: false, reason: 'different-zones', zone1: 'eth0', zone2: 'eth1', network1: 'fe80::', network2: 'fe80::' });
    expect(r.steps.every((s) => s.same)).toBe(true);
    expect(sameSegment('fe80::1%eth0/64', 'fe80::2%eth1')).toMatchObject({ sameSegment: false, reason: 'different-zones' });
  });
  it('the same zone, or a zone on one side only (the other in the default zone), is judged by the bits', () => {
    expect(sameSegment('fe80::1%eth0', 'fe80::2%eth0', '/64')).toMatchObject({ sameSegment: true, reason: 'same-network' });
    expect(sameSegment('fe80::1%eth0', 'fe80::2', '/64')).toMatchObject({ sameSegment: true, reason: 'same-network' });
    expect(sameSegment('fe80::1%eth0', 'fe81::2%eth0', '/16')).toMatchObject({ sameSegment: false, reason: 'different-networks' });
  });
  it('IPv6 by 16-bit groups', () => {
    const r = sameSegment('2001:db8::1', '2001:db8::2:1', '/64');
    expect(r).toMatchObject({ sameSegment: true, mask: 'ffff:ffff:ffff:ffff::', network1: '2001:db8::' });
    expect(r.steps).toHaveLength(8);
  });
  it.each([
    [['192.168.1.1', '192.168.1.2'], /no mask/],
    [['192.168.1.1/24', '192.168.1.2/16'], /two different prefixes/],
    [['192.168.1.1', '::1', '/24'], /cannot compare an IPv4 address with an IPv6/],
    [['192.168.1.1/24', '192.168.1.2', '/24'], /not both/],
    [['192.168.1.1', '192.168.1.2', '255.0.255.0'], /not contiguous/],
  ] as const)('%j is rejected', (args, why) => {
    expect(() => sameSegment(args[0], args[1], args[2])).toThrow(why);
  });
});
