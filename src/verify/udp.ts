/**
 * `netkata verify` for a UDP program (a probe with `transport: udp`, the built-in `udp-echo`): UDP has
 * no connection and no TCP states (RFC 768), so what is checked is the datagrams and the program's
 * socket as the kernel lists it.
 *
 * - `datagrams` steps: one client socket on loopback sends each datagram of `send` (one sendto(2) each,
 *   in a burst) and checks the replies: one per datagram, each exactly as expected, in order (loopback
 *   keeps order), none merged (two replies joined into one: message boundaries lost), none cut (a reply
 *   shorter than expected: the program's recvfrom buffer was smaller than the datagram, and the kernel
 *   dropped the rest, udp(7) MSG_TRUNC), none lost (not in `within` ms) and no extra one (in `quiet`
 *   ms after the last expected reply).
 * - The check `udp-socket`, added to every run: the program holds a UDP socket on its port (a
 *   /proc/net/udp{,6} entry whose inode its processes' descriptors hold, /proc/PID/fd), and the kernel
 *   dropped no datagram for it (the table's `drops` column: sk_drops, datagrams discarded because the
 *   socket's receive buffer was full or its filter refused them).
 */
import dgram from 'node:dgram';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, reason } from '../errors.js';
import { monotonicMs } from '../lab/observer.js';
import { formatSocketAddress, parseProcNetLine, procNetDir } from '../lab/procnet.js';
import type { VerifyProbe } from '../scenario/verify.js';
import { groupPids, holderOf, pgrpOf, Program, ProgramStartError, readyOnChosenPort, socketInodes, type PortChooser } from './program.js';
import { probeReport, type VerifyCheck, type VerifyOptions, type VerifyReport } from './run.js';

export interface UdpSocketEntry {
  readonly local: string;
  readonly inode: number;
  readonly drops: number;
  readonly rxQueue: number;
}

/** The UDP sockets bound to `port` (both tables), with the kernel's drop count of each. */
export function readUdpPort(port: number, dir: string = procNetDir()): UdpSocketEntry[] {
  const out: UdpSocketEntry[] = [];
  for (const [file, family] of [['udp', 4], ['udp6', 6]] as const) {
    let text: string;
    try {
      text = readFileSync(join(dir, file), 'latin1');
    } catch {
      continue; // no IPv6 on this machine
    }
    for (const line of text.split('\n')) {
      const e = parseProcNetLine(line, family);
      if (!e || e.local.port !== port) continue;
      out.push({ local: formatSocketAddress(e.local), inode: e.inode, drops: Number(line.trim().split(/\s+/)[12] ?? 0), rxQueue: e.rxQueue });
    }
  }
  return out;
}

/** A free UDP port on loopback: bound, read and released. */
export async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.bind(0, '127.0.0.1', resolve);
  });
  const port = s.address().port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export type DatagramWhy = 'lost' | 'merged' | 'cut' | 'mismatch' | 'extra';

export interface DatagramOutcome {
  /** Replies received, in order (UTF-8, as sent in the probe). */
  readonly got: string[];
  readonly why?: DatagramWhy;
}

/**
 * What the replies say, against what was expected (exported for the tests): `merged` when a reply is two
 * or more expected ones joined; `lost` when the replies are the expected ones with some missing (in
 * order); `cut` when a reply is a proper prefix of its expected one; `extra` beyond the expected ones.
 */
export function judgeReplies(expected: readonly string[], got: readonly Buffer[]): DatagramWhy | undefined {
  const want = expected.map((e) => Buffer.from(e, 'utf8'));
  for (let i = 0; i < got.length && i < want.length; i++) {
    for (let k = i + 2; k <= want.length; k++) if (got[i]!.equals(Buffer.concat(want.slice(i, k)))) return 'merged';
  }
  if (got.length > want.length && want.every((w, i) => w.equals(got[i]!))) return 'extra';
  // In order, each reply equal to a later expected one: the ones between were lost.
  const subsequence = isSubsequence(got, want);
  if (subsequence) return got.length < want.length ? 'lost' : undefined;
  for (let i = 0; i < got.length && i < want.length; i++) {
    const g = got[i]!;
    const w = want[i]!;
    if (g.length < w.length && w.subarray(0, g.length).equals(g)) return 'cut';
  }
  return 'mismatch';
}

function isSubsequence(got: readonly Buffer[], want: readonly Buffer[]): boolean {
  let j = 0;
  for (const g of got) {
    while (j < want.length && !want[j]!.equals(g)) j++;
    if (j === want.length) return false;
    j++;
  }
  return true;
}

/** Bound, for UDP: a socket on the port that the program's descriptors hold (any, for a program we did not start). */
async function waitBound(port: number, program: Program | undefined, ms: number): Promise<void> {
  const end = monotonicMs() + ms;
  for (;;) {
    const mine = program ? program.inodes() : undefined;
    if (readUdpPort(port).some((e) => mine === undefined || mine.has(e.inode))) return;
    if (program?.exit) throw new ProgramStartError(reason('programExitedUdp', { signal: program.exit.signal ?? undefined, code: program.exit.code, port }));
    if (monotonicMs() >= end) throw new ProgramStartError(reason('programNoBindUdp', { port, ms }));
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function verifyUdpProgram(probe: VerifyProbe, options: VerifyOptions, command: string[] | null, choosePort: PortChooser = freeUdpPort): Promise<VerifyReport> {
  const timeoutMs = options.timeoutMs ?? probe.timeout;
  const startTimeoutMs = options.startTimeoutMs ?? 5000;
  const t0 = monotonicMs();
  let port = options.port ?? (await choosePort());
  let program = command ? await Program.start(command, port) : undefined;
  const client = dgram.createSocket('udp4');
  const replies: Buffer[] = [];
  let wake: (() => void) | undefined;
  client.on('message', (m) => {
    replies.push(m);
    wake?.();
  });
  client.on('error', () => {}); // ICMP port unreachable: seen as lost replies
  const abort = new AbortController();
  const onOuter = (): void => abort.abort();
  options.signal?.addEventListener('abort', onOuter, { once: true });
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  /** Resolves when `cond` holds, after `ms`, or when the run is aborted. */
  const waitUntil = (cond: () => boolean, ms: number): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(t);
        wake = undefined;
        abort.signal.removeEventListener('abort', done);
        resolve();
      };
      if (cond() || abort.signal.aborted) return resolve();
      const t = setTimeout(done, ms);
      wake = () => {
        if (cond()) done();
      };
      abort.signal.addEventListener('abort', done, { once: true });
    });
  try {
    // Listening, for UDP: a socket bound to the port, held by the program's descriptors.
    await readyOnChosenPort({
      port, program, command, chosen: options.port === undefined, choose: choosePort,
      ready: (p, prog) => waitBound(p, prog, startTimeoutMs),
      holders: readUdpPort,
      restarted: (prog, p) => {
        program = prog;
        port = p;
      },
    });
    // The client sends to 127.0.0.1: a program bound to ::1 only never gets them (its replies: lost).
    const host = '127.0.0.1';
    await new Promise<void>((resolve) => client.bind(0, '127.0.0.1', resolve));

    const checks: VerifyCheck[] = [];
    let error: VerifyReport['error'] = null;
    for (const [i, step] of probe.steps.entries()) {
      if (abort.signal.aborted) break;
      if ('pause' in step) {
        await waitUntil(() => false, step.pause);
        continue;
      }
      if (!('datagrams' in step)) throw new InputError(reason('udpStepsOnly'), probe.name);
      const d = step.datagrams;
      replies.length = 0;
      const started = monotonicMs();
      for (const s of d.send) client.send(Buffer.from(s, 'utf8'), port, '127.0.0.1');
      // Each reply settles one expected datagram; a merged one settles two or more at once.
      const wrong = (): boolean => judgeReplies(d.replies, replies) !== undefined && judgeReplies(d.replies, replies) !== 'lost';
      await waitUntil(() => replies.length >= d.replies.length || wrong(), d.within);
      const ms = Math.round(monotonicMs() - started);
      // A reply past the expected ones (a duplicate) would come right after them, and the rest of a wrong
      // answer (the second of two merged replies) too: `quiet` ms for them, so none spills into the next step.
      await waitUntil(() => replies.length > d.replies.length, d.quiet);
      const why = judgeReplies(d.replies, replies);
      checks.push({
        name: d.name ?? `datagrams-${i + 1}`,
        step: i,
        ok: why === undefined,
        detail: { kind: 'datagrams', sent: [...d.send], expected: [...d.replies], got: replies.map((r) => r.toString('utf8')), ms, within: d.within, ...(why ? { why } : {}) },
        sockets: [],
      });
    }
    if (abort.signal.aborted) error = options.signal?.aborted ? { kind: 'interrupted', message: 'interrupted' } : { kind: 'timeout', message: `timed out after ${timeoutMs} ms` };

    const inodes = program ? program.inodes() : (() => {
      const first = readUdpPort(port)[0];
      const holder = first ? holderOf(first.inode) : undefined;
      const g = holder === undefined ? undefined : pgrpOf(holder);
      return g === undefined ? undefined : socketInodes(groupPids(g));
    })();
    const entries = readUdpPort(port).filter((e) => inodes === undefined || inodes.has(e.inode));
    const drops = entries.reduce((n, e) => n + e.drops, 0);
    checks.push({ name: 'udp-socket', step: null, ok: entries.length > 0 && drops === 0, detail: { kind: 'udp-socket', port, sockets: entries.map((e) => ({ local: e.local, inode: e.inode, drops: e.drops, rxQueue: e.rxQueue })) }, sockets: [] });
    const programExit = program?.exit ? { ...program.exit, at: Math.round(monotonicMs() - t0) } : null;
    return probeReport(probe, { command, port, host, program, programExit, timeoutMs, t0, checks, sockets: {}, observations: [], error });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuter);
    client.close();
    await program?.stop();
  }
}
