/**
 * What a simulation run records and reports: segments, steps, transitions, failures, timers and the
 * snapshot the app, the CLI and practice read (simulation.ts produces them).
 */
import type { ProfileName } from './profile.js';
import type { TcpState } from './states.js';
import type { Tcb, TimerName } from './tcb.js';
import type { CallNote, ReceiveVerdict, SendReason } from './step-text.js';
import type { TcpStep } from '../scenario/tcp.js';

export interface SegmentRecord {
  readonly index: number;
  /** Virtual ms when it was sent. */
  readonly at: number;
  readonly from: string;
  readonly to: string;
  readonly flags: string;
  readonly seq: number;
  readonly ack: number;
  readonly len: number;
  /** Window field. */
  readonly win: number;
  /** seq relative to the sender's ISN and ack relative to the receiver's (packetdrill's numbers). */
  readonly relSeq: number;
  readonly relAck: number;
  /** Why it was sent, where that is not plain: `#2` (second transmission), `challenge ACK`, `ACK of an unacceptable segment`. */
  why?: string;
  /** The same reason as a code, for text in another language (step-text.ts sendReasonText). */
  whyCode?: SendReason;
  /** An `inject` step put it on the wire (a scripted peer's segment). */
  readonly injected?: boolean;
  /** What the receiver did with it when it did nothing visible: `ignored: RST outside the window` ... */
  verdict?: string;
  /** The same verdict as a code (step-text.ts verdictText). */
  verdictCode?: ReceiveVerdict;
  /** Lost on the link (a drop fault) or at a crashed host. */
  dropped: boolean;
  /** Why it was dropped: `link` or `host down`. */
  reason?: string;
  /** The link delivered it twice. */
  duplicated?: boolean;
  /** Virtual ms when it arrived (absent if it was dropped or is still in flight). */
  arrivedAt?: number;
  /** Position of its arrival in the run's order of events, and the step it arrived in (a late segment is drawn there). */
  arrivalOrder?: number;
  arrivalStep?: number;
  /** Sender's state after the event that sent it. */
  fromState: TcpState;
  /** Receiver's state after processing it. */
  toState?: TcpState;
  /** Index of the scenario step (or injected step) during which it was sent. */
  readonly step: number;
  /** The segment involves a flood source (not a named endpoint). */
  readonly flood: boolean;
  /** Position in the run's single order of sends and transitions (for drawing them in sequence). */
  readonly order: number;
}

export interface StepResult {
  readonly index: number;
  /** Virtual ms when the step finished. */
  readonly at: number;
  /** Short text of the step: `open client`, `drop from=client flags=ACK`, `expect client=ESTABLISHED`. */
  readonly action: string;
  /** The step itself (its text in another language: describeStep(step, messages)). */
  readonly step: TcpStep;
  readonly verb: string;
  /** Each named endpoint's state after the step. */
  readonly states: Readonly<Record<string, TcpState>>;
  /** Named endpoints whose host is down (crashed) after the step. */
  readonly down: readonly string[];
  /** False when an expectation of this step failed. */
  readonly ok: boolean;
  /** Index range [first, last) of the segments sent during the step. */
  readonly segments: readonly [number, number];
  /** Named endpoints' state changes during the step, in order. */
  readonly transitions: readonly TransitionRecord[];
  readonly injected: boolean;
  readonly failures: readonly Failure[];
  /**
   * Set when an application call had no effect: the machine has no transition for it in that state
   * (RFC 9293 3.10 answers such calls with an error, e.g. SEND in CLOSED: "connection does not
   * exist"), or the host has crashed.
   */
  readonly note?: string;
  /** The same note as a code (step-text.ts callNoteText). */
  readonly noteCode?: CallNote;
}

export interface TransitionRecord {
  readonly at: number;
  readonly endpoint: string;
  readonly from: TcpState;
  readonly to: TcpState;
  readonly event: string;
  readonly guard?: string;
  /** For SEGMENT: the flags of the segment that caused it. */
  readonly segment?: string;
  /** Segments the endpoint sent while taking this transition (they come just before it in `order`). */
  readonly sent: number;
  readonly order: number;
}

export interface Failure {
  readonly step: number;
  /** What was checked: an endpoint name, `sent`, `backlog.<ep>`, `accepted.<ep>`. */
  readonly field: string;
  readonly expected: string;
  readonly actual: string;
}

export interface TimerInfo {
  readonly endpoint: string;
  /** The connection's remote end (the other endpoint, or a flood source). */
  readonly remote: string | undefined;
  readonly timer: TimerName;
  readonly due: number;
  readonly remaining: number;
}

export interface EndpointSnapshot {
  readonly name: string;
  readonly state: TcpState;
  readonly crashed: boolean;
  /** A packetdrill-style script: no TCB, no state. */
  readonly scripted: boolean;
  readonly listening: boolean;
  /** Half-open (SYN_RECEIVED) connections held, the named one included. */
  readonly backlog: number;
  readonly accepted: number;
  readonly tcb: Readonly<Tcb>;
}

export interface SimSnapshot {
  readonly scenario: string;
  readonly profile: ProfileName;
  /** One-way link delay, ms (a segment that took longer was held by a link fault). */
  readonly delay: number;
  readonly now: number;
  /** Index of the next scenario step; equals steps.length when done. */
  readonly next: number;
  readonly done: boolean;
  readonly endpoints: readonly EndpointSnapshot[];
  readonly timers: readonly TimerInfo[];
  readonly segments: readonly SegmentRecord[];
  readonly inFlight: number;
  readonly steps: readonly StepResult[];
  readonly failures: readonly Failure[];
}

/** The `netkata tcp run --json` document (CLI.md). */
export interface RunResult {
  readonly scenario: string;
  readonly title: string;
  readonly profile: ProfileName;
  readonly passed: boolean;
  readonly steps: readonly { index: number; at: number; action: string; states: Record<string, TcpState>; ok: boolean }[];
  readonly segments: readonly {
    at: number;
    from: string;
    to: string;
    flags: string;
    seq: number;
    ack: number;
    len: number;
    win: number;
    dropped: boolean;
    /** Where a dropped segment was lost: `link` or `host down`. */
    reason?: string;
    why?: string;
    verdict?: string;
    arrivedAt?: number;
  }[];
  readonly failures: readonly Failure[];
  readonly final: Readonly<Record<string, TcpState>>;
}

export interface SimulationOptions {
  /** Overrides the scenario's `config.profile`. */
  readonly profile?: ProfileName;
  /** Keep flood segments in the log (default true). Benchmarks turn it off to measure TCB memory alone. */
  readonly recordFlood?: boolean;
  /** Stop `settle` after this much virtual time (default 24 h). */
  readonly settleLimit?: number;
}
