import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { subnetJsonLine } from '../../src/addr/subnet-bulk.js';

// These run the built binary (bin/netkata.js -> dist/bundle), as a user would: `npm test` builds first.
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'netkata.js');

interface Run { code: number | null; stdout: string; stderr: string }

function netkata(args: string[], input?: string, nodeArgs: string[] = [], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [...nodeArgs, bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input: input ?? '',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', NETKATA_DEBUG: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 2, nothing on stdout, exactly one `netkata: ...` line on stderr. */
function expectInputError(r: Run, line: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')).toHaveLength(2);
  expect(r.stderr).toMatch(/^netkata: /);
  expect(r.stderr.trimEnd()).toMatch(line);
}

const dir = mkdtempSync(join(tmpdir(), 'netkata-addr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('netkata subnet', () => {
  it('192.168.12.87/24 --json prints one JSON document with the contract fields', () => {
    const r = netkata(['subnet', '192.168.12.87/24', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(j).toMatchObject({
      version: 4, input: '192.168.12.87/24', address: '192.168.12.87', prefix: 24, network: '192.168.12.0',
      cidr: '192.168.12.0/24', netmask: '255.255.255.0', wildcard: '0.0.0.255', broadcast: '192.168.12.255',
      firstHost: '192.168.12.1', lastHost: '192.168.12.254', hostCount: 254, addressCount: 256, class: 'C',
      ranges: ['Private-Use'],
    });
  });
  it('accepts the mask as a second argument and as /mask', () => {
    for (const args of [['192.168.12.87', '255.255.255.0'], ['192.168.12.87/255.255.255.0'], ['192.168.12.87 255.255.255.0']]) {
      const r = netkata(['subnet', ...args, '--json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ cidr: '192.168.12.0/24' });
    }
  });
  it('text view: binary rows with the network|host boundary, the AND row by row', () => {
    const r = netkata(['subnet', '192.168.12.87/26']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('address   192.168.12.87    11000000.10101000.00001100.01|010111');
    expect(r.stdout).toContain('netmask   255.255.255.192  11111111.11111111.11111111.11|000000');
    expect(r.stdout).toContain('network   192.168.12.64    11000000.10101000.00001100.01|000000');
    expect(r.stdout).toContain('octet 4   87 = 01010111  AND  192 = 11000000  ->  01000000 = 64');
    expect(r.stdout).toContain('192.168.12.65 - 192.168.12.126  (62 usable of 64 addresses)');
    expect(r.stdout).not.toContain('\u001b[');
  });
  it('IPv6 text and JSON', () => {
    const t = netkata(['subnet', '2001:db8::1/61']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('the boundary falls inside group 4');
    const j = JSON.parse(netkata(['subnet', '2001:db8::1/64', '--json']).stdout) as Record<string, unknown>;
    expect(j).toMatchObject({ version: 6, hostCount: '18446744073709551616', lastAddress: '2001:db8::ffff:ffff:ffff:ffff' });
  });
  it.each([
    [['127.1/8'], /^netkata: 127\.1\/8: shorthand IPv4 with 2 parts/],
    [['010.1.1.1/8'], /^netkata: 010\.1\.1\.1\/8: octet "010" has a leading zero/],
    [['10.0.0.1/255.0.255.0'], /not contiguous/],
    [['10.0.0.1/33'], /prefix length 33 is larger than 32/],
    [[':::/64'], /":::" is not valid IPv6/],
    [[], /subnet needs an address/],
  ])('%j: exit 2 with one line on stderr', (args, line) => {
    expectInputError(netkata(['subnet', ...args]), line);
  });
});

describe('netkata subnet --stdin', () => {
  it('JSON Lines; a bad line is reported in place and the run goes on; exit 2', () => {
    const input = ['10.0.0.1/31', '127.1/8', '', '192.168.12.87 255.255.255.0', '2001:db8::/64\r', '10.0.0.1/0.0.0.255', '1.2.3.4'].join('\n');
    const r = netkata(['subnet', '--stdin', '--json'], input);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatchObject({ input: '10.0.0.1/31', broadcast: null, hostCount: 2 });
    expect(lines[1]).toEqual({ input: '127.1/8', error: expect.stringMatching(/shorthand/) as unknown });
    expect(lines[2]).toMatchObject({ input: '192.168.12.87 255.255.255.0', cidr: '192.168.12.0/24' });
    expect(lines[3]).toMatchObject({ input: '2001:db8::/64', addressCount: '18446744073709551616' });
    expect(lines[4]).toEqual({ input: '10.0.0.1/0.0.0.255', error: expect.stringMatching(/wildcard/) as unknown });
    expect(lines[5]).toMatchObject({ cidr: '1.2.3.4/32', hostCount: 1 });
  });
  it('exit 0 when every line is good; text mode one line each', () => {
    const r = netkata(['subnet', '--stdin'], '192.168.12.87/24\n10.0.0.0/8\n');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('192.168.12.87/24\tnetwork 192.168.12.0/24\tmask 255.255.255.0\tbroadcast 192.168.12.255\thosts 192.168.12.1-192.168.12.254 (254)');
  });
  it('lines split across 1 MiB read chunks come out whole and in order (70,000 lines)', () => {
    const lines: string[] = [];
    for (let i = 0; i < 70_000; i++) lines.push(`${(i * 7919) & 255}.${(i >> 8) & 255}.${i & 255}.${(i * 31) & 255}/${i % 33}`);
    lines[40_000] = '1.2.3/8';
    const file = join(dir, 'many.txt');
    writeFileSync(file, lines.join('\n'));
    const r = netkata(['subnet', '--stdin', '--json'], readFileSync(file, 'utf8'));
    expect(r.code).toBe(2);
    const out = r.stdout.split('\n');
    expect(out).toHaveLength(70_001);
    for (const k of [0, 1, 12_345, 39_999, 40_001, 65_535, 69_999]) expect(out[k]).toBe(subnetJsonLine(lines[k]!));
    expect(JSON.parse(out[40_000]!)).toMatchObject({ input: '1.2.3/8' });
  });
  it('stops quietly when the reader goes away (| head -1): no EPIPE crash, nothing on stderr', () => {
    const file = join(dir, 'pipe.txt');
    writeFileSync(file, '10.0.0.0/8\n'.repeat(20_000));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" subnet --stdin --json < "${file}" | head -1; echo "status=\${PIPESTATUS:-done}"`], {
      encoding: 'utf8',
      env: { ...process.env, NETKATA_DEBUG: '' },
    });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout.split('\n')[0]!)).toMatchObject({ cidr: '10.0.0.0/8' });
  });
  it('refuses an address argument together with --stdin', () => {
    expectInputError(netkata(['subnet', '1.2.3.4/8', '--stdin']), /give no address arguments/);
  });
});

describe('netkata same-segment', () => {
  it('the seed exercise, JSON', () => {
    const r = netkata(['same-segment', '192.168.12.87', '192.168.12.7', '--mask', '255.255.255.0', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { sameSegment: boolean; network1: string; steps: unknown[] };
    expect(j).toMatchObject({ sameSegment: true, mask: '255.255.255.0', prefix: 24, network1: '192.168.12.0', network2: '192.168.12.0' });
    expect(j.steps).toHaveLength(4);
  });
  it('text with the AND rows and the verdict', () => {
    const r = netkata(['same-segment', '192.168.12.87/24', '192.168.13.7']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('mask   AND 11111111.11111111.11111111.00000000');
    expect(r.stdout).toContain('octet 3   12 AND 255 =  12     13 AND 255 =  13    differ');
    expect(r.stdout).toContain('no: the networks differ (192.168.12.0 vs 192.168.13.0)');
  });
  it('different IPv6 zones: "no", with the zones as the reason (RFC 4007 section 6: a zone is one link)', () => {
    const r = netkata(['same-segment', 'fe80::1%eth0', 'fe80::2%eth1', '--mask', '64']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Same segment? fe80::1%eth0 and fe80::2%eth1');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^  no: the zones differ \(eth0 vs eth1\)/);
  });
  it('no mask is an error', () => {
    expectInputError(netkata(['same-segment', '1.1.1.1', '1.1.1.2']), /no mask/);
  });
});

describe('netkata classify', () => {
  it.each(['::ffff:127.0.0.1', '::fFFf:7f00:1', '0:0:0:0:0:ffff:10.0.0.1'])('%s --json is not global', (a) => {
    const r = netkata(['classify', a, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { global: boolean; scope: string; embeddedIPv4: string; version: number };
    expect(j).toMatchObject({ global: false, scope: 'ipv4-mapped', version: 6 });
    expect(['127.0.0.1', '10.0.0.1']).toContain(j.embeddedIPv4);
  });
  it('127.1 and 012.1.2.3 are rejected, not classified', () => {
    expectInputError(netkata(['classify', '127.1']), /^netkata: 127\.1: shorthand/);
    expectInputError(netkata(['classify', '012.1.2.3']), /leading zero/);
  });
  it('--stdin --json', () => {
    const r = netkata(['classify', '--stdin', '--json'], '8.8.8.8\n10.0.0.1\nnope\n');
    expect(r.code).toBe(2);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l['global'] ?? l['error'])).toEqual([true, false, expect.stringMatching(/unexpected character/)]);
  });
  it('text', () => {
    const r = netkata(['classify', '100.64.1.1']);
    expect(r.stdout).toContain('scope     shared');
    expect(r.stdout).toContain('100.64.0.0/10  Shared Address Space  RFC 6598');
  });
});

describe('netkata ip', () => {
  it('192.168.12.87 --json', () => {
    const j = JSON.parse(netkata(['ip', '192.168.12.87', '--json']).stdout) as Record<string, unknown>;
    expect(j).toMatchObject({ integer: 3232238679, hex: '0xc0a80c57', reverse: '87.12.168.192.in-addr.arpa', ipv4Mapped: '::ffff:192.168.12.87' });
  });
  it('--from-int and --from-binary convert back', () => {
    expect(JSON.parse(netkata(['ip', '--from-int', '3232238679', '--json']).stdout)).toMatchObject({ address: '192.168.12.87' });
    expect(JSON.parse(netkata(['ip', '--from-binary', '11000000.10101000.00001100.01010111', '--json']).stdout)).toMatchObject({ address: '192.168.12.87' });
    expect(JSON.parse(netkata(['ip', '--from-int', '1', '--v6', '--json']).stdout)).toMatchObject({ address: '::1' });
  });
  it('IPv6 text shows RFC 5952 and expanded forms', () => {
    const r = netkata(['ip', '2001:0DB8:0:0:1:0:0:1']);
    expect(r.stdout).toContain('address     2001:db8::1:0:0:1');
    expect(r.stdout).toContain('expanded    2001:0db8:0000:0000:0001:0000:0000:0001');
  });
  it('two sources at once is an error', () => {
    expectInputError(netkata(['ip', '1.2.3.4', '--from-int', '5']), /give one of/);
  });
  it('--stdin --json', () => {
    const r = netkata(['ip', '--stdin', '--json'], '::1\n1.2.3.4\n');
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { address: string }).address)).toEqual(['::1', '1.2.3.4']);
  });
});
