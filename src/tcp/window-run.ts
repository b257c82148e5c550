/**
 * Run a window scenario and check its expectations: the result `netkata tcp run` prints as a table and a
 * plot, or as JSON.
 */
import { runBulk, type Round } from './bulk.js';
import { profileNotes } from './window-text.js';
import type { WindowExpectation, WindowScenario } from '../scenario/window.js';

export interface WindowRun {
  readonly kind: 'window';
  readonly scenario: string;
  readonly title: string;
  readonly profile: string;
  readonly variant: string;
  readonly unit: string;
  readonly mss: number;
  readonly notes: readonly string[];
  readonly rounds: readonly Round[];
  /** The series the plot draws, one value per round. */
  readonly series: { readonly cwnd: readonly number[]; readonly ssthresh: readonly number[]; readonly rwnd: readonly number[]; readonly flight: readonly number[] };
  readonly complete: boolean;
  readonly passed: boolean;
  readonly failures: readonly string[];
}

const FIELDS = ['cwnd', 'ssthresh', 'rwnd', 'flight', 'sent', 'phase'] as const;

function check(rounds: readonly Round[], e: WindowExpectation): string[] {
  const row = rounds[e.round - 1];
  if (!row) return [`round ${e.round}: the run ended after ${rounds.length} rounds`];
  const out: string[] = [];
  for (const f of FIELDS) {
    const want = e[f];
    if (want !== undefined && row[f] !== want) out.push(`round ${e.round}: ${f} ${String(row[f])}, expected ${String(want)}`);
  }
  if (e.event !== undefined && !row.events.some((x) => x.kind === e.event)) {
    out.push(`round ${e.round}: no ${e.event} (events: ${row.events.map((x) => x.kind).join(', ') || 'none'})`);
  }
  return out;
}

export function runWindowScenario(s: WindowScenario): WindowRun {
  const c = s.config;
  const r = runBulk(c);
  const failures = s.expect.flatMap((e) => check(r.rounds, e));
  return {
    kind: 'window',
    scenario: s.name,
    title: s.title,
    profile: s.profile,
    variant: c.variant,
    unit: c.unit,
    mss: c.mss,
    notes: profileNotes(s.profile, c.variant, c.unit, c.mss, c.iw),
    rounds: r.rounds,
    series: {
      cwnd: r.rounds.map((x) => x.cwnd),
      ssthresh: r.rounds.map((x) => x.ssthresh),
      rwnd: r.rounds.map((x) => x.rwnd),
      flight: r.rounds.map((x) => x.flight),
    },
    complete: r.complete,
    passed: failures.length === 0,
    failures,
  };
}
