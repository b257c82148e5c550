/**
 * `watchSockets`: the library's `netkata watch` (package export, docs/verify.md), for a test suite that
 * wants the kernel states of its own sockets: the same Watcher, read on a timer in the caller's process.
 *
 * The reads are synchronous reads of /proc/net/tcp{,6} on the caller's event loop, so a state that lasts
 * less than one period (or while the caller's code blocks the loop) is not seen; the summary's
 * conformance check (endpoint machine, linux profile) still accepts such a gap, as `netkata watch` does.
 */
import { InputError } from '../errors.js';
import type { Conformance } from '../lab/conformance.js';
import { monotonicMs } from '../lab/observer.js';
import { requireProcNet } from '../lab/procnet.js';
import type { LabState } from '../lab/states.js';
import { Watcher, type Transition } from './watch.js';

export type { Transition };

export interface WatchSocketsOptions {
  /** Only sockets whose local or remote port is this one. */
  readonly port?: number;
  /** Only sockets of this process and its descendants (`process.pid`: the caller's own). */
  readonly pid?: number;
  /** Only transitions from or to these states (the summary still checks every followed socket). */
  readonly states?: readonly LabState[];
  /** ms between two reads of the tables (default 5). */
  readonly intervalMs?: number;
}

export interface SocketWatchSummary {
  readonly durationMs: number;
  readonly reads: number;
  readonly followed: number;
  readonly transitions: readonly Transition[];
  /** Followed sockets by their state at the last read (those gone not counted). */
  readonly counts: Partial<Record<LabState, number>>;
  /** Every followed socket's sequence checked against the endpoint machine (linux profile). */
  readonly conformance: Conformance;
}

export interface SocketWatch extends AsyncIterable<Transition> {
  /** Every transition so far, in the order read. */
  readonly transitions: readonly Transition[];
  /** The first transition (already read or to come) that `match` accepts; rejects after `withinMs`. */
  waitFor(match: (t: Transition) => boolean, withinMs?: number): Promise<Transition>;
  /** One last read, then the summary; the iterators end. Safe to call twice. */
  stop(): SocketWatchSummary;
}

/** Start watching now: the first read (sockets already there: `already: true`) is synchronous. */
export function watchSockets(options: WatchSocketsOptions = {}): SocketWatch {
  requireProcNet();
  for (const [key, v] of [['port', options.port], ['pid', options.pid]] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 1 || (key === 'port' && v > 65535))) throw new InputError(`${key} must be a whole number${key === 'port' ? ' from 1 to 65535' : ' above 0'}`, String(v));
  }
  const intervalMs = options.intervalMs ?? 5;
  if (!Number.isInteger(intervalMs) || intervalMs < 1) throw new InputError('intervalMs must be a whole number of ms above 0', String(intervalMs));
  const watcher = new Watcher({
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.pid !== undefined ? { pid: options.pid } : {}),
    ...(options.states ? { states: new Set(options.states) } : {}),
  });
  const t0 = monotonicMs();
  const transitions: Transition[] = [];
  const listeners = new Set<() => void>();
  let summary: SocketWatchSummary | undefined;
  const read = (): void => {
    const r = watcher.read(Math.round((monotonicMs() - t0) * 1000) / 1000);
    if (r.transitions.length === 0) return;
    transitions.push(...r.transitions);
    for (const l of [...listeners]) l();
  };
  read();
  const timer = setInterval(read, intervalMs);
  // A watch must not keep a test process alive on its own.
  timer.unref();

  const stop = (): SocketWatchSummary => {
    if (summary) return summary;
    clearInterval(timer);
    // Two last reads: a socket missing from the first has left only if the second misses it too (watch.ts).
    read();
    read();
    summary = {
      durationMs: Math.round(monotonicMs() - t0),
      reads: watcher.tableReads,
      followed: watcher.followed,
      transitions: [...transitions],
      counts: watcher.counts(),
      conformance: watcher.conformance(),
    };
    for (const l of [...listeners]) l();
    return summary;
  };

  const waitFor = (match: (t: Transition) => boolean, withinMs = 2000): Promise<Transition> =>
    new Promise((resolve, reject) => {
      const found = (): Transition | undefined => transitions.find(match);
      const now = found();
      if (now) return resolve(now);
      const done = (): void => {
        clearTimeout(t);
        listeners.delete(check);
      };
      const check = (): void => {
        const f = found();
        if (f) {
          done();
          resolve(f);
        } else if (summary) {
          done();
          reject(new Error('watchSockets: stopped before the transition came'));
        }
      };
      const t = setTimeout(() => {
        done();
        reject(new Error(`watchSockets: no such transition within ${withinMs} ms (${transitions.length} seen)`));
      }, withinMs);
      listeners.add(check);
    });

  async function* iterate(): AsyncGenerator<Transition> {
    let next = 0;
    for (;;) {
      while (next < transitions.length) yield transitions[next++]!;
      if (summary) return;
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          listeners.delete(wake);
          resolve();
        };
        listeners.add(wake);
      });
    }
  }

  return {
    get transitions() {
      return transitions;
    },
    waitFor,
    stop,
    [Symbol.asyncIterator]: iterate,
  };
}
