/**
 * `--capture`: the segments the kernel really sent, fed to the endpoint machine (linux profile), and the
 * machine's state held against the kernel's at every observation.
 *
 * For each observed connection socket (not a listener), the machine endpoint gets, in time order:
 * - the application's calls on that socket: connect -> ACTIVE_OPEN, end/destroy -> CLOSE,
 *   resetAndDestroy -> ABORT (an accepted socket starts from PASSIVE_OPEN, as a listener's clone);
 * - every segment the peer sent to it -> SEGMENT, with the real flags, sequence and acknowledgement
 *   numbers and length;
 * - for the segments it sent itself: new data -> SEND of that many bytes (the application's writes are
 *   not recorded otherwise), a repeated SYN or old data -> RETRANSMISSION_TIMEOUT (the kernel's timer
 *   fired). Its own SYN gives the machine its ISN.
 * A call's moment in the kernel is known only to lie between the JavaScript call and the segment it
 * caused (the FIN after close(): Node defers shutdown() until its own write queue is flushed; and the two
 * are stamped by different clocks), so the replay is done twice, calls at the earliest and at the latest
 * moment, and an observation may match either.
 *
 * Then each kernel observation must find the machine in the observed state at some moment of the /proc
 * read that saw it (from its start to its end: the read is usually a millisecond, but a poll thread
 * preempted mid-read stamps its end many ms after the kernel handed out the line), give or take
 * `windowMs` for the alignment of the two clocks. The machine's own timers are not run: nothing here
 * lasts long enough for them (TIME_WAIT is 60 s on Linux); a retransmission shows up as the repeated
 * segment.
 */
import { compileMachine, createEngineEndpoint, fire, type EngineEndpoint } from '../tcp/engine.js';
import { segmentLabel } from '../tcp/ladder.js';
import { ACK, FIN, RST, SYN, flagsString, seqAdd, seqDiff, seqLt } from '../tcp/segment.js';
import { UNKNOWN_WINDOW } from '../tcp/receive.js';
import type { PcapSegment } from '../tcp/pcap.js';
import type { Effects, TcpEvent } from '../tcp/tcb.js';
import type { ActionRecord } from './lab-run.js';
import { tupleKey, type Observation } from './observer.js';
import type { CapturedSegmentOnClock } from './pcap-read.js';
import type { LabState } from './states.js';

/**
 * A captured segment on the experiment's clock (`at`, ms since it started), in the simulator's segment
 * fields, with the experiment's socket names for its two ends where they are the experiment's sockets.
 */
export type LabSegment = PcapSegment & {
  readonly fromSocket?: string;
  readonly toSocket?: string;
  /** The raw 16-bit window field, unscaled (the scale is a SYN option, not read here). */
  readonly window: number;
};

export interface SegmentCheckMismatch {
  readonly socket: string;
  readonly at: number;
  readonly kernel: LabState;
  /** The machine's states during the window around the observation. */
  readonly machine: LabState[];
}

export interface SocketReplay {
  readonly socket: string;
  /** The events fed to the machine, in order, with the state after each. */
  readonly events: { readonly at: number; readonly event: string; readonly state: LabState }[];
  readonly observationsChecked: number;
}

export interface SegmentCheck {
  readonly ok: boolean;
  /** ms either side of an observation's read within which the machine must have been in the observed state. */
  readonly windowMs: number;
  readonly sockets: SocketReplay[];
  readonly mismatches: SegmentCheckMismatch[];
}

/** How far a segment may be stamped before the call that caused it, ms: a wide margin (in ten handshakes here the SYN was stamped 0.1-0.6 ms after connect(), so the two clocks agree well within that). */
const CLOCK_SLACK_MS = 50;

const NO_EFFECTS: Effects = { send() {}, startTimer() {}, cancelTimer() {} };

/** One input to a socket's replay: an application call (placed at its earliest or latest moment) or a segment. */
type Item =
  | { readonly kind: 'call'; readonly early: number; readonly late: number; readonly event: TcpEvent; readonly label: string }
  | { readonly kind: 'own' | 'peer'; readonly at: number; readonly seg: CapturedSegmentOnClock; readonly order: number };

/** Name the two ends of each segment from the observations' address pairs. */
export function labelSegments(segments: readonly CapturedSegmentOnClock[], observations: readonly Observation[]): LabSegment[] {
  const byTuple = new Map<string, string>();
  for (const o of observations) if (!o.vanished) byTuple.set(tupleKey(o.local, o.remote), o.socket);
  return segments.map((s) => {
    const fromSocket = byTuple.get(tupleKey(s.from, s.to));
    const toSocket = byTuple.get(tupleKey(s.to, s.from));
    return {
      at: s.at,
      ...(fromSocket ? { fromSocket } : {}),
      ...(toSocket ? { toSocket } : {}),
      from: s.from,
      to: s.to,
      flags: flagsString(s.flags),
      seq: s.seq,
      ack: s.ack,
      len: s.len,
      window: s.window,
    };
  });
}

/** How a replay event for a segment from the peer begins (the app's lab ladder pairs them with the capture's segments). */
export const RECEIVED = 'received ';

/** What a socket's replay is made of, worked out once for both placements of the calls. */
function planSocket(socket: string, local: string, remote: string, segments: readonly CapturedSegmentOnClock[], actions: readonly ActionRecord[]) {
  const items: Item[] = [];
  const own: CapturedSegmentOnClock[] = [];
  segments.forEach((seg, order) => {
    if (seg.from === local && seg.to === remote) {
      own.push(seg);
      items.push({ kind: 'own', at: seg.at, seg, order });
    } else if (seg.from === remote && seg.to === local) items.push({ kind: 'peer', at: seg.at, seg, order });
  });
  const calls = actions.filter((a) => a.socket === socket && a.action !== 'listen');
  // The first segment with these flags that this socket sent at or after a time (allowing for the two
  // clocks: a segment stamped a little before the call it followed).
  const firstOwn = (bits: number, after: number): number =>
    own.find((s) => (s.flags & bits) !== 0 && s.at >= after - CLOCK_SLACK_MS)?.at ?? Number.POSITIVE_INFINITY;
  const ownSyn = own.find((s) => (s.flags & SYN) !== 0);
  const ownFin = own.find((s) => (s.flags & FIN) !== 0);
  let appReads = true;
  const caused = new Set<number>(); // the times of the segments earlier calls caused
  for (const a of calls) {
    let consequence: number;
    let event: TcpEvent;
    if (a.action === 'connect') {
      consequence = firstOwn(SYN, a.at);
      event = { type: 'ACTIVE_OPEN' };
    } else if (a.action === 'resetAndDestroy') {
      consequence = firstOwn(RST, a.at);
      event = { type: 'ABORT' };
    } else {
      const fin = firstOwn(FIN, a.at);
      const rst = firstOwn(RST, a.at);
      consequence = Math.min(fin, rst);
      // end() is shutdown(SHUT_WR), a half close; destroy() is close(2). close(2) with received data left
      // unread sends a RST instead of a FIN (Linux; RFC 1122 4.2.2.13): the capture shows which, and the
      // machine takes that path through its own guard.
      event = a.action === 'end' ? { type: 'CLOSE', half: true } : { type: 'CLOSE' };
      if (a.action === 'destroy' && rst < fin) appReads = false;
    }
    // The kernel acted no later than the segment the call caused, even when the JavaScript stamp is later
    // (the two clocks disagree; a CI run saw connect() stamped after its SYN and the SYN,ACK): then the
    // call's latest moment is that segment. A segment an earlier call already caused (the FIN of end()
    // before destroy()) says nothing of this one's moment.
    const own = Number.isFinite(consequence) && !caused.has(consequence);
    if (Number.isFinite(consequence)) caused.add(consequence);
    const late = !Number.isFinite(consequence) ? a.at : own ? consequence : Math.max(a.at, consequence);
    items.push({ kind: 'call', early: Math.min(a.at, consequence), late, event, label: `${event.type} (${a.action}())` });
  }
  if (ownFin && !calls.some((a) => a.action !== 'connect')) {
    // A FIN with no close call recorded: Node ends a socket itself when the peer's FIN arrives
    // (allowHalfOpen false), so the FIN is the application's (half) CLOSE.
    items.push({ kind: 'call', early: ownFin.at, late: ownFin.at, event: { type: 'CLOSE', half: true }, label: 'CLOSE (end() by Node on the peer FIN)' });
  }
  return { items, active: calls.some((a) => a.action === 'connect'), ownSyn, ownFin, appReads };
}

/**
 * Linux scales its windows (RFC 7323) and a capture read without the SYN options keeps no scale factors:
 * the machine's receive buffer is taken as large as a scaled window can be.
 */
export const CAPTURE_TCP_CONFIG = { rcvBuf: UNKNOWN_WINDOW };

type SegmentFields = { readonly flags: number; readonly seq: number; readonly ack: number; readonly len: number };

/** A segment the peer sent, as the endpoint's machine receives it (the ack field only with ACK set). */
export function peerSegmentEvent(s: SegmentFields): TcpEvent {
  return { type: 'SEGMENT', seg: { seq: s.seq, ack: (s.flags & ACK) !== 0 ? s.ack : 0, flags: s.flags, len: s.len } };
}

/**
 * A segment the endpoint sent itself: only what it says about the application or the timer matters.
 * Its SYN again (not its first) or data below what it had already sent: RETRANSMISSION_TIMEOUT (the
 * kernel's timer fired); data beyond SND.NXT: the application wrote that much (SEND); anything else the
 * machine sends on its own (ACKs).
 */
export function ownSegmentEvent(
  s: SegmentFields,
  isFirstSyn: boolean,
  sentMax: number,
  sndNxt: number,
): { readonly type: 'RETRANSMISSION_TIMEOUT' } | { readonly type: 'SEND'; readonly bytes: number } | undefined {
  const dataEnd = seqAdd(s.seq, s.len);
  if (((s.flags & SYN) !== 0 && !isFirstSyn) || (s.len > 0 && seqLt(s.seq, sentMax))) return { type: 'RETRANSMISSION_TIMEOUT' };
  if (s.len > 0 && seqDiff(dataEnd, sndNxt) > 0) return { type: 'SEND', bytes: seqDiff(dataEnd, sndNxt) };
  return undefined;
}

/** The end of what an endpoint has transmitted, after it sent `s`. */
export function sentAfter(s: SegmentFields, sentMax: number): number {
  const dataEnd = seqAdd(s.seq, s.len);
  return s.len > 0 && seqLt(sentMax, dataEnd) ? dataEnd : sentMax;
}

function replaySocket(
  plan: ReturnType<typeof planSocket>,
  callsAt: 'early' | 'late',
): { events: SocketReplay['events']; timeline: { at: number; state: LabState }[] } {
  const atOf = (it: Item): number => (it.kind === 'call' ? (callsAt === 'early' ? it.early : it.late) : it.at);
  // Ties: calls first, then capture order.
  const items = [...plan.items].sort((x, y) => atOf(x) - atOf(y) || (x.kind === 'call' ? -1 : 0) - (y.kind === 'call' ? -1 : 0) || (x.kind !== 'call' && y.kind !== 'call' ? x.order - y.order : 0));
  const { ownSyn, ownFin } = plan;

  const machine = compileMachine('linux');
  // The peer's window fields are left out (CAPTURE_TCP_CONFIG).
  const ep: EngineEndpoint = createEngineEndpoint(machine, { isn: ownSyn?.seq ?? 0, appReads: plan.appReads, config: CAPTURE_TCP_CONFIG }, NO_EFFECTS);
  const events: SocketReplay['events'] = [];
  const timeline: { at: number; state: LabState }[] = [];
  const feed = (at: number, ev: TcpEvent, label: string): void => {
    const before = ep.state;
    fire(machine, ep, ev, NO_EFFECTS);
    events.push({ at, event: label, state: ep.state });
    for (const state of [...passedThrough(before, ep.state, ev), ep.state]) {
      if (timeline[timeline.length - 1]?.state !== state) timeline.push({ at, state });
    }
  };
  timeline.push({ at: Number.NEGATIVE_INFINITY, state: ep.state });
  if (!plan.active) feed(items[0] ? atOf(items[0]) : 0, { type: 'PASSIVE_OPEN' }, 'PASSIVE_OPEN (the listener this socket was cloned from)');

  let sentMax = ownSyn ? seqAdd(ownSyn.seq, 1) : ep.tcb.sndNxt; // end of what this socket has transmitted
  for (const it of items) {
    const at = atOf(it);
    if (it.kind === 'call') {
      if (it.event.type === 'CLOSE' && ownFin) {
        // Whatever goes out before the FIN was written before close(), even if the kernel sends it later.
        const bytes = seqDiff(seqAdd(ownFin.seq, ownFin.len), ep.tcb.sndNxt);
        if (bytes > 0) feed(at, { type: 'SEND', bytes }, `SEND ${bytes} (written before close(), sent up to the FIN)`);
      }
      feed(at, it.event, it.label);
      continue;
    }
    const s = it.seg;
    const label = segmentLabel({ ...s, flags: flagsString(s.flags) });
    if (it.kind === 'peer') {
      feed(at, peerSegmentEvent(s), `${RECEIVED}${label}`);
      continue;
    }
    const own = ownSegmentEvent(s, s === ownSyn, sentMax, ep.tcb.sndNxt);
    if (own?.type === 'RETRANSMISSION_TIMEOUT') feed(at, own, `RETRANSMISSION_TIMEOUT (it sent again: ${label})`);
    else if (own) feed(at, own, `SEND ${own.bytes} (it sent ${label})`);
    sentMax = sentAfter(s, sentMax);
  }
  return { events, timeline };
}

/**
 * States one segment passes through on its way, per RFC 9293 3.10.7.4: in FIN-WAIT-1, "if the FIN segment
 * is now acknowledged, then enter FIN-WAIT-2 and continue processing in that state" (a FIN,ACK that
 * acknowledges our FIN then moves FIN-WAIT-2 to TIME-WAIT); in SYN-RECEIVED an acceptable ACK enters
 * ESTABLISHED and processing goes on (a FIN in it then moves to CLOSE-WAIT). Linux does the same inside
 * one segment (tcp_rcv_state_process sets TCP_FIN_WAIT2 before tcp_fin), and /proc/net/tcp reads the
 * state without the socket lock, so a poll can see the state in between: it is part of the timeline,
 * for no time.
 */
function passedThrough(before: LabState, after: LabState, ev: TcpEvent): LabState[] {
  return ev.type === 'SEGMENT' ? statesWithinOneSegment(before, after) : [];
}

/**
 * The states one segment takes an endpoint through between `before` and `after` (RFC 9293 3.10.7.4, see
 * passedThrough): a poll of /proc may see them, and a machine path that goes from `before` to `after` in
 * one step holds them.
 */
export function statesWithinOneSegment(before: LabState, after: LabState): LabState[] {
  if (before === 'FIN_WAIT_1' && after === 'TIME_WAIT') return ['FIN_WAIT_2'];
  if (before === 'SYN_RECEIVED' && after === 'CLOSE_WAIT') return ['ESTABLISHED'];
  return [];
}

/** The machine's states at any time within [from, to]. */
function statesDuring(timeline: readonly { at: number; state: LabState }[], from: number, to: number): LabState[] {
  const out: LabState[] = [];
  for (let i = 0; i < timeline.length; i++) {
    const start = timeline[i]!.at;
    const end = timeline[i + 1]?.at ?? Number.POSITIVE_INFINITY;
    if (start <= to && end >= from) out.push(timeline[i]!.state);
  }
  return out;
}

export function checkSegmentsAgainstKernel(
  segments: readonly CapturedSegmentOnClock[],
  observations: readonly Observation[],
  actions: readonly ActionRecord[],
  windowMs: number,
): SegmentCheck {
  const sockets: SocketReplay[] = [];
  const mismatches: SegmentCheckMismatch[] = [];
  const names = [...new Set(observations.map((o) => o.socket))];
  for (const socket of names) {
    const obs = observations.filter((o) => o.socket === socket);
    const first = obs.find((o) => !o.vanished);
    // Listeners (remote *:0) only ever LISTEN; connections are checked.
    if (!first || first.state === 'LISTEN' || /:0$/.test(first.remote)) continue;
    // A call's moment in the kernel lies between the JavaScript call and the segment it caused (Node
    // defers shutdown() until its own write queue is flushed): replay with both, accept either.
    const plan = planSocket(socket, first.local, first.remote, segments, actions);
    const { events, timeline } = replaySocket(plan, 'early');
    const late = replaySocket(plan, 'late').timeline;
    for (const o of obs) {
      const from = (o.readFrom ?? o.at) - windowMs;
      const to = o.at + windowMs;
      const during = [...new Set([...statesDuring(timeline, from, to), ...statesDuring(late, from, to)])];
      if (!during.includes(o.state)) mismatches.push({ socket, at: o.at, kernel: o.state, machine: during });
    }
    sockets.push({ socket, events, observationsChecked: obs.length });
  }
  return { ok: mismatches.length === 0, windowMs, sockets, mismatches };
}
