import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// These run the built binary (bin/netkata.js -> dist/bundle), as a user would: `npm test` builds first.
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'netkata.js');

function netkata(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input: input ?? '',
    env: { ...process.env, NO_COLOR: '1', NETKATA_DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 2, nothing on stdout, exactly one `netkata: ...` line on stderr. */
function expectInputError(r: ReturnType<typeof netkata>, line: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')).toHaveLength(2); // one line plus the final newline
  expect(r.stderr.trimEnd()).toMatch(line);
}

const dir = mkdtempSync(join(tmpdir(), 'netkata-addr-extra-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('netkata port', () => {
  it('443 --json: range and IANA services', () => {
    const r = netkata(['port', '443', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout) as { port: number; range: string; services: { name: string; protocol: string }[] };
    expect(j.port).toBe(443);
    expect(j.range).toBe('well-known');
    expect(j.services.map((s) => `${s.name}/${s.protocol}`)).toEqual(['https/tcp', 'https/udp', 'https/sctp']);
  });

  it('dhcp: text names bootps and bootpc and says dhcp is an alias', () => {
    const r = netkata(['port', 'dhcp']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/"dhcp" is not an IANA service name/);
    expect(r.stdout).toMatch(/^67 .*\n\s+bootps/m);
    expect(r.stdout).toMatch(/^68 .*\n\s+bootpc/m);
  });

  it('49152 is dynamic', () => {
    expect((JSON.parse(netkata(['port', '49152', '--json']).stdout) as { range: string }).range).toBe('dynamic');
  });

  it('70000: exit 2 with one line', () => {
    expectInputError(netkata(['port', '70000']), /^netkata: 70000: port out of range: ports are 16 bits, 0-65535$/);
  });
});

describe('netkata mac', () => {
  it('RFC 2464 example --json', () => {
    const r = netkata(['mac', '34-56-78-9A-BC-DE', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      mac: '34:56:78:9a:bc:de', oui: '34:56:78', nic: '9a:bc:de', multicast: false, local: false,
      eui64: '36:56:78:ff:fe:9a:bc:de', linkLocalIPv6: 'fe80::3656:78ff:fe9a:bcde',
    });
  });

  it('text view shows the bits and the link-local address', () => {
    const r = netkata(['mac', 'aabb.ccdd.eeff']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^U\/L bit\s+1\s+locally administered$/m);
    expect(r.stdout).toMatch(/^link-local\s+fe80::a8bb:ccff:fedd:eeff$/m);
  });

  it('a:b:c:d:e:f: exit 2 with the reason', () => {
    expectInputError(netkata(['mac', 'a:b:c:d:e:f']), /^netkata: a:b:c:d:e:f: group 1 "a" is not 2 hex digits$/);
  });
});

describe('netkata range', () => {
  it('--json', () => {
    const r = netkata(['range', '10.0.0.1', '10.0.0.9', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      version: 4, start: '10.0.0.1', end: '10.0.0.9', addressCount: 9,
      cidrs: ['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/30', '10.0.0.8/31'],
    });
  });

  it('text: only CIDRs on stdout (a pipe gets nothing else), the comment summary on stderr', () => {
    const r = netkata(['range', '192.168.0.0', '192.168.1.255']);
    expect(r.stdout).toBe('192.168.0.0/23\n');
    expect(r.stderr).toBe('# 192.168.0.0 - 192.168.1.255: 512 addresses in 1 CIDR\n');
  });

  it('start after end: exit 2', () => {
    expectInputError(netkata(['range', '10.0.0.9', '10.0.0.1']), /^netkata: 10\.0\.0\.9 10\.0\.0\.1: start is after end/);
  });

  it('one argument start-end (the form aggregate reads) is the same range', () => {
    const two = netkata(['range', '10.0.0.1', '10.0.0.9', '--json']);
    const one = netkata(['range', '10.0.0.1-10.0.0.9', '--json']);
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(two.stdout);
    expect(netkata(['range', '2001:db8::-2001:db8::ff']).stdout).toMatch(/^2001:db8::\/120\n/);
  });

  it('a missing end, or more than one "-", is a usage error (exit 2)', () => {
    expectInputError(netkata(['range', '10.0.0.1']), /^netkata: 10\.0\.0\.1: range needs <start> <end>, or one argument <start>-<end>$/);
    expectInputError(netkata(['range', '10.0.0.1-10.0.0.2-10.0.0.3']), /range needs <start> <end>/);
  });
});

describe('netkata aggregate', () => {
  const file = join(dir, 'routes.txt');
  writeFileSync(file, '# office\n10.0.0.0/24\n10.0.1.0/24\n\n10.0.2.1/23   # host bits\n2001:db8::/33\n2001:db8:8000::/33\n192.168.0.1-192.168.0.6\n');

  it('a file, --json: input count and the minimal list, IPv4 first', () => {
    const r = netkata(['aggregate', file, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      input: 6,
      output: ['10.0.0.0/22', '192.168.0.1/32', '192.168.0.2/31', '192.168.0.4/31', '192.168.0.6/32', '2001:db8::/32'],
      hostBitsSet: 1,
    });
  });

  it('text: only the CIDRs on stdout; the summary and the host-bit entry it normalised on stderr', () => {
    const r = netkata(['aggregate', file]);
    // Python: collapse_addresses of the file's networks (strict=False), IPv4 first.
    expect(r.stdout).toBe('10.0.0.0/22\n192.168.0.1/32\n192.168.0.2/31\n192.168.0.4/31\n192.168.0.6/32\n2001:db8::/32\n');
    expect(r.stderr).toMatch(/^# 6 inputs -> 6 CIDRs\n/);
    expect(r.stderr).toMatch(/line 5: 10\.0\.2\.1\/23 -> 10\.0\.2\.0\/23/);
  });

  it('standard input with "-" and with no argument', () => {
    for (const args of [['aggregate', '-', '--json'], ['aggregate', '--json']]) {
      const r = netkata(args, '10.0.0.0/25\n10.0.0.128/25\n');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ input: 2, output: ['10.0.0.0/24'], hostBitsSet: 0 });
    }
  });

  it('--strict rejects host bits, naming file and line', () => {
    expectInputError(netkata(['aggregate', file, '--strict']), /^netkata: .*routes\.txt:5: 10\.0\.2\.1\/23: host bits set: not a network address \(its network is 10\.0\.2\.0\/23\)$/);
  });

  it('a bad line on stdin: exit 2 with <stdin>:line', () => {
    expectInputError(netkata(['aggregate'], '10.0.0.0/8\n010.0.0.0/8\n'), /^netkata: <stdin>:2: 010\.0\.0\.0(\/8)?: octet "010" has a leading zero/);
  });

  it('a missing file: exit 2', () => {
    expectInputError(netkata(['aggregate', join(dir, 'nope.txt')]), /nope\.txt: cannot read: no such file$/);
  });
});

describe('netkata split', () => {
  it('--prefix --json: parent and subnet objects', () => {
    const r = netkata(['split', '192.168.1.0/24', '--prefix', '26', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { parent: string; subnets: { cidr: string; broadcast: string; hostCount: number }[] };
    expect(j.parent).toBe('192.168.1.0/24');
    expect(j.subnets.map((s) => s.cidr)).toEqual(['192.168.1.0/26', '192.168.1.64/26', '192.168.1.128/26', '192.168.1.192/26']);
    expect(j.subnets[3]).toMatchObject({ broadcast: '192.168.1.255', hostCount: 62 });
  });

  it('--count 5 says it rounded up to 8', () => {
    const r = netkata(['split', '192.168.1.0/24', '--count', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/into 8 x \/27 \(5 rounded up to a power of two/);
  });

  it('--hosts: VLSM table and free space', () => {
    const r = netkata(['split', '192.168.1.0/24', '--hosts', '50,20,10,2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^#1\s+50\s+192\.168\.1\.0\/26\s/m);
    expect(r.stdout).toMatch(/^#4\s+2\s+192\.168\.1\.112\/30\s/m);
    expect(r.stdout).toMatch(/# free: 192\.168\.1\.116\/30, 192\.168\.1\.120\/29, 192\.168\.1\.128\/25/);
  });

  // RFC 4291 2.5.1 / RFC 7421: IPv6 interface identifiers are 64 bits, so a LAN is a /64; SLAAC
  // (RFC 4862) forms addresses only on a /64. Sizing IPv6 blocks by host count needs that said.
  it('--hosts on an IPv6 block notes that a LAN is a /64; IPv4 plans do not', () => {
    const v6 = netkata(['split', '2001:db8::/48', '--hosts', '100,50']);
    expect(v6.code).toBe(0);
    expect(v6.stdout).toMatch(/^# note: an IPv6 LAN is a \/64 .*RFC 4291 2\.5\.1.*--prefix 64$/m);
    expect(netkata(['split', '192.168.1.0/24', '--hosts', '100,50']).stdout).not.toMatch(/\/64/);
    const equal = netkata(['split', '2001:db8::/62', '--prefix', '64']);
    expect(equal.stdout).toMatch(/^2001:db8:0:3::\/64 /m);
    expect(equal.stdout).not.toMatch(/# note: an IPv6 LAN/);
  });

  it('an unfittable plan: exit 2 saying how many addresses are missing', () => {
    expectInputError(netkata(['split', '192.168.1.0/24', '--hosts', '200,60']), /^netkata: 200,60: the plan needs 320 addresses but 192\.168\.1\.0\/24 has 256: 64 missing$/);
  });

  it('::/0 --prefix 128 is refused, not attempted', () => {
    expectInputError(netkata(['split', '::/0', '--prefix', '128']), /netkata lists at most 65,536/);
  });

  it('no mode, or two modes: exit 2', () => {
    expectInputError(netkata(['split', '10.0.0.0/24']), /say how to split: --prefix <n>, --count <n> or --hosts <list>$/);
    expectInputError(netkata(['split', '10.0.0.0/24', '--prefix', '25', '--count', '2']), /choose one of --prefix, --count, --hosts/);
  });
});

describe('--help', () => {
  it.each(['port', 'mac', 'range', 'aggregate', 'split'])('%s --help exits 0 with usage', (cmd) => {
    const r = netkata([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: netkata ${cmd}`));
  });
});
