/**
 * The text ladder diagram of a run: time on the left, one column per endpoint with its state, arrows
 * with flags/seq/ack/len between them, dropped segments marked, scenario steps as separators and failed
 * expectations called out. Pure text (no colour, no terminal): the CLI and the app print it.
 */
import { padEndCells as padEnd, padStartCells as padStart } from '../text-width.js';
import type { SegmentRecord, SimSnapshot, StepResult } from './simulation.js';

export interface LadderOptions {
  /** Width of the arrow between the two columns (default 44). */
  readonly arrowWidth?: number;
}

const STATE_W = 13;
/** Width of the time column: 9, or the longest time of the run being drawn (set per render). */
let TW = 9;

// Padded by display width (a zh label is two cells per character), see src/text-width.ts.
const pad = padEnd;

/**
 * Virtual time to millisecond precision at every scale: `250ms`, `61.07s`, `12m05s`, `2h11m14.005s`
 * (fractions of a millisecond, from the flood's 10 µs spacing, are shown to the µs below 10 s).
 */
export function formatTime(ms: number): string {
  if (ms < 10_000) return `${Number.isInteger(ms) ? ms : Number(ms.toFixed(3))}ms`;
  const whole = Math.round(ms);
  const frac = whole % 1000;
  const secs = Math.floor(whole / 1000);
  const fracText = frac ? `.${String(frac).padStart(3, '0').replace(/0+$/, '')}` : '';
  if (secs < 600) return `${secs}${fracText}s`;
  const h = Math.floor(secs / 3600);
  const m = Math.floor((secs % 3600) / 60);
  const sec = `${String(secs % 60).padStart(2, '0')}${fracText}s`;
  return h ? `${h}h${String(m).padStart(2, '0')}m${sec}` : `${m}m${sec}`;
}

export function segmentLabel(r: Pick<SegmentRecord, 'flags' | 'seq' | 'ack' | 'len'> & { readonly why?: string | undefined }): string {
  const ack = r.flags.includes('ACK') ? ` ack=${r.ack}` : '';
  const len = r.len ? ` len=${r.len}` : '';
  const why = r.why === undefined ? '' : r.why.startsWith('#') ? ` ${r.why}` : ` (${r.why})`;
  return `${r.flags} seq=${r.seq}${ack}${len}${why}`;
}

/** A column's state text: a script has none, a crashed host is down. */
function shownState(snap: SimSnapshot, name: string, state: string): string {
  const ep = snap.endpoints.find((e) => e.name === name);
  return ep?.scripted ? '(script)' : state;
}

function arrow(label: string, rightward: boolean, width: number, dropped: boolean, dup: boolean): string {
  const text = ` ${label}${dup ? ' (x2)' : ''} `;
  const body = Math.max(width - 2, text.length + 4);
  if (dropped) {
    const left = rightward ? `--${text}` : `<-${text}`;
    const lost = ' X lost';
    return pad(left + '-'.repeat(Math.max(1, body - text.length - 2 - lost.length)), body - lost.length) + lost + '  ';
  }
  const dashes = '-'.repeat(Math.max(2, body - text.length - 2));
  return rightward ? `--${text}${dashes}>` : `<-${text}${dashes}-`;
}

/** Render a finished (or partial) run from its snapshot. */
export function renderLadder(snap: SimSnapshot, options: LadderOptions = {}): string {
  const width = options.arrowWidth ?? 44;
  const names = snap.endpoints.map((e) => e.name);
  TW = Math.max(9, formatTime(snap.now).length);
  const out: string[] = [];
  out.push(`${snap.scenario} (profile ${snap.profile}): each row is one event in order; arrows at send time`);
  if (names.length !== 2) return renderList(snap, out);
  const [a, b] = names as [string, string];
  const initial = snap.steps.length ? initialStates(snap) : Object.fromEntries(snap.endpoints.map((e) => [e.name, e.state]));
  for (const e of snap.endpoints) if (e.scripted) initial[e.name] = '(script)';
  out.push('');
  out.push(`${padStart('time', TW)}  ${pad(a, STATE_W)} ${' '.repeat(width)} ${b}`);
  out.push(`${padStart('', TW)}  ${pad(initial[a] ?? '', STATE_W)} ${' '.repeat(width)} ${initial[b] ?? ''}`);
  const state: Record<string, string> = { ...initial };
  const show = (n: string) => shownState(snap, n, state[n] ?? '');
  const row = (at: number, middle: string, note = '') =>
    `${padStart(formatTime(at), TW)}  ${pad(show(a), STATE_W)} ${pad(middle, width)} ${show(b)}${note}`;
  for (const step of snap.steps) {
    if (step.verb === 'ask') continue; // questions are for practice mode
    out.push(stepLine(step));
    // A segment held back by the link (reordered, delayed) is drawn where it arrived, with both times.
    const isLate = (r: SegmentRecord) =>
      !r.duplicated && r.arrivedAt !== undefined && r.arrivalOrder !== undefined && r.arrivedAt - r.at > snap.delay;
    const segs = snap.segments.filter(
      (r) => (r.index >= step.segments[0] && r.index < step.segments[1] && !isLate(r)) || (isLate(r) && r.arrivalStep === step.index),
    );
    const named = segs.filter((r) => !r.flood);
    const flood = segs.filter((r) => r.flood);
    if (flood.length) out.push(`${padStart('', TW)}  ${floodSummary(flood)}`);
    type Ev = { order: number; draw: () => string | undefined };
    const events: Ev[] = [];
    for (const r of named) {
      const late = isLate(r);
      events.push({
        order: late ? r.arrivalOrder! : r.order,
        draw: () => {
          if (!r.injected && !late) state[r.from] = r.fromState;
          const label = arrow(segmentLabel(r), r.from === a, width, r.dropped, r.duplicated === true);
          const notes: string[] = [];
          if (r.dropped && r.reason === 'host down') notes.push('host down');
          else if (!r.dropped && r.arrivedAt === undefined) notes.push('still in flight');
          if (late) notes.push(`sent ${formatTime(r.at)}, arrived ${formatTime(r.arrivedAt!)}`);
          if (r.verdict) notes.push(`${r.to}${r.duplicated ? ', second copy' : ''}: ${r.verdict}`);
          return row(late ? r.arrivedAt! : r.at, label, notes.length ? `  (${notes.join('; ')})` : '');
        },
      });
    }
    for (const t of step.transitions) {
      // A state change the next row already shows (the endpoint sent a segment in that same event) is
      // not drawn twice.
      const shown = t.sent > 0;
      events.push({
        order: t.order,
        draw: () => {
          state[t.endpoint] = t.to;
          if (shown) return undefined;
          const why = t.event === 'SEGMENT' ? `rcv ${t.segment ?? 'segment'}` : t.event;
          return row(t.at, `   (${t.endpoint}: ${why} -> ${t.to})`);
        },
      });
    }
    events.sort((x, y) => x.order - y.order);
    for (const e of events) {
      const line = e.draw();
      if (line !== undefined) out.push(line);
    }
    Object.assign(state, step.states);
    for (const n of step.down) state[n] = 'down';
  }
  out.push('');
  out.push(summary(snap));
  return out.join('\n') + '\n';
}

function initialStates(snap: SimSnapshot): Record<string, string> {
  const first = snap.steps[0]!;
  const out: Record<string, string> = { ...first.states };
  // The first transition of each endpoint tells its state before the run.
  const seen = new Set<string>();
  for (const t of first.transitions) {
    if (seen.has(t.endpoint)) continue;
    seen.add(t.endpoint);
    out[t.endpoint] = t.from;
  }
  return out;
}

function stepLine(step: StepResult): string {
  if (step.verb === 'expect') {
    if (step.ok) return `${padStart(formatTime(step.at), TW)}  ok   ${step.action}`;
    const why = step.failures.map((f) => `${f.field}: expected ${f.expected}, got ${f.actual}`).join('; ');
    return `${padStart(formatTime(step.at), TW)}  FAIL ${step.action}\n${' '.repeat(TW + 7)}${why}`;
  }
  const tag = step.injected ? '(injected) ' : '';
  const note = step.note ? `  [${step.note}]` : '';
  return `${padStart('', TW)}  == ${tag}${step.action}${note}`;
}

function floodSummary(flood: readonly SegmentRecord[]): string {
  const syn = flood.filter((r) => r.flags === 'SYN' && r.from.startsWith('spoof-'));
  const synAck = flood.filter((r) => r.flags === 'SYN,ACK');
  const target = syn[0]?.to ?? synAck[0]?.from ?? '?';
  const parts = [];
  if (syn.length) parts.push(`${syn.length} SYN from spoofed sources -> ${target}`);
  if (synAck.length) parts.push(`${synAck.length} SYN,ACK to spoofed sources (never answered)`);
  const other = flood.length - syn.length - synAck.length;
  if (other) parts.push(`${other} other flood segments`);
  return `[flood] ${parts.join(', ')}`;
}

function renderList(snap: SimSnapshot, out: string[]): string {
  out.push('');
  for (const step of snap.steps) {
    out.push(stepLine(step));
    for (const r of snap.segments.slice(step.segments[0], step.segments[1])) {
      if (r.flood) continue;
      const mark = r.dropped ? '  X lost' : '';
      out.push(`${padStart(formatTime(r.at), TW)}  ${r.from} -> ${r.to}  ${segmentLabel(r)}  [${r.from} ${r.fromState}${r.toState ? `, ${r.to} ${r.toState}` : ''}]${mark}`);
    }
  }
  out.push('');
  out.push(summary(snap));
  return out.join('\n') + '\n';
}

function summary(snap: SimSnapshot): string {
  const final = snap.endpoints.map((e) => (e.scripted ? `${e.name} (script)` : `${e.name} ${e.state}${e.crashed ? ' (crashed)' : ''}`)).join(', ');
  const verdict = snap.failures.length ? `FAILED (${snap.failures.length} expectation${snap.failures.length > 1 ? 's' : ''})` : 'passed';
  return `final: ${final} at ${formatTime(snap.now)}; ${verdict}`;
}
