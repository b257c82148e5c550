/**
 * `netkata verify`: a probe's clients against a program under test, with the kernel states of every
 * socket of that program read from /proc/net/tcp{,6} and checked.
 *
 * The program's sockets are those on its listening port (the server ends of our connections, and the
 * timewait and request sockets, which no descriptor holds: their inode is 0) and those whose inode its
 * processes' descriptors hold (/proc/<pid>/fd, children included). The lab's observer, LabRun (client
 * sockets, time bound, cleanup) and conformance check do the work; this module adds the program, the
 * probe's steps and their checks. Every run is bounded (start, steps) and ends with the program's whole
 * process group killed, on every path.
 */
import type net from 'node:net';
import { InputError, reason } from '../errors.js';
import { checkConformance, type ConformanceOptions, type PathStep, type Violation } from '../lab/conformance.js';
import { FrameDecoder, encodeFrame } from '../lab/framing.js';
import { LabAborted, LabRun, type ActionRecord } from '../lab/lab-run.js';
import { linuxConformanceOptions } from '../lab/machine.js';
import { monotonicMs, Observer, type Observation } from '../lab/observer.js';
import { formatSocketAddress, procNetDir, readProcNet, requireProcNet } from '../lab/procnet.js';
import type { LabState } from '../lab/states.js';
import { verbOf, type VerifyProbe, type VerifyStep } from '../scenario/verify.js';
import { freePort, groupPids, holderOf, pgrpOf, Program, ProgramStartError, readyOnChosenPort, socketInodes, waitListening, type PortChooser, type ProgramExit } from './program.js';
import { loadProbe } from './probes.js';
import { verifyUdpProgram, type DatagramWhy } from './udp.js';
import { verifyClientProgram } from './client-role.js';
import { examineFile, type FileHeader, type FileWhy, type HeaderProblem } from './file-transfer.js';

export { ProgramStartError };

export const DEFAULT_START_TIMEOUT_MS = 5000;

export interface VerifyOptions {
  /** A built-in probe's name, a probe file's path, or a probe already parsed. */
  readonly probe: string | VerifyProbe;
  /** The program to start: `{port}` in an argument becomes its port (also in PORT). */
  readonly command?: readonly string[];
  /** Test a program already listening on this port instead of starting one. */
  readonly port?: number;
  /** ms for the probe's steps (default: the probe's `timeout`). */
  readonly timeoutMs?: number;
  /** ms the program has to start listening. */
  readonly startTimeoutMs?: number;
  /** Aborts the run (Ctrl-C): clients closed, the program killed, the report says so. */
  readonly signal?: AbortSignal;
  readonly periodMs?: number;
}

export type CheckDetail =
  | { readonly kind: 'reply'; readonly client: string; readonly expected: string; readonly got: string; readonly ms: number; readonly within: number; readonly why?: 'mismatch' | 'timeout' | 'closed' | 'no-eof' | 'program-no-eof' }
  | { readonly kind: 'states'; readonly client: string; readonly expected: LabState[]; readonly within: number; readonly missing?: LabState }
  | { readonly kind: 'no-state'; readonly state: LabState; readonly within: number; readonly left: string[] }
  | { readonly kind: 'accepts'; readonly within: number; readonly ms: number; readonly why?: 'refused' | 'not-accepted' | 'exited'; readonly error?: string }
  | { readonly kind: 'file'; readonly client: string; readonly header: FileHeader | null; readonly bytes: number; readonly sha256: string | null; readonly ms: number; readonly within: number; readonly why?: FileWhy; readonly problem?: HeaderProblem }
  | { readonly kind: 'datagrams'; readonly sent: string[]; readonly expected: string[]; readonly got: string[]; readonly ms: number; readonly within: number; readonly why?: DatagramWhy }
  | { readonly kind: 'udp-socket'; readonly port: number; readonly sockets: { readonly local: string; readonly inode: number; readonly drops: number; readonly rxQueue: number }[] }
  | { readonly kind: 'accept-client'; readonly client: string; readonly ms: number; readonly within: number; readonly why?: 'timeout' | 'exited' }
  | { readonly kind: 'client-states'; readonly client: string; readonly expected: LabState[]; readonly within: number; readonly missing?: LabState }
  | { readonly kind: 'conformance'; readonly violations: Violation[] }
  | { readonly kind: 'step'; readonly verb: string; readonly error: string };

export interface VerifyCheck {
  readonly name: string;
  /** Index of the probe step (null: the conformance check over the whole run). */
  readonly step: number | null;
  readonly ok: boolean;
  readonly detail: CheckDetail;
  /** The kernel states of the program's sockets this check is about, as the machine reads them. */
  readonly sockets: { readonly socket: string; readonly path: PathStep[] }[];
}

export interface VerifyReport {
  readonly probe: string;
  readonly title: string;
  readonly titleZh?: string;
  readonly command: string[] | null;
  readonly port: number;
  readonly host: string;
  /** The program's group leader (null with `port`: a program we did not start). */
  readonly pid: number | null;
  /** Every process seen in the program's group. */
  readonly processes: number[];
  /** The program ended during the run (ms since the run started). */
  readonly programExit: (ProgramExit & { readonly at: number }) | null;
  /** The end of the program's stderr, when it ended during the run. */
  readonly stderr: string;
  readonly timeoutMs: number;
  readonly durationMs: number;
  readonly checks: VerifyCheck[];
  /** Each socket of the program: its path through the endpoint machine (observed and inferred states). */
  readonly sockets: Record<string, PathStep[]>;
  readonly observations: Observation[];
  /**
   * Why the run stopped short, else null; `step` (0-based, as in checks) and `verb`: the step it was in,
   * when one was (a run that timed out waiting for a reply says which).
   */
  readonly error: { readonly kind: 'timeout' | 'interrupted'; readonly message: string; readonly step?: number; readonly verb?: string } | null;
  readonly ok: boolean;
}

interface Client {
  readonly name: string;
  readonly server: string;
  readonly socket: net.Socket;
  data: Buffer;
  eof: boolean;
  closed: boolean;
  error: string | undefined;
}

/**
 * The linux profile's conformance options for a program on loopback: our clients are alive and lo
 * loses nothing, so retransmissions never run out and keepalive probes are always answered; without
 * this, a connection idle for over a second could read "ESTABLISHED -> gone" as a keepalive failure
 * instead of the close it was.
 */
export function loopbackConformance(): ConformanceOptions {
  const base = linuxConformanceOptions();
  return {
    ...base,
    timerMinimum: {
      ...base.timerMinimum,
      KEEPALIVE_TIMEOUT: Number.POSITIVE_INFINITY,
      'RETRANSMISSION_TIMEOUT[retransmissionsExhausted]': Number.POSITIVE_INFINITY,
      'RETRANSMISSION_TIMEOUT[retransmissionsExhaustedPassive]': Number.POSITIVE_INFINITY,
    },
  };
}

/**
 * The application actions the conformance check may use on the program's sockets. Its own calls are not
 * seen: each socket may have been closed once, at any time (and one not on the listening port opened
 * once); its peers' segments are free events.
 */
export function programActions(observations: readonly Observation[], port: number): ActionRecord[] {
  return [...new Set(observations.map((x) => x.socket))].flatMap((socket) => [
    { at: 0, socket, action: 'destroy' as const },
    ...(observations.some((x) => x.socket === socket && portOf(x.local) !== port) ? [{ at: 0, socket, action: 'connect' as const }] : []),
  ]);
}

const portOf = (address: string): number => Number(address.slice(address.lastIndexOf(':') + 1));
const serverOf = (client: string): string => `server<-${client}`;

/** The run's port choosers (tests give their own; the library's verifyProgram takes only options). */
export interface PortChoosers {
  readonly tcp?: PortChooser;
  readonly udp?: PortChooser;
}

export async function verifyProgram(options: VerifyOptions, choosers: PortChoosers = {}): Promise<VerifyReport> {
  requireProcNet();
  const probe = typeof options.probe === 'string' ? loadProbe(options.probe) : options.probe;
  const command = options.command && options.command.length > 0 ? [...options.command] : null;
  if (command === null && options.port === undefined) throw new InputError(reason('verifyNoProgram'), 'verify');
  if (command !== null && options.port !== undefined) throw new InputError(reason('verifyBoth'), `--port ${options.port}`);
  if (options.port !== undefined && (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535)) {
    throw new InputError(reason('verifyPort'), String(options.port));
  }
  if (probe.transport === 'udp') return verifyUdpProgram(probe, options, command, choosers.udp);
  if (probe.role === 'client') return verifyClientProgram(probe, options, command);
  const timeoutMs = options.timeoutMs ?? probe.timeout;
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const t0 = monotonicMs();
  const choosePort = choosers.tcp ?? freePort;
  let port = options.port ?? (await choosePort());
  let program = command ? await Program.start(command, port) : undefined;
  let programExit: (ProgramExit & { at: number }) | null = null;
  const followExit = (p: Program | undefined): void => {
    void p?.exited.then((e) => {
      if (p === program) programExit = { ...e, at: Math.round(monotonicMs() - t0) };
    });
  };
  followExit(program);

  let run: LabRun | undefined;
  let observer: Observer | undefined;
  let scan: NodeJS.Timeout | undefined;
  const controller = new AbortController();
  const onOuterAbort = (): void => controller.abort(new LabAborted('interrupted'));
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (options.signal?.aborted) onOuterAbort();
  let timer: NodeJS.Timeout | undefined;
  try {
    const listener = await readyOnChosenPort({
      port, program, command, chosen: options.port === undefined, choose: choosePort,
      ready: (p, prog) => waitListening(p, prog, startTimeoutMs, controller.signal),
      holders: (p) => readProcNet().filter((x) => x.local.port === p),
      restarted: (prog, p) => {
        program = prog;
        port = p;
        followExit(prog);
      },
    });
    // A program we did not start: its sockets are those its holder's group holds (when we may read it).
    const holder = program ? undefined : holderOf(listener.inode);
    const groupOfHolder = holder === undefined ? undefined : pgrpOf(holder);
    const inodes = new Set<number>([listener.inode]);
    const refreshInodes = (): void => {
      const found = program ? program.inodes() : groupOfHolder !== undefined ? socketInodes(groupPids(groupOfHolder)) : new Set<number>();
      for (const i of found) {
        if (inodes.has(i)) continue;
        inodes.add(i);
        // A socket of the program on another port (one it connected out with): watch that port too.
        for (const e of readProcNet()) {
          if (e.inode !== i) continue;
          // A socket of the program in a table the observer does not read yet (an IPv4 server's IPv6 client).
          if (observer && !observer.readingFamilies.includes(e.family)) observer.readFamilies([...observer.readingFamilies, e.family]);
          if (e.local.port !== port) observer?.watchPort(e.local.port);
        }
      }
    };

    timer = setTimeout(() => controller.abort(new LabAborted(`timed out after ${timeoutMs} ms`)), timeoutMs);
    const wakers = new Set<() => void>();
    const wake = (): void => {
      for (const w of [...wakers]) w();
    };
    void program?.exited.then(wake);
    observer = new Observer({ dir: procNetDir(), families: [4, 6], periodMs: options.periodMs ?? 2, t0, onObservation: wake });
    const host = listener.family === 6 && listener.local.address !== '::ffff:127.0.0.1' ? '::1' : '127.0.0.1';
    // The listener's table and the clients' (an IPv4 client of a listener on ::ffff:127.0.0.1 is in
    // tcp, the socket it connects to in tcp6); a socket of the program found in the other table later
    // adds that table (refreshInodes).
    observer.readFamilies([...new Set([listener.family, host === '::1' ? 6 : 4] as const)]);
    run = new LabRun({ signal: controller.signal, t0, observer, host });
    const lab = run;
    const obs = observer;
    await run.guard(observer.started());
    const listenerKey = `${formatSocketAddress(listener.local)} ${formatSocketAddress(listener.remote)}`;
    observer.name(formatSocketAddress(listener.local), formatSocketAddress(listener.remote), 'listener');
    observer.watchListener(port, listenerKey);
    scan = setInterval(refreshInodes, 100);

    const isProgramSocket = (socket: string, all: readonly Observation[]): boolean =>
      all.some((o) => o.socket === socket && (portOf(o.local) === port || (o.inode !== undefined && o.inode !== 0 && inodes.has(o.inode))));
    const programObservations = (): Observation[] => {
      const all = obs.observations();
      const mine = new Set([...new Set(all.map((o) => o.socket))].filter((s) => isProgramSocket(s, all)));
      return all.filter((o) => mine.has(o.socket));
    };
    const conformance = loopbackConformance();
    const machinePaths = (): ReturnType<typeof checkConformance> => {
      const o = programObservations();
      return checkConformance(o, programActions(o, port), conformance);
    };

    const clients = new Map<string, Client>();
    const checks: VerifyCheck[] = [];
    let accepts = 0;

    const waitUntil = (cond: () => boolean, ms: number): Promise<boolean> => {
      if (cond()) return Promise.resolve(true);
      return lab.guard(
        new Promise<boolean>((resolve) => {
          const done = (v: boolean): void => {
            clearTimeout(t);
            wakers.delete(check);
            controller.signal.removeEventListener('abort', onAbort);
            resolve(v);
          };
          const check = (): void => {
            if (cond()) done(true);
          };
          const onAbort = (): void => done(false);
          const t = setTimeout(() => done(cond()), ms);
          wakers.add(check);
          controller.signal.addEventListener('abort', onAbort, { once: true });
        }),
      );
    };
    /** For conditions no event announces (a socket's inode, read fresh): check every few ms. */
    const pollUntil = async (cond: () => boolean, ms: number): Promise<boolean> => {
      const end = monotonicMs() + ms;
      while (!cond()) {
        if (monotonicMs() >= end) return false;
        await lab.delay(5);
      }
      return true;
    };

    /**
     * `resetIsConnection` (every step but accepts, which tells a reset from an acceptance itself): a
     * connection the server reset before Node reported it made is a client whose connection was reset,
     * as one reset just after: the verdict must not depend on which Node saw first (LabRun.connect).
     */
    const connect = async (name: string, resetIsConnection = true): Promise<void> => {
      if (clients.has(name)) throw new InputError(reason('verifyAlreadyConnected', name), probe.name);
      // The client's listeners go on before LabRun.connect waits for its poll (Poller.sync: the server's
      // end on record at least once, however short the connection), so nothing the server does in the
      // meantime (a reset, a close) happens unheard.
      await lab.connect(name, serverOf(name), port, {
        resetIsConnection,
        attach: (socket) => {
          // What already happened before the listeners went on (a reset processed in the same turn as the
          // handshake's completion) is read from the socket itself.
          const c: Client = { name, server: serverOf(name), socket, data: Buffer.alloc(0), eof: socket.readableEnded, closed: socket.destroyed, error: (socket.errored as NodeJS.ErrnoException | null)?.code ?? socket.errored?.message };
          socket.on('data', (d: Buffer) => {
            c.data = Buffer.concat([c.data, d]);
            wake();
          });
          socket.on('end', () => {
            c.eof = true;
            wake();
          });
          socket.on('close', () => {
            c.closed = true;
            wake();
          });
          socket.on('error', (e: NodeJS.ErrnoException) => {
            c.error = e.code ?? e.message;
            wake();
          });
          clients.set(name, c);
        },
      });
    };
    const pick = (ref: string): Client[] => {
      const found = ref.endsWith('*') ? [...clients.values()].filter((c) => c.name.startsWith(ref.slice(0, -1))) : [clients.get(ref)].filter((c): c is Client => c !== undefined);
      if (found.length === 0) throw new InputError(reason('verifyNoClient', ref), probe.name);
      return found;
    };
    const socketsOf = (names: readonly string[]): { socket: string; path: PathStep[] }[] => {
      const paths = machinePaths().paths;
      return names.filter((n) => paths[n] !== undefined).map((n) => ({ socket: n, path: paths[n]! }));
    };

    const stepOf = async (i: number, step: VerifyStep): Promise<void> => {
      const verb = verbOf(step);
      const nameOf = (given: string | undefined): string => given ?? `${verb}-${i + 1}`;
      if ('connect' in step) return connect(step.connect);
      if ('open' in step) {
        const names = Array.from({ length: step.open.count }, (_, k) => `${step.open.prefix}${k + 1}`);
        await Promise.all(names.map((n) => connect(n)));
        return;
      }
      if ('send' in step) {
        for (const c of pick(step.send.client)) c.socket.write(payloadOf(step.send, c.name).bytes);
        return;
      }
      if ('shutdown' in step) return void pick(step.shutdown).forEach((c) => lab.end(c.socket));
      if ('close' in step) return void pick(step.close).forEach((c) => lab.destroy(c.socket));
      if ('abort' in step) return void pick(step.abort).forEach((c) => lab.resetAndDestroy(c.socket));
      if ('pause' in step) return lab.delay(step.pause);
      if ('read' in step) {
        const r = step.read;
        const results = await Promise.all(pick(r.client).map((c) => readReply(c, r)));
        const bad = results.find((x) => x.why !== undefined);
        const shown = bad ?? results[results.length - 1]!;
        checks.push({ name: nameOf(r.name), step: i, ok: bad === undefined, detail: { kind: 'reply', ...shown, client: bad ? shown.client : r.client }, sockets: socketsOf(results.map((x) => serverOf(x.client))) });
        return;
      }
      if ('read-file' in step) {
        const r = step['read-file'];
        const [c] = pick(r.client);
        const started = monotonicMs();
        // Until the sender ends the connection, even once the verdict is known: closing with its bytes
        // unread would send a RST (RFC 2525 2.17) and spoil the state checks that follow.
        await waitUntil(() => c!.eof || c!.closed, r.within);
        const { settled, header, bytes, sha256, why, problem } = examineFile(c!.data, c!.eof || c!.closed);
        c!.data = Buffer.alloc(0);
        const ms = Math.round(monotonicMs() - started);
        const bad = why ?? (settled ? undefined : 'timeout');
        checks.push({ name: nameOf(r.name), step: i, ok: bad === undefined, detail: { kind: 'file', client: r.client, header, bytes, sha256, ms, within: r.within, ...(bad ? { why: bad } : {}), ...(problem ? { problem } : {}) }, sockets: socketsOf([c!.server]) });
        return;
      }
      if ('server-states' in step) {
        const s = step['server-states'];
        const server = serverOf(s.client);
        const missing = (): LabState | undefined => firstMissing(machinePaths().paths[server] ?? [], s.path);
        await waitUntil(() => missing() === undefined, s.within);
        const left = missing();
        checks.push({ name: nameOf(s.name), step: i, ok: left === undefined, detail: { kind: 'states', client: s.client, expected: s.path, within: s.within, ...(left ? { missing: left } : {}) }, sockets: socketsOf([server]) });
        return;
      }
      if ('no-state' in step) {
        const s = step['no-state'];
        const leftIn = (): string[] => {
          const all = obs.observations();
          return obs.currentEntries().filter((x) => x.entry.state === s.state && isProgramSocket(x.name, all)).map((x) => x.name).sort();
        };
        await waitUntil(() => leftIn().length === 0, s.within);
        const left = leftIn();
        checks.push({ name: nameOf(s.name), step: i, ok: left.length === 0, detail: { kind: 'no-state', state: s.state, within: s.within, left }, sockets: socketsOf(left) });
        return;
      }
      if ('accepts' in step) {
        const s = step.accepts;
        const name = `accept-${++accepts}`;
        const started = monotonicMs();
        let refused: string | undefined;
        try {
          await connect(name, false);
        } catch (e) {
          if (e instanceof LabAborted) throw e;
          refused = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
        }
        // A reset, not a refusal: the kernel completed the handshake, and the connection was dropped from
        // the accept queue before connect() returned, which is what a listener closed by its process's end
        // does. Wait for that end (its exit is seen a little after the RST) to say which.
        if (refused === 'ECONNRESET') await pollUntil(() => programExit !== null, s.within);
        // accept(2) gives the connection a socket file: until then the kernel's entry has inode 0
        // (sock_i_ino() of a child socket still in the accept queue, whose sk_socket is NULL).
        // A program that ends with the connection still in its accept queue never accepts it (the kernel
        // resets it when the listener closes): say so at once rather than wait out the bound.
        const isAccepted = (): boolean => (obs.freshEntry(serverOf(name))?.inode ?? 0) !== 0;
        const accepted = refused === undefined && (await pollUntil(() => isAccepted() || programExit !== null, s.within)) && isAccepted();
        const ms = Math.round(monotonicMs() - started);
        const exited = programExit !== null && (refused === undefined || refused === 'ECONNRESET');
        const why = accepted ? undefined : exited ? 'exited' : refused !== undefined ? 'refused' : 'not-accepted';
        checks.push({ name: nameOf(s.name), step: i, ok: why === undefined, detail: { kind: 'accepts', within: s.within, ms, ...(why ? { why } : {}), ...(refused ? { error: refused } : {}) }, sockets: socketsOf(['listener', serverOf(name)]) });
        const c = clients.get(name);
        if (c) lab.destroy(c.socket);
      }
    };

    const readReply = async (
      c: Client,
      r: Extract<VerifyStep, { read: unknown }>['read'],
    ): Promise<{ client: string; expected: string; got: string; ms: number; within: number; why?: 'mismatch' | 'timeout' | 'closed' | 'no-eof' }> => {
      const started = monotonicMs();
      const want = r.text !== undefined || r.hex !== undefined || r.frames !== undefined ? payloadOf(r, c.name) : undefined;
      let consumed = 0;
      let got = '';
      let why: 'mismatch' | 'timeout' | 'closed' | 'no-eof' | undefined;
      if (want?.frames) {
        // Whole frames as they complete: a frame that came back wrong is known at once.
        let frames: Buffer[] = [];
        const decode = (): void => {
          const d = new FrameDecoder(1 << 20, want.frames!.length);
          try {
            frames = d.push(c.data);
          } catch {
            frames = [];
          }
          consumed = frames.reduce((n, f) => n + 4 + f.length, 0);
        };
        const settled = (): boolean => {
          decode();
          return frames.length >= want.frames!.length || frames.some((f, k) => !f.equals(want.frames![k]!)) || c.eof || c.closed;
        };
        await waitUntil(settled, r.within);
        decode();
        got = `${JSON.stringify(frames.map((f) => f.toString('utf8')))}${c.data.length > consumed ? ` + ${c.data.length - consumed} bytes` : ''}`;
        if (frames.length === want.frames.length && frames.every((f, k) => f.equals(want.frames![k]!))) why = undefined;
        else if (frames.some((f, k) => !f.equals(want.frames![k]!))) why = 'mismatch';
        else why = c.eof || c.closed ? 'closed' : 'timeout';
      } else if (want) {
        const n = want.bytes.length;
        await waitUntil(() => c.data.length >= n || !c.data.subarray(0, n).equals(want.bytes.subarray(0, Math.min(n, c.data.length))) || c.eof || c.closed, r.within);
        const part = c.data.subarray(0, n);
        consumed = part.length;
        got = want.show(part);
        if (part.equals(want.bytes)) why = undefined;
        else if (!part.equals(want.bytes.subarray(0, part.length))) why = 'mismatch';
        else why = c.eof || c.closed ? 'closed' : 'timeout';
      }
      c.data = c.data.subarray(consumed);
      const expected = want ? `${want.label}${r.eof ? ' + EOF' : ''}` : 'EOF';
      if (why === undefined && r.eof) {
        const left = r.within - (monotonicMs() - started);
        if (!(await waitUntil(() => c.eof || c.closed, Math.max(0, left)))) why = 'no-eof';
        got = `${got}${got ? ' + ' : ''}${c.eof ? 'EOF' : 'no EOF'}`;
      }
      return { client: c.name, expected, got, ms: Math.round(monotonicMs() - started), within: r.within, ...(why ? { why } : {}) };
    };

    let error: VerifyReport['error'] = null;
    for (const [i, step] of probe.steps.entries()) {
      refreshInodes();
      try {
        await stepOf(i, step);
      } catch (e) {
        if (controller.signal.aborted) {
          const reason = controller.signal.reason as Error;
          error = { kind: options.signal?.aborted ? 'interrupted' : 'timeout', message: reason.message, step: i, verb: verbOf(step) };
          break;
        }
        if (e instanceof InputError) throw e;
        // An action failed (refused, reset): later steps would act on a connection that is not there.
        const verb = verbOf(step);
        checks.push({ name: `${verb}-${i + 1}`, step: i, ok: false, detail: { kind: 'step', verb, error: (e as NodeJS.ErrnoException).code ?? (e as Error).message }, sockets: [] });
        break;
      }
    }
    clearTimeout(timer);
    clearInterval(scan);
    refreshInodes();
    const stopped = observer;
    observer = undefined; // stopped once: the finally below has nothing more to stop
    await bounded(stopped.stop());
    const final = machinePaths();
    checks.push({ name: 'conformance', step: null, ok: final.ok, detail: { kind: 'conformance', violations: final.violations }, sockets: [] });
    return probeReport(probe, { command, port, host, program, programExit, timeoutMs, t0, checks, sockets: final.paths, observations: programObservations(), error });
  } finally {
    clearTimeout(timer);
    clearInterval(scan);
    options.signal?.removeEventListener('abort', onOuterAbort);
    if (observer) await bounded(observer.stop());
    await run?.cleanup();
    await program?.stop();
  }
}

/**
 * The poll thread's answer, or nothing after 2 s: whatever happens to that thread, the run goes on to
 * close its clients and kill the program (a lost answer once left a run waiting forever).
 */
async function bounded<T>(p: Promise<T>, ms = 2000): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The first expected state not found, in order, on the socket's path (observed or inferred). */
export function firstMissing(path: readonly PathStep[], expected: readonly LabState[]): LabState | undefined {
  let k = 0;
  for (const step of path) if (k < expected.length && step.state === expected[k]) k++;
  return expected[k];
}

interface Payload {
  readonly bytes: Buffer;
  readonly frames?: Buffer[];
  readonly label: string;
  readonly show: (b: Buffer) => string;
}

/** The bytes of a send or an expected reply; `{client}` in text and frames is the client's name. */
export function payloadOf(p: { text?: string | undefined; hex?: string | undefined; frames?: string[] | undefined }, client: string): Payload {
  const sub = (s: string): string => s.replaceAll('{client}', client);
  if (p.frames !== undefined) {
    const frames = p.frames.map((f) => Buffer.from(sub(f), 'utf8'));
    return { bytes: Buffer.concat(frames.map((f) => encodeFrame(f))), frames, label: `frames ${JSON.stringify(frames.map((f) => f.toString('utf8')))}`, show: (b) => b.toString('hex') };
  }
  if (p.hex !== undefined) return { bytes: Buffer.from(p.hex, 'hex'), label: `hex ${p.hex.toLowerCase()}`, show: (b) => `hex ${b.toString('hex')}` };
  const bytes = Buffer.from(sub(p.text ?? ''), 'utf8');
  return { bytes, label: JSON.stringify(bytes.toString('utf8')), show: (b) => JSON.stringify(b.toString('utf8')) };
}

/** The report every kind of probe ends with (server, client role, udp): the fields they share, made one way. */
export function probeReport(probe: VerifyProbe, r: {
  readonly command: VerifyReport['command']; readonly port: number; readonly host: string; readonly program: Program | undefined;
  readonly programExit: VerifyReport['programExit']; readonly timeoutMs: number; readonly t0: number; readonly checks: VerifyCheck[];
  readonly sockets: VerifyReport['sockets']; readonly observations: VerifyReport['observations']; readonly error: VerifyReport['error'];
}): VerifyReport {
  return {
    probe: probe.name,
    title: probe.title,
    ...(probe.zh ? { titleZh: probe.zh.title } : {}),
    command: r.command,
    port: r.port,
    host: r.host,
    pid: r.program?.pgid ?? null,
    processes: [...(r.program?.pids ?? [])],
    programExit: r.programExit,
    stderr: r.programExit && r.program ? r.program.stderr : '',
    timeoutMs: r.timeoutMs,
    durationMs: Math.round(monotonicMs() - r.t0),
    checks: r.checks,
    sockets: r.sockets,
    observations: r.observations,
    error: r.error,
    ok: r.error === null && r.checks.every((c) => c.ok),
  };
}
