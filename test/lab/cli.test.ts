import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasProcNet, readProcNet, type ProcNetEntry } from '../../src/lab/procnet.js';
import { skipTitle } from '../helpers/skip-title.js';

// The built CLI (npm test runs tsc first).
const bin = new URL('../../bin/netkata.js', import.meta.url).pathname;
const netkata = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 20_000 });

/** The kernel's entries of the sockets `pid` holds a descriptor on (its own sockets, not the other test files'). */
function socketsOf(pid: number): ProcNetEntry[] {
  const inodes = new Set<number>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      const m = /^socket:\[(\d+)\]$/.exec(safeReadlink(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(Number(m[1]));
    }
  } catch {
    return []; // the process is gone
  }
  return readProcNet([4]).filter((e) => e.inode !== 0 && inodes.has(e.inode));
}

function safeReadlink(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return ''; // closed meanwhile
  }
}

describe('netkata lab', () => {
  it('lists the experiments of CLI.md', () => {
    const r = netkata(['lab', 'list', '--json']);
    expect(r.status).toBe(0);
    const names = (JSON.parse(r.stdout) as { experiments: { name: string }[] }).experiments.map((e) => e.name);
    for (const n of ['handshake', 'close', 'time-wait', 'close-wait', 'rst', 'syn-sent', 'sticky', 'framing', 'file', 'auth', 'udp-echo', 'time', 'concurrent', 'io-models']) expect(names).toContain(n);
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

  it.skipIf(!hasProcNet())(skipTitle('sticky: the text result lists each reader\'s chunks as quoted text, the same chunks the JSON has', !hasProcNet(), 'no /proc/net/tcp'), () => {
    const r = netkata(['lab', 'sticky', '--json', '--timeout', '5000']);
    expect(r.status).toBe(0);
    const { result } = JSON.parse(r.stdout) as { result: { runs: { reader: string; chunks: string[] }[] } };
    // The text of the same result (formatted from the JSON's result object, as the CLI does for its run).
    const text = netkata(['lab', 'sticky', '--timeout', '5000']);
    expect(text.status).toBe(0);
    const section = text.stdout.slice(text.stdout.indexOf('\nResult\n'), text.stdout.indexOf('\nLinux and RFC 9293'));
    expect(section).not.toMatch(/[[{]"/); // no raw JSON
    expect(section).toMatch(/- reader: immediate\n\s+chunks: ("[a-z]+" )+\(\d\)/);
    // Each chunk line is the chunks, quoted, and their count; the writes were "hello" and "world".
    for (const m of section.matchAll(/chunks: (.*) \((\d+)\)/g)) {
      const chunks = JSON.parse(`[${m[1]!.split('" "').join('","')}]`) as string[];
      expect(chunks.join('')).toBe('helloworld');
      expect(chunks).toHaveLength(Number(m[2]));
    }
    expect(result.runs.map((x) => x.chunks.join(''))).toEqual(['helloworld', 'helloworld']);
  });

  it.skipIf(!hasProcNet())(skipTitle('prints one JSON document with the contract fields, and --compare beside it', !hasProcNet(), 'no /proc/net/tcp'), () => {
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

  it.skipIf(!hasProcNet())(skipTitle('a run that times out before the poll thread has started still reports and exits 1', !hasProcNet(), 'no /proc/net/tcp'), () => {
    // Once, the wait for the unref'd poll thread left nothing keeping Node alive: exit 13, no output.
    for (const ms of ['1', '30']) {
      const r = netkata(['lab', 'handshake', '--timeout', ms]);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`netkata: lab handshake: timed out after ${ms} ms\n`);
      expect(r.stdout).toContain('handshake: Three-way handshake');
    }
  });

  it.skipIf(!hasProcNet())(skipTitle('closes every socket and exits 130 on Ctrl-C', !hasProcNet(), 'no /proc/net/tcp'), async () => {
    // The hold outlasts any start-up under load; only the interrupt ends this run.
    const child = spawn(process.execPath, [bin, 'lab', 'syn-sent', '--json', '--param', 'holdMs=10000', '--timeout', '60000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    // Interrupt once the kernel shows the child's third client in SYN_SENT with its SYN retransmitted
    // once (1 s after the SYN, TCP_TIMEOUT_INIT): the run is holding by then, and the child's 2 ms poll
    // has had that second to record the state. A fixed delay here raced the child's start-up under load.
    let holding = false;
    for (const t0 = Date.now(); !holding && child.exitCode === null && Date.now() - t0 < 25_000; await new Promise((r) => setTimeout(r, 25))) {
      holding = socketsOf(child.pid!).some((e) => e.state === 'SYN_SENT' && e.retransmits >= 1);
    }
    child.kill('SIGINT');
    const code = await exited;
    expect(holding, `the child never held a SYN_SENT client; stderr: ${err}`).toBe(true);
    expect(code).toBe(130);
    expect(err).toBe('netkata: lab: interrupted; every socket was closed\n');
    const j = JSON.parse(out) as { error: string; sequences: Record<string, string[]> };
    expect(j.error).toBe('interrupted');
    expect(j.sequences['client-3']).toEqual(['SYN_SENT']);
  });
});
