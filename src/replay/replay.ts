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
 * A segment netkata's own capture marks as dropped (`tcp run --pcap`: the packet comment
 * `netkata: DROPPED ...`) was sent and never arrived: its sender's machine is fed it, its receiver's is not.
 */
import { compileMachine, createEngineEndpoint, fire, type CompiledMachine, type EngineEndpoint } from '../tcp/engine.js';
import type { ProfileName } from '../tcp/profile.js';
import { flagsString } from '../tcp/segment.js';
import type { TcpState } from '../tcp/states.js';
import { EventQueue } from '../tcp/event-queue.js';
import { createTcb, type Effects, type TcpEvent } from '../tcp/tcb.js';
import { CAPTURE_TCP_CONFIG, ownSegmentEvent, peerSegmentEvent, sentAfter } from '../lab/segment-check.js';
import { ConnectionTable, type Anomaly, type Connection } from './connections.js';
import type { DecodedSegment } from './packet.js';
import { Spill } from './spill.js';

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
  /** netkata's capture says it was sent and never delivered: its receiver was not fed it. */
  readonly dropped?: true;
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
  /** Segments netkata's own capture marks as dropped (sent, never delivered). */
  readonly dropped: number;
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
  /** Rows drawn meanwhile, each with how many of `pending` had come by then (its state is the one after those). */
  pendingRows: PendingRow[];
  synSent: boolean;
  finSent: boolean;
  isn: number;
  sentMax: number;
  /** The machine itself sent a RST during the last event. */
  rstByMachine: boolean;
  /** Capture time (ms) at which it last entered TIME_WAIT (its 2MSL timer started). */
  timeWaitAt: number;
}

interface PendingRow {
  readonly row: LadderRow;
  readonly after: number;
}

interface Track {
  readonly conn: Connection;
  readonly ends: [End, End];
  readonly midStream: boolean;
  first: { frame: number; sec: number; nsec: number };
  last: { frame: number; sec: number; nsec: number };
  anomalies: Partial<Record<Anomaly, number>>;
  dropped: number;
  rstSeen: boolean;
  lastRetransmission: boolean;
  rows: LadderRow[] | undefined;
  moreRows: number;
  /** The last segment, not yet delivered to its receiver (see push). */
  held: Held | undefined;
  /** Capture time (ms) of the last segment. */
  lastMs: number;
  /** Whether it has an entry in the quiet queue (at most one). */
  quietQueued: boolean;
}

/**
 * A timer of the replay's capture clock: an end's 2MSL (`end`, with the time it entered TIME_WAIT), or the
 * check of a connection gone quiet (no `end`). One class, so that every entry has one shape.
 */
class DueEntry {
  constructor(
    readonly at: number,
    readonly track: Track,
    readonly end: End | undefined,
    readonly since: number | undefined,
    /** Insertion order: equal times keep it (EventQueue). */
    readonly order: number,
  ) {}
}

const msOf = (s: { readonly sec: number; readonly nsec: number }): number => s.sec * 1000 + s.nsec / 1e6;

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
const NO_ROWS = Object.freeze([]) as unknown as PendingRow[];

function newEnd(index: 0 | 1): End {
  return { index, ep: undefined, pending: NO_EVENTS, pendingRows: NO_ROWS, synSent: false, finSent: false, isn: 0, sentMax: 0, rstByMachine: false, timeWaitAt: 0 };
}

export interface ReplayOptions {
  readonly profile: ProfileName;
  /** Whether to keep this connection's ladder rows (decided on its first segment). */
  readonly keepRows: (c: { readonly id: number; readonly a: string; readonly b: string }) => boolean;
  /** Rows kept per connection at most (memory stays bounded by open connections, not by their length). */
  readonly rowLimit: number;
  /**
   * Keep finished connections as their report only, on disk (default true). Off in the tests that hold
   * the compact form equal to the full one.
   */
  readonly retire?: boolean;
}

/**
 * A finished connection as Replay.retire stores it (src/replay/spill.ts): its report, with what a late
 * segment needs to go on (its ends' FINs, the table's analysis state).
 */
interface Retired {
  readonly report: ConnectionReport;
  readonly finSent: readonly [boolean, boolean];
  readonly conn: Connection;
}

export class Replay {
  /** Finished connections (retire), on disk: memory holds the open ones only. */
  private readonly retired = new Spill<Retired>();
  /** The record loaded last: a late segment's connection is read once for the table and once here. */
  private loaded: { readonly id: number; readonly r: Retired } | undefined;
  private readonly table = new ConnectionTable((id) => this.retiredRecord(id)!.conn);
  private readonly machine: CompiledMachine;
  /** Open connections by id; a finished one is undefined here and stored in `retired`. */
  private readonly tracks: (Track | undefined)[] = [];
  /** The capture clock's timers: 2MSL of TIME_WAIT ends, and connections gone quiet. */
  private readonly due = new EventQueue<DueEntry>();
  private dueCount = 0;
  /** 2MSL of the profile (Linux: 60 s), ms: the TIME_WAIT an end leaves when the capture's time passes it. */
  private readonly timeWaitMs: number;
  /** Capture time (ms) of what the machines are fed now. */
  private nowMs = 0;
  /** The connection whose machines run now. */
  private current: Track | undefined;
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
    this.timeWaitMs = createTcb({}, options.profile).timeWaitLength;
  }

  push(s: DecodedSegment): void {
    const now = msOf(s);
    this.runDue(now);
    const { conn, dir, anomalies } = this.table.place(s);
    let track = this.tracks[conn.id];
    this.nowMs = now;
    if (!track) {
      const retired = this.retiredRecord(conn.id);
      track = retired ? this.revive(conn, retired, now) : this.open(conn, s, now);
      this.tracks[conn.id] = track;
      this.retired.drop(conn.id);
      this.loaded = undefined;
    }
    this.current = track;
    const at = { frame: s.frame, sec: s.sec, nsec: s.nsec };
    track.last = at;
    track.lastMs = now;
    if (!track.quietQueued) {
      track.quietQueued = true;
      this.due.push(new DueEntry(now + this.timeWaitMs, track, undefined, undefined, this.dueCount++));
    }
    for (const a of anomalies) track.anomalies[a] = (track.anomalies[a] ?? 0) + 1;
    if ((s.flags & RST) !== 0) track.rstSeen = true;
    track.lastRetransmission = anomalies.includes('retransmission');
    const self = track.ends[dir];
    const peer = track.ends[dir === 0 ? 1 : 0];
    const row: LadderRow = {
      frame: s.frame, sec: s.sec, nsec: s.nsec, dir, flags: flagsString(s.flags), seq: s.seq, ack: s.ack,
      relSeq: 0, relAck: 0, len: s.len, window: s.window, calls: [], states: [null, null], anomalies,
      ...(s.dropped ? { dropped: true } : {}),
    };
    if (s.dropped) track.dropped++;
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
    // A dropped segment never reaches its receiver: nothing is held for it, and its row shows both ends
    // as its sending left them.
    if (s.dropped) this.settleRow(track, row);
    else track.held = { s, dir, row };
    if (track.rows && track.rows.length >= this.options.rowLimit) track.moreRows++;
    else if (track.rows) track.rows.push(row);
  }

  /**
   * The capture's time has reached `now`: an end in TIME_WAIT for 2MSL leaves it (TIME_WAIT_TIMEOUT, as its
   * timer would: the kernel frees the socket then), and a connection quiet that long has its last segment
   * delivered (nothing can cross it in flight any more). A connection whose two ends are then CLOSED is
   * kept as its report only (retire).
   */
  private runDue(now: number): void {
    for (let d = this.due.peek(); d !== undefined && d.at <= now; d = this.due.peek()) {
      this.due.pop();
      const track = d.track;
      if (this.tracks[track.conn.id] !== track) continue; // retired since
      this.current = track;
      if (d.end) {
        const end = d.end;
        if (end.ep?.state !== 'TIME_WAIT' || end.timeWaitAt !== d.since) continue; // left or restarted since
        if (track.held && msOf(track.held.s) <= d.at) this.deliver(track, track.held);
        this.nowMs = d.at;
        this.fire(end, { type: 'TIME_WAIT_TIMEOUT' } as TcpEvent);
        if (track.held) this.deliver(track, track.held);
      } else {
        track.quietQueued = false;
        if (track.lastMs + this.timeWaitMs > d.at) {
          track.quietQueued = true;
          this.due.push(new DueEntry(track.lastMs + this.timeWaitMs, track, undefined, undefined, this.dueCount++));
          continue;
        }
        if (track.held) this.deliver(track, track.held);
      }
      this.retireIfDone(track);
    }
  }

  /** Both ends CLOSED, nothing held, no ladder kept: the connection becomes its report. */
  private retireIfDone(track: Track): void {
    if (this.options.retire === false || track.held || track.rows) return;
    if (track.ends.some((e) => e.ep?.state !== 'CLOSED')) return;
    this.retired.put(track.conn.id, { report: this.reportOf(track), finSent: [track.ends[0].finSent, track.ends[1].finSent], conn: track.conn });
    this.table.retire(track.conn);
    this.tracks[track.conn.id] = undefined;
  }

  private retiredRecord(id: number): Retired | undefined {
    if (this.loaded?.id === id) return this.loaded.r;
    const r = this.retired.get(id);
    if (r) this.loaded = { id, r };
    return r;
  }

  /** A segment of a retired connection (a late retransmission): both ends again, CLOSED, with its counts so far. */
  private revive(conn: Connection, r: Retired, now: number): Track {
    const ends: [End, End] = [newEnd(0), newEnd(1)];
    const track: Track = {
      conn, ends, midStream: r.report.midStream, first: r.report.first, last: r.report.last, anomalies: { ...r.report.anomalies }, dropped: r.report.dropped,
      rstSeen: r.report.ended === 'rst', lastRetransmission: false, rows: undefined, moreRows: 0, held: undefined, lastMs: now, quietQueued: false,
    };
    this.current = track;
    for (const e of ends) {
      this.start(e, 0);
      e.synSent = true;
      e.finSent = r.finSent[e.index];
    }
    return track;
  }

  /** A held segment reaches the other end's machine; its row gets both states after it. */
  private deliver(track: Track, h: Held): void {
    const was = this.nowMs;
    this.nowMs = msOf(h.s);
    this.current = track;
    track.held = undefined;
    const rejected = this.received(track.ends[h.dir === 0 ? 1 : 0], h.s);
    if (rejected) {
      h.row.impossible = rejected;
      h.row.anomalies.push('impossible');
      track.anomalies.impossible = (track.anomalies.impossible ?? 0) + 1;
    }
    this.settleRow(track, h.row);
    this.nowMs = was;
  }

  /** A row gets both ends' states now; an end whose machine waits for its ISN gets its state once it starts. */
  private settleRow(track: Track, row: LadderRow): void {
    row.states = [stateOf(track.ends[0]), stateOf(track.ends[1])];
    if (!track.rows) return;
    for (const e of track.ends) {
      if (!e.ep) (e.pendingRows === NO_ROWS ? (e.pendingRows = []) : e.pendingRows).push({ row, after: e.pending.length });
    }
  }

  /** A connection's first segment: who opened it, or a made-up handshake when the capture missed it. */
  private open(conn: Connection, s: DecodedSegment, now: number): Track {
    const ends: [End, End] = [newEnd(0), newEnd(1)];
    const midStream = (s.flags & (SYN | ACK)) !== SYN;
    const at = { frame: s.frame, sec: s.sec, nsec: s.nsec };
    const track: Track = {
      conn, ends, midStream, first: at, last: at, anomalies: {}, dropped: 0, rstSeen: false, lastRetransmission: false,
      rows: this.options.keepRows(conn) ? [] : undefined,
      moreRows: 0,
      held: undefined,
      lastMs: now,
      quietQueued: false,
    };
    this.current = track;
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
    const before = end.ep!.state;
    const t = fire(this.machine, end.ep!, ev, this.fx);
    // Into TIME_WAIT, or back into it (its 2MSL timer restarted): the capture clock's timer for it.
    if (end.ep!.state === 'TIME_WAIT' && this.current && (before !== 'TIME_WAIT' || (t?.target === 'TIME_WAIT' && t.reenter))) {
      end.timeWaitAt = this.nowMs;
      this.due.push(new DueEntry(this.nowMs + this.timeWaitMs, this.current, end, this.nowMs, this.dueCount++));
    }
    return t;
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
        this.firePending(self, (ev) => ev.type === 'PASSIVE_OPEN');
        if (!peer.ep) {
          (peer.pending === NO_EVENTS ? (peer.pending = []) : peer.pending).push({ type: 'PASSIVE_OPEN' });
          peerCall('PASSIVE_OPEN');
        }
        return;
      }
      // A listener speaks: its SYN,ACK gives its ISN; a RST to the SYN means no listener (CLOSED).
      const listening = (s.flags & SYN) !== 0;
      this.start(self, (s.flags & SYN) !== 0 ? s.seq : 0);
      this.firePending(self, (ev) => !listening && ev.type === 'PASSIVE_OPEN');
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

  /**
   * A machine just started is fed the events it waited for (those `skip` says were not so), in order, and
   * each row drawn meanwhile gets its state after the events that had come by that row: the row of a SYN
   * that never arrived shows the listener in LISTEN, not in the SYN_RECEIVED a later copy brought.
   */
  private firePending(end: End, skip: (ev: TcpEvent) => boolean): void {
    const rows = end.pendingRows;
    let r = 0;
    const patch = (n: number): void => {
      for (; r < rows.length && rows[r]!.after <= n; r++) rows[r]!.row.states[end.index] = end.ep!.state;
    };
    patch(0);
    end.pending.forEach((ev, i) => {
      if (!skip(ev)) this.fire(end, ev);
      patch(i + 1);
    });
    patch(Number.POSITIVE_INFINITY);
    end.pending = NO_EVENTS;
    end.pendingRows = NO_ROWS;
  }

  /** Every connection's report, in tcp.stream order, all in memory (see reports() for a large capture). */
  finish(): ConnectionReport[] {
    const out = [...this.reports()];
    this.close();
    return out;
  }

  /**
   * Every connection's report, in tcp.stream order, one at a time: the finished ones are read back from
   * disk as they come, so a caller that does not keep them stays within the open connections' memory.
   * Once the capture has ended; each call goes through them again. close() when done.
   */
  *reports(): Generator<ConnectionReport> {
    for (const t of this.tracks) if (t?.held) this.deliver(t, t.held);
    for (let id = 0; id < this.table.count; id++) {
      const t = this.tracks[id];
      yield t ? this.reportOf(t) : this.retired.get(id)!.report;
    }
  }

  /** Frees the finished connections' file. */
  close(): void {
    this.retired.close();
  }

  /** Connections so far (tcp.stream numbers 0 to this - 1). */
  get connections(): number {
    return this.table.count;
  }

  /** 4-tuples the connection table holds in memory (the others are retired, on disk). */
  get tuplesInMemory(): number {
    return this.table.inMemory;
  }

  /** Finished connections stored on disk now, and the bytes they take there. */
  get retiredOnDisk(): { readonly connections: number; readonly bytes: number } {
    return { connections: this.retired.count, bytes: this.retired.bytes };
  }

  /** Connections kept whole now (not retired): what the memory of a replay grows with. */
  get openTracks(): number {
    let n = 0;
    for (const t of this.tracks) if (t) n++;
    return n;
  }

  private reportOf(t: Track): ConnectionReport {
    const states: [EndState, EndState] = [stateOf(t.ends[0]), stateOf(t.ends[1])];
    return {
      id: t.conn.id, a: t.conn.a, b: t.conn.b, frames: [t.conn.frames[0], t.conn.frames[1]], first: t.first, last: t.last,
      midStream: t.midStream, states, ended: endingOf(t, states), anomalies: t.anomalies, dropped: t.dropped,
      ...(t.rows ? { rows: t.rows } : {}), moreRows: t.moreRows,
    };
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
