/**
 * The send side of a TCB: segmentizing queued data within the peer's window (RFC 9293 3.8.6), the
 * retransmission queue, and the retransmission timer of RFC 6298 (SRTT/RTTVAR, Karn's rule, back-off).
 * These are helpers of tcb.ts's actions; like them they mutate a draft TCB and report effects.
 */
import { ACK, FIN, PSH, SYN, seqAdd, seqDiff, seqLe, seqLt, type Segment } from './segment.js';
import { rcvWnd, MAX_WINDOW, UNKNOWN_WINDOW } from './receive.js';
import type { Effects, Tcb, TimerName } from './tcb.js';
import { TIMER_BIT } from './timers.js';

/** One segment on the retransmission queue: the sequence space it occupies and how to send it again. */
export interface RtxEntry {
  readonly seq: number;
  /** Sequence numbers it occupies (data, plus one for SYN or FIN). */
  readonly span: number;
  /** Its control bits as first sent, without ACK (SYN, FIN, PSH). */
  readonly flags: number;
  /** Virtual ms of its first transmission (RTT sample, RFC 6298 section 3 / Karn's rule). */
  readonly at: number;
  /** Sent more than once: it gives no RTT sample (Karn). */
  readonly again: boolean;
}

export function nowOf(fx: Effects): number {
  return fx.now ? fx.now() : 0;
}

/** The window field of what we send: RCV.WND, at most what 16 bits carry (no window scaling). */
export function advertised(t: Tcb): number {
  return Math.min(MAX_WINDOW, rcvWnd(t));
}

export function emit(fx: Effects, seq: number, ack: number, flags: number, len = 0, win = 0): void {
  fx.send({ seq: seq >>> 0, ack: ack >>> 0, flags, len, win });
}

/** Emit a segment that occupies sequence space and queue it for retransmission. */
export function emitQueued(t: Tcb, fx: Effects, seq: number, flags: number, len: number): void {
  const ack = flags & SYN && !(flags & ACK) ? 0 : t.rcvNxt;
  emit(fx, seq, ack, flags, len, advertised(t));
  const span = len + (flags & SYN ? 1 : 0) + (flags & FIN ? 1 : 0);
  t.rtx = [...t.rtx, { seq, span, flags: flags & (SYN | FIN | PSH), at: nowOf(fx), again: false }];
}

export function cancel(t: Tcb, fx: Effects, name: TimerName): void {
  if (t.timers & TIMER_BIT[name]) {
    t.timers &= ~TIMER_BIT[name];
    fx.cancelTimer(name);
  }
}
export function start(t: Tcb, fx: Effects, name: TimerName): void {
  t.timers |= TIMER_BIT[name];
  fx.startTimer(name);
}

/** RFC 6298 5.1: when a segment with data (or SYN/FIN) is sent and the timer is off, start it. */
function armTimers(t: Tcb, fx: Effects): void {
  if (!(t.timers & TIMER_BIT.retransmission)) start(t, fx, 'retransmission');
  if (t.userTimeout > 0 && !(t.timers & TIMER_BIT.user)) start(t, fx, 'user');
}

/**
 * Send the queued data within the usable window (SND.UNA + SND.WND - SND.NXT, RFC 9293 3.8.6.2.1),
 * MSS-sized, PSH on the last piece of what was queued, then a queued FIN once all data is out.
 */
export function transmit(t: Tcb, fx: Effects): void {
  let sent = false;
  while (t.sendQueue > 0) {
    const usable = seqDiff(seqAdd(t.sndUna, t.sndWnd), t.sndNxt);
    if (usable <= 0) break;
    const len = Math.min(t.sendQueue, t.mss, usable);
    t.sendQueue -= len;
    emitQueued(t, fx, t.sndNxt, ACK | (t.sendQueue === 0 ? PSH : 0), len);
    t.sndNxt = seqAdd(t.sndNxt, len);
    sent = true;
  }
  if (t.finQueued && !t.finSent && t.sendQueue === 0) {
    t.finSent = true;
    t.finSeq = t.sndNxt;
    emitQueued(t, fx, t.sndNxt, FIN | ACK, 0);
    t.sndNxt = seqAdd(t.sndNxt, 1);
    sent = true;
  }
  if (sent) armTimers(t, fx);
}

/** Send our SYN (or SYN,ACK) at ISS and queue it. */
export function sendSynSegment(t: Tcb, fx: Effects, withAck: boolean): void {
  t.sndUna = t.iss;
  t.sndNxt = t.iss;
  t.rtx = [];
  emitQueued(t, fx, t.iss, withAck ? SYN | ACK : SYN, 0);
  t.sndNxt = seqAdd(t.iss, 1);
  armTimers(t, fx);
}

/** RFC 6298 section 2 and 5.7: take one RTT sample R (ms) and recompute RTO. */
function sample(t: Tcb, r: number): void {
  if (t.srtt === 0 && t.rttvar === 0) {
    // 2.2: the first measurement.
    t.srtt = r;
    t.rttvar = r / 2;
  } else {
    // 2.3: alpha = 1/8, beta = 1/4, RTTVAR before SRTT.
    t.rttvar = 0.75 * t.rttvar + 0.25 * Math.abs(t.srtt - r);
    t.srtt = 0.875 * t.srtt + 0.125 * r;
  }
  if (!t.rtoFixed) t.rto = computeRto(t);
}

/**
 * RTO = SRTT + max(G, K*RTTVAR), K = 4 (RFC 6298 2.3), rounded up to `rtoMin` (2.4: one second).
 * Linux (tcp_rtt_estimator, tcp_set_rto) floors the variance term instead, at tcp_rto_min (200 ms):
 * RTO = SRTT + max(200 ms, 4*RTTVAR); the profile's rtoVarFloor says which.
 */
export function computeRto(t: Tcb): number {
  const rto = t.srtt + Math.max(t.rtoVarFloor, 4 * t.rttvar);
  return Math.min(t.maxRto, Math.max(t.rtoMin, Math.ceil(rto)));
}

/**
 * RFC 9293 3.10.7.4 fifth check, for an ACK with SND.UNA < SEG.ACK =< SND.NXT: advance SND.UNA, remove
 * what it covers from the retransmission queue, take an RTT sample from a segment sent once (Karn), and
 * restart or stop the timer (RFC 6298 5.2, 5.3). Then the window update (SND.WL1/SND.WL2 rule).
 * Returns whether new data was acknowledged.
 */
export function processAck(t: Tcb, seg: Segment, fx: Effects): boolean {
  if (!(seg.flags & ACK)) return false;
  let advanced = false;
  if (seqLt(t.sndUna, seg.ack) && seqLe(seg.ack, t.sndNxt)) {
    t.bytesAcked += seqDiff(seg.ack, t.sndUna);
    t.sndUna = seg.ack;
    t.retransmits = 0;
    advanced = true;
    if (t.sndUna === t.sndNxt) {
      // Everything acknowledged (the common case): one sample from the oldest entry, the queue empties.
      const first = t.rtx[0];
      if (first && !first.again) sample(t, Math.max(0, nowOf(fx) - first.at));
      t.rtx = EMPTY;
      cancel(t, fx, 'retransmission');
      cancel(t, fx, 'user');
      updateWindow(t, seg);
      return true;
    }
    let sampled = false;
    const rest: RtxEntry[] = [];
    for (const e of t.rtx) {
      const end = seqAdd(e.seq, e.span);
      if (seqLe(end, seg.ack)) {
        if (!sampled && !e.again) {
          sample(t, Math.max(0, nowOf(fx) - e.at));
          sampled = true;
        }
        continue;
      }
      if (seqLt(e.seq, seg.ack)) {
        // Partly acknowledged: what remains starts at SEG.ACK (a SYN or FIN is the last number: never split).
        rest.push({ ...e, seq: seg.ack, span: seqDiff(end, seg.ack), flags: e.flags & ~SYN });
      } else rest.push(e);
    }
    t.rtx = rest;
    if (t.sndUna === t.sndNxt) {
      cancel(t, fx, 'retransmission');
      cancel(t, fx, 'user');
    } else {
      start(t, fx, 'retransmission');
      if (t.userTimeout > 0) start(t, fx, 'user');
    }
  }
  updateWindow(t, seg);
  return advanced;
}

const EMPTY: readonly RtxEntry[] = [];

/**
 * Window update (RFC 9293 3.10.7.4, ESTABLISHED fifth check): only from a segment not older than the one
 * that last set it (SND.WL1 < SEG.SEQ, or equal and SND.WL2 =< SEG.ACK), and only when
 * SND.UNA =< SEG.ACK =< SND.NXT.
 */
function updateWindow(t: Tcb, seg: Segment): void {
  if (seqLe(t.sndUna, seg.ack) && seqLe(seg.ack, t.sndNxt) &&
      (seqLt(t.sndWl1, seg.seq) || (t.sndWl1 === seg.seq && seqLe(t.sndWl2, seg.ack)))) {
    t.sndWnd = seg.win ?? UNKNOWN_WINDOW;
    t.sndWl1 = seg.seq;
    t.sndWl2 = seg.ack;
  }
}

/**
 * RFC 6298 5.4-5.6: retransmit the earliest segment not yet acknowledged, back off the timer (the
 * doubling is in timerDelay, by `retransmits`) and restart it.
 */
export function retransmitEarliest(t: Tcb, fx: Effects, synAck: boolean): void {
  const e = t.rtx[0];
  if (!e) {
    t.timers &= ~TIMER_BIT.retransmission;
    return;
  }
  t.retransmits++;
  t.rtx = [{ ...e, again: true }, ...t.rtx.slice(1)];
  if (e.flags & SYN) {
    if (synAck) emit(fx, t.iss, t.rcvNxt, SYN | ACK, 0, advertised(t));
    else emit(fx, t.iss, 0, SYN, 0, advertised(t));
    t.synRetransmitted = true;
  } else {
    const len = e.span - (e.flags & FIN ? 1 : 0);
    emit(fx, e.seq, t.rcvNxt, ACK | (e.flags & (FIN | PSH)), len, advertised(t));
  }
  start(t, fx, 'retransmission');
}
