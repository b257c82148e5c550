/** The ladder of a simulated run as text: one line per segment, with both ends' states after it. */
import type { SegmentRecord } from '../tcp/simulation.js';
import type { Text } from './question.js';

export function segmentLine(s: SegmentRecord, n: number): string {
  const nums = `seq=${s.seq} ack=${s.ack}${s.len > 0 ? ` len=${s.len}` : ''}`;
  return `${String(n).padStart(2)}. ${`${s.at}ms`.padStart(7)}  ${s.from} -> ${s.to}  ${s.flags.padEnd(7)} ${nums}`;
}

/** Segments with the states they led to: `client SYN_SENT | server SYN_RECEIVED`, or LOST. */
export function ladder(segments: readonly SegmentRecord[]): Text {
  const en = segments.map((s, i) => `${segmentLine(s, i + 1)}   ${s.dropped ? `LOST (${s.from} ${s.fromState})` : `${s.from} ${s.fromState}, ${s.to} ${s.toState ?? '?'}`}`);
  const zh = segments.map((s, i) => `${segmentLine(s, i + 1)}   ${s.dropped ? `丢失（${s.from} ${s.fromState}）` : `${s.from} ${s.fromState},${s.to} ${s.toState ?? '?'}`}`);
  return { en: en.join('\n'), zh: zh.join('\n') };
}

/** Segments without states, as a question shows them (the states are what is asked). */
export function plainSegments(segments: readonly SegmentRecord[], from = 0): string {
  return segments.map((s, i) => segmentLine(s, from + i + 1) + (s.dropped ? '   (lost)' : '')).join('\n');
}
