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
import type { Messages } from '../i18n/index.js';
import { tcp as enTcp } from '../i18n/en/tcp.js';

export type TcpMessages = Messages['tcp'];
/**
 * The English text: what `tcp run --json` prints and what the records carry beside their codes. Taken
 * from its section alone, so that running the machine (an exam's TCP questions) loads neither the rest
 * of the English catalogue nor the Chinese one.
 */
export const EN: TcpMessages = enTcp;

/** Why a segment was sent, where a reader of the ladder could not tell (text: `why` of the catalogue). */
export type SendReason =
  | { readonly kind: 'retransmit' | 'keepaliveProbe'; readonly n: number }
  | { readonly kind: 'challengeAck' | 'ackUnacceptable' | 'synAckAgain' };

/** What a receiver did with a segment where nothing visible says it. */
export type ReceiveVerdict =
  | { readonly kind: 'guard'; readonly guard: keyof TcpMessages['verdict'] }
  | { readonly kind: 'ignoredIn'; readonly state: string };

/** An application call that had no effect. `event` is the machine event (`CLOSE`, `SEND` ...). */
export type CallNote =
  | { readonly kind: 'crashed'; readonly host: string; readonly event: string }
  | { readonly kind: 'noTransition' | 'closing'; readonly event: string; readonly state: string }
  | { readonly kind: 'shutdownRd' };

/** The receive verdict of the guard of the transition taken, for the guards whose effect is invisible. */
export function guardVerdict(guard: string | undefined): ReceiveVerdict | undefined {
  return guard !== undefined && Object.hasOwn(EN.verdict, guard) ? { kind: 'guard', guard: guard as keyof TcpMessages['verdict'] } : undefined;
}

/** Why a transition sent what it sent, when a reader of the ladder could not tell. */
export function sendReason(t: CompiledTransition, tcb: Tcb): SendReason | undefined {
  for (const a of t.actionNames) {
    if (a === 'retransmit' || a === 'retransmitSyn' || a === 'retransmitSynAck') return { kind: 'retransmit', n: tcb.retransmits + 1 };
    if (a === 'sendChallengeAck') return { kind: 'challengeAck' };
    if (a === 'ackUnacceptable') return { kind: 'ackUnacceptable' };
    if (a === 'resendSynAck') return { kind: 'synAckAgain' };
    if (a === 'sendKeepaliveProbe') return { kind: 'keepaliveProbe', n: tcb.probesSent };
  }
  return undefined;
}

export function sendReasonText(r: SendReason, m: TcpMessages = EN): string {
  return r.kind === 'retransmit' || r.kind === 'keepaliveProbe' ? m.why[r.kind](r.n) : m.why[r.kind];
}

export function verdictText(v: ReceiveVerdict, m: TcpMessages = EN): string {
  return v.kind === 'guard' ? m.verdict[v.guard] : m.ignoredIn(v.state);
}

/** A machine event by its name in the language (`CLOSE` -> `关闭（CLOSE）`); unknown names as they are. */
export function eventText(event: string, m: TcpMessages = EN): string {
  return Object.hasOwn(m.event, event) ? m.event[event as keyof TcpMessages['event']] : event;
}

export function callNoteText(n: CallNote, m: TcpMessages = EN): string {
  switch (n.kind) {
    case 'crashed':
      return m.call.crashed(n.host, eventText(n.event, m));
    case 'noTransition':
    case 'closing':
      return m.call[n.kind](eventText(n.event, m), n.state);
    case 'shutdownRd':
      return m.call.shutdownRd;
  }
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

/** `open client`, `drop from=client flags=ACK`, `expect client=ESTABLISHED server=ESTABLISHED` (English unless `m`). */
export function describeStep(step: TcpStep, m: TcpMessages = EN): string {
  if (m !== EN) return describe(step, m);
  let text = described.get(step);
  if (text === undefined) described.set(step, (text = describe(step, m)));
  return text;
}
const described = new WeakMap<TcpStep, string>();

function describe(step: TcpStep, m: TcpMessages): string {
  const verb = stepVerb(step);
  const v = (step as Record<string, unknown>)[verb];
  const say = m.step;
  switch (verb) {
    case 'advance':
      return say.advance(formatDuration(v as number));
    case 'settle':
      return say.settle;
    default:
      // Each verb's text takes that verb's body as the schema parsed it.
      return (say[verb] as (body: unknown) => string)(v);
  }
}

export function formatDuration(ms: number): string {
  if (ms >= 3_600_000 && ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms >= 1000 && ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
