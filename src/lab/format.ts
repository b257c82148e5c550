/**
 * The text report of `netkata lab <experiment>`: for people, not a contract (CLI.md). Kernel states and
 * Node events are printed in separate sections, and states the poll did not see are marked as inferred.
 */
import { foldLine as fold } from '../fold.js';
import { messages, type Lang, type Messages } from '../i18n/index.js';
import { displayWidth } from '../text-width.js';
import { lab as en } from '../i18n/en/lab.js';
import type { Comparison } from './compare.js';
import { stepOfLine } from './compare-steps.js';
import { describeStep } from '../tcp/step-text.js';
import { violationText } from './conformance.js';
import type { ExperimentText } from './experiment-text.js';
import type { CaptureReport, LabReport } from './runner.js';

export interface FormatOptions {
  readonly color: boolean;
  readonly lang?: Lang;
  /** The experiment's title and explanation in `lang` (experimentText); the report's English ones otherwise. */
  readonly text?: ExperimentText;
}

/** The report fits an 80-column terminal: longer lines fold (src/fold.ts), a CJK character counting two cells. */
export const REPORT_WIDTH = 80;

type LabMessages = Messages['lab'];

export function formatLabReport(r: LabReport, comparison: Comparison | undefined, o: FormatOptions): string {
  const c = palette(o.color);
  const t = messages(o.lang ?? 'en').lab;
  const text = o.text ?? { title: r.title, explain: r.explain };
  const out: string[] = [];
  out.push(c.bold(t.heading(r.experiment, text.title)));
  out.push(...fold(`  ${text.explain}`, REPORT_WIDTH, 0));
  out.push('');
  out.push(`${c.dim(t.platform)}${t.labelSep}${r.platform} ${r.kernel}, node ${r.node}, ${r.host}, ${Math.round(r.durationMs)} ms`);
  if (r.observer) {
    const s = r.observer;
    out.push(`${c.dim(t.observer)}${t.labelSep}${t.observerLine(s.targetPeriodMs, s.polls, s.readMs.median, s.periodMs.median, s.periodMs.p95, s.periodMs.max)}`);
  }
  if (r.error) out.push(c.red(t.error(localValue(r.error, t))));

  if (r.observations.length > 0) {
    out.push('', c.bold(t.kernelStates));
    for (const ob of r.observations) {
      const extra = [
        ob.kernelState && ob.kernelState !== ob.state ? t.kernelState(ob.kernelState) : '',
        ob.timer ? t.timer(ob.timer.kind, ob.timer.remainingMs) : '',
        ob.vanished ? t.gone : '',
        ob.state === 'LISTEN' && ob.rxQueue ? t.acceptQueue(ob.rxQueue) : '',
      ].filter(Boolean);
      const row = `  ${`${ob.at.toFixed(1)} ms`.padEnd(10)} ${ob.socket.padEnd(12)} ${ob.state.padEnd(12)} ${c.dim(`${ob.local} -> ${ob.remote}`)}`;
      const more = extra.join(t.listSep);
      // What does not fit beside the addresses goes on the next row, under the state.
      if (more === '') out.push(row);
      else if (displayWidth(`${ob.state.padEnd(12)} ${ob.local} -> ${ob.remote}  ${more}`) + 26 <= REPORT_WIDTH) out.push(`${row}  ${c.dim(more)}`);
      else out.push(row, `${' '.repeat(26)}${c.dim(more)}`);
    }
    out.push('', c.bold(t.sequences));
    for (const [socket, path] of Object.entries(r.conformance.paths)) {
      const states = path
        .map((p, i) => (i === 0 && !p.observed ? c.dim(`(${p.state})`) : p.observed ? p.state : c.dim(`[${p.state}]`)))
        .join(' -> ');
      out.push(`  ${socket.padEnd(12)} ${states}`);
    }
    out.push(c.dim(`  ${t.legend}`));
  }
  if (r.actions.length > 0) {
    out.push('', c.bold(t.actions));
    for (const a of r.actions) out.push(`  ${a.at.toFixed(1)} ms ${a.socket} ${a.action}`);
  }
  if (r.nodeEvents.length > 0) {
    out.push('', c.bold(t.nodeEvents));
    for (const e of r.nodeEvents) out.push(`  ${e.at.toFixed(1)} ms ${e.socket} ${localValue(e.event, t)}`);
  }
  if (r.result) out.push('', c.bold(t.result), ...formatResult(r.result, o.lang ?? 'en').map((l) => `  ${l}`));
  if (r.capture) out.push('', ...formatCapture(r.capture, c, t));
  if (comparison) out.push('', ...formatComparison(comparison, c, o.lang ?? 'en'));
  const shown = r.linux.filter((d) => d.shown);
  if (shown.length > 0) {
    out.push('', c.bold(t.linuxHeading));
    for (const d of shown) out.push(`  - ${(t.linux as Readonly<Record<string, string>>)[d.id] ?? d.text}`);
  }
  out.push('');
  if (r.conformance.ok) out.push(c.green(t.conformanceOk(Object.keys(r.sequences).length)));
  else {
    out.push(c.red(t.conformanceBad(r.conformance.violations.length)));
    for (const v of r.conformance.violations) out.push(c.red(`  ${v.at.toFixed(1)} ms ${v.why === undefined ? v.message : violationText(v.why, t)}`));
  }
  if (r.expectations.ok) out.push(c.green(t.expectationsOk));
  else {
    out.push(c.red(t.expectationsBad(r.expectations.failures.length)));
    for (const f of r.expectations.failures) out.push(c.red(`  ${t.expectationFailure(f.field, JSON.stringify(f.expected), JSON.stringify(f.actual))}`));
  }
  if (r.capture) for (const v of captureVerdict(r.capture, t)) out.push(v.tone === 'ok' ? c.green(v.text) : v.tone === 'bad' ? c.red(v.text) : c.dim(v.text));
  return out.flatMap((l) => fold(l, REPORT_WIDTH)).join('\n');
}

/**
 * The `--compare` section: each connection's replayed steps, then per end the kernel's sequence above the
 * simulator's (the CLI's report and the app's lab screen print the same lines; unfolded).
 */
export function formatComparison(comparison: Comparison, c: ReturnType<typeof palette>, lang: Lang): string[] {
  const t = messages(lang).lab;
  const out = [c.bold(t.compare(comparison.profile))];
  const kernel = t.compareKernel + t.labelSep;
  const simulated = t.compareSimulated + t.labelSep;
  const label = Math.max(displayWidth(kernel), displayWidth(simulated));
  for (const conn of comparison.connections) {
    // The one English note compare.ts puts in a step (its JSON keeps it); full-width brackets take no space before them.
    const steps = conn.steps.map((step) => {
      if (lang !== 'zh') return step;
      const parsed = stepOfLine(step);
      const said = parsed === undefined ? step.replace(` ${en.compareSynDropped}`, '') : describeStep(parsed, messages('zh').tcp);
      return step.endsWith(en.compareSynDropped) ? `${said}${t.compareSynDropped}` : said;
    });
    out.push(`  ${conn.client} / ${conn.server}${lang === 'zh' ? '：' : ': '}${c.dim(steps.join(lang === 'zh' ? '，' : ', '))}`);
    for (const side of ['client', 'server'] as const) {
      const name = side === 'client' ? conn.client : conn.server;
      out.push(`    ${name.padEnd(10)} ${padCells(kernel, label)}${conn.kernel[side].join(' -> ') || c.dim(t.neverInTable)}`);
      out.push(`    ${' '.repeat(10)} ${padCells(simulated, label)}${conn.simulated[side].join(' -> ')}`);
    }
  }
  return out;
}

/** The segment check's verdict lines (the CLI's report and the app's ladder): judged only on a complete capture. */
export function captureVerdict(cap: CaptureReport, t: LabMessages): { readonly text: string; readonly tone: 'ok' | 'bad' | 'dim' }[] {
  const k = cap.check;
  const checked = k.sockets.reduce((n, s) => n + s.observationsChecked, 0);
  if (!cap.drained) return [{ text: t.segmentsUndrained, tone: 'dim' }];
  if (!cap.complete) return [{ text: t.segmentsIncomplete(cap.dropped === null ? null : String(cap.dropped)), tone: 'dim' }];
  if (k.ok) return [{ text: t.segmentsOk(checked, k.windowMs), tone: 'ok' }];
  return [
    { text: t.segmentsBad(k.mismatches.length), tone: 'bad' },
    ...k.mismatches.map((m) => ({ text: `  ${m.at.toFixed(1)} ms ${t.segmentMismatch(m.socket, m.kernel, m.machine.join(` ${t.or} `))}`, tone: 'bad' as const })),
  ];
}

function padCells(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/**
 * A word an experiment put in its result or a Node event (the en catalogue's `resultValue`, so the two
 * cannot drift), in the report's language; anything else (data, names, numbers) as it is.
 */
export function localValue(v: string, t: LabMessages): string {
  const values = en.resultValue;
  for (const key of Object.keys(values) as (keyof typeof values)[]) {
    const e = values[key];
    const z = t.resultValue[key];
    if (typeof e === 'string') {
      if (v === e) return z as string;
    } else {
      // a message with a number in it: find the number, rebuild the English, and compare
      const m = /\d+/.exec(v);
      if (m && v === e(m[0])) return (z as (n: string) => string)(m[0]);
    }
  }
  const error = /^error (\S+)$/.exec(v);
  return error ? t.error(error[1]!) : v;
}

/**
 * An experiment's result as indented text (the CLI's Result section and the app's lab screen): strings
 * quoted where they are data (received chunks), so that `"helloworld"` reads as one chunk, and lists of
 * strings counted; booleans as yes/no; nested objects and lists indented, YAML-like. In Chinese the
 * field names and the experiments' own words are translated (the catalogue's `resultKey`, `resultValue`).
 */
export function formatResult(result: Readonly<Record<string, unknown>>, lang: Lang = 'en'): string[] {
  const t = messages(lang).lab;
  const keys = t.resultKey as Readonly<Record<string, string>>;
  const label = (k: string): string => keys[k] ?? k;
  const out: string[] = [];
  const scalar = (v: unknown, quote: boolean): string =>
    typeof v === 'string' ? (quote ? JSON.stringify(v) : localValue(v, t)) : typeof v === 'boolean' ? (v ? t.yes : t.no) : v === null || v === undefined ? '-' : String(v);
  const isScalar = (v: unknown): boolean => v === null || typeof v !== 'object';
  const sep = lang === 'zh' ? '：' : ': ';
  const put = (key: string, v: unknown, indent: string): void => {
    if (isScalar(v)) out.push(`${indent}${label(key)}${sep}${scalar(v, false)}`);
    else if (Array.isArray(v) && v.every(isScalar)) {
      const strings = v.every((x) => typeof x === 'string');
      out.push(`${indent}${label(key)}${sep}${v.map((x) => scalar(x, strings)).join(' ')}${strings ? ` (${v.length})` : ''}`);
    } else if (Array.isArray(v)) {
      out.push(`${indent}${label(key)}${sep.trimEnd()}`);
      for (const item of v) {
        if (isScalar(item) || Array.isArray(item)) {
          out.push(`${indent}  - ${isScalar(item) ? scalar(item, false) : JSON.stringify(item)}`);
          continue;
        }
        const start = out.length;
        for (const [k, x] of Object.entries(item as Record<string, unknown>)) put(k, x, `${indent}    `);
        if (out.length > start) out[start] = `${indent}  - ${out[start]!.slice(indent.length + 4)}`;
      }
    } else {
      out.push(`${indent}${label(key)}${sep.trimEnd()}`);
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) put(k, x, `${indent}  `);
    }
  };
  for (const [k, v] of Object.entries(result)) put(k, v, '');
  return out;
}

const MAX_SEGMENT_ROWS = 40;

/** The captured segments as Wireshark shows them: sequence numbers relative to each sender's ISN. */
function formatCapture(cap: CaptureReport, c: ReturnType<typeof palette>, t: LabMessages): string[] {
  // The file on a line of its own: a path can be long, the heading stays whole.
  const out = [c.bold(t.captureHeading), ...(cap.file ? [c.dim(`  ${t.captureSaved(cap.file)}`)] : [])];
  const isn = new Map<string, number>();
  for (const s of cap.segments) if (s.flags.includes('SYN') && !isn.has(s.from)) isn.set(s.from, s.seq);
  const rel = (n: number, base: number | undefined): string => (base === undefined ? String(n) : String((n - base) >>> 0));
  const rows = cap.segments.map((s) => {
    const ack = s.flags.includes('ACK') ? ` ack=${rel(s.ack, isn.get(s.to))}` : '';
    const who = `${s.fromSocket ?? s.from} -> ${s.toSocket ?? s.to}`;
    return `  ${`${s.at.toFixed(3)} ms`.padEnd(12)} ${who.padEnd(24)} ${s.flags.padEnd(12)} seq=${rel(s.seq, isn.get(s.from))}${ack} len=${s.len}`;
  });
  if (rows.length <= MAX_SEGMENT_ROWS) out.push(...rows);
  else out.push(...rows.slice(0, 30), c.dim(`  ${t.captureMore(rows.length - 40)}`), ...rows.slice(-10));
  if (rows.length === 0) out.push(c.dim(`  ${t.captureNone}`));
  return out;
}

export function palette(on: boolean) {
  const wrapIn = (code: string) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { bold: wrapIn('1'), dim: wrapIn('2'), red: wrapIn('31'), green: wrapIn('32') };
}
