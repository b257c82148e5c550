import { useEffect, useState } from 'react';
import type { Conformance } from '../../lab/conformance.js';
import { hasProcNet, type ProcNetEntry } from '../../lab/procnet.js';
import type { LabState } from '../../lab/states.js';
import { PILE_UP, Watcher, type Transition } from '../../watch/watch.js';

/** Transitions kept for the screen: the newest, so a busy machine watched for hours stays in bounded memory. */
export const KEPT = 500;

export interface WatchFeed {
  /** The port filter these figures are for: the screen labels them with it, so a frame never shows a new filter over the last filter's counts. */
  readonly port: number | undefined;
  /** Since the watch (re)started; the sockets already there at the first read are in `counts`, not here (as `netkata watch` prints them). */
  readonly transitions: readonly Transition[];
  readonly counts: Partial<Record<LabState, number>>;
  /** States over their pile-up threshold now (watch.ts PILE_UP), with their counts. */
  readonly pileUps: readonly { readonly state: LabState; readonly count: number }[];
  readonly conformance: Conformance | undefined;
  readonly reads: number;
  /** No table to read (not Linux). */
  readonly unavailable: boolean;
}

const EMPTY: WatchFeed = { port: undefined, transitions: [], counts: {}, pileUps: [], conformance: undefined, reads: 0, unavailable: false };

/**
 * The watch module (src/watch/watch.ts) on an interval while the screen is mounted: a new Watcher
 * whenever the port filter changes, and the interval cleared when the screen leaves (or the filter
 * changes), so nothing keeps the process alive after it.
 */
export function useWatch(port: number | undefined, intervalMs: number, readTable?: () => ProcNetEntry[], now: () => number = () => performance.now()): WatchFeed {
  const [feed, setFeed] = useState<WatchFeed>(EMPTY);
  useEffect(() => {
    if (readTable === undefined && !hasProcNet()) {
      setFeed({ ...EMPTY, port, unavailable: true });
      return undefined;
    }
    const watcher = new Watcher({ ...(port !== undefined ? { port } : {}), ...(readTable ? { readTable } : {}) });
    const t0 = now();
    let transitions: Transition[] = [];
    let conformance: Conformance | undefined;
    const tick = (): void => {
      const first = watcher.tableReads === 0;
      const r = watcher.read(Math.round((now() - t0) * 1000) / 1000);
      if (!first && r.transitions.length) transitions = [...transitions, ...r.transitions].slice(-KEPT);
      // The check walks every followed socket's sequence: again only when a sequence grew.
      if (first || r.transitions.length) conformance = watcher.conformance();
      const counts = watcher.counts();
      const pileUps = (Object.entries(PILE_UP) as [LabState, number][]).filter(([s, n]) => (counts[s] ?? 0) >= n).map(([state]) => ({ state, count: counts[state]! }));
      setFeed({ port, transitions, counts, pileUps, conformance, reads: watcher.tableReads, unavailable: false });
    };
    tick();
    const timer = setInterval(tick, intervalMs);
    return () => clearInterval(timer);
    // `now` is a clock, not data: a new function each render must not restart the watch.
  }, [port, intervalMs, readTable]);
  return feed;
}
