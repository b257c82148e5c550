/**
 * A window run as text: the per-round table (round, cwnd, ssthresh, rwnd, in flight, sent, event) and a
 * plot of cwnd and ssthresh by round, drawn by asciichart.
 */
import asciichart from 'asciichart';
import { padEnd, widthOf } from '../../columns.js';
import { wrapCells } from '../../text-width.js';
import { EN, eventsList, phaseText, type WindowMessages } from '../../tcp/window-text.js';
import type { Round } from '../../tcp/bulk.js';
import type { WindowRun } from '../../tcp/window-run.js';

/** Issue 13: nothing wider than an 80x24 terminal, in either language. */
export const TEXT_WIDTH = 80;
const PLOT_HEIGHT = 14;
/** The y labels' width (asciichart's `format` below pads to it). */
const LABEL_WIDTH = 7;
/** Narrower than this, the event column moves below its row (bytes runs with very wide numbers). */
const MIN_EVENT_WIDTH = 16;
/** Where the events go when they move below their row. */
const EVENT_BELOW = 4;

/**
 * A round's events in lines of at most `width` cells: whole events side by side while they fit, an event
 * wider than the line wrapped on its own, so that a break falls between two events where it can.
 */
function eventLines(events: readonly string[], width: number, m: WindowMessages): string[] {
  const mark = m.eventJoin.trimEnd();
  const gap = m.eventJoin.slice(mark.length);
  const lines: string[] = [];
  let cur = '';
  events.forEach((e, i) => {
    const piece = i < events.length - 1 ? e + mark : e;
    const joined = cur === '' ? piece : cur + gap + piece;
    if (widthOf(joined) <= width) {
      cur = joined;
      return;
    }
    if (cur !== '') lines.push(cur);
    const wrapped = wrapCells(piece, width, '', widthOf);
    cur = wrapped.pop()!;
    lines.push(...wrapped);
  });
  if (cur !== '') lines.push(cur);
  return lines;
}

/**
 * The per-round table: round, cwnd, ssthresh, rwnd, in flight, sent, phase, and the events, which wrap
 * under their own column so that no line is wider than `width`.
 */
export function windowTable(run: WindowRun, m: WindowMessages = EN, width = TEXT_WIDTH): string {
  const h = m.head;
  const head = [h.round, 'cwnd', 'ssthresh', 'rwnd', h.flight, h.sent, h.phase];
  const rows = run.rounds.map((r) => [String(r.round), String(r.cwnd), String(r.ssthresh), String(r.rwnd), String(r.flight), String(r.sent), phaseText(r.phase, m)]);
  const events = [[h.event], ...run.rounds.map((r) => eventsList(r.events, m))];
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((r) => widthOf(r[i]!))));
  const column = widths.reduce((a, w) => a + w + 2, 0);
  const below = width - column < MIN_EVENT_WIDTH;
  const eventAt = below ? EVENT_BELOW : column;
  return [head, ...rows]
    .flatMap((r, i) => {
      const left = r.map((c, j) => padEnd(c, widths[j]!)).join('  ');
      const lines = i === 0 && below ? [] : eventLines(events[i]!, width - eventAt, m);
      const indented = (ls: string[]): string[] => ls.map((l) => ' '.repeat(eventAt) + l);
      if (below) return [left.trimEnd(), ...indented(lines)];
      const [first = '', ...more] = lines;
      return [`${left}  ${first}`.trimEnd(), ...indented(more)];
    })
    .join('\n');
}

/**
 * cwnd and ssthresh by round. An ssthresh above every cwnd (the initial "arbitrarily high" value of
 * RFC 5681 3.1) is drawn at the top edge; long runs are sampled so that the plot, its y labels
 * included, fits `width` columns.
 */
export function windowPlot(run: WindowRun, color: boolean, maxRows = PLOT_HEIGHT * 2, m: WindowMessages = EN, width = TEXT_WIDTH): string {
  const n = run.rounds.length;
  if (n === 0) return '';
  // The highest label is at most 1.25 times the largest cwnd (ssthresh is capped there below).
  const labelWidth = Math.max(LABEL_WIDTH, String(Math.ceil(Math.max(1, ...run.series.cwnd) * 1.25)).length);
  // asciichart puts the label, one space and the axis before the series: one column per point after them.
  const points = Math.max(1, width - labelWidth - 2);
  const step = Math.ceil(n / points);
  const pick = (xs: readonly number[]): number[] => xs.filter((_, i) => i % step === 0);
  const cwnd = pick(run.series.cwnd);
  const top = Math.max(...cwnd, 1);
  const ssthresh = pick(run.series.ssthresh).map((s) => Math.min(s, Math.ceil(top * 1.25)));
  const high = Math.max(...ssthresh, top);
  const chart = asciichart.plot([cwnd, ssthresh], {
    // One row per unit while that fits, so the labels are the exact values a table would show.
    height: high <= maxRows ? high : Math.min(PLOT_HEIGHT, maxRows),
    min: 0,
    colors: color ? [asciichart.green, asciichart.yellow] : [undefined, undefined],
    format: (x) => String(Math.round(x)).padStart(labelWidth),
  });
  const l = m.legend;
  const mark = (c: string, plain: string): string => (color ? `${c}──${asciichart.reset}` : plain);
  const legend = [l.cwnd(mark(asciichart.green, l.first)), l.ssthresh(mark(asciichart.yellow, l.second)), [l.x(step), l.y(run.unit === 'bytes' ? 'bytes' : 'segments')].join(l.axesJoin)].join(l.join);
  return [chart, ...wrapCells(legend, width, '', widthOf)].join('\n');
}

/** Cells of the sender's window bar (RFC 9293 figure 4's sequence space) at the start of a round. */
export interface WindowBar {
  readonly acked: number;
  readonly unacked: number;
  readonly usable: number;
  readonly blocked: number;
  /** Units of sequence space per cell. */
  readonly scale: number;
}

/**
 * The sender's sequence space when round `r` began, scaled into `width` cells: sent and acknowledged
 * (before SND.UNA), sent and not acknowledged (SND.UNA to SND.NXT), usable (to SND.UNA + min(cwnd,
 * SND.WND)), and not yet allowed.
 */
export function windowBar(r: Round, width: number): WindowBar {
  const unackedUnits = Math.max(0, r.sndNxt0 - r.sndUna);
  const usableUnits = Math.max(0, r.edge - Math.max(r.sndNxt0, r.sndUna));
  const scale = Math.max(1, Math.ceil((unackedUnits + usableUnits) / Math.max(1, Math.floor(width * 0.6))));
  const unacked = Math.ceil(unackedUnits / scale);
  const usable = Math.ceil(usableUnits / scale);
  const acked = Math.min(Math.floor(width * 0.2), Math.ceil((r.sndUna - 1) / scale));
  return { acked, unacked, usable, blocked: Math.max(0, width - acked - unacked - usable), scale };
}

/**
 * The run as `tcp run` prints it: title, notes, table, plot and verdict, each line at most `width`
 * columns. The run's notes and failures are already in the language of `m` (runWindowScenario); the
 * title is the caller's choice (a scenario's zh.title under zh).
 */
export function renderWindowRun(run: WindowRun, color: boolean, m: WindowMessages = EN, title = run.title, width = TEXT_WIDTH): string {
  const wrap = (line: string, indent = ''): string[] => wrapCells(line, width, indent);
  const verdict = run.failures.length
    ? [...run.failures.flatMap((f) => wrap(m.failLine(f), '  ')), m.finalFailed(run.failures.length)]
    : [m.finalPassed(run.complete)];
  const lines = [...wrap(title), ...run.notes.flatMap((n) => wrap(n, '  ')), '', windowTable(run, m, width), '', windowPlot(run, color, PLOT_HEIGHT * 2, m, width), '', ...verdict.flatMap((v) => wrap(v))];
  return lines.join('\n');
}
