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
 * Then each kernel observation must find the machine in the observed state within a small window around
 * the observation's time (a /proc read takes a millisecond or so, and the two clocks are aligned to within
 * a fraction of that). The machine's own timers are not run: nothing here lasts long enough for them
 * (TIME_WAIT is 60 s on Linux); a retransmission shows up as the repeated segment.
 */
import { compileMachine, createEngineEndpoint, fire, type EngineEndpoint } from '../tcp/engine.js';
import { ACK, FIN, RST, SYN, flagsString } from '../tcp/segment.js';
import type { PcapSegment } from '../tcp/pcap.js';
import type { Effects, TcpEvent } from '../tcp/tcb.js';
import type { ActionRecord } from './lab-run.js';
import type { Observation } from './observer.js';
import type { CapturedSegment } from './pcap-read.js';
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
  /** ms either side of an observation within which the machine must have been in the observed state. */
  readonly windowMs: number;
  readonly sockets: SocketReplay[];
  readonly mismatches: SegmentCheckMismatch[];
}

/** How far a segment may be stamped before the call that caused it, ms: a wide margin (in ten handshakes here the SYN was stamped 0.1-0.6 ms after connect(), so the two clocks agree well within that). */
const CLOCK_SLACK_MS = 50;

const NO_EFFECTS: Effects = { send() {}, startTimer() {}, cancelTimer() {} };

/** seq a is at or after b, in 32-bit sequence space (RFC 9293 3.4). */
const seqGe = (a: number, b: number): boolean => ((a - b) | 0) >= 0;

interface Item {
  readonly at: number;
  /** Tie-break: calls before segments, then capture order. */
  readonly rank: number;
  readonly kind: 'call' | 'own' | 'peer';
  readonly action?: ActionRecord['action'];
  readonly seg?: CapturedSegmentOnClock;
}

export interface CapturedSegmentOnClock extends CapturedSegment {
  readonly at: number;
}

/** Name the two ends of each segment from the observations' address pairs. */
export function labelSegments(segments: readonly CapturedSegmentOnClock[], observations: readonly Observation[]): LabSegment[] {
  const byTuple = new Map<string, string>();
  for (const o of observations) if (!o.vanished) byTuple.set(`${o.local} ${o.remote}`, o.socket);
  return segments.map((s) => {
    const fromSocket = byTuple.get(`${s.from} ${s.to}`);
    const toSocket = byTuple.get(`${s.to} ${s.from}`);
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

function replaySocket(
  socket: string,
  local: string,
  remote: string,
  segments: readonly CapturedSegmentOnClock[],
  actions: readonly ActionRecord[],
  callsAt: 'early' | 'late',
): { events: SocketReplay['events']; timeline: { at: number; state: LabState }[] } {
  const own = segments.filter((s) => s.from === local && s.to === remote);
  const peer = segments.filter((s) => s.from === remote && s.to === local);
  const calls = actions.filter((a) => a.socket === socket && a.action !== 'listen');
  const active = calls.some((a) => a.action === 'connect');
  // The first segment with these flags that this socket sent at or after a call (allowing for the two
  // clocks: a segment stamped a little before the call it followed).
  const firstOwn = (bits: number, after: number): number =>
    own.find((s) => (s.flags & bits) !== 0 && s.at >= after - CLOCK_SLACK_MS)?.at ?? Number.POSITIVE_INFINITY;

  const items: Item[] = [];
  let closed = false;
  let appReads = true;
  for (const a of calls) {
    let consequence = Number.POSITIVE_INFINITY;
    if (a.action === 'connect') consequence = firstOwn(SYN, a.at);
    else if (a.action === 'resetAndDestroy') consequence = firstOwn(RST, a.at);
    else {
      if (closed) continue; // the second of end() and destroy() changes nothing the machine models
      closed = true;
      consequence = Math.min(firstOwn(FIN, a.at), firstOwn(RST, a.at));
      // close(2) with received data left unread sends a RST instead of a FIN (Linux; RFC 1122
      // 4.2.2.13): the capture shows which, and the machine takes that path through its own guard.
      if (a.action === 'destroy' && firstOwn(RST, a.at) < firstOwn(FIN, a.at)) appReads = false;
    }
    const at = callsAt === 'early' || !Number.isFinite(consequence) ? Math.min(a.at, consequence) : Math.max(a.at, consequence);
    items.push({ at, rank: 0, kind: 'call', action: a.action });
  }
  const ownFin = own.find((x) => (x.flags & FIN) !== 0);
  if (!closed && ownFin && !calls.some((a) => a.action === 'resetAndDestroy')) {
    // A FIN with no close call recorded: Node ends a socket itself when the peer's FIN arrives
    // (allowHalfOpen false), so the FIN is the application's CLOSE.
    items.push({ at: ownFin.at, rank: 0, kind: 'call', action: 'end' });
  }
  own.forEach((seg, i) => items.push({ at: seg.at, rank: 1 + i * 2, kind: 'own', seg }));
  peer.forEach((seg, i) => items.push({ at: seg.at, rank: 2 + i * 2, kind: 'peer', seg }));
  items.sort((x, y) => x.at - y.at || x.rank - y.rank);

  const machine = compileMachine('linux');
  const ownSyn = own.find((s) => (s.flags & SYN) !== 0);
  // end() is shutdown(SHUT_WR): the socket still reads, so data that arrives after it is taken.
  const halfClose = calls.find((a) => a.action === 'end' || a.action === 'destroy')?.action === 'end';
  const ep: EngineEndpoint = createEngineEndpoint(machine, { isn: ownSyn?.seq ?? 0, appReads, halfClose }, NO_EFFECTS);
  const events: SocketReplay['events'] = [];
  const timeline: { at: number; state: LabState }[] = [];
  const feed = (at: number, ev: TcpEvent, label: string): void => {
    fire(machine, ep, ev, NO_EFFECTS);
    events.push({ at, event: label, state: ep.state });
    if (timeline[timeline.length - 1]?.state !== ep.state) timeline.push({ at, state: ep.state });
  };
  timeline.push({ at: Number.NEGATIVE_INFINITY, state: ep.state });
  if (!active) feed(items[0]?.at ?? 0, { type: 'PASSIVE_OPEN' }, 'PASSIVE_OPEN (the listener this socket was cloned from)');

  let sentMax = ownSyn ? (ownSyn.seq + 1) >>> 0 : ep.tcb.sndNxt; // end of what this socket has transmitted
  for (const it of items) {
    if (it.kind === 'call') {
      const type = it.action === 'connect' ? 'ACTIVE_OPEN' : it.action === 'resetAndDestroy' ? 'ABORT' : 'CLOSE';
      const fin = type === 'CLOSE' ? own.find((x) => (x.flags & FIN) !== 0) : undefined;
      if (fin) {
        // Whatever goes out before the FIN was written before close(), even if the kernel sends it later.
        const finSeq = (fin.seq + fin.len) >>> 0;
        if (seqGe(finSeq, ep.tcb.sndNxt) && finSeq !== ep.tcb.sndNxt) {
          const bytes = (finSeq - ep.tcb.sndNxt) >>> 0;
          feed(it.at, { type: 'SEND', bytes }, `SEND ${bytes} (written before close(), sent up to the FIN)`);
        }
      }
      feed(it.at, { type } as TcpEvent, `${type} (${it.action}())`);
      continue;
    }
    const s = it.seg!;
    const label = `${flagsString(s.flags)} seq=${s.seq} ack=${s.ack} len=${s.len}`;
    if (it.kind === 'peer') {
      feed(it.at, { type: 'SEGMENT', seg: { seq: s.seq, ack: (s.flags & ACK) !== 0 ? s.ack : 0, flags: s.flags, len: s.len } }, `received ${label}`);
      continue;
    }
    // A segment this socket sent: only what it says about the application or the timer matters.
    const repeatedSyn = (s.flags & SYN) !== 0 && s !== ownSyn;
    const dataEnd = (s.seq + s.len) >>> 0;
    if (repeatedSyn || (s.len > 0 && !seqGe(s.seq, sentMax))) {
      feed(it.at, { type: 'RETRANSMISSION_TIMEOUT' }, `RETRANSMISSION_TIMEOUT (it sent again: ${label})`);
    } else if (s.len > 0 && seqGe(dataEnd, ep.tcb.sndNxt) && dataEnd !== ep.tcb.sndNxt) {
      const fresh = (dataEnd - ep.tcb.sndNxt) >>> 0;
      feed(it.at, { type: 'SEND', bytes: fresh }, `SEND ${fresh} (it sent ${label})`);
    }
    if (s.len > 0 && seqGe(dataEnd, sentMax)) sentMax = dataEnd;
  }
  return { events, timeline };
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
    const { events, timeline } = replaySocket(socket, first.local, first.remote, segments, actions, 'early');
    const late = replaySocket(socket, first.local, first.remote, segments, actions, 'late').timeline;
    for (const o of obs) {
      const during = [...new Set([...statesDuring(timeline, o.at - windowMs, o.at + windowMs), ...statesDuring(late, o.at - windowMs, o.at + windowMs)])];
      if (!during.includes(o.state)) mismatches.push({ socket, at: o.at, kernel: o.state, machine: during });
    }
    sockets.push({ socket, events, observationsChecked: obs.length });
  }
  return { ok: mismatches.length === 0, windowMs, sockets, mismatches };
}
