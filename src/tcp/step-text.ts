/**
 * Text of a run for people: a step as written (`drop from=client flags=ACK`), a duration, an expected or
 * sent segment as `expect: sent` compares them, and why a segment was sent or what its receiver did.
 */
import type { CompiledTransition } from './engine.js';
import { flagsString, parseFlags } from './segment.js';
import type { SegmentRecord } from './run-record.js';
import type { Tcb } from './tcb.js';
import type { SentSpec, TcpStep } from '../scenario/tcp.js';
import { stepVerb } from '../scenario/tcp-steps.js';

/** What a received segment did where nothing visible says it: keyed by the guard of the transition taken. */
export const VERDICT: Readonly<Record<string, string>> = {
  isRstOutOfWindow: 'ignored: RST outside the window (RFC 5961 3.2)',
  isUnacceptable: 'not acceptable (first check): ACKed and dropped',
  isRstInexact: 'RST not at RCV.NXT: challenge ACK (RFC 5961 3.2)',
  hasSyn: 'SYN in a synchronized state: challenge ACK (RFC 5961 4.2)',
  hasNoAck: 'dropped: no ACK bit (fifth check)',
  isSynWithBacklogFull: 'dropped: backlog full',
  isRst: 'ignored: RST',
};

/** Why a transition sent what it sent, when a reader of the ladder could not tell. */
export function sendReason(t: CompiledTransition, tcb: Tcb): string | undefined {
  for (const a of t.actionNames) {
    if (a === 'retransmit' || a === 'retransmitSyn' || a === 'retransmitSynAck') return `#${tcb.retransmits + 1}`;
    if (a === 'sendChallengeAck') return 'challenge ACK';
    if (a === 'ackUnacceptable') return 'ACK of an unacceptable segment';
    if (a === 'resendSynAck') return 'SYN,ACK again';
    if (a === 'sendKeepaliveProbe') return `keepalive probe #${tcb.probesSent}`;
  }
  return undefined;
}

/** An expected segment as text: `client SYN,ACK seq=0 ack=1 win=65535` with the fields it pins. */
export function sentSpecText(x: SentSpec): string {
  const parts = [`${x.from} ${flagsString(parseFlags(x.flags) ?? 0)}`];
  const rel = x.absolute ? '' : '+';
  if (x.seq !== undefined) parts.push(`seq=${rel}${x.absolute ? x.seq >>> 0 : x.seq}`);
  if (x.ack !== undefined) parts.push(`ack=${rel}${x.absolute ? x.ack >>> 0 : x.ack}`);
  if (x.win !== undefined) parts.push(`win=${x.win}`);
  if (x.len !== undefined) parts.push(`len=${x.len}`);
  if (x.at !== undefined) parts.push(`at=${formatDuration(x.at)}`);
  return parts.join(' ');
}

/** A sent segment as text, showing the fields `x` pins (all but at when there is no expected entry). */
export function sentText(r: SegmentRecord, x: SentSpec | undefined): string {
  const parts = [`${r.from} ${r.flags}`];
  if (x === undefined) return parts.join(' ');
  const rel = x.absolute ? '' : '+';
  if (x.seq !== undefined) parts.push(`seq=${rel}${x.absolute ? r.seq : r.relSeq}`);
  if (x.ack !== undefined) parts.push(`ack=${rel}${x.absolute ? r.ack : r.relAck}`);
  if (x.win !== undefined) parts.push(`win=${r.win}`);
  if (x.len !== undefined) parts.push(`len=${r.len}`);
  if (x.at !== undefined) parts.push(`at=${formatDuration(r.at)}`);
  return parts.join(' ');
}

/** `open client`, `drop from=client flags=ACK`, `expect client=ESTABLISHED server=ESTABLISHED`. */
export function describeStep(step: TcpStep): string {
  let text = described.get(step);
  if (text === undefined) described.set(step, (text = describe(step)));
  return text;
}
const described = new WeakMap<TcpStep, string>();

function describe(step: TcpStep): string {
  const verb = stepVerb(step);
  const v = (step as Record<string, unknown>)[verb];
  if (typeof v === 'string') return `${verb} ${v}`;
  if (typeof v === 'number') return `${verb} ${formatDuration(v)}`;
  if (v === true) return verb;
  if (verb === 'ask') return `ask ${(v as { prompt: string }).prompt}`;
  const parts: string[] = [];
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (k === 'sent') parts.push(`sent=[${(x as { from: string; flags: string }[]).map((s) => `${s.from} ${s.flags}`).join('; ')}]`);
    else if (x && typeof x === 'object') parts.push(`${k}={${Object.entries(x).map(([a, b]) => `${a}:${String(b)}`).join(',')}}`);
    else parts.push(`${k}=${String(x)}`);
  }
  return `${verb} ${parts.join(' ')}`;
}

export function formatDuration(ms: number): string {
  if (ms >= 3_600_000 && ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms >= 1000 && ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
