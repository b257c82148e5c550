/**
 * Run a window scenario and check its expectations: the result `netkata tcp run` prints as a table and a
 * plot, or as JSON.
 */
import { runBulk, type Round } from './bulk.js';
import { EN, phaseText, profileNotes, type WindowMessages } from './window-text.js';
import type { WindowExpectation, WindowScenario } from '../scenario/window.js';

export interface WindowRun {
  readonly kind: 'window';
  readonly scenario: string;
  readonly title: string;
  readonly profile: string;
  readonly variant: string;
  readonly unit: string;
  readonly mss: number;
  /** The profile's notes and the failed expectations, in the language runWindowScenario was given (JSON: English). */
  readonly notes: readonly string[];
  readonly rounds: readonly Round[];
  /** The series the plot draws, one value per round. */
  readonly series: { readonly cwnd: readonly number[]; readonly ssthresh: readonly number[]; readonly rwnd: readonly number[]; readonly flight: readonly number[] };
  readonly complete: boolean;
  readonly passed: boolean;
  readonly failures: readonly string[];
}

const FIELDS = ['cwnd', 'ssthresh', 'rwnd', 'flight', 'sent', 'phase'] as const;

function check(rounds: readonly Round[], e: WindowExpectation, m: WindowMessages): string[] {
  const f = m.failure;
  const row = rounds[e.round - 1];
  if (!row) return [f.ended(e.round, rounds.length)];
  const out: string[] = [];
  for (const k of FIELDS) {
    const want = e[k];
    if (want === undefined || row[k] === want) continue;
    const [got, wanted] = k === 'phase' ? [phaseText(row.phase, m), phaseText(want as Round['phase'], m)] : [String(row[k]), String(want)];
    out.push(f.field(e.round, k === 'flight' || k === 'sent' || k === 'phase' ? f.fields[k] : k, got, wanted));
  }
  if (e.event !== undefined && !row.events.some((x) => x.kind === e.event)) {
    out.push(f.noEvent(e.round, m.eventName[e.event], row.events.map((x) => m.eventName[x.kind]).join(m.eventNameJoin)));
  }
  return out;
}

/** `m`: the language of the notes and failures; the default, English, is what `--json` prints. */
export function runWindowScenario(s: WindowScenario, m: WindowMessages = EN): WindowRun {
  const c = s.config;
  const r = runBulk(c);
  const failures = s.expect.flatMap((e) => check(r.rounds, e, m));
  return {
    kind: 'window',
    scenario: s.name,
    title: s.title,
    profile: s.profile,
    variant: c.variant,
    unit: c.unit,
    mss: c.mss,
    notes: profileNotes(s.profile, c.variant, c.unit, c.mss, c.iw, m),
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
