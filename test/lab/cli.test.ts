import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hasProcNet } from '../../src/lab/procnet.js';

// The built CLI (npm test runs tsc first).
const bin = new URL('../../bin/netkata.js', import.meta.url).pathname;
const netkata = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 20_000 });

describe('netkata lab', () => {
  it('lists the experiments of CLI.md', () => {
    const r = netkata(['lab', 'list', '--json']);
    expect(r.status).toBe(0);
    const names = (JSON.parse(r.stdout) as { experiments: { name: string }[] }).experiments.map((e) => e.name);
    for (const n of ['handshake', 'close', 'time-wait', 'close-wait', 'rst', 'syn-sent', 'sticky', 'framing', 'file', 'auth', 'udp-echo', 'time', 'concurrent']) expect(names).toContain(n);
  });

  it('exits 3 with a clear message where /proc/net/tcp is missing', () => {
    const r = netkata(['lab', 'handshake', '--json'], { NETKATA_PROC_NET: '/nonexistent-proc-net' });
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('netkata: the lab reads kernel TCP states from /nonexistent-proc-net/tcp, which this system (linux) does not have; it needs Linux\n');
  });

  it('exits 2 on an unknown experiment or a bad timeout', () => {
    expect(netkata(['lab', 'nope']).stderr).toBe('netkata: nope: unknown experiment (netkata lab list shows them)\n');
    expect(netkata(['lab', 'rst', '--timeout', '-5']).status).toBe(2);
  });

  it.skipIf(!hasProcNet())('prints one JSON document with the contract fields, and --compare beside it (skipped: no /proc/net/tcp)', () => {
    const r = netkata(['lab', 'close', '--json', '--compare', '--timeout', '5000']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown> & {
      sequences: Record<string, string[]>;
      conformance: { ok: boolean; violations: unknown[] };
      observations: { at: number; socket: string; local: string; remote: string; state: string }[];
      compare: { connections: { simulated: { client: string[] } }[] };
    };
    for (const k of ['experiment', 'platform', 'observations', 'sequences', 'conformance', 'result']) expect(j).toHaveProperty(k);
    expect(j['experiment']).toBe('close');
    expect(j['platform']).toBe('linux');
    expect(j.conformance).toMatchObject({ ok: true, violations: [] });
    expect(j.sequences['client']!.at(-1)).toBe('TIME_WAIT');
    expect(Object.keys(j.observations[0]!)).toEqual(expect.arrayContaining(['at', 'socket', 'local', 'remote', 'state']));
    expect(j.compare.connections[0]!.simulated.client).toEqual(['CLOSED', 'SYN_SENT', 'ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT']);
  });

  it.skipIf(!hasProcNet())('closes every socket and exits 130 on Ctrl-C (skipped: no /proc/net/tcp)', async () => {
    const child = spawn(process.execPath, [bin, 'lab', 'syn-sent', '--json', '--param', 'holdMs=5000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    // interrupt once the kernel shows the third client in SYN_SENT (the run is then holding)
    setTimeout(() => child.kill('SIGINT'), 1200);
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(err).toBe('netkata: lab: interrupted; every socket was closed\n');
    const j = JSON.parse(out) as { error: string; sequences: Record<string, string[]> };
    expect(j.error).toBe('interrupted');
    expect(j.sequences['client-3']).toEqual(['SYN_SENT']);
  });
});
