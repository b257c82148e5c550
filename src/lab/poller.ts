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

export const MAX_PORTS = 256;
const CTL_STOP = 0;
const CTL_NPORTS = 1;
const CTL_PORTS = 2;

export interface PollRows {
  /** Monotonic ms (process.hrtime) at the end of the read. */
  readonly at: number;
  readonly rows: readonly (readonly [4 | 6, string])[];
}

export interface PollTimes {
  /** Duration of each read of the tables, ms. */
  readonly reads: readonly number[];
  /** Start of each poll, monotonic ms. */
  readonly starts: readonly number[];
}

const WORKER_SOURCE = String.raw`
const { workerData, parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const ctl = new Int32Array(workerData.control);
const files = workerData.files;
const period = workerData.periodMs;
const buf = Buffer.alloc(1 << 16);
const now = () => Number(process.hrtime.bigint() / 1000n) / 1000;
function readAll(file) {
  const fd = fs.openSync(file, 'r');
  try {
    let s = '';
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      s += buf.latin1Slice(0, n);
    }
    return s;
  } finally {
    fs.closeSync(fd);
  }
}
const reads = [];
const starts = [];
let prev = '';
let first = true;
while (Atomics.load(ctl, ${CTL_STOP}) === 0) {
  const t0 = now();
  starts.push(t0);
  const n = Atomics.load(ctl, ${CTL_NPORTS});
  const want = new Set();
  for (let i = 0; i < n; i++) want.add(':' + Atomics.load(ctl, ${CTL_PORTS} + i).toString(16).toUpperCase().padStart(4, '0'));
  const rows = [];
  let key = '';
  if (want.size > 0) {
    for (const [family, file] of files) {
      const lines = readAll(file).split('\n');
      for (let i = 1; i < lines.length; i++) {
        const f = lines[i].trim().split(/\s+/);
        if (f.length < 4) continue;
        if (want.has(f[1].slice(-5)) || want.has(f[2].slice(-5))) {
          rows.push([family, lines[i]]);
          key += f[1] + f[2] + f[3] + '|';
        }
      }
    }
  }
  const t1 = now();
  if (want.size > 0) reads.push(t1 - t0);
  if (key !== prev) {
    parentPort.postMessage({ type: 'rows', at: t1, rows });
    prev = key;
  }
  if (first) {
    parentPort.postMessage({ type: 'ready' });
    first = false;
  }
  const left = period - (now() - t0);
  if (left > 0) Atomics.wait(ctl, ${CTL_STOP}, 0, left);
}
parentPort.postMessage({ type: 'times', reads, starts });
`;

export interface PollerOptions {
  readonly dir: string;
  readonly families: readonly (4 | 6)[];
  readonly periodMs: number;
  readonly onRows: (rows: PollRows) => void;
}

/** Monotonic milliseconds, the clock the worker stamps its reads with. */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint() / 1000n) / 1000;
}

export class Poller {
  private readonly ctl = new Int32Array(new SharedArrayBuffer(4 * (CTL_PORTS + MAX_PORTS)));
  private readonly worker: Worker;
  private readonly ports: number[] = [];
  private readonly done: Promise<PollTimes>;
  /** Resolves once the thread has run its first poll. */
  readonly ready: Promise<void>;
  private stopped = false;

  constructor(private readonly options: PollerOptions) {
    const files = options.families.map((f) => [f, join(options.dir, f === 4 ? 'tcp' : 'tcp6')]);
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { control: this.ctl.buffer, files, periodMs: options.periodMs },
      stdout: false,
      stderr: false,
    });
    this.worker.unref();
    let isReady: () => void = () => undefined;
    this.ready = new Promise<void>((resolve) => (isReady = resolve));
    let gotTimes: (t: PollTimes) => void = () => undefined;
    const times = new Promise<PollTimes>((resolve) => (gotTimes = resolve));
    const exited = new Promise<void>((resolve, reject) => {
      this.worker.on('error', reject);
      this.worker.on('exit', () => {
        gotTimes({ reads: [], starts: [] }); // terminated before it could report: no figures
        isReady();
        resolve();
      });
    });
    this.worker.on('message', (m: { type: string } & PollRows & PollTimes) => {
      if (m.type === 'rows') this.options.onRows(m);
      else if (m.type === 'ready') isReady();
      else gotTimes({ reads: m.reads, starts: m.starts });
    });
    this.done = Promise.all([times, exited]).then(([t]) => t);
  }

  /** Watch one more port (local or remote side of a socket). */
  watch(port: number): void {
    if (this.ports.includes(port)) return;
    if (this.ports.length >= MAX_PORTS) throw new Error(`the observer watches at most ${MAX_PORTS} ports`);
    Atomics.store(this.ctl, CTL_PORTS + this.ports.length, port);
    this.ports.push(port);
    Atomics.store(this.ctl, CTL_NPORTS, this.ports.length);
  }

  /** Stop polling; resolves with the timing of every poll once the thread has exited. */
  async stop(): Promise<PollTimes> {
    if (!this.stopped) {
      this.stopped = true;
      Atomics.store(this.ctl, CTL_STOP, 1);
      Atomics.notify(this.ctl, CTL_STOP);
      const timer = setTimeout(() => void this.worker.terminate(), 2000);
      try {
        return await this.done;
      } finally {
        clearTimeout(timer);
      }
    }
    return this.done;
  }
}
