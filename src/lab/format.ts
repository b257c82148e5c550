/**
 * The text report of `netkata lab <experiment>`: for people, not a contract (CLI.md). Kernel states and
 * Node events are printed in separate sections, and states the poll did not see are marked as inferred.
 */
import type { Comparison } from './compare.js';
import type { CaptureReport, LabReport } from './runner.js';

export interface FormatOptions {
  readonly color: boolean;
}

export function formatLabReport(r: LabReport, comparison: Comparison | undefined, o: FormatOptions): string {
  const c = palette(o.color);
  const out: string[] = [];
  out.push(c.bold(`${r.experiment}: ${r.title}`));
  out.push(wrap(r.explain, 100).map((l) => `  ${l}`).join('\n'));
  out.push('');
  out.push(`${c.dim('platform')} ${r.platform} ${r.kernel}, node ${r.node}, ${r.host}, ${Math.round(r.durationMs)} ms`);
  if (r.observer) {
    const s = r.observer;
    out.push(
      `${c.dim('observer')} /proc/net/tcp every ${s.targetPeriodMs} ms (target): ${s.polls} polls, read ${s.readMs.median} ms median, ` +
        `period ${s.periodMs.median} ms median / ${s.periodMs.p95} ms p95 / ${s.periodMs.max} ms max`,
    );
  }
  if (r.error) out.push(c.red(`error: ${r.error}`));

  if (r.observations.length > 0) {
    out.push('', c.bold('Kernel states (from /proc/net/tcp)'));
    for (const ob of r.observations) {
      const extra = [
        ob.kernelState && ob.kernelState !== ob.state ? `kernel ${ob.kernelState}` : '',
        ob.timer ? `timer ${ob.timer.kind} ${ob.timer.remainingMs} ms` : '',
        ob.vanished ? 'gone from the table' : '',
        ob.state === 'LISTEN' && ob.rxQueue ? `accept queue ${ob.rxQueue}` : '',
      ].filter(Boolean);
      out.push(`  ${`${ob.at.toFixed(1)} ms`.padEnd(10)} ${ob.socket.padEnd(12)} ${ob.state.padEnd(12)} ${c.dim(`${ob.local} -> ${ob.remote}`)}${extra.length ? '  ' + c.dim(extra.join(', ')) : ''}`);
    }
    out.push('', c.bold('Sequences (conformance against the endpoint machine, linux profile)'));
    for (const [socket, path] of Object.entries(r.conformance.paths)) {
      const text = path
        .map((p, i) => (i === 0 && !p.observed ? c.dim(`(${p.state})`) : p.observed ? p.state : c.dim(`[${p.state}]`)))
        .join(' -> ');
      out.push(`  ${socket.padEnd(12)} ${text}`);
    }
    out.push(c.dim('  (X) start state, [X] not seen by the poll: the machine says the socket passed through it'));
  }
  if (r.actions.length > 0) {
    out.push('', c.bold('Application actions'));
    out.push('  ' + r.actions.map((a) => `${a.at.toFixed(1)} ms ${a.socket} ${a.action}`).join('\n  '));
  }
  if (r.nodeEvents.length > 0) {
    out.push('', c.bold("Node events (not kernel states)"));
    out.push('  ' + r.nodeEvents.map((e) => `${e.at.toFixed(1)} ms ${e.socket} ${e.event}`).join('\n  '));
  }
  if (r.result) out.push('', c.bold('Result'), ...formatResult(r.result).map((l) => `  ${l}`));
  if (r.capture) out.push('', ...formatCapture(r.capture, c));
  if (comparison) {
    out.push('', c.bold(`Kernel vs simulator (${comparison.profile} profile, same actions)`));
    for (const conn of comparison.connections) {
      out.push(`  ${conn.client} / ${conn.server}: ${c.dim(conn.steps.join(', '))}`);
      for (const side of ['client', 'server'] as const) {
        const name = side === 'client' ? conn.client : conn.server;
        out.push(`    ${name.padEnd(10)} kernel    ${conn.kernel[side].join(' -> ') || c.dim('(never in the table)')}`);
        out.push(`    ${' '.repeat(10)} simulated ${conn.simulated[side].join(' -> ')}`);
      }
    }
  }
  const shown = r.linux.filter((d) => d.shown);
  if (shown.length > 0) {
    out.push('', c.bold('Linux and RFC 9293'));
    for (const d of shown) out.push(wrap(d.text, 96).map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)).join('\n'));
  }
  out.push('');
  if (r.conformance.ok) out.push(c.green(`conformance: ok (${Object.keys(r.sequences).length} sockets)`));
  else {
    out.push(c.red(`conformance: ${r.conformance.violations.length} violation(s)`));
    for (const v of r.conformance.violations) out.push(c.red(`  ${v.at.toFixed(1)} ms ${v.message}`));
  }
  if (r.expectations.ok) out.push(c.green('expectations: ok'));
  else {
    out.push(c.red(`expectations: ${r.expectations.failures.length} failed`));
    for (const f of r.expectations.failures) out.push(c.red(`  ${f.field}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`));
  }
  if (r.capture) {
    const k = r.capture.check;
    const checked = k.sockets.reduce((n, s) => n + s.observationsChecked, 0);
    if (!r.capture.complete) out.push(c.dim(`segments vs kernel: not judged, the capture is incomplete (dumpcap dropped ${r.capture.dropped ?? 'an unknown number of'} packets)`));
    else if (k.ok) out.push(c.green(`segments vs kernel: ok (the machine, fed the captured segments, was in the kernel's state at all ${checked} observations, during the /proc read that saw each, ±${k.windowMs} ms)`));
    else {
      out.push(c.red(`segments vs kernel: ${k.mismatches.length} mismatch(es)`));
      for (const m of k.mismatches) out.push(c.red(`  ${m.at.toFixed(1)} ms ${m.socket}: kernel ${m.kernel}, machine ${m.machine.join(' or ')}`));
    }
  }
  return out.join('\n');
}

/**
 * An experiment's result as indented text (the CLI's Result section and the app's lab screen): strings
 * quoted where they are data (received chunks), so that `"helloworld"` reads as one chunk, and lists of
 * strings counted; booleans as yes/no; nested objects and lists indented, YAML-like.
 */
export function formatResult(result: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  const scalar = (v: unknown, quote: boolean): string =>
    typeof v === 'string' ? (quote ? JSON.stringify(v) : v) : typeof v === 'boolean' ? (v ? 'yes' : 'no') : v === null || v === undefined ? '-' : String(v);
  const isScalar = (v: unknown): boolean => v === null || typeof v !== 'object';
  const put = (key: string, v: unknown, indent: string): void => {
    if (isScalar(v)) out.push(`${indent}${key}: ${scalar(v, false)}`);
    else if (Array.isArray(v) && v.every(isScalar)) {
      const strings = v.every((x) => typeof x === 'string');
      out.push(`${indent}${key}: ${v.map((x) => scalar(x, strings)).join(' ')}${strings ? ` (${v.length})` : ''}`);
    } else if (Array.isArray(v)) {
      out.push(`${indent}${key}:`);
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
      out.push(`${indent}${key}:`);
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) put(k, x, `${indent}  `);
    }
  };
  for (const [k, v] of Object.entries(result)) put(k, v, '');
  return out;
}

const MAX_SEGMENT_ROWS = 40;

/** The captured segments as Wireshark shows them: sequence numbers relative to each sender's ISN. */
function formatCapture(cap: CaptureReport, c: ReturnType<typeof palette>): string[] {
  const out = [c.bold(`Segments on lo (dumpcap${cap.file ? `, saved to ${cap.file}` : ''}; seq/ack relative to each side's ISN)`)];
  const isn = new Map<string, number>();
  for (const s of cap.segments) if (s.flags.includes('SYN') && !isn.has(s.from)) isn.set(s.from, s.seq);
  const rel = (n: number, base: number | undefined): string => (base === undefined ? String(n) : String((n - base) >>> 0));
  const rows = cap.segments.map((s) => {
    const ack = s.flags.includes('ACK') ? ` ack=${rel(s.ack, isn.get(s.to))}` : '';
    const who = `${s.fromSocket ?? s.from} -> ${s.toSocket ?? s.to}`;
    return `  ${`${s.at.toFixed(3)} ms`.padEnd(12)} ${who.padEnd(24)} ${s.flags.padEnd(12)} seq=${rel(s.seq, isn.get(s.from))}${ack} len=${s.len}`;
  });
  if (rows.length <= MAX_SEGMENT_ROWS) out.push(...rows);
  else out.push(...rows.slice(0, 30), c.dim(`  ... ${rows.length - 40} more ...`), ...rows.slice(-10));
  if (rows.length === 0) out.push(c.dim('  (none)'));
  return out;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function palette(on: boolean) {
  const wrapIn = (code: string) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { bold: wrapIn('1'), dim: wrapIn('2'), red: wrapIn('31'), green: wrapIn('32') };
}
