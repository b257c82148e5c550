/**
 * The actions of the endpoint machine: what a TCB does on a call, a segment or a timeout (RFC 9293 3.10),
 * mutating a draft TCB and reporting its effects (segments to send, timers to start or cancel).
 */
import { ACK, RST, SYN, segmentLength, seqAdd, type Segment } from './segment.js';
import { acksUnsent, dataOf, MAX_WINDOW, reassemble, UNKNOWN_WINDOW } from './receive.js';
import { advertised, cancel, emit, processAck, retransmitEarliest, sendSynSegment, start, transmit } from './send.js';
import { has, isHalfClose, segOf } from './guards.js';
import { TIMERS, TIMER_BIT } from './timers.js';
import type { Action, Effects, SegmentEvent, Tcb, TcpEvent } from './tcb.js';

const NONE: readonly never[] = [];

/** An ACK <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>, our window in it. */
function sendAck(t: Tcb, fx: Effects): void {
  emit(fx, t.sndNxt, t.rcvNxt, ACK, 0, advertised(t));
}

/**
 * A segment that passed the first four checks, in a synchronized state: the fifth check (ACK), then
 * data and FIN (seventh and eighth), then an ACK for anything that occupied sequence space, and what the
 * window now lets us send.
 */
function processSegment(t: Tcb, seg: Segment, fx: Effects): void {
  // Any arriving segment shows the peer is alive (RFC 1122 4.2.3.6).
  if (t.keepalive && t.timers & TIMER_BIT.keepalive) {
    t.probesSent = 0;
    start(t, fx, 'keepalive');
  }
  // Fifth check: "If the ACK acks something not yet sent (SEG.ACK > SND.NXT), then send an ACK, drop
  // the segment, and return."
  if (acksUnsent(t.sndNxt, seg)) {
    if (!t.ackOfUnsentDroppedSilently) sendAck(t, fx);
    return;
  }
  processAck(t, seg, fx);
  const d = dataOf(seg);
  if (d.len > 0 || d.fin) {
    // Seventh and eighth checks. Once the peer's FIN is in (CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT)
    // nothing new can be in order: reassemble finds it all old and only the ACK goes out.
    const r = reassemble(t, d.start, d.len, d.fin);
    t.rcvNxt = r.rcvNxt;
    t.ooo = r.ooo;
    t.bytesReceived += r.delivered;
    if (!t.appReads) t.unread += r.delivered;
    if (r.fin) t.finReceived = true;
    sendAck(t, fx);
  }
  if (t.sendQueue > 0 || (t.finQueued && !t.finSent)) transmit(t, fx);
}

function resetTcb(t: Tcb): void {
  t.sndUna = t.sndNxt = t.iss;
  t.irs = t.rcvNxt = 0;
  t.sndWnd = MAX_WINDOW;
  t.sndWl1 = t.sndWl2 = 0;
  t.ooo = NONE;
  t.rtx = NONE;
  t.sendQueue = 0;
  t.finQueued = t.finSent = false;
  t.finSeq = 0;
  t.closePending = false;
  t.retransmits = 0;
  t.probesSent = 0;
  t.unread = 0;
  t.finReceived = false;
}

/** Learn the peer's SYN: IRS, RCV.NXT, and the window it offers (SND.WND, SND.WL1 = SEG.SEQ). */
function learnSyn(t: Tcb, seg: Segment): void {
  t.irs = seg.seq;
  t.rcvNxt = seqAdd(seg.seq, 1);
  t.sndWnd = seg.win ?? UNKNOWN_WINDOW;
  t.sndWl1 = seg.seq;
  t.sndWl2 = seg.ack;
}

/** Our SYN is acknowledged: the connection is established (RFC 6298 5.7 for a SYN that was retransmitted). */
function synAcknowledged(t: Tcb): void {
  t.retransmits = 0;
  if (t.synRetransmitted && t.srtt === 0 && !t.rtoFixed) t.rto = Math.max(t.rto, 3000);
}

export const actions = {
  // --- application calls (RFC 9293 3.10.1-3.10.5) ---
  /** OPEN call, active: <SEQ=ISS><CTL=SYN>, SND.UNA = ISS, SND.NXT = ISS+1. */
  sendSyn: (t, _ev, fx) => {
    t.passive = false;
    t.error = '';
    sendSynSegment(t, fx, false);
  },
  /** SEND call: queue the data; in a synchronized state send it now. */
  queueData: (t, ev) => {
    t.sendQueue += (ev as { bytes: number }).bytes;
  },
  sendData: (t, ev, fx) => {
    t.sendQueue += (ev as { bytes: number }).bytes;
    transmit(t, fx);
  },
  /** CLOSE call: FIN after all queued data (RFC 9293 3.10.4). */
  sendFin: (t, ev, fx) => {
    if (!isHalfClose(ev)) t.released = true;
    t.finQueued = true;
    transmit(t, fx);
  },
  /** CLOSE in SYN_RECEIVED with data queued (or on Linux always): held until ESTABLISHED. */
  queueClose: (t, ev) => {
    if (!isHalfClose(ev)) t.released = true;
    t.closePending = true;
  },
  /** ABORT call (RFC 9293 3.10.5): <SEQ=SND.NXT><CTL=RST>; Linux also sets ACK. */
  sendReset: (t, _ev, fx) => {
    if (t.abortRstCarriesAck) emit(fx, t.sndNxt, t.rcvNxt, RST | ACK);
    else emit(fx, t.sndNxt, 0, RST);
  },
  enableKeepalive: (t) => {
    t.keepalive = true;
  },
  startKeepalive: (t, _ev, fx) => {
    if (!t.keepalive) return;
    t.probesSent = 0;
    start(t, fx, 'keepalive');
  },
  stopKeepalive: (t, _ev, fx) => cancel(t, fx, 'keepalive'),

  // --- segments in CLOSED and LISTEN (RFC 9293 3.10.7.1, 3.10.7.2) ---
  /** CLOSED: if ACK, <SEQ=SEG.ACK><CTL=RST>; else <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>. */
  sendResetForSegment: (_t, ev, fx) => {
    const seg = segOf(ev);
    if (has(seg, ACK)) emit(fx, seg.ack, 0, RST);
    else emit(fx, 0, seqAdd(seg.seq, segmentLength(seg)), RST | ACK);
  },
  /** LISTEN + SYN: RCV.NXT = SEG.SEQ+1, IRS = SEG.SEQ, <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>. */
  acceptSyn: (t, ev, fx) => {
    t.passive = true;
    t.error = '';
    learnSyn(t, segOf(ev));
    sendSynSegment(t, fx, true);
  },
  /** Backlog full with syncookies: the SYN,ACK carries ISN = cookie and no TCB is kept. */
  sendSynCookie: (t, ev, fx) => {
    const e = ev as SegmentEvent;
    emit(fx, e.cookie ?? 0, seqAdd(e.seg.seq, 1), SYN | ACK, 0, advertised(t));
  },
  /** A valid cookie ACK: rebuild the connection from the cookie (ISS = cookie, IRS = SEG.SEQ-1). */
  acceptSynCookie: (t, ev, fx) => {
    const e = ev as SegmentEvent;
    t.passive = true;
    t.iss = e.cookie ?? 0;
    t.sndUna = t.sndNxt = seqAdd(t.iss, 1);
    t.irs = seqAdd(e.seg.seq, -1);
    t.rcvNxt = e.seg.seq;
    t.sndWl1 = seqAdd(e.seg.seq, -1);
    processSegment(t, e.seg, fx);
  },

  // --- SYN_SENT (RFC 9293 3.10.7.3) ---
  /** An ACK that does not acknowledge our SYN: <SEQ=SEG.ACK><CTL=RST>. */
  sendResetForAck: (_t, ev, fx) => emit(fx, segOf(ev).ack, 0, RST),
  /** SYN,ACK acceptable: IRS = SEG.SEQ, RCV.NXT = SEG.SEQ+1, SND.UNA = SEG.ACK, <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>. */
  acceptSynAck: (t, ev, fx) => {
    const seg = segOf(ev);
    learnSyn(t, seg);
    processAck(t, seg, fx);
    synAcknowledged(t);
    sendAck(t, fx);
    transmit(t, fx);
  },
  /** Simultaneous open: <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK> (RFC 9293 figure 7 line 5). */
  acceptSimultaneousSyn: (t, ev, fx) => {
    learnSyn(t, segOf(ev));
    emit(fx, t.iss, t.rcvNxt, SYN | ACK, 0, advertised(t));
    start(t, fx, 'retransmission');
  },

  // --- synchronized states (RFC 9293 3.10.7.4) ---
  /** Our SYN is acknowledged: the connection is established; send what the application queued. */
  establish: (t, ev, fx) => {
    const seg = segOf(ev);
    synAcknowledged(t);
    processSegment(t, { ...seg, flags: seg.flags & ~SYN, seq: seg.flags & SYN ? seqAdd(seg.seq, 1) : seg.seq }, fx);
    transmit(t, fx);
  },
  /** ESTABLISHED reached with a CLOSE waiting: establish, then the FIN follows the queued data. */
  establishThenClose: (t, ev, fx) => {
    t.closePending = false;
    t.finQueued = true;
    actions.establish(t, ev, fx);
  },
  resendSynAck: (t, _ev, fx) => emit(fx, t.iss, t.rcvNxt, SYN | ACK, 0, advertised(t)),
  /** Acknowledge, take data in order, ACK what arrived (no delayed ACKs: every segment with data is acknowledged). */
  processSegment: (t, ev, fx) => processSegment(t, segOf(ev), fx),
  /** First check: an unacceptable segment is answered <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> and dropped. */
  ackUnacceptable: (t, _ev, fx) => sendAck(t, fx),
  /** RFC 5961 challenge ACK for a SYN or an inexact RST in a synchronized state. */
  sendChallengeAck: (t, _ev, fx) => sendAck(t, fx),
  /** The peer's FIN in TIME_WAIT: acknowledge it (the 2MSL timer restarts on re-entry). */
  ackFinAgain: (t, _ev, fx) => sendAck(t, fx),
  /** A RST reset the connection: the application's calls fail (RFC 9293 "connection reset"). */
  signalReset: (t) => {
    t.error = 'ECONNRESET';
  },
  /** A RST answered our SYN (RFC 9293 3.10.7.3, and SYN_RECEIVED of an active open): "connection refused". */
  signalRefused: (t) => {
    t.error = 'ECONNREFUSED';
  },
  /** SEND after CLOSE (RFC 9293 3.10.2 "connection closing"): the write fails with EPIPE, nothing is sent. */
  signalClosing: (t) => {
    t.error = 'EPIPE';
  },
  /** Retries, keepalive probes or the user timeout ran out. */
  signalTimeout: (t) => {
    t.error = 'ETIMEDOUT';
  },
  /** Linux TCP_TW_SYN: the TIME_WAIT connection is reopened by a new SYN, ISS = SND.NXT + 65535 + 2. */
  reopenFromTimeWait: (t, ev, fx) => {
    const iss = seqAdd(t.sndNxt, 65_537);
    resetTcb(t);
    t.iss = iss === 0 ? 1 : iss;
    t.released = false;
    actions.acceptSyn(t, ev, fx);
  },

  // --- timers ---
  retransmitSyn: (t, _ev, fx) => retransmitEarliest(t, fx, false),
  retransmitSynAck: (t, _ev, fx) => retransmitEarliest(t, fx, true),
  retransmit: (t, _ev, fx) => retransmitEarliest(t, fx, true),
  /** Keepalive probe: <SEQ=SND.NXT-1><ACK=RCV.NXT><CTL=ACK>, an old sequence number the peer must ACK. */
  sendKeepaliveProbe: (t, _ev, fx) => {
    t.probesSent++;
    emit(fx, seqAdd(t.sndNxt, -1), t.rcvNxt, ACK, 0, advertised(t));
    start(t, fx, 'keepalive');
  },
  /** Keepalive gave up: Linux sends a RST (tcp_keepalive_timer) before dropping the connection. */
  sendResetOnKeepaliveTimeout: (t, _ev, fx) => emit(fx, t.sndNxt, t.rcvNxt, RST | ACK),
  /** Data after close(), or close() with unread data, on Linux: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK>. */
  sendResetForDataAfterClose: (t, _ev, fx) => emit(fx, t.sndNxt, t.rcvNxt, RST | ACK),
  startTimeWaitTimer: (t, _ev, fx) => start(t, fx, 'timeWait'),
  cancelTimeWaitTimer: (t, _ev, fx) => cancel(t, fx, 'timeWait'),
  startFinWait2Timer: (t, _ev, fx) => {
    if (t.released) start(t, fx, 'finWait2');
  },
  cancelFinWait2Timer: (t, _ev, fx) => cancel(t, fx, 'finWait2'),
  /** Entering CLOSED: delete the TCB (RFC 9293 3.3.2), i.e. stop every timer and forget the connection. */
  deleteTcb: (t, ev, fx) => {
    for (const name of TIMERS) cancel(t, fx, name);
    t.reason = closeReason(ev);
    resetTcb(t);
  },
  /** Back to LISTEN from SYN_RECEIVED (a RST; on the linux profile also a SYN,ACK never acknowledged). */
  returnToListen: (t, ev, fx) => {
    for (const name of TIMERS) cancel(t, fx, name);
    t.reason = closeReason(ev);
    t.passive = false;
    resetTcb(t);
  },
} satisfies Record<string, Action>;
export type ActionName = keyof typeof actions;

function closeReason(ev: TcpEvent): string {
  switch (ev.type) {
    case 'SEGMENT':
      return ev.seg.flags & RST ? 'reset by peer' : ev.seg.flags & SYN ? 'new SYN' : 'segment';
    case 'ABORT':
      return 'aborted';
    case 'CLOSE':
      return 'closed';
    case 'RETRANSMISSION_TIMEOUT':
      return 'retransmissions exhausted';
    case 'TIME_WAIT_TIMEOUT':
      return 'TIME_WAIT expired';
    case 'FIN_WAIT_2_TIMEOUT':
      return 'FIN_WAIT_2 timeout';
    case 'KEEPALIVE_TIMEOUT':
      return 'keepalive: peer not answering';
    case 'USER_TIMEOUT':
      return 'user timeout';
    default:
      return ev.type.startsWith('xstate.') ? '' : ev.type.toLowerCase();
  }
}
