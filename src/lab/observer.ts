/**
 * The kernel state observer: turns the poller's table snapshots into observations of named sockets.
 *
 * An observation is recorded when a socket (a local/remote address pair) first appears in the table,
 * each time its kernel state changes, and when it disappears (state CLOSED, `vanished: true`: the
 * kernel freed it, which is what RFC 9293 calls CLOSED, "no connection state at all"). Only the
 * experiment's ports are watched, and sockets of those ports that existed before the experiment
 * (an old TIME_WAIT that happens to share a port) are excluded.
 */
import { formatSocketAddress, parseProcNetLine, readProcNet, type KernelTimer, type ProcNetEntry } from './procnet.js';
import { monotonicMs, Poller, type PollRows, type PollTimes } from './poller.js';
import type { LabState } from './states.js';

export interface Observation {
  /** ms since the experiment started, at the end of the table read that saw it. */
  readonly at: number;
  /**
   * ms since the experiment started, at the start of that read: the kernel was in `state` at some moment
   * between `readFrom` and `at` (usually a millisecond apart; more when the poll thread was preempted).
   */
  readonly readFrom?: number;
  readonly socket: string;
  readonly local: string;
  readonly remote: string;
  readonly state: LabState;
  /** The kernel's own state name (`SYN_RECV`, `FIN_WAIT1`, ...); absent when vanished. */
  readonly kernelState?: string;
  readonly timer?: KernelTimer;
  readonly txQueue?: number;
  readonly rxQueue?: number;
  /** 0: no file descriptor holds the socket (timewait, request or orphaned socket). */
  readonly inode?: number;
  /** The socket left the table: the kernel freed it. */
  readonly vanished?: true;
}

export interface PollStats {
  readonly targetPeriodMs: number;
  readonly polls: number;
  /** Cost of one read of the watched tables. */
  readonly readMs: { readonly median: number; readonly p95: number };
  /** Achieved time between the starts of two polls. */
  readonly periodMs: { readonly median: number; readonly p95: number; readonly max: number };
}

export interface ObserverOptions {
  readonly dir: string;
  readonly families: readonly (4 | 6)[];
  readonly periodMs: number;
  /** Monotonic ms of the experiment's start (observations are relative to it). */
  readonly t0: number;
  readonly onObservation?: (o: Observation) => void;
}

export function tupleKey(local: string, remote: string): string {
  return `${local} ${remote}`;
}

interface Raw {
  readonly at: number;
  readonly from: number;
  readonly key: string;
  readonly entry: ProcNetEntry | null;
  readonly local: string;
  readonly remote: string;
}

export class Observer {
  private readonly poller: Poller;
  private readonly current = new Map<string, ProcNetEntry>();
  private readonly raw: Raw[] = [];
  private readonly names = new Map<string, string>();
  private readonly excluded = new Set<string>();
  private readonly listenerPorts = new Set<number>();
  private readonly waiters = new Set<() => boolean>();
  private times: PollTimes | undefined;
  private fresh: { at: number; entries: ProcNetEntry[] } | undefined;

  /** The tables read now: `options.families`, or fewer (readFamilies). */
  private families: readonly (4 | 6)[];

  constructor(private readonly options: ObserverOptions) {
    this.poller = Poller.shared({ dir: options.dir, families: options.families, periodMs: options.periodMs });
    this.poller.begin((r) => this.onRows(r));
    this.families = options.families;
  }

  /**
   * Read only these tables (of `options.families`) until told otherwise: a run that knows which family
   * its sockets are in halves the kernel walks of its polls. A family added later is read from then on.
   */
  readFamilies(families: readonly (4 | 6)[]): void {
    this.families = this.options.families.filter((f) => families.includes(f));
    this.poller.readFamilies(this.families);
  }

  /** The tables this observer reads now. */
  get readingFamilies(): readonly (4 | 6)[] {
    return this.families;
  }

  /** Resolves when the poll thread runs. */
  started(): Promise<void> {
    return this.poller.started();
  }

  /**
   * Watch a listener's port. Sockets already in the table on that port are someone else's (or an
   * earlier run's TIME_WAIT): one synchronous read now excludes them for the rest of the run.
   */
  watchListener(port: number, listenerKey: string): void {
    this.listenerPorts.add(port);
    for (const e of readProcNet(this.families, this.options.dir)) {
      const key = entryKey(e);
      if ((e.local.port === port || e.remote.port === port) && key !== listenerKey) this.excluded.add(key);
    }
    this.poller.watch(port);
  }

  /** Watch a port that is not a listener's (e.g. a client bound before connecting). */
  watchPort(port: number): void {
    this.poller.watch(port);
  }

  /** Give a socket (local, remote) a name for the report. */
  name(local: string, remote: string, name: string): void {
    this.names.set(tupleKey(local, remote), name);
    this.wake();
  }

  nameOf(key: string): string {
    const named = this.names.get(key);
    if (named) return named;
    const [local, remote] = key.split(' ') as [string, string];
    const port = (s: string): number => Number(s.slice(s.lastIndexOf(':') + 1));
    if (this.listenerPorts.has(port(local))) return `server<-${remote}`;
    return `client@${local}`;
  }

  /** Observations so far, named with what is known now. */
  observations(): Observation[] {
    return this.raw.map((r) => this.toObservation(r));
  }

  /** The table's present entry of a named socket, if any. */
  entryOf(name: string): ProcNetEntry | undefined {
    for (const [key, e] of this.current) if (this.nameOf(key) === name) return e;
    return undefined;
  }

  /** Every socket in the table now (as the poll last saw it), by name. */
  currentEntries(): { readonly name: string; readonly entry: ProcNetEntry }[] {
    return [...this.current].map(([key, entry]) => ({ name: this.nameOf(key), entry }));
  }

  /** The kernel's entry of `name` read right now (a synchronous read, shared for 1 ms: timers tick). */
  freshEntry(name: string): ProcNetEntry | undefined {
    const now = monotonicMs();
    if (!this.fresh || now - this.fresh.at > 1) this.fresh = { at: now, entries: readProcNet(this.families, this.options.dir) };
    for (const e of this.fresh.entries) {
      const key = entryKey(e);
      if (!this.excluded.has(key) && this.nameOf(key) === name) return e;
    }
    return undefined;
  }

  /** Has `name` been seen in `state` (CLOSED: seen, then vanished)? */
  seen(name: string, state: LabState): boolean {
    return this.raw.some((r) => this.nameOf(r.key) === name && (r.entry?.state ?? 'CLOSED') === state);
  }

  /** Has an observation of `name` (not its vanishing) recorded an entry that passes `check`? */
  seenEntry(name: string, check: (e: ProcNetEntry) => boolean): boolean {
    return this.raw.some((r) => r.entry !== null && this.nameOf(r.key) === name && check(r.entry));
  }

  /** Resolves when `check` holds (checked after every change), rejects on abort. */
  until(check: () => boolean, signal: AbortSignal): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = (): boolean => {
        if (!check()) return false;
        done();
        resolve();
        return true;
      };
      const onAbort = (): void => {
        done();
        reject(signal.reason);
      };
      const done = (): void => {
        this.waiters.delete(waiter);
        signal.removeEventListener('abort', onAbort);
      };
      if (signal.aborted) return onAbort();
      this.waiters.add(waiter);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Resolves once a poll that began after this call is on record (see Poller.sync). */
  sync(): Promise<void> {
    return this.poller.sync();
  }

  /** Stop watching, once a poll begun after the call is on record: the run's last states are in it. */
  async stop(): Promise<PollStats> {
    await this.poller.sync();
    this.times = await this.poller.end();
    return this.stats();
  }

  stats(): PollStats {
    const t = this.times ?? { reads: [], starts: [] };
    const gaps: number[] = [];
    for (let i = 1; i < t.starts.length; i++) gaps.push(t.starts[i]! - t.starts[i - 1]!);
    return {
      targetPeriodMs: this.options.periodMs,
      polls: t.starts.length,
      readMs: { median: round(quantile(t.reads, 0.5)), p95: round(quantile(t.reads, 0.95)) },
      periodMs: { median: round(quantile(gaps, 0.5)), p95: round(quantile(gaps, 0.95)), max: round(Math.max(0, ...gaps)) },
    };
  }

  private onRows(r: PollRows): void {
    const at = r.at - this.options.t0;
    const from = r.from - this.options.t0;
    const seen = new Set<string>();
    for (const [family, line] of r.rows) {
      const e = parseProcNetLine(line, family);
      if (!e) continue;
      const key = entryKey(e);
      if (this.excluded.has(key)) continue;
      seen.add(key);
      const before = this.current.get(key);
      this.current.set(key, e);
      // a new state, or the application letting go of it (inode -> 0: orphaned, the kernel's now)
      if (before?.state !== e.state || (before.inode !== 0 && e.inode === 0)) this.record({ at, from, key, entry: e, local: formatSocketAddress(e.local), remote: formatSocketAddress(e.remote) });
    }
    for (const [key, e] of this.current) {
      if (seen.has(key)) continue;
      this.current.delete(key);
      this.record({ at, from, key, entry: null, local: formatSocketAddress(e.local), remote: formatSocketAddress(e.remote) });
    }
    this.wake();
  }

  private record(r: Raw): void {
    this.raw.push(r);
    this.options.onObservation?.(this.toObservation(r));
  }

  private toObservation(r: Raw): Observation {
    const base = { at: round(r.at), readFrom: round(r.from), socket: this.nameOf(r.key), local: r.local, remote: r.remote };
    if (!r.entry) return { ...base, state: 'CLOSED', vanished: true };
    const e = r.entry;
    return {
      ...base,
      state: e.state,
      kernelState: e.kernelState,
      ...(e.timer ? { timer: e.timer } : {}),
      txQueue: e.txQueue,
      rxQueue: e.rxQueue,
      inode: e.inode,
    };
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}

function entryKey(e: ProcNetEntry): string {
  return tupleKey(formatSocketAddress(e.local), formatSocketAddress(e.remote));
}

export { monotonicMs };

function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
