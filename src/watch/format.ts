/** The text of `netkata watch`: one line per transition, the warnings and the closing summary. */
import { foldLine as fold } from '../fold.js';
import type { Messages } from '../i18n/index.js';
import { violationText, type Conformance } from '../lab/conformance.js';
import type { LabState } from '../lab/states.js';
import type { PileUp, Transition } from './watch.js';

const WIDTH = 80;

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

export function countsText(counts: Partial<Record<LabState, number>>, t: Messages['watch']): string {
  const parts = Object.entries(counts).sort((a, b) => b[1]! - a[1]!).map(([s, n]) => `${s} ${n}`);
  return parts.length ? parts.join(t.listSep) : t.none;
}

/** `  1.234 s  127.0.0.1:40000 > 127.0.0.1:8080  ESTABLISHED -> CLOSE_WAIT` (folded under itself past 80 columns). */
export function transitionLine(tr: Transition, t: Messages['watch']): string[] {
  const what = tr.from === null
    ? `${tr.already ? '' : `${t.appears} `}${tr.to}`
    : tr.gone ? `${tr.from} -> ${t.gone}` : `${tr.from} -> ${tr.to}`;
  const kernel = tr.kernelState ? ` (${tr.kernelState})` : '';
  return fold(`${seconds(tr.at).padStart(9)} s  ${tr.local} > ${tr.remote}  ${what}${kernel}`, WIDTH, 14);
}

export function pileUpLine(p: PileUp, t: Messages['watch']): string[] {
  return fold(t.pileUp(p.count, p.state), WIDTH, 2);
}

export function summaryLines(durationMs: number, reads: number, followed: number, transitions: number, counts: Partial<Record<LabState, number>>, conformance: Conformance, t: Messages['watch'], lab: Messages['lab']): string[] {
  return [t.summary(seconds(durationMs), reads), `  ${t.followed(followed, transitions)}`, ...fold(`  ${t.now}${t.labelSep}${countsText(counts, t)}`, WIDTH, 4), ...conformanceLines(conformance, t, lab, '  ')];
}

/** The verdict on every followed socket's sequence, and each step the machine has no path for (the summary's, and the app's watch screen's). */
export function conformanceLines(conformance: Conformance, t: Messages['watch'], lab: Messages['lab'], indent = '', width = WIDTH): string[] {
  if (conformance.ok) return fold(`${indent}${t.conformanceOk(Object.keys(conformance.paths).length)}`, width, indent.length + 2);
  const out = [`${indent}${t.conformanceBad(conformance.violations.length)}`];
  for (const v of conformance.violations) out.push(...fold(`${indent}  ${seconds(v.at)} s  ${v.why ? violationText(v.why, lab) : v.message}`, width, indent.length + 4));
  return out;
}
