/**
 * The text ladder diagram of a run: time on the left, one column per endpoint with its state, arrows
 * with flags/seq/ack/len between them, dropped segments marked, scenario steps as separators and failed
 * expectations called out. Pure text (no colour, no terminal): the CLI and the app print it.
 */
import { displayWidth, padEndCells as padEnd, padStartCells as padStart } from '../text-width.js';
import type { SegmentRecord, SimSnapshot, StepResult } from './simulation.js';
import { callNoteText, describeStep, EN, eventText, sendReasonText, verdictText, type TcpMessages } from './step-text.js';

export interface LadderOptions {
  /** Width of the arrow between the two columns (default 44, less when maxWidth needs it). */
  readonly arrowWidth?: number;
  /** The language of the text (default English, the text `tcp run` has always printed). */
  readonly messages?: TcpMessages;
  /**
   * Fit every line in this many terminal cells (a CJK character takes two): the arrow narrows, a row's
   * notes go to a line of their own and long lines wrap under their text. Unset: lines as long as they are.
   */
  readonly maxWidth?: number;
}

const STATE_W = 13;
/** The widest state name (SYN_RECEIVED), the right column's room. */
const RIGHT_W = 12;
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

/**
 * `FLAGS seq= ack= len=` and why it was sent: seq and ack keep the names Chinese textbooks print on their
 * handshake figures too, so only the reason is in the language of `m`.
 */
export function segmentLabel(
  r: Pick<SegmentRecord, 'flags' | 'seq' | 'ack' | 'len' | 'whyCode'> & { readonly why?: string | undefined },
  m: TcpMessages = EN,
): string {
  const ack = r.flags.includes('ACK') ? ` ack=${r.ack}` : '';
  const len = r.len ? ` len=${r.len}` : '';
  const text = r.whyCode !== undefined ? sendReasonText(r.whyCode, m) : r.why;
  const why = text === undefined ? '' : m.ladder.why(text);
  return `${r.flags} seq=${r.seq}${ack}${len}${why}`;
}

/** A column's state text: a script has none, a crashed host is down. */
function shownState(snap: SimSnapshot, name: string, state: string, m: TcpMessages): string {
  const ep = snap.endpoints.find((e) => e.name === name);
  return ep?.scripted ? m.ladder.script : state;
}

function arrow(label: string, rightward: boolean, width: number, dropped: boolean, dup: boolean, m: TcpMessages): string {
  const text = ` ${label}${dup ? m.ladder.duplicated : ''} `;
  const tw = displayWidth(text);
  const body = Math.max(width - 2, tw + 4);
  if (dropped) {
    const left = rightward ? `--${text}` : `<-${text}`;
    const lost = ` ${m.ladder.lost}`;
    const lw = displayWidth(lost);
    return pad(left + '-'.repeat(Math.max(1, body - tw - 2 - lw)), body - lw) + lost + '  ';
  }
  const dashes = '-'.repeat(Math.max(2, body - tw - 2));
  return rightward ? `--${text}${dashes}>` : `<-${text}${dashes}-`;
}

/** A line of the ladder and where its continuation starts when it has to wrap. */
interface Line {
  readonly text: string;
  readonly indent: number;
}

const NO_BREAK_BEFORE = new Set('，。；：？！、）】”’》');
const NO_BREAK_AFTER = new Set('（【“‘《');

/**
 * Wrap a line to `max` cells: at a space, or between two characters where one is CJK (Chinese has no
 * spaces; clreq 3.1.7 keeps closing punctuation off a line's start and opening punctuation off its end).
 */
export function wrapCells(text: string, max: number, indent: number): string[] {
  const out: string[] = [];
  let rest = text;
  let first = true;
  while (displayWidth(rest) > max) {
    const chars = [...rest];
    const lead = first ? 0 : indent;
    let used = 0;
    let fit = 0;
    let brk = -1;
    for (let i = 0; i < chars.length; i++) {
      const w = displayWidth(chars[i]!);
      if (used + w > max) break;
      used += w;
      fit = i + 1;
      const c = chars[i + 1];
      if (i + 1 <= lead || c === undefined) continue;
      const wide = displayWidth(chars[i]!) === 2 || displayWidth(c) === 2;
      // `RFC 5961` stays on one line.
      const rfc = c === ' ' && chars.slice(Math.max(0, i - 2), i + 1).join('') === 'RFC';
      if ((c === ' ' && !rfc) || (wide && !NO_BREAK_BEFORE.has(c) && !NO_BREAK_AFTER.has(chars[i]!))) brk = i + 1;
    }
    const at = brk > lead ? brk : Math.max(fit, lead + 1);
    out.push(chars.slice(0, at).join('').trimEnd());
    rest = ' '.repeat(indent) + chars.slice(at).join('').trimStart();
    first = false;
  }
  out.push(rest);
  return out;
}

/** Render a finished (or partial) run from its snapshot. */
export function renderLadder(snap: SimSnapshot, options: LadderOptions = {}): string {
  const m = options.messages ?? EN;
  const L = m.ladder;
  const names = snap.endpoints.map((e) => e.name);
  TW = Math.max(9, formatTime(snap.now).length);
  const max = options.maxWidth;
  // Room for the arrow when every row must fit: time, gap, left state, the arrow, the widest right state.
  const width = Math.min(options.arrowWidth ?? 44, max === undefined ? Infinity : Math.max(20, max - TW - 2 - STATE_W - 2 - RIGHT_W));
  const out: Line[] = [];
  const line = (text: string, indent = TW + 7): void => {
    out.push({ text, indent });
  };
  line(L.header(snap.scenario, snap.profile), 0);
  if (names.length !== 2) return finish(renderList(snap, out, m), max);
  const [a, b] = names as [string, string];
  const initial = snap.steps.length ? initialStates(snap) : Object.fromEntries(snap.endpoints.map((e) => [e.name, e.state]));
  for (const e of snap.endpoints) if (e.scripted) initial[e.name] = L.script;
  line('');
  line(`${padStart(L.time, TW)}  ${pad(a, STATE_W)} ${' '.repeat(width)} ${b}`);
  line(`${padStart('', TW)}  ${pad(initial[a] ?? '', STATE_W)} ${' '.repeat(width)} ${initial[b] ?? ''}`);
  const state: Record<string, string> = { ...initial };
  const show = (n: string) => shownState(snap, n, state[n] ?? '', m);
  const noteIndent = TW + 2 + STATE_W + 1;
  const row = (at: number, middle: string, notes: readonly string[] = []): Line[] => {
    const text = `${padStart(formatTime(at), TW)}  ${pad(show(a), STATE_W)} ${pad(middle, width)} ${show(b)}`;
    if (notes.length === 0) return [{ text, indent: noteIndent }];
    const note = L.notes(notes);
    // A row's notes that would run past the width go on the next line, under the arrow.
    if (max === undefined || displayWidth(text + note) <= max) return [{ text: text + note, indent: noteIndent }];
    return [{ text, indent: noteIndent }, { text: ' '.repeat(noteIndent) + note.trimStart(), indent: noteIndent }];
  };
  for (const step of snap.steps) {
    if (step.verb === 'ask') continue; // questions are for practice mode
    out.push(...stepLines(step, m));
    // A segment held back by the link (reordered, delayed) is drawn where it arrived, with both times.
    const isLate = (r: SegmentRecord) =>
      !r.duplicated && r.arrivedAt !== undefined && r.arrivalOrder !== undefined && r.arrivedAt - r.at > snap.delay;
    const segs = snap.segments.filter(
      (r) => (r.index >= step.segments[0] && r.index < step.segments[1] && !isLate(r)) || (isLate(r) && r.arrivalStep === step.index),
    );
    const named = segs.filter((r) => !r.flood);
    const flood = segs.filter((r) => r.flood);
    if (flood.length) line(`${padStart('', TW)}  ${floodSummary(flood, m)}`);
    type Ev = { order: number; draw: () => Line[] };
    const events: Ev[] = [];
    for (const r of named) {
      const late = isLate(r);
      events.push({
        order: late ? r.arrivalOrder! : r.order,
        draw: () => {
          if (!r.injected && !late) state[r.from] = r.fromState;
          const draw = (label: string) => arrow(label, r.from === a, width, r.dropped, r.duplicated === true, m);
          let label = draw(segmentLabel(r, m));
          const notes: string[] = [];
          // A reason too long for the arrow goes with the notes, so the row keeps its columns.
          const why = r.whyCode !== undefined ? sendReasonText(r.whyCode, m) : r.why;
          if (max !== undefined && displayWidth(label) > width && (why !== undefined || r.duplicated === true)) {
            label = arrow(segmentLabel({ flags: r.flags, seq: r.seq, ack: r.ack, len: r.len }, m), r.from === a, width, r.dropped, false, m);
            if (why !== undefined) notes.push(why);
            if (r.duplicated === true) notes.push(L.twice);
          }
          if (r.dropped && r.reason === 'host down') notes.push(L.hostDown);
          else if (!r.dropped && r.arrivedAt === undefined) notes.push(L.inFlight);
          if (late) notes.push(L.late(formatTime(r.at), formatTime(r.arrivedAt!)));
          const verdict = r.verdictCode !== undefined ? verdictText(r.verdictCode, m) : r.verdict;
          if (verdict) notes.push(L.verdictNote(`${r.to}${r.duplicated ? L.secondCopy : ''}`, verdict));
          return row(late ? r.arrivedAt! : r.at, label, notes);
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
          if (shown) return [];
          const why = t.event === 'SEGMENT' ? L.received(t.segment ?? 'segment') : eventText(t.event, m);
          return row(t.at, `   ${L.transition(t.endpoint, why, t.to)}`);
        },
      });
    }
    events.sort((x, y) => x.order - y.order);
    for (const e of events) out.push(...e.draw());
    Object.assign(state, step.states);
    for (const n of step.down) state[n] = L.down;
  }
  line('');
  line(summary(snap, m), 0);
  return finish(out, max);
}

function finish(out: readonly Line[], max: number | undefined): string {
  const lines = max === undefined ? out.map((l) => l.text) : out.flatMap((l) => wrapCells(l.text, max, l.indent));
  return lines.join('\n') + '\n';
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

/** A step's own line (and for a failed expect, what differed). English keeps the run's recorded text. */
function stepLines(step: StepResult, m: TcpMessages): Line[] {
  const L = m.ladder;
  const action = m === EN ? step.action : describeStep(step.step, m);
  const indent = TW + 7;
  if (step.verb === 'expect') {
    const head = { text: `${padStart(formatTime(step.at), TW)}  ${L.verdictCell(step.ok)}${action}`, indent };
    if (step.ok) return [head];
    const why = step.failures.map((f) => L.failure(m.field(f.field), f.expected, f.actual)).join(L.failureJoin);
    return [head, { text: `${' '.repeat(indent)}${why}`, indent }];
  }
  const tag = step.injected ? L.injected : '';
  const noteText = step.noteCode !== undefined ? callNoteText(step.noteCode, m) : step.note;
  const note = noteText ? L.stepNote(noteText) : '';
  return [{ text: `${padStart('', TW)}  == ${tag}${action}${note}`, indent: TW + 5 }];
}

function floodSummary(flood: readonly SegmentRecord[], m: TcpMessages): string {
  const syn = flood.filter((r) => r.flags === 'SYN' && r.from.startsWith('spoof-'));
  const synAck = flood.filter((r) => r.flags === 'SYN,ACK');
  const target = syn[0]?.to ?? synAck[0]?.from ?? '?';
  const parts = [];
  if (syn.length) parts.push(m.ladder.floodSyn(syn.length, target));
  if (synAck.length) parts.push(m.ladder.floodSynAck(synAck.length));
  const other = flood.length - syn.length - synAck.length;
  if (other) parts.push(m.ladder.floodOther(other));
  return m.ladder.flood(parts);
}

function renderList(snap: SimSnapshot, out: Line[], m: TcpMessages): Line[] {
  out.push({ text: '', indent: 0 });
  for (const step of snap.steps) {
    out.push(...stepLines(step, m));
    for (const r of snap.segments.slice(step.segments[0], step.segments[1])) {
      if (r.flood) continue;
      const mark = r.dropped ? `  ${m.ladder.lost}` : '';
      out.push({
        text: `${padStart(formatTime(r.at), TW)}  ${r.from} -> ${r.to}  ${segmentLabel(r, m)}  [${r.from} ${r.fromState}${r.toState ? `, ${r.to} ${r.toState}` : ''}]${mark}`,
        indent: TW + 2,
      });
    }
  }
  out.push({ text: '', indent: 0 }, { text: summary(snap, m), indent: 0 });
  return out;
}

function summary(snap: SimSnapshot, m: TcpMessages): string {
  const L = m.ladder;
  const final = snap.endpoints.map((e) => (e.scripted ? L.scripted(e.name) : `${e.name} ${e.state}${e.crashed ? L.crashed : ''}`));
  const verdict = snap.failures.length ? L.failed(snap.failures.length) : L.passed;
  return L.final(final, formatTime(snap.now), verdict);
}
