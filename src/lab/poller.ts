/**
 * The poll loop that reads /proc/net/tcp{,6} every few milliseconds, in a worker thread.
 *
 * Why a thread: one read of the table walks the kernel's whole socket hash (about a millisecond here,
 * whatever the number of sockets), so polling every 2 ms on the main thread would keep it busy most of
 * the time and delay the very socket events the experiment drives. The worker only reads, keeps the
 * lines of the watched ports, and posts them when the set of (tuple, state) changed; parsing and naming
 * happen on the main thread. Control (stop, watched ports) goes through shared memory because the
 * worker never returns to its event loop while polling.
 *
 * The worker source is a string (an `eval` worker) so that it runs the same from dist/ and from the
 * TypeScript sources under vitest, which does not transform worker files.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { LAST_TABLE_READ } from './procnet.js';

export const MAX_PORTS = 256;
const CTL_STOP = 0;
const CTL_SESSION = 1;
const CTL_REPORT = 2;
const CTL_NPORTS = 3;
/** Which tables to read: bit 1 tcp, bit 2 tcp6; 0 reads every table of the configuration. */
const CTL_FAMILIES = 4;
/** The latest sync() request's number: answered after a read that began once the worker had seen it. */
const CTL_SYNC = 5;
const CTL_PORTS = 6;

export interface PollRows {
  readonly session: number;
  /** Monotonic ms (process.hrtime) at the end of the read. */
  readonly at: number;
  /**
   * Monotonic ms at the start of the read. A row's line was read at some moment between the two: a read
   * is about a millisecond, but a thread preempted (or collecting garbage) in the middle of one stamps
   * `at` several ms after the kernel handed out the line.
   */
  readonly from: number;
  readonly rows: readonly (readonly [4 | 6, string])[];
}

export interface PollTimes {
  /** Duration of each read of the tables, ms. */
  readonly reads: readonly number[];
  /** Start of each poll, monotonic ms. */
  readonly starts: readonly number[];
}

// The thread sleeps on CTL_STOP between polls; main notifies it to stop, to report, or when ports change.
const WORKER_SOURCE = String.raw`
const { workerData, parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const ctl = new Int32Array(workerData.control);
const files = workerData.files;
const period = workerData.periodMs;
const buf = Buffer.alloc(1 << 16);
const now = () => Number(process.hrtime.bigint() / 1000n) / 1000;
// The kernel's seq_file hands out whole lines, a page (4096 bytes or more) at a time, and stops short of a
// full page only at the end of the table. A read that left room for another line (none is longer than
// 179 bytes: tcp6's) was therefore the last, and the read(2) that would return 0 is skipped: it walks the
// socket hash again from the last line on, most of a walk, and doubled the cost of every poll (a walk is
// about 0.6 ms of system time on this 2-core machine, whatever the number of sockets).
const LAST_READ = ${LAST_TABLE_READ};
function readAll(file) {
  const fd = fs.openSync(file, 'r');
  try {
    let s = '';
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      s += buf.latin1Slice(0, n);
      if (n <= LAST_READ) break;
    }
    return s;
  } finally {
    fs.closeSync(fd);
  }
}
let reads = [];
let starts = [];
let prev = null;
let prevSession = -1;
let last = new Map();
let missing = new Set();
let synced = 0;
parentPort.postMessage({ type: 'ready' });
while (Atomics.load(ctl, ${CTL_STOP}) === 0) {
  // Cleared before the answer is posted: cleared after, a thread preempted between the two would wipe a
  // request main made on receiving the answer (a second end()), and main would wait forever.
  if (Atomics.compareExchange(ctl, ${CTL_REPORT}, 1, 0) === 1) {
    parentPort.postMessage({ type: 'times', session: Atomics.load(ctl, ${CTL_SESSION}), reads, starts });
    reads = [];
    starts = [];
  }
  const session = Atomics.load(ctl, ${CTL_SESSION});
  if (session !== prevSession) {
    prev = null;
    prevSession = session;
    last = new Map();
    missing = new Set();
  }
  // Loaded before the read starts, so the read that answers it began after main asked.
  const sync = Atomics.load(ctl, ${CTL_SYNC});
  const n = Atomics.load(ctl, ${CTL_NPORTS});
  if (n === 0) {
    if (sync !== synced) parentPort.postMessage({ type: 'synced', seq: (synced = sync) }); // nothing to record
    Atomics.wait(ctl, ${CTL_STOP}, 0, 50); // idle: nothing to watch
    continue;
  }
  const t0 = now();
  starts.push(t0);
  const want = new Set();
  for (let i = 0; i < n; i++) want.add(':' + Atomics.load(ctl, ${CTL_PORTS} + i).toString(16).toUpperCase().padStart(4, '0'));
  // Only the lines of watched ports are split: a table holds every socket of the machine (thousands of
  // TIME_WAITs on a busy one), and splitting them all every 2 ms kept this thread busy. A port is
  // ':' + 4 hex digits + ' ' in an address field; no other field has a colon followed by just 4 digits.
  const portText = new RegExp('(?:' + [...want].join('|') + ') ', 'g');
  const now_ = new Map();
  const mask = Atomics.load(ctl, ${CTL_FAMILIES});
  for (const [family, file] of files) {
    if (mask !== 0 && (mask & (family === 4 ? 1 : 2)) === 0) continue;
    const text = readAll(file);
    portText.lastIndex = 0;
    for (let m = portText.exec(text); m !== null; m = portText.exec(text)) {
      const start = text.lastIndexOf('\n', m.index) + 1;
      let end = text.indexOf('\n', m.index);
      if (end < 0) end = text.length;
      portText.lastIndex = end;
      if (start === 0) continue; // the header
      const line = text.slice(start, end);
      const f = line.trim().split(/\s+/);
      if (f.length < 4) continue;
      if (want.has(f[1].slice(-5)) || want.has(f[2].slice(-5))) now_.set(family + f[1] + f[2], [family, line, f]);
    }
  }
  // A table bigger than one page is read in several read(2) calls, and the kernel resumes its walk by
  // position: a socket can be skipped when others come and go in between. So a socket leaves our view
  // only after two polls without it.
  const carried = new Set();
  for (const [k, v] of last) {
    if (now_.has(k) || missing.has(k)) continue; // present, or missing for the second poll: gone
    now_.set(k, v);
    carried.add(k);
  }
  missing = carried;
  last = now_;
  const rows = [];
  let key = '';
  for (const [family, line, f] of now_.values()) {
    rows.push([family, line]);
    key += f[1] + f[2] + f[3] + (f[9] === '0' ? 'o' : '') + '|';
  }
  const t1 = now();
  reads.push(t1 - t0);
  if (key !== prev) {
    parentPort.postMessage({ type: 'rows', session, at: t1, from: t0, rows });
    prev = key;
  }
  // After the rows: messages arrive in order, so main has recorded this read when it sees the answer.
  if (sync !== synced) parentPort.postMessage({ type: 'synced', seq: (synced = sync) });
  const left = period - (now() - t0);
  if (left > 0) Atomics.wait(ctl, ${CTL_STOP}, 0, left);
}
`;

export interface PollerConfig {
  readonly dir: string;
  readonly families: readonly (4 | 6)[];
  readonly periodMs: number;
}

/** Monotonic milliseconds, the clock the worker stamps its reads with. */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint() / 1000n) / 1000;
}

const shared = new Map<string, Poller>();

/**
 * One poll thread per configuration, kept (unref'd) between runs: starting a worker costs ~100 ms here,
 * more than most experiments. Each run is a session: its own ports, callback and timing figures.
 */
export class Poller {
  private readonly ctl = new Int32Array(new SharedArrayBuffer(4 * (CTL_PORTS + MAX_PORTS)));
  private readonly worker: Worker;
  private ports: number[] = [];
  private onRows: ((r: PollRows) => void) | undefined;
  private timesWaiter: ((t: PollTimes) => void) | undefined;
  private syncSeq = 0;
  private readonly syncWaiters = new Map<number, () => void>();
  private readonly exited: Promise<void>;
  private dead = false;
  private holds = 0;
  /** Resolves once the thread runs. */
  readonly ready: Promise<void>;

  static shared(config: PollerConfig): Poller {
    const key = JSON.stringify(config);
    let p = shared.get(key);
    if (!p || p.dead) {
      p = new Poller(config);
      shared.set(key, p);
    }
    return p;
  }

  /** Stop every shared poll thread (tests, and a process that wants to exit at once). */
  static async closeAll(): Promise<void> {
    const all = [...shared.values()];
    shared.clear();
    await Promise.all(all.map((p) => p.close()));
  }

  constructor(config: PollerConfig) {
    const files = config.families.map((f) => [f, join(config.dir, f === 4 ? 'tcp' : 'tcp6')]);
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { control: this.ctl.buffer, files, periodMs: config.periodMs },
      stdout: false,
      stderr: false,
    });
    let isReady: () => void = () => undefined;
    this.ready = new Promise<void>((resolve) => (isReady = resolve));
    this.exited = new Promise<void>((resolve) => {
      this.worker.on('error', () => undefined);
      this.worker.on('exit', () => {
        this.dead = true;
        isReady();
        this.timesWaiter?.({ reads: [], starts: [] });
        for (const w of this.syncWaiters.values()) w();
        this.syncWaiters.clear();
        resolve();
      });
    });
    this.worker.on('message', (m: { type: string; session: number; seq: number } & PollRows & PollTimes) => {
      const current = Atomics.load(this.ctl, CTL_SESSION);
      if (m.type === 'ready') isReady();
      else if (m.type === 'synced') {
        // Any session's: a read that began after the request was made answers every request up to it.
        for (const [seq, w] of this.syncWaiters) {
          if (seq > m.seq) continue;
          this.syncWaiters.delete(seq);
          w();
        }
      }
      else if (m.session !== current) return; // from an earlier run
      else if (m.type === 'rows') this.onRows?.(m);
      else if (m.type === 'times') {
        this.timesWaiter?.({ reads: m.reads, starts: m.starts });
        this.timesWaiter = undefined;
      }
    });
    // after the listeners: adding a 'message' listener refs the worker's port again
    this.worker.unref();
  }

  /**
   * Wait for the thread with it ref'd: between runs it is unref'd so that it never keeps the process
   * alive, but while a caller awaits its answer nothing else may be keeping the event loop going (a run
   * that timed out has cleared its timers), and Node would exit (code 13) with the promise pending.
   */
  private async held<T>(answer: Promise<T>): Promise<T> {
    // Counted: a run that gave up waiting for `ready` still holds until it settles, and must not
    // unref the thread under a later wait.
    if (this.holds++ === 0) this.worker.ref();
    try {
      return await answer;
    } finally {
      if (--this.holds === 0) this.worker.unref();
    }
  }

  /** Resolves once the thread runs. */
  started(): Promise<void> {
    return this.held(this.ready);
  }

  /** Start a session: no ports watched yet, every table of the configuration read, rows go to `onRows`. */
  begin(onRows: (r: PollRows) => void): void {
    this.ports = [];
    Atomics.store(this.ctl, CTL_NPORTS, 0);
    Atomics.store(this.ctl, CTL_FAMILIES, 0);
    Atomics.add(this.ctl, CTL_SESSION, 1);
    this.onRows = onRows;
  }

  /**
   * Read only these of the configuration's tables from now on (each read of a table walks the kernel's
   * whole socket hash, about 0.6 ms of system time here: a run that needs one family reads one).
   */
  readFamilies(families: readonly (4 | 6)[]): void {
    Atomics.store(this.ctl, CTL_FAMILIES, families.reduce((m, f) => m | (f === 4 ? 1 : 2), 0));
    Atomics.notify(this.ctl, CTL_STOP);
  }

  /** Watch one more port (local or remote side of a socket). */
  watch(port: number): void {
    if (this.ports.includes(port)) return;
    if (this.ports.length >= MAX_PORTS) throw new Error(`the observer watches at most ${MAX_PORTS} ports`);
    Atomics.store(this.ctl, CTL_PORTS + this.ports.length, port);
    this.ports.push(port);
    Atomics.store(this.ctl, CTL_NPORTS, this.ports.length);
    Atomics.notify(this.ctl, CTL_STOP);
  }

  /**
   * Resolves once a read of the tables that began after this call has been handed to `onRows` (at once
   * when the thread is gone). What the kernel held when sync() was called is then on record, however
   * late the thread's next read came on a loaded machine: a socket that lived between two polls and
   * left a TIME_WAIT behind is seen in it before the run stops watching.
   */
  sync(): Promise<void> {
    if (this.dead) return Promise.resolve();
    const seq = ++this.syncSeq;
    const answered = new Promise<void>((resolve) => this.syncWaiters.set(seq, resolve));
    Atomics.store(this.ctl, CTL_SYNC, seq);
    Atomics.notify(this.ctl, CTL_STOP);
    return this.held(answered);
  }

  /** End the session: stop watching, and get the timing of its polls. */
  async end(): Promise<PollTimes> {
    this.onRows = undefined;
    if (this.dead) return { reads: [], starts: [] };
    const times = new Promise<PollTimes>((resolve) => (this.timesWaiter = resolve));
    Atomics.store(this.ctl, CTL_REPORT, 1);
    Atomics.notify(this.ctl, CTL_STOP);
    const t = await this.held(times);
    this.ports = [];
    Atomics.store(this.ctl, CTL_NPORTS, 0);
    return t;
  }

  async close(): Promise<void> {
    Atomics.store(this.ctl, CTL_STOP, 1);
    Atomics.notify(this.ctl, CTL_STOP);
    const timer = setTimeout(() => void this.worker.terminate(), 1000);
    await this.exited;
    clearTimeout(timer);
  }
}
