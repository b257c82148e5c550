/**
 * Each captured connection fed to the endpoint machine, one machine per end, as the segments come (one
 * pass, nothing held but the open connections' state and, for the connections that will be drawn, their
 * rows). The application's calls are inferred from what each end sent:
 * - its first SYN: ACTIVE_OPEN; the other end was a listener (PASSIVE_OPEN), unless it answers the SYN
 *   with a RST (a closed port: it stays CLOSED);
 * - its first FIN: CLOSE (shutdown(SHUT_WR): it may go on reading), after SEND of the data before it;
 * - a RST the machine did not produce itself: ABORT;
 * - new data: SEND; a repeat: RETRANSMISSION_TIMEOUT (src/lab/segment-check.ts, shared with lab --capture).
 * A listener's ISN is only known from its SYN,ACK, so its machine starts then, fed what it had received.
 * A connection whose first captured segment has no SYN started before the capture: both machines are
 * put in ESTABLISHED by a handshake made up from that segment's numbers, and the report says so.
 */
import { compileMachine, createEngineEndpoint, fire, type CompiledMachine, type EngineEndpoint } from '../tcp/engine.js';
import type { ProfileName } from '../tcp/profile.js';
import { flagsString } from '../tcp/segment.js';
import type { TcpState } from '../tcp/states.js';
import type { Effects, TcpEvent } from '../tcp/tcb.js';
import { CAPTURE_TCP_CONFIG, ownSegmentEvent, peerSegmentEvent, sentAfter } from '../lab/segment-check.js';
import { ConnectionTable, type Anomaly, type Connection } from './connections.js';
import type { DecodedSegment } from './packet.js';

const FIN = 0x01;
const SYN = 0x02;
const RST = 0x04;
const ACK = 0x10;

/** An end's state: the machine's, or null while it has not shown itself (a SYN not answered yet). */
export type EndState = TcpState | null;

export interface LadderRow {
  readonly frame: number;
  /** Capture time: seconds since the epoch, nanoseconds. */
  readonly sec: number;
  readonly nsec: number;
  /** 0: a -> b, 1: b -> a. */
  readonly dir: 0 | 1;
  readonly flags: string;
  readonly seq: number;
  readonly ack: number;
  /** seq and ack relative to each end's initial sequence number (Wireshark's default view). */
  readonly relSeq: number;
  readonly relAck: number;
  readonly len: number;
  readonly window: number;
  /** Application calls inferred at this segment: `a ACTIVE_OPEN`, `b PASSIVE_OPEN`, `a CLOSE`, ... */
  readonly calls: string[];
  /** Both ends' states after it: [a, b]. */
  states: [EndState, EndState];
  readonly anomalies: Anomaly[];
  /** When the receiving machine had no transition for it (or only a reset / challenge ACK): its state and the rule that matched. */
  impossible?: { readonly state: TcpState; readonly rule: string };
}

export type Ending = 'fin' | 'rst' | 'open' | 'timeout';

export interface ConnectionReport {
  readonly id: number;
  readonly a: string;
  readonly b: string;
  /** Segments a -> b and b -> a. */
  readonly frames: [number, number];
  readonly first: { readonly frame: number; readonly sec: number; readonly nsec: number };
  readonly last: { readonly frame: number; readonly sec: number; readonly nsec: number };
  /** The capture started after the handshake (or without its SYN): the machines were started in ESTABLISHED. */
  readonly midStream: boolean;
  readonly states: [EndState, EndState];
  readonly ended: Ending;
  readonly anomalies: Partial<Record<Anomaly, number>>;
  /** The ladder, for the connections asked for (at most `rowLimit` rows). */
  readonly rows?: LadderRow[];
  /** Segments past `rowLimit`: counted above, not drawn. */
  readonly moreRows: number;
}

interface End {
  readonly index: 0 | 1;
  ep: EngineEndpoint | undefined;
  /** Events for a listener whose machine is not started yet (its ISN comes with its SYN,ACK). */
  pending: TcpEvent[];
  pendingRows: LadderRow[];
  synSent: boolean;
  finSent: boolean;
  isn: number;
  sentMax: number;
  /** The machine itself sent a RST during the last event. */
  rstByMachine: boolean;
}

interface Track {
  readonly conn: Connection;
  readonly ends: [End, End];
  readonly midStream: boolean;
  first: { frame: number; sec: number; nsec: number };
  last: { frame: number; sec: number; nsec: number };
  anomalies: Partial<Record<Anomaly, number>>;
  rstSeen: boolean;
  lastRetransmission: boolean;
  rows: LadderRow[] | undefined;
  moreRows: number;
  /** The last segment, not yet delivered to its receiver (see push). */
  held: Held | undefined;
}

interface Held {
  readonly s: DecodedSegment;
  readonly dir: 0 | 1;
  readonly row: LadderRow;
}

/** Does `s` acknowledge everything `earlier` occupies in sequence space (its data, SYN, FIN)? */
function acknowledges(s: DecodedSegment, earlier: DecodedSegment): boolean {
  if ((s.flags & ACK) === 0) return false;
  const end = (earlier.seq + earlier.len + ((earlier.flags & (SYN | FIN)) !== 0 ? 1 : 0)) >>> 0;
  return ((s.ack - end) | 0) >= 0;
}

/**
 * Is `s` an answer to `earlier`, sent after it arrived: it acknowledges it, or it is the reset RFC 9293
 * 3.10.7 sends for an unacceptable segment that carried an ACK, <SEQ=SEG.ACK><CTL=RST>, which
 * acknowledges nothing (a SYN_SENT end answering a SYN,ACK with a bad ACK, 3.10.7.3).
 */
function answers(s: DecodedSegment, earlier: DecodedSegment): boolean {
  return acknowledges(s, earlier) || ((s.flags & (RST | ACK)) === RST && (earlier.flags & ACK) !== 0 && s.seq === earlier.ack);
}

// Rules whose answer to a segment is "this should not be here": dropped without a word, reset, or
// challenged (RFC 9293 3.10.7, RFC 5961). An unacceptable segment's ACK (a retransmission, a keep-alive)
// is TCP working as meant and is not among them.
const REJECTING_GUARDS = new Set(['isRst', 'isRstOutOfWindow', 'isRstInexact', 'hasNoAck', 'hasUnacceptableAck', 'hasBadAckInSynReceived', 'hasSyn', 'isAck', 'isSynWithBacklogFull']);
const REJECTING_ACTIONS = new Set(['sendResetForSegment', 'sendResetForAck', 'sendChallengeAck']);

/**
 * The empty lists every end starts with, shared: most ends never queue an event or a row, and a capture of
 * many short connections keeps every end it saw (the memory per connection is most of the replay's).
 */
const NO_EVENTS = Object.freeze([]) as unknown as TcpEvent[]; // frozen: a push onto it would throw, not leak into every end
const NO_ROWS = Object.freeze([]) as unknown as LadderRow[];

function newEnd(index: 0 | 1): End {
  return { index, ep: undefined, pending: NO_EVENTS, pendingRows: NO_ROWS, synSent: false, finSent: false, isn: 0, sentMax: 0, rstByMachine: false };
}

export interface ReplayOptions {
  readonly profile: ProfileName;
  /** Whether to keep this connection's ladder rows (decided on its first segment). */
  readonly keepRows: (c: { readonly id: number; readonly a: string; readonly b: string }) => boolean;
  /** Rows kept per connection at most (memory stays bounded by open connections, not by their length). */
  readonly rowLimit: number;
}

export class Replay {
  private readonly table = new ConnectionTable();
  private readonly machine: CompiledMachine;
  private readonly tracks: Track[] = [];
  /** The end whose machine runs now: every call into a machine is synchronous and sets it first. */
  private active: End | undefined;
  /**
   * The machines' effects, one object for all ends (a closure per end was a quarter of the memory of a
   * finished connection: bench/tcp-replay.bench.js): only a RST the machine sends matters here.
   */
  private readonly fx: Effects = {
    send: (seg) => {
      if ((seg.flags & RST) !== 0 && this.active) this.active.rstByMachine = true;
    },
    startTimer() {},
    cancelTimer() {},
  };

  constructor(private readonly options: ReplayOptions) {
    this.machine = compileMachine(options.profile);
  }

  push(s: DecodedSegment): void {
    const { conn, dir, anomalies } = this.table.place(s);
    let track = this.tracks[conn.id];
    if (!track) {
      track = this.open(conn, s);
      this.tracks[conn.id] = track;
    }
    const at = { frame: s.frame, sec: s.sec, nsec: s.nsec };
    track.last = at;
    for (const a of anomalies) track.anomalies[a] = (track.anomalies[a] ?? 0) + 1;
    if ((s.flags & RST) !== 0) track.rstSeen = true;
    track.lastRetransmission = anomalies.includes('retransmission');
    const self = track.ends[dir];
    const peer = track.ends[dir === 0 ? 1 : 0];
    const row: LadderRow = {
      frame: s.frame, sec: s.sec, nsec: s.nsec, dir, flags: flagsString(s.flags), seq: s.seq, ack: s.ack,
      relSeq: 0, relAck: 0, len: s.len, window: s.window, calls: [], states: [null, null], anomalies,
    };
    const who = dir === 0 ? 'a' : 'b';
    const other = dir === 0 ? 'b' : 'a';
    // The segment before this one reaches its receiver now, unless that receiver is this segment's
    // sender and this segment does not acknowledge it: then the two crossed in flight (a simultaneous
    // close: each FIN left before the other arrived), and this one was sent first.
    const held = track.held;
    const crossed = held !== undefined && held.dir !== dir && !answers(s, held.s);
    if (held && !crossed) this.deliver(track, held);
    this.own(self, peer, s, (c) => row.calls.push(`${who} ${c}`), (c) => row.calls.push(`${other} ${c}`));
    if (held && crossed) this.deliver(track, held);
    (row as { relSeq: number }).relSeq = (s.seq - self.isn) >>> 0;
    (row as { relAck: number }).relAck = (s.flags & ACK) !== 0 ? (s.ack - peer.isn) >>> 0 : 0;
    track.held = { s, dir, row };
    if (track.rows && track.rows.length >= this.options.rowLimit) track.moreRows++;
    else if (track.rows) track.rows.push(row);
  }

  /** A held segment reaches the other end's machine; its row gets both states after it. */
  private deliver(track: Track, h: Held): void {
    track.held = undefined;
    const rejected = this.received(track.ends[h.dir === 0 ? 1 : 0], h.s);
    if (rejected) {
      h.row.impossible = rejected;
      h.row.anomalies.push('impossible');
      track.anomalies.impossible = (track.anomalies.impossible ?? 0) + 1;
    }
    h.row.states = [stateOf(track.ends[0]), stateOf(track.ends[1])];
    if (track.rows) for (const e of track.ends) if (!e.ep) (e.pendingRows === NO_ROWS ? (e.pendingRows = []) : e.pendingRows).push(h.row);
  }

  /** A connection's first segment: who opened it, or a made-up handshake when the capture missed it. */
  private open(conn: Connection, s: DecodedSegment): Track {
    const ends: [End, End] = [newEnd(0), newEnd(1)];
    const midStream = (s.flags & (SYN | ACK)) !== SYN;
    const at = { frame: s.frame, sec: s.sec, nsec: s.nsec };
    const track: Track = {
      conn, ends, midStream, first: at, last: at, anomalies: {}, rstSeen: false, lastRetransmission: false,
      rows: this.options.keepRows(conn) ? [] : undefined,
      moreRows: 0,
      held: undefined,
    };
    const [x, y] = ends;
    if (midStream && (s.flags & SYN) !== 0) {
      // A SYN,ACK first: the SYN was not captured. The sender listened; the other end opened with ISN ack-1.
      const issY = (s.ack - 1) >>> 0;
      this.start(y, issY);
      this.fire(y, { type: 'ACTIVE_OPEN' });
      this.start(x, s.seq);
      this.fire(x, { type: 'PASSIVE_OPEN' });
      this.fire(x, { type: 'SEGMENT', seg: { seq: issY, ack: 0, flags: SYN, len: 0 } });
      y.synSent = true;
    } else if (midStream) {
      // Started before the capture: a handshake made of this segment's numbers puts both in ESTABLISHED.
      const issX = (s.seq - 1) >>> 0;
      const issY = (s.flags & ACK) !== 0 ? (s.ack - 1) >>> 0 : 0;
      this.start(x, issX);
      this.start(y, issY);
      this.fire(x, { type: 'ACTIVE_OPEN' });
      this.fire(y, { type: 'PASSIVE_OPEN' });
      this.fire(y, { type: 'SEGMENT', seg: { seq: issX, ack: 0, flags: SYN, len: 0 } });
      this.fire(x, { type: 'SEGMENT', seg: { seq: issY, ack: (issX + 1) >>> 0, flags: SYN | ACK, len: 0 } });
      this.fire(y, { type: 'SEGMENT', seg: { seq: (issX + 1) >>> 0, ack: (issY + 1) >>> 0, flags: ACK, len: 0 } });
      x.synSent = y.synSent = true;
    }
    return track;
  }

  private start(end: End, isn: number): void {
    end.isn = isn;
    end.sentMax = (isn + 1) >>> 0;
    this.active = end;
    end.ep = createEngineEndpoint(this.machine, { isn, appReads: true, config: CAPTURE_TCP_CONFIG }, this.fx);
  }

  private fire(end: End, ev: TcpEvent) {
    end.rstByMachine = false;
    this.active = end;
    return fire(this.machine, end.ep!, ev, this.fx);
  }

  /** What the sender's own segment tells its machine. */
  private own(self: End, peer: End, s: DecodedSegment, call: (c: string) => void, peerCall: (c: string) => void): void {
    if (!self.ep) {
      if ((s.flags & SYN) !== 0 && (s.flags & ACK) === 0) {
        // Its first SYN: an active open (ISN = the SYN's sequence number). The other end listens.
        this.start(self, s.seq);
        this.fire(self, { type: 'ACTIVE_OPEN' });
        call('ACTIVE_OPEN');
        self.synSent = true;
        // Both ends sent a SYN (a simultaneous open, RFC 9293 figure 7): this one was no listener after all.
        for (const ev of self.pending) if (ev.type !== 'PASSIVE_OPEN') this.fire(self, ev);
        self.pending = NO_EVENTS;
        this.patchPending(self);
        if (!peer.ep) {
          (peer.pending === NO_EVENTS ? (peer.pending = []) : peer.pending).push({ type: 'PASSIVE_OPEN' });
          peerCall('PASSIVE_OPEN');
        }
        return;
      }
      // A listener speaks: its SYN,ACK gives its ISN; a RST to the SYN means no listener (CLOSED).
      const listening = (s.flags & SYN) !== 0;
      this.start(self, (s.flags & SYN) !== 0 ? s.seq : 0);
      if (!listening) self.pending = self.pending.filter((e) => e.type !== 'PASSIVE_OPEN');
      for (const ev of self.pending) this.fire(self, ev);
      self.pending = NO_EVENTS;
      this.patchPending(self);
      if (listening) {
        self.synSent = true; // the machine answered the SYN itself
        return;
      }
    }
    const ep = self.ep!;
    if ((s.flags & RST) !== 0) {
      // A RST the machine did not send itself: the application aborted (or the kernel did for it).
      if (ep.state !== 'CLOSED' && !self.rstByMachine) {
        this.fire(self, { type: 'ABORT' });
        call('ABORT');
      }
      return;
    }
    if ((s.flags & SYN) !== 0 && !self.synSent) {
      self.synSent = true;
      return;
    }
    if ((s.flags & FIN) !== 0 && !self.finSent) {
      self.finSent = true;
      // Whatever goes out up to the FIN was written before the close.
      const bytes = ((s.seq + s.len - ep.tcb.sndNxt) | 0);
      if (bytes > 0) this.fire(self, { type: 'SEND', bytes });
      this.fire(self, { type: 'CLOSE', half: true });
      call('CLOSE');
      self.sentMax = sentAfter(s, self.sentMax);
      return;
    }
    const ev = ownSegmentEvent(s, false, self.sentMax, ep.tcb.sndNxt);
    if (ev) this.fire(self, ev);
    self.sentMax = sentAfter(s, self.sentMax);
  }

  /** The segment reaching the other end's machine; what it rejected, if it did. */
  private received(peer: End, s: DecodedSegment): LadderRow['impossible'] {
    const ev = peerSegmentEvent(s);
    if (!peer.ep) {
      (peer.pending === NO_EVENTS ? (peer.pending = []) : peer.pending).push(ev);
      return undefined;
    }
    const before = peer.ep.state;
    const t = this.fire(peer, ev);
    if (!t) return { state: before, rule: 'no transition' };
    if ((t.guardName !== undefined && REJECTING_GUARDS.has(t.guardName)) || t.actionNames.some((a) => REJECTING_ACTIONS.has(a))) {
      return { state: before, rule: t.guardName ?? t.actionNames.join('+') };
    }
    return undefined;
  }

  /** Rows drawn while an end's machine waited for its ISN: their state for it is now known. */
  private patchPending(end: End): void {
    for (const r of end.pendingRows) r.states[end.index] = end.ep!.state;
    end.pendingRows = NO_ROWS;
  }

  /** Every connection's report, in tcp.stream order. */
  finish(): ConnectionReport[] {
    for (const t of this.tracks) if (t.held) this.deliver(t, t.held);
    return this.tracks.map((t) => {
      const states: [EndState, EndState] = [stateOf(t.ends[0]), stateOf(t.ends[1])];
      return {
        id: t.conn.id, a: t.conn.a, b: t.conn.b, frames: [t.conn.frames[0], t.conn.frames[1]], first: t.first, last: t.last,
        midStream: t.midStream, states, ended: endingOf(t, states), anomalies: t.anomalies,
        ...(t.rows ? { rows: t.rows } : {}), moreRows: t.moreRows,
      };
    });
  }
}

const stateOf = (e: End): EndState => e.ep?.state ?? null;

const DONE: ReadonlySet<EndState> = new Set<EndState>(['CLOSED', 'TIME_WAIT']);

function endingOf(t: Track, states: [EndState, EndState]): Ending {
  if (t.rstSeen) return 'rst';
  if (t.ends[0].finSent && t.ends[1].finSent && states.every((s) => DONE.has(s))) return 'fin';
  // A SYN nobody answered, or retransmissions left unanswered at the end of the capture while an end
  // still waits (a repeated SYN,ACK of a simultaneous open that then completed is not one).
  if (states.includes(null) || (t.lastRetransmission && !states.every((s) => s === 'ESTABLISHED'))) return 'timeout';
  return 'open';
}
