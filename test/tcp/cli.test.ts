/** `netkata tcp run | list | states` through the built binary (run `npx tsc -p .` first). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/netkata.js');
const dir = mkdtempSync(join(tmpdir(), 'netkata-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function netkata(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('netkata tcp', () => {
  it('run --json prints the contract fields and exits 0 when every expectation holds', () => {
    const r = netkata(['tcp', 'run', 'lost-final-ack', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['scenario', 'passed', 'steps', 'segments', 'failures', 'final']));
    expect(j.scenario).toBe('lost-final-ack');
    expect(j.passed).toBe(true);
    expect(j.steps[0]).toEqual({ index: 0, at: 0, action: 'open client', states: { client: 'SYN_SENT', server: 'LISTEN' }, ok: true });
    // sent at 10 ms, one 10 ms link delay later it arrives; the window is the default 65535-byte buffer
    expect(j.segments[1]).toEqual({ at: 10, from: 'server', to: 'client', flags: 'SYN,ACK', seq: 5000, ack: 1001, len: 0, win: 65_535, dropped: false, arrivedAt: 20 });
    expect(j.segments.filter((s: { dropped: boolean }) => s.dropped)).toHaveLength(1);
    expect(j.final).toEqual({ client: 'CLOSED', server: 'CLOSED' });
  });

  it('run prints a ladder with states and a dropped segment marked', () => {
    const r = netkata(['tcp', 'run', 'lost-final-ack']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/SYN_SENT +-- SYN seq=1000 -+> +LISTEN/);
    expect(r.stdout).toMatch(/\(server: rcv ACK -> ESTABLISHED\) +ESTABLISHED/);
    expect(r.stdout).toMatch(/-- ACK seq=1002 ack=5002 -+ X lost/);
    expect(r.stdout).toMatch(/final: client CLOSED, server CLOSED at 61\.07s; passed/);
  });

  it('run of a file whose expectation fails exits 1 and names the failure', () => {
    const f = join(dir, 'wrong.yaml');
    writeFileSync(f, 'name: wrong\ntitle: Wrong\nsteps:\n  - open: client\n  - settle: true\n  - expect: { client: SYN_SENT }\n');
    const r = netkata(['tcp', 'run', f, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.passed).toBe(false);
    expect(j.failures).toEqual([{ step: 2, field: 'client', expected: 'SYN_SENT', actual: 'ESTABLISHED' }]);
    expect(netkata(['tcp', 'run', f]).code).toBe(1);
  });

  it('a bad scenario exits 2 with one line naming file, line and field', () => {
    const f = join(dir, 'bad.yaml');
    writeFileSync(f, 'name: bad\ntitle: Bad\nsteps:\n  - open: client\n  - expect: { client: ESTABLISH }\n');
    const r = netkata(['tcp', 'run', f]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`netkata: ${f}:5: steps[1].expect.client: unknown state "ESTABLISH" (one of CLOSED, LISTEN, SYN_SENT, SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT)\n`);
    const missing = netkata(['tcp', 'run', 'no-such-scenario']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^netkata: no-such-scenario: no such scenario file or built-in scenario/);
  });

  it('finds built-in scenarios from any working directory and writes --pcap atomically', () => {
    const pcap = join(dir, 'out.pcap');
    const r = netkata(['tcp', 'run', 'handshake', '--json', '--pcap', pcap], dir);
    expect(r.code).toBe(0);
    expect(existsSync(pcap)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.skipIf(spawnSync('tshark', ['--version'], { stdio: 'ignore' }).status !== 0)('--pcap marks the lost segment: tshark finds exactly the JSON\'s dropped one by its comment (needs tshark)', () => {
    const pcap = join(dir, 'lost.pcap');
    const r = netkata(['tcp', 'run', 'lost-final-ack', '--json', '--pcap', pcap]);
    expect(r.code).toBe(0);
    const segments = JSON.parse(r.stdout).segments as { dropped: boolean }[];
    const out = spawnSync('tshark', ['-r', pcap, '-Y', 'frame.comment contains "DROPPED"', '-T', 'fields', '-e', 'frame.number'], { encoding: 'utf8' }).stdout;
    expect(out.trim().split('\n').map(Number)).toEqual(segments.flatMap((s, i) => (s.dropped ? [i + 1] : [])));
  });

  it('list shows every built-in scenario with its title', () => {
    const r = netkata(['tcp', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^handshake +The three-way handshake$/m);
    const yamls = (d: string) => readdirSync(join(root, d)).filter((f) => f.endsWith('.yaml')).length;
    expect(r.stdout.trim().split('\n').length).toBe(yamls('scenarios/tcp') + yamls('scenarios/window'));
  });

  it('states lists the 11 states and their transitions; --mermaid a stateDiagram', () => {
    const r = netkata(['tcp', 'states']);
    expect(r.code).toBe(0);
    for (const s of ['CLOSED', 'LISTEN', 'SYN_SENT', 'SYN_RECEIVED', 'ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSE_WAIT', 'CLOSING', 'LAST_ACK', 'TIME_WAIT']) {
      expect(r.stdout).toMatch(new RegExp(`^${s}$`, 'm'));
    }
    expect(r.stdout).toMatch(/SEGMENT \[finAcksOurFin\] +-> TIME_WAIT/);
    const m = netkata(['tcp', 'states', '--mermaid']);
    expect(m.stdout.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(m.stdout).toContain('    FIN_WAIT_1 --> CLOSING : SEGMENT if finArrives');
  });

  it('states shows the profile difference of a passive open that runs out of SYN,ACK retries', () => {
    const giveUp = (out: string) => out.split('\n').filter((l) => /^ +RETRANSMISSION_TIMEOUT \[retransmissionsExhausted/.test(l)).map((l) => l.trim().replace(/ +/g, ' '));
    const section = (out: string) => out.slice(out.indexOf('\nSYN_RECEIVED\n'), out.indexOf('\nESTABLISHED\n'));
    const rfc = netkata(['tcp', 'states']);
    const linux = netkata(['tcp', 'states', '--profile', 'linux']);
    expect(giveUp(section(rfc.stdout))).toEqual(['RETRANSMISSION_TIMEOUT [retransmissionsExhausted] -> CLOSED / signalTimeout']);
    expect(giveUp(section(linux.stdout))).toEqual([
      'RETRANSMISSION_TIMEOUT [retransmissionsExhaustedPassive] -> LISTEN / returnToListen',
      'RETRANSMISSION_TIMEOUT [retransmissionsExhausted] -> CLOSED / signalTimeout',
    ]);
  });
});
