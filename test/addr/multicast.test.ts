// IP multicast on Ethernet, both ways: RFC 1112 section 6.4 (IPv4: 01:00:5e + the low 23 bits) and
// RFC 2464 section 7 (IPv6: 33:33 + the low 32 bits). Checked against the RFCs' rules with well-known
// groups, and against the Linux kernel's own mapping: `ip maddr show` lists, per interface, the groups
// joined and the link-layer multicast addresses the kernel programmed for them (read only; nothing is
// joined or sent).
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { macInfo, multicastMacOfIPv4, multicastMacOfIPv6 } from '../../src/addr/mac.js';
import { notation } from '../../src/addr/notation.js';
import { formatIPv4, parseAddress } from '../../src/addr/parse.js';

const v4 = (t: string): number => Number(parseAddress(t).value);
const v6 = (t: string): bigint => parseAddress(t).value;

describe('RFC 1112 section 6.4 and RFC 2464 section 7', () => {
  it('well-known groups', () => {
    expect(multicastMacOfIPv4(v4('224.0.0.1'))).toBe('01:00:5e:00:00:01'); // all hosts
    expect(multicastMacOfIPv4(v4('224.0.0.251'))).toBe('01:00:5e:00:00:fb'); // mDNS
    expect(multicastMacOfIPv4(v4('239.255.255.250'))).toBe('01:00:5e:7f:ff:fa'); // SSDP: the 24th bit from the end is dropped
    expect(multicastMacOfIPv4(v4('224.128.0.251'))).toBe('01:00:5e:00:00:fb'); // shares mDNS's MAC
    expect(multicastMacOfIPv6(v6('ff02::1'))).toBe('33:33:00:00:00:01');
    expect(multicastMacOfIPv6(v6('ff02::1:ff00:1'))).toBe('33:33:ff:00:00:01'); // solicited-node
    expect(multicastMacOfIPv6(v6('ff05::1:3'))).toBe('33:33:00:01:00:03');
  });

  it('a MAC lists the 32 IPv4 groups that share it, and each maps back to it', () => {
    fc.assert(fc.property(fc.integer({ min: 0xe0000000, max: 0xefffffff }), (g) => {
      const mac = multicastMacOfIPv4(g);
      const groups = macInfo(mac).multicastGroups;
      expect(groups?.family).toBe(4);
      expect(groups?.addresses).toHaveLength(32);
      expect(groups?.addresses).toContain(formatIPv4(g));
      for (const a of groups?.addresses ?? []) expect(multicastMacOfIPv4(v4(a))).toBe(mac);
    }), { numRuns: 300, seed: 1112 });
  });

  it('01:00:5e with the 25th bit set carries no IPv4 group; 33:33 gives the low 32 bits', () => {
    expect(macInfo('01:00:5e:80:00:01')).not.toHaveProperty('multicastGroups');
    expect(macInfo('00:11:22:33:44:55')).not.toHaveProperty('multicastGroups');
    expect(macInfo('33:33:ff:00:00:01').multicastGroups).toEqual({ family: 6, rfc: 'RFC 2464 section 7', low32: 'ff00:1', example: 'ff02::1:ff00:1' });
    expect(macInfo('33:33:00:00:00:01').multicastGroups).toMatchObject({ low32: '0:1', example: 'ff02::1' });
  });

  it('ip shows the group MAC for multicast addresses only', () => {
    expect(notation('224.0.0.251')).toMatchObject({ multicastMac: '01:00:5e:00:00:fb' });
    expect(notation('ff02::1:ff00:1')).toMatchObject({ multicastMac: '33:33:ff:00:00:01' });
    expect(notation('192.168.1.1')).not.toHaveProperty('multicastMac');
    expect(notation('fe80::1')).not.toHaveProperty('multicastMac');
  });
});

/** `ip maddr show`: per interface, its link-layer multicast addresses and the IPv4/IPv6 groups joined. */
function kernelGroups(): { iface: string; links: Set<string>; groups: { family: 'inet' | 'inet6'; address: string }[] }[] {
  const r = spawnSync('ip', ['maddr', 'show'], { encoding: 'utf8', timeout: 5000 });
  if (r.status !== 0) return [];
  const out: ReturnType<typeof kernelGroups> = [];
  for (const line of r.stdout.split('\n')) {
    const head = /^\d+:\s+(\S+)/.exec(line);
    if (head) {
      out.push({ iface: head[1]!, links: new Set(), groups: [] });
      continue;
    }
    const [kind, address] = line.trim().split(/\s+/);
    const cur = out.at(-1);
    if (cur === undefined || address === undefined) continue;
    if (kind === 'link') cur.links.add(address.toLowerCase());
    if (kind === 'inet' || kind === 'inet6') cur.groups.push({ family: kind, address });
  }
  // Interfaces without link-layer multicast (lo) join groups but program no MAC filter.
  return out.filter((i) => i.links.size > 0 && i.groups.length > 0);
}

const kernel = process.platform === 'linux' ? kernelGroups() : [];

describe.skipIf(kernel.length === 0)('against the kernel (skipped where `ip maddr show` lists no interface with both groups and link addresses)', () => {
  it('every group the kernel joined maps to a link address it programmed on that interface', () => {
    let checked = 0;
    for (const i of kernel) {
      for (const g of i.groups) {
        const mac = g.family === 'inet' ? multicastMacOfIPv4(v4(g.address)) : multicastMacOfIPv6(v6(g.address));
        expect(i.links, `${i.iface} ${g.address}`).toContain(mac);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
