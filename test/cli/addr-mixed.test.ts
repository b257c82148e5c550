import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// RFC 5952 section 5: "it is RECOMMENDED to use mixed notation if ... the address is known to be
// IPv4-mapped"; RFC 6052 2.4 writes 64:ff9b::/96 addresses the same way (64:ff9b::192.0.2.33). Every
// command prints those addresses so, whichever spelling came in. Runs the built binary.
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'netkata.js');

function netkata(args: string[], input = ''): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1', NETKATA_DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const json = (args: string[], input?: string): Record<string, unknown> => {
  const r = netkata([...args, '--json'], input);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
};

describe('IPv4-mapped and NAT64 addresses print in RFC 5952 section 5 mixed form', () => {
  it('classify ::ffff:7f00:1: address ::ffff:127.0.0.1 (JSON and text)', () => {
    expect(json(['classify', '::ffff:7f00:1'])).toMatchObject({ address: '::ffff:127.0.0.1', embeddedIPv4: '127.0.0.1', global: false });
    expect(netkata(['classify', '::ffff:7f00:1']).stdout.split('\n')[0]).toMatch(/^::ffff:127\.0\.0\.1\b/);
  });

  it('ip: address mixed, mixed kept, hexForm gives the section 4 spelling', () => {
    expect(json(['ip', '::ffff:7f00:1'])).toMatchObject({ address: '::ffff:127.0.0.1', mixed: '::ffff:127.0.0.1', hexForm: '::ffff:7f00:1' });
    expect(json(['ip', '64:ff9b::c000:221'])).toMatchObject({ address: '64:ff9b::192.0.2.33', mixed: '64:ff9b::192.0.2.33' });
  });

  it('subnet ::ffff:10.1.2.3/120: every address field mixed; the text diagram still lines up the hex', () => {
    expect(json(['subnet', '::ffff:a01:203/120'])).toMatchObject({
      address: '::ffff:10.1.2.3', network: '::ffff:10.1.2.0', cidr: '::ffff:10.1.2.0/120',
      firstHost: '::ffff:10.1.2.0', lastHost: '::ffff:10.1.2.255', lastAddress: '::ffff:10.1.2.255',
      expanded: '0000:0000:0000:0000:0000:ffff:0a01:0203',
    });
    const text = netkata(['subnet', '::ffff:10.1.2.3/120']).stdout;
    expect(text).toMatch(/network +0000:0000:0000:0000:0000:ffff:0a01:02\|00/);
  });

  it('split, range, aggregate, same --stdin line', () => {
    const split = json(['split', '::ffff:10.0.0.0/120', '--count', '2']) as { parent: string; subnets: { cidr: string }[] };
    expect(split.parent).toBe('::ffff:10.0.0.0/120');
    expect(split.subnets.map((s) => s.cidr)).toEqual(['::ffff:10.0.0.0/121', '::ffff:10.0.0.128/121']);
    expect(json(['range', '::ffff:10.0.0.0', '::ffff:10.0.0.255'])).toMatchObject({ cidrs: ['::ffff:10.0.0.0/120'] });
    expect(json(['aggregate', '-'], '::ffff:a00:0/121\n::ffff:10.0.0.128/121\n')).toMatchObject({ output: ['::ffff:10.0.0.0/120'] });
    const line = JSON.parse(netkata(['subnet', '--stdin', '--json'], '::ffff:7f00:1/128\n').stdout) as { address: string };
    expect(line.address).toBe('::ffff:127.0.0.1');
  });
});

describe('--nat64 <prefix>: RFC 6052 under a network-specific prefix (ip, classify)', () => {
  it('ip 192.0.2.33 --nat64 2001:db8:122::/48 gives the RFC 6052 2.4 address; /96 prints mixed', () => {
    expect(json(['ip', '192.0.2.33', '--nat64', '2001:db8:122::/48'])).toMatchObject({
      version: 6, address: '2001:db8:122:c000:2:2100::', embeddedIPv4: '192.0.2.33', embeddedKind: 'nat64', nat64Prefix: '2001:db8:122::/48',
    });
    expect(json(['ip', '192.0.2.33', '--nat64', '2001:db8:122:344::/96'])).toMatchObject({ address: '2001:db8:122:344::192.0.2.33' });
    expect(netkata(['ip', '2001:db8:1c0:2:21::', '--nat64', '2001:db8:100::/40']).stdout).toMatch(/^embedded\s+192\.0\.2\.33 \(nat64\)$/m);
  });

  it('classify --stdin --nat64: each line read under the prefix; a line outside it is reported in place, exit 2', () => {
    const r = netkata(['classify', '--stdin', '--json', '--nat64', '2001:db8::/32'], '2001:db8:7f00:1::\n2001:db9::1\n2001:db8:a00:1::\n');
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ embeddedIPv4: '127.0.0.1', global: false });
    expect(lines[1]).toEqual({ input: '2001:db9::1', error: 'not inside the NAT64 prefix 2001:db8::/32' });
    expect(lines[2]).toMatchObject({ embeddedIPv4: '10.0.0.1', private: true });
  });

  it('a bad prefix, or --nat64 with --from-int, is one line on stderr and exit 2', () => {
    for (const args of [['ip', '1.2.3.4', '--nat64', '2001:db8::/33'], ['classify', '::1', '--nat64', '2001:db8::1/32'],
      ['ip', '--from-int', '1', '--nat64', '2001:db8::/32'], ['classify', '10.0.0.1', '--nat64', '2001:db8::/32']]) {
      const r = netkata(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^netkata: [^\n]+\n$/);
    }
  });
});
