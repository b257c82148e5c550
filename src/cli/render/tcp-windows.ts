/**
 * A window run as text: the per-round table (round, cwnd, ssthresh, rwnd, in flight, sent, event) and a
 * plot of cwnd and ssthresh by round, drawn by asciichart.
 */
import asciichart from 'asciichart';
import { alignColumns } from '../../columns.js';
import { eventsCell } from '../../tcp/window-text.js';
import type { Round } from '../../tcp/bulk.js';
import type { WindowRun } from '../../tcp/window-run.js';

const PLOT_WIDTH = 100;
const PLOT_HEIGHT = 14;

export function windowTable(run: WindowRun): string {
  const head = ['round', 'cwnd', 'ssthresh', 'rwnd', 'in flight', 'sent', 'phase', 'event'];
  const rows = run.rounds.map((r) => [String(r.round), String(r.cwnd), String(r.ssthresh), String(r.rwnd), String(r.flight), String(r.sent), r.phase, eventsCell(r.events)]);
  return alignColumns([head, ...rows]).join('\n');
}

/**
 * cwnd and ssthresh by round. An ssthresh above every cwnd (the initial "arbitrarily high" value of
 * RFC 5681 3.1) is drawn at the top edge; long runs are sampled to PLOT_WIDTH columns.
 */
export function windowPlot(run: WindowRun, color: boolean, maxRows = PLOT_HEIGHT * 2): string {
  const n = run.rounds.length;
  if (n === 0) return '';
  const step = Math.ceil(n / PLOT_WIDTH);
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
    format: (x) => String(Math.round(x)).padStart(7),
  });
  const legend = `cwnd ${color ? `${asciichart.green}──${asciichart.reset}` : '(first line)'}  ssthresh ${color ? `${asciichart.yellow}──${asciichart.reset}` : '(second line)'}` +
    `  x: round${step > 1 ? ` (every ${step}th)` : ''}, y: ${run.unit === 'bytes' ? 'bytes' : 'segments'}`;
  return `${chart}\n${legend}`;
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

export function renderWindowRun(run: WindowRun, color: boolean): string {
  const lines = [run.title, ...run.notes, '', windowTable(run), '', windowPlot(run, color), ''];
  const verdict = run.failures.length
    ? run.failures.map((f) => `FAIL ${f}`).join('\n') + `\nfinal: ${run.failures.length} expectation(s) FAILED`
    : `final: ${run.complete ? 'all data delivered and acknowledged' : 'data left after the last round'}; expectations passed`;
  return [...lines, verdict].join('\n');
}
