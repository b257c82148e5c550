/**
 * netkata watch. Two independent sources: the RFC 9293 state diagram (a table that shows a step it has
 * no path for must be reported: ESTABLISHED -> SYN_SENT) on tables written by the test in the kernel's
 * own format, and the kernel itself: `netkata watch --pid <this process>` (another process, its own
 * reads) follows the sockets of a lab experiment run here: what it saw of each socket and what the lab's
 * observer saw fit one history by RFC 9293's Figure 5, and both end in the same state.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hasProcNet } from '../../src/lab/procnet.js';
import { Poller } from '../../src/lab/poller.js';
import { runLabExperiment } from '../../src/lab/runner.js';
import { PILE_UP, Watcher } from '../../src/watch/watch.js';
import { HEADER, line } from '../helpers/proc-net-table.js';
import { skipTitle } from '../helpers/skip-title.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'netkata.js');
const dir = mkdtempSync(join(tmpdir(), 'netkata-watch-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  Poller.closeAll();
});

const table = (rows: string[]): void => writeFileSync(join(dir, 'tcp'), HEADER + rows.join(''));
const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

describe.skipIf(!little)(skipTitle('the watcher on tables written by the test', !little, 'a big-endian CPU (the lines are written little-endian)'), () => {
  it('reports appearances, changes and departures, and a step the machine has no path for', () => {
    table([line(0, 8080, 40000, 0x01, 11)]);
    const w = new Watcher({ dir, families: [4] });
    expect(w.read(0).transitions).toEqual([{ at: 0, local: '127.0.0.1:8080', remote: '127.0.0.1:40000', from: null, to: 'ESTABLISHED', already: true }]);
    table([line(0, 8080, 40000, 0x08, 11), line(1, 8080, 40002, 0x01, 12)]);
    expect(w.read(10).transitions.map((t) => [t.remote, t.from, t.to])).toEqual([['127.0.0.1:40000', 'ESTABLISHED', 'CLOSE_WAIT'], ['127.0.0.1:40002', null, 'ESTABLISHED']]);
    expect(w.conformance().ok).toBe(true); // ESTABLISHED -> CLOSE_WAIT: the peer's FIN
    // The second socket goes back to SYN_SENT: no arrow of RFC 9293's diagram leaves ESTABLISHED for it.
    table([line(0, 8080, 40000, 0x09, 11), line(1, 8080, 40002, 0x02, 12)]);
    w.read(20);
    table([]);
    // One read without them is not yet a departure (the next read confirms it, dated at the first).
    expect(w.read(30).transitions).toEqual([]);
    const last = w.read(40).transitions;
    expect(last.map((t) => [t.at, t.to, t.gone])).toEqual([[30, 'CLOSED', true], [30, 'CLOSED', true]]);
    const c = w.conformance();
    expect(c.violations.map((v) => [v.socket, v.from, v.to])).toEqual([['127.0.0.1:8080 127.0.0.1:40002', 'ESTABLISHED', 'SYN_SENT']]);
  });

  it('a socket missing from one read and back in the next has not left: the kernel reads a long table page by page and can skip one', () => {
    table([line(0, 8080, 40000, 0x01, 11), line(1, 8080, 40002, 0x01, 12)]);
    const w = new Watcher({ dir, families: [4] });
    w.read(0);
    table([line(1, 8080, 40002, 0x01, 12)]);
    expect(w.read(10).transitions).toEqual([]);
    expect(w.counts()).toEqual({ ESTABLISHED: 2 });
    table([line(0, 8080, 40000, 0x08, 11), line(1, 8080, 40002, 0x01, 12)]);
    expect(w.read(20).transitions.map((t) => [t.remote, t.from, t.to])).toEqual([['127.0.0.1:40000', 'ESTABLISHED', 'CLOSE_WAIT']]);
    expect(w.conformance().ok).toBe(true);
    // Missing twice: gone, at the first read without it.
    table([line(1, 8080, 40002, 0x01, 12)]);
    w.read(30);
    table([line(1, 8080, 40002, 0x01, 12)]);
    expect(w.read(40).transitions).toEqual([{ at: 30, local: '127.0.0.1:8080', remote: '127.0.0.1:40000', from: 'CLOSE_WAIT', to: 'CLOSED', gone: true }]);
    expect(w.counts()).toEqual({ ESTABLISHED: 1 });
  });

  it('a socket already there when the watch began starts its path in the state it was found in; a new one from CLOSED or LISTEN', () => {
    table([line(0, 8080, 40000, 0x06, 0)]);
    const w = new Watcher({ dir, families: [4] });
    w.read(0);
    table([line(1, 8080, 40002, 0x06, 0)]);
    w.read(5);
    const paths = w.conformance().paths;
    expect(paths['127.0.0.1:8080 127.0.0.1:40000']![0]).toMatchObject({ state: 'TIME_WAIT', observed: true });
    // The new one got to TIME_WAIT by the machine's arrows, through states the table never showed.
    const fresh = paths['127.0.0.1:8080 127.0.0.1:40002']!;
    expect(['CLOSED', 'LISTEN']).toContain(fresh[0]!.state);
    expect(fresh.filter((p) => !p.observed).length).toBeGreaterThan(1);
    expect(fresh.at(-1)).toMatchObject({ state: 'TIME_WAIT', observed: true });
  });

  it('warns once when CLOSE_WAIT piles up, again only after it cleared', () => {
    const n = PILE_UP.CLOSE_WAIT!;
    const rows = Array.from({ length: n }, (_, i) => line(i, 8080, 41000 + i, 0x08, 100 + i));
    table(rows.slice(0, n - 1));
    const w = new Watcher({ dir, families: [4] });
    expect(w.read(0).pileUps).toEqual([]);
    table(rows);
    expect(w.read(10).pileUps).toEqual([{ at: 10, state: 'CLOSE_WAIT', count: n }]);
    expect(w.read(20).pileUps).toEqual([]);
    table([]);
    w.read(30);
    w.read(35); // gone: two reads without them
    table(rows);
    expect(w.read(40).pileUps).toHaveLength(1);
  });

  it('--port keeps the sockets of that port only', () => {
    table([line(0, 8080, 40000, 0x01, 11), line(1, 9090, 40001, 0x01, 12)]);
    const w = new Watcher({ dir, families: [4], port: 9090 });
    expect(w.read(0).transitions.map((t) => t.local)).toEqual(['127.0.0.1:9090']);
  });
});

/**
 * RFC 9293 Figure 5, its arrows as the test reads them (3.3.2), with the FIN,ACK that takes FIN-WAIT-1
 * straight to TIME-WAIT (3.10.7.4) and a reset or abort that ends any state in CLOSED (3.10.7, 3.10.5).
 */
const FIGURE_5: Record<string, readonly string[]> = {
  CLOSED: ['LISTEN', 'SYN_SENT'],
  LISTEN: ['SYN_RECEIVED', 'SYN_SENT', 'CLOSED'],
  SYN_SENT: ['SYN_RECEIVED', 'ESTABLISHED', 'CLOSED'],
  SYN_RECEIVED: ['ESTABLISHED', 'FIN_WAIT_1', 'LISTEN'],
  ESTABLISHED: ['FIN_WAIT_1', 'CLOSE_WAIT'],
  FIN_WAIT_1: ['FIN_WAIT_2', 'CLOSING', 'TIME_WAIT'],
  FIN_WAIT_2: ['TIME_WAIT'],
  CLOSING: ['TIME_WAIT'],
  CLOSE_WAIT: ['LAST_ACK'],
  LAST_ACK: ['CLOSED'],
  TIME_WAIT: ['CLOSED'],
};

/** Whether `b` can follow `a` with the states between unseen: CLOSED ends a socket, so no path passes through it. */
function canFollow(a: string, b: string): boolean {
  if (a === b || b === 'CLOSED') return true;
  const seen = new Set<string>();
  const todo = [...(FIGURE_5[a] ?? [])];
  while (todo.length > 0) {
    const s = todo.pop()!;
    if (s === b) return true;
    if (seen.has(s) || s === 'CLOSED') continue;
    seen.add(s);
    todo.push(...(FIGURE_5[s] ?? []));
  }
  return false;
}

/** Whether the two sequences interleave into one in which every state can follow the one before it. */
function oneHistory(x: readonly string[], y: readonly string[]): boolean {
  // reached[i][j]: the last states after taking x[..i) and y[..j) in some order.
  const reached = Array.from({ length: x.length + 1 }, () => Array.from({ length: y.length + 1 }, () => new Set<string>()));
  reached[0]![0]!.add('');
  for (let i = 0; i <= x.length; i++) {
    for (let j = 0; j <= y.length; j++) {
      for (const last of reached[i]![j]!) {
        if (i < x.length && (last === '' || canFollow(last, x[i]!))) reached[i + 1]![j]!.add(x[i]!);
        if (j < y.length && (last === '' || canFollow(last, y[j]!))) reached[i]![j + 1]!.add(y[j]!);
      }
    }
  }
  return reached[x.length]![y.length]!.size > 0;
}

describe('two observers of one kernel (the check below)', () => {
  it('the test\'s own check of two observers: a state only one saw fits; an order neither allows does not', () => {
    // The lab missed the server's CLOSE_WAIT, the watch saw it: one history.
    expect(oneHistory(['ESTABLISHED', 'CLOSE_WAIT', 'LAST_ACK', 'CLOSED'], ['ESTABLISHED', 'LAST_ACK', 'CLOSED'])).toBe(true);
    expect(oneHistory(['FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT'], ['ESTABLISHED', 'FIN_WAIT_1', 'TIME_WAIT'])).toBe(true);
    // A state the other's sequence rules out (FIN_WAIT_2 and CLOSING exclude each other), or going back.
    expect(oneHistory(['FIN_WAIT_1', 'CLOSING', 'TIME_WAIT'], ['FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT'])).toBe(false);
    expect(oneHistory(['ESTABLISHED', 'TIME_WAIT', 'FIN_WAIT_2'], ['ESTABLISHED'])).toBe(false);
    expect(oneHistory(['ESTABLISHED', 'SYN_SENT'], ['ESTABLISHED'])).toBe(false);
    expect(oneHistory(['CLOSE_WAIT'], ['FIN_WAIT_1'])).toBe(false);
  });
});

const noProc = !hasProcNet();
describe.skipIf(noProc)(skipTitle('netkata watch on this kernel', noProc, 'no /proc/net/tcp'), () => {
  it('--pid follows a lab experiment run in this process (fin-wait-1): its states lie on the lab\'s paths, it sees the held FIN_WAIT_1, and ends where the lab ends', async () => {
    const watch = spawn(process.execPath, [bin, 'watch', '--pid', String(process.pid), '--json', '--interval', '2', '--for', '60000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    watch.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    await new Promise<void>((resolve) => {
      const check = (): void => (out.includes('"type":"start"') ? resolve() : void setTimeout(check, 10));
      check();
    });
    // fin-wait-1 holds its client in FIN_WAIT_1 while the server holds off reading (holdMs): long enough
    // for any read of the watch, whatever the machine's load.
    const report = await runLabExperiment('fin-wait-1', { timeoutMs: 30_000, params: { holdMs: 1500 } });
    expect(report.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 500)); // a few more reads: the server's socket leaves the table
    watch.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => watch.once('close', resolve));
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { type: string; local?: string; remote?: string; from?: string | null; to?: string; conformance?: { ok: boolean } });
    expect(lines.at(-1)!.type).toBe('summary');
    expect(lines.at(-1)!.conformance!.ok).toBe(true);
    for (const socket of ['client', 'server']) {
      const first = report.observations.find((o) => o.socket === socket)!;
      const mine = lines.filter((l) => l.type === 'transition' && l.local === first.local && l.remote === first.remote);
      expect(mine.length, `${socket} ${first.local} ${first.remote} seen by watch`).toBeGreaterThan(0);
      // Two observers of one kernel, each polling every 2 ms, each may miss a short state the other saw
      // (the lab missed a server's CLOSE_WAIT, or a client's FIN_WAIT_2, in 3 loop runs of 13). What both
      // saw must fit one history: some interleaving of the two sequences in which each state follows the
      // one before it by the arrows of RFC 9293's Figure 5 (below, written here from the RFC).
      const labStates = report.observations.filter((o) => o.socket === socket).map((o) => o.state);
      const watchStates = mine.map((l) => l.to!);
      const seen = `${socket}: watch ${watchStates.join(' ')}; lab saw ${report.observations.filter((o) => o.socket === socket).map((o) => `${o.at}:${o.state}`).join(' ')}`;
      expect(oneHistory(watchStates, labStates), seen).toBe(true);
      const lastLab = report.observations.filter((o) => o.socket === socket).at(-1)!.state;
      expect(mine.at(-1)!.to).toBe(lastLab);
    }
    // The held state, seen by both.
    const client = report.observations.find((o) => o.socket === 'client')!;
    expect(lines.some((l) => l.local === client.local && l.remote === client.remote && l.to === 'FIN_WAIT_1')).toBe(true);
  });

  it('bad input: one line, exit 2', () => {
    for (const args of [['--pid', '2147483646'], ['--state', 'ESTABLISHD'], ['--port', '70000'], ['--interval', '0']]) {
      const r = spawnSync(process.execPath, [bin, 'watch', ...args, '--for', '10'], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^netkata: /);
    }
  });

  it('speaks the chosen language (zh: the header and the summary)', () => {
    const r = spawnSync(process.execPath, [bin, 'watch', '--for', '50', '--port', '1'], { encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^netkata watch：端口 1 上共 0 个 TCP 套接字；按 Ctrl-C 查看汇总$/m);
    expect(r.stdout).toMatch(/秒后的汇总/);
  });
});
