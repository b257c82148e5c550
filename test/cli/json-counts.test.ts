/**
 * One rule for counts in JSON (README "Counts in JSON", CLI.md "numbers that can exceed 2^53 are
 * decimal strings"): the type goes with the address family, never with the value. IPv4 counts are
 * numbers, IPv6 counts are decimal strings however small, in every command that prints them. The
 * expected values come from a reference written here: 2^(bits - prefix) addresses, minus network and
 * broadcast for IPv4 below /31 (RFC 3021 for /31; Python's ipaddress num_addresses agrees).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/netkata.js', import.meta.url));
const netkata = (args: readonly string[], input = ''): string =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input }).stdout;

function expected(version: 4 | 6, prefix: number): { addressCount: number | string; hostCount: number | string } {
  const bits = version === 4 ? 32 : 128;
  const addresses = 2n ** BigInt(bits - prefix);
  const hosts = version === 4 && prefix < 31 ? addresses - 2n : addresses;
  return version === 4 ? { addressCount: Number(addresses), hostCount: Number(hosts) } : { addressCount: String(addresses), hostCount: String(hosts) };
}

const cases: readonly [string, 4 | 6, number][] = [
  ['10.0.0.0/8', 4, 8], ['0.0.0.0/0', 4, 0], ['10.0.0.0/31', 4, 31], ['10.0.0.1/32', 4, 32],
  ['2001:db8::/32', 6, 32], ['2001:db8::/120', 6, 120], ['2001:db8::1/128', 6, 128], ['::/0', 6, 0],
];

describe('JSON counts: the type follows the address family', () => {
  it('subnet --json (one IPv4, one IPv6) and subnet --stdin --json (every case, one run)', () => {
    expect(JSON.parse(netkata(['subnet', '10.0.0.0/8', '--json']))).toMatchObject(expected(4, 8));
    expect(JSON.parse(netkata(['subnet', '2001:db8::/120', '--json']))).toMatchObject(expected(6, 120));
    const lines = netkata(['subnet', '--stdin', '--json'], cases.map(([cidr]) => `${cidr}\n`).join('')).trim().split('\n');
    expect(lines).toHaveLength(cases.length);
    cases.forEach(([, version, prefix], i) => expect(JSON.parse(lines[i]!)).toMatchObject(expected(version, prefix)));
  });

  it('split: every subnet of a block, both families', () => {
    for (const subnet of JSON.parse(netkata(['split', '10.0.0.0/24', '--prefix', '26', '--json'])).subnets) expect(subnet).toMatchObject(expected(4, 26));
    for (const subnet of JSON.parse(netkata(['split', '2001:db8::/120', '--prefix', '122', '--json'])).subnets) expect(subnet).toMatchObject(expected(6, 122));
  });

  it('range: addressCount is a number for IPv4, a string for IPv6 (even 256)', () => {
    expect(JSON.parse(netkata(['range', '10.0.0.0', '10.0.0.255', '--json'])).addressCount).toBe(256);
    expect(JSON.parse(netkata(['range', '2001:db8::', '2001:db8::ff', '--json'])).addressCount).toBe('256');
    expect(JSON.parse(netkata(['range', '::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '--json'])).addressCount).toBe(String(2n ** 128n));
  });
});
