/**
 * `netkata tcp replay` as text (a summary, then a compact ladder per connection with both ends' states,
 * every line within 80 cells, wrapped under its text when longer) and as a Mermaid sequenceDiagram.
 * The simulator's ladder (src/tcp/ladder.ts) draws a SimSnapshot of scenario steps and virtual time; a
 * capture has neither, so its rows are drawn here in the same spirit: time, a's state, the arrow, b's state.
 */
import type { Messages } from '../../i18n/index.js';
import type { Anomaly } from '../../replay/connections.js';
import type { ConnectionReport, EndState, LadderRow } from '../../replay/replay.js';
import { displayWidth, padEndCells, padStartCells, wrapCells } from '../../text-width.js';

type M = Messages['replay'];

export interface ReplayHeader {
  readonly file: string;
  readonly format: string;
  readonly frames: number;
  readonly segments: number;
  readonly connections: number;
  readonly profile: string;
  readonly truncatedBytes: number;
  readonly gzipTruncated: boolean;
}

const WIDTH = 80;
const TIME_W = 10;
const STATE_W = 12;
const ARROW_W = 38;

const stateText = (s: EndState): string => s ?? '?';

function anomalyList(a: Partial<Record<Anomaly, number>>, m: M): string {
  return (Object.entries(a) as [Anomaly, number][]).map(([k, n]) => m.count(n, m.anomaly[k])).join(m.listSep);
}

/** The summary's head: what was read, and how many connections follow (`shown` of h.connections). */
export function renderSummaryHead(h: ReplayHeader, shown: number, m: M): string[] {
  const out = [...wrapCells(m.heading(h.file, h.format, h.frames, h.segments, h.connections, h.profile), WIDTH, '  ')];
  if (h.truncatedBytes > 0) out.push(m.truncated(h.truncatedBytes));
  if (h.gzipTruncated) out.push(m.gzipTruncated);
  if (shown !== h.connections) out.push(m.selected(shown, h.connections));
  if (shown === 0) {
    out.push(m.noConnection);
    return out;
  }
  out.push('', m.summary);
  return out;
}

/** One connection's lines of the summary. */
export function renderSummaryConnection(c: ConnectionReport, m: M): string[] {
  const out = wrapCells(`${m.connection(c.id, c.a, c.b)}  ${m.segments(c.frames[0], c.frames[1])}`, WIDTH, '    ');
  const states = m.states(c.states[0] ?? m.unknownState, c.states[1] ?? m.unknownState);
  const more = [
    `${states}${m.clauseSep}${m.ended[c.ended]}`,
    ...(c.midStream ? [m.midStream] : []),
    ...(Object.keys(c.anomalies).length ? [m.anomalyCounts(anomalyList(c.anomalies, m))] : []),
    ...(c.dropped > 0 ? [m.dropped(c.dropped)] : []),
  ];
  for (const line of more) out.push(...wrapCells(`    ${line}`, WIDTH, '    '));
  return out;
}

/** Seconds since the connection's first segment, to the microsecond. */
function since(r: { sec: number; nsec: number }, t0: { sec: number; nsec: number }): string {
  return ((r.sec - t0.sec) + (r.nsec - t0.nsec) / 1e9).toFixed(6);
}

export function segmentText(r: LadderRow): string {
  const ack = r.flags.includes('ACK') ? ` ack=${r.relAck}` : '';
  const len = r.len ? ` len=${r.len}` : '';
  // The window only when it is closed (the JSON has every field): rows stay within 80 columns.
  const win = r.window === 0 && !r.flags.includes('RST') ? ' win=0' : '';
  return `${r.flags} seq=${r.relSeq}${ack}${len}${win}`;
}

/**
 * The arrow of a row. A segment netkata's capture marks as dropped is drawn as the simulator's ladder
 * draws a lost one (src/tcp/ladder.ts): no arrowhead at its receiver, `X lost` at the end of the arrow.
 */
function arrowText(r: LadderRow, m: M): string {
  const label = segmentText(r);
  if (!r.dropped) return r.dir === 0 ? `--> ${label}` : `<-- ${label}`;
  const left = `${r.dir === 0 ? '---' : '<--'} ${label} `;
  const lost = ` ${m.lost}`;
  // Two cells short of the column, as the simulator's `X lost` stands apart from the next state.
  const dashes = Math.max(1, ARROW_W - 1 - displayWidth(left) - displayWidth(lost));
  return left + '-'.repeat(dashes) + lost;
}

export function renderLadder(c: ConnectionReport, m: M): string[] {
  const out: string[] = ['', ...wrapCells(m.ladderHeading(c.id, c.a, c.b), WIDTH, '    ')];
  if (c.midStream) out.push(...wrapCells(m.midStream, WIDTH));
  const note = ' '.repeat(TIME_W + 2);
  const cols = m.columns;
  out.push(`${padStartCells(cols.time, TIME_W)}  ${padEndCells(cols.a, STATE_W)} ${padEndCells(cols.segment, ARROW_W)} ${cols.b}`);
  for (const r of c.rows ?? []) {
    const arrow = arrowText(r, m);
    const line = `${padStartCells(since(r, c.first), TIME_W)}  ${padEndCells(stateText(r.states[0]), STATE_W)} ${padEndCells(arrow, ARROW_W)} ${stateText(r.states[1])}`;
    out.push(...wrapCells(line, WIDTH, note));
    if (r.calls.length) out.push(...wrapCells(`${note}${m.calls(r.calls.join(m.listSep))}`, WIDTH, note));
    const named = r.anomalies.filter((a) => a !== 'impossible').map((a) => m.anomaly[a]);
    if (r.impossible) named.push(m.impossible(r.dir === 0 ? 'b' : 'a', r.impossible.state, r.impossible.rule));
    if (named.length) out.push(...wrapCells(`${note}! ${named.join(m.listSep)}`, WIDTH, note));
  }
  if (c.moreRows > 0) out.push(...wrapCells(m.moreRows(c.moreRows), WIDTH));
  return out;
}

/** One connection's ladder as a Mermaid sequenceDiagram: a message per segment, a note where a state changes. */
export function renderMermaid(c: ConnectionReport, m: M): string {
  const esc = (s: string): string => s.replace(/[;#]/g, ' ');
  const lines = ['sequenceDiagram', `    participant a as ${esc(c.a)}`, `    participant b as ${esc(c.b)}`];
  let prev: [EndState, EndState] = [null, null];
  for (const r of c.rows ?? []) {
    const [from, to] = r.dir === 0 ? ['a', 'b'] : ['b', 'a'];
    const marks = r.anomalies.map((a) => m.anomaly[a]);
    // A dropped segment: Mermaid's `-x`, a line that ends in a cross, and `X lost` as the ladder has it.
    if (r.dropped) marks.push(m.lost);
    lines.push(`    ${from}${r.dropped ? '-x' : '->>'}${to}: ${esc(segmentText(r))}${marks.length ? ` (${esc(marks.join(m.listSep))})` : ''}`);
    const changed = (['a', 'b'] as const).filter((_, i) => r.states[i] !== prev[i]);
    for (const end of changed) lines.push(`    Note over ${end}: ${stateText(r.states[end === 'a' ? 0 : 1])}`);
    prev = r.states;
  }
  return lines.join('\n') + '\n';
}
