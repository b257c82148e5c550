/**
 * The guards of the endpoint machine: what a segment, a call or a timeout is, in the TCB's terms, named
 * as RFC 9293 3.10 names the checks. Pure: they read the TCB and the event and change nothing.
 */
import { ACK, FIN, isSynOnly, RST, SYN, seqAdd, seqLe, seqLt, type Segment } from './segment.js';
import { acceptable, acksUnsent, dataOf, reassemble, rstInWindow } from './receive.js';
import type { Guard, SegmentEvent, Tcb, TcpEvent } from './tcb.js';

export const isHalfClose = (ev: TcpEvent): boolean => ev.type === 'CLOSE' && ev.half === true;

export function segOf(ev: TcpEvent): Segment {
  return (ev as SegmentEvent).seg;
}

export const has = (seg: Segment, bit: number): boolean => (seg.flags & bit) !== 0;

/** ACK field acknowledges something we sent and did not have acknowledged: SND.UNA < SEG.ACK =< SND.NXT. */
function acksNew(tcb: Tcb, seg: Segment): boolean {
  return has(seg, ACK) && seqLt(tcb.sndUna, seg.ack) && seqLe(seg.ack, tcb.sndNxt);
}

function acksOurFin(tcb: Tcb, seg: Segment): boolean {
  return tcb.finSent && has(seg, ACK) && seqLt(tcb.finSeq, seg.ack) && seqLe(seg.ack, tcb.sndNxt);
}

/**
 * The segment brings the peer's FIN into order (eighth check), after trimming and reassembly with what
 * is held, and it is not dropped by the fifth check first (an ACK of something not yet sent).
 */
function finArrives(t: Tcb, seg: Segment): boolean {
  if (has(seg, RST) || acksUnsent(t.sndNxt, seg)) return false;
  const d = dataOf(seg);
  if (!d.fin && t.ooo.length === 0) return false;
  return reassemble(t, d.start, d.len, d.fin).fin;
}

/** SYN_RECEIVED: the segment's ACK acknowledges our SYN (RFC 9293 3.10.7.4 fifth check). */
function acksOurSyn(t: Tcb, seg: Segment): boolean {
  return acksNew(t, seg);
}

/** RFC 9293 figure 7 line 6: the peer's SYN,ACK of a simultaneous open (its SYN again, now acknowledging ours). */
function isSimultaneousSynAck(t: Tcb, seg: Segment): boolean {
  return !t.passive && has(seg, SYN) && has(seg, ACK) && !has(seg, RST) && seg.seq === t.irs && acksNew(t, seg);
}

export const guards = {
  // --- LISTEN (RFC 9293 3.10.7.2) ---
  isRst: (_t, ev) => has(segOf(ev), RST),
  /** Any acknowledgment is bad in LISTEN: answer <SEQ=SEG.ACK><CTL=RST>. */
  isAck: (_t, ev) => has(segOf(ev), ACK),
  /** A SYN, the backlog has room: become SYN_RECEIVED. */
  isSyn: (_t, ev) => isSynOnly(segOf(ev)),
  /** A SYN when the backlog is full and syncookies are on: answer statelessly, stay in LISTEN. */
  isSynWithBacklogFullAndCookies: (t, ev): boolean =>
    isSynOnly(segOf(ev)) && (ev as SegmentEvent).backlogFull === true && t.syncookies,
  /** A SYN when the backlog is full without syncookies: dropped. */
  isSynWithBacklogFull: (_t, ev): boolean => isSynOnly(segOf(ev)) && (ev as SegmentEvent).backlogFull === true,
  /** The third ACK of a cookie handshake: SEG.ACK = cookie + 1 (the host computed the cookie). */
  acksSynCookie: (t, ev) => {
    const e = ev as SegmentEvent;
    return t.syncookies && e.cookie !== undefined && has(e.seg, ACK) && !has(e.seg, SYN) && !has(e.seg, RST) &&
      e.seg.ack === seqAdd(e.cookie, 1);
  },

  // --- SYN_SENT (RFC 9293 3.10.7.3) ---
  /** SEG.ACK =< ISS or SEG.ACK > SND.NXT: not for our SYN. */
  hasUnacceptableAck: (t, ev) => {
    const seg = segOf(ev);
    return has(seg, ACK) && (seqLe(seg.ack, t.iss) || seqLt(t.sndNxt, seg.ack));
  },
  isRstAcceptable: (t, ev) => {
    const seg = segOf(ev);
    return has(seg, RST) && has(seg, ACK) && seqLt(t.iss, seg.ack) && seqLe(seg.ack, t.sndNxt);
  },
  /** A SYN,ACK whose ACK acknowledges our SYN (SND.UNA < SEG.ACK =< SND.NXT). */
  isSynAckAcceptable: (t, ev) => {
    const seg = segOf(ev);
    return has(seg, SYN) && !has(seg, RST) && acksNew(t, seg);
  },
  /** Simultaneous open: a SYN without ACK while our SYN is out (RFC 9293 figure 7). */
  isSimultaneousSyn: (_t, ev) => isSynOnly(segOf(ev)),

  // --- synchronized states (RFC 9293 3.10.7.4), in the order of its checks ---
  /** First check, for a RST: outside the window it is dropped without an answer (RFC 5961 3.2 rule 1). */
  isRstOutOfWindow: (t, ev) => has(segOf(ev), RST) && !rstInWindow(t, segOf(ev)),
  /** First check: not acceptable (the four cases); answered <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>. */
  isUnacceptable: (t, ev) => !has(segOf(ev), RST) && !acceptable(t, segOf(ev)),
  /** Linux tcp_reset_check (CLOSE_WAIT, CLOSING, LAST_ACK of the linux profile): a RST at RCV.NXT-1, the peer's FIN's number. */
  isRstAtFinSequence: (t, ev) => has(segOf(ev), RST) && segOf(ev).seq === seqAdd(t.rcvNxt, -1),
  /** Second check, RFC 5961 3.2 rule 2: a RST at exactly RCV.NXT resets the connection. */
  isRstExact: (t, ev) => has(segOf(ev), RST) && segOf(ev).seq === t.rcvNxt,
  isRstExactFromListen: (t, ev) => t.passive && has(segOf(ev), RST) && segOf(ev).seq === t.rcvNxt,
  /** Second check, RFC 5961 3.2 rule 3: a RST in the window but not at RCV.NXT draws a challenge ACK. */
  isRstInexact: (_t, ev) => has(segOf(ev), RST),
  /** Fourth check: a SYN in a synchronized state, whatever its sequence number (RFC 5961 4.2: challenge ACK). */
  hasSyn: (_t, ev) => has(segOf(ev), SYN) && !has(segOf(ev), RST),
  /** Fourth check, SYN_RECEIVED from a passive OPEN: an acceptable SYN returns the TCB to LISTEN. */
  isNewSynFromListen: (t, ev) => t.passive && isSynOnly(segOf(ev)) && acceptable(t, segOf(ev)),
  hasAck: (_t, ev) => has(segOf(ev), ACK),
  /** Fifth check: "if the ACK bit is off, drop the segment and return". */
  hasNoAck: (_t, ev) => !has(segOf(ev), ACK) && !has(segOf(ev), RST),
  /** Linux tcp_check_req: the peer's SYN again (our SYN,ACK was lost): send the SYN,ACK again. */
  isDuplicateSyn: (t, ev) => isSynOnly(segOf(ev)) && segOf(ev).seq === t.irs,
  /** SYN_RECEIVED fifth check: an ACK outside SND.UNA < SEG.ACK =< SND.NXT is answered <SEQ=SEG.ACK><CTL=RST>. */
  hasBadAckInSynReceived: (t, ev) => has(segOf(ev), ACK) && !acksOurSyn(t, segOf(ev)),
  isSimultaneousSynAck: (t, ev) => isSimultaneousSynAck(t, segOf(ev)),
  /** SYN_RECEIVED: our SYN is acknowledged (RFC 9293 3.10.7.4 fifth check). */
  acksOurSyn: (t, ev) => acksOurSyn(t, segOf(ev)),
  /** ... and the same segment carries the peer's FIN: on to CLOSE_WAIT (eighth check). */
  acksOurSynWithFin: (t, ev) => acksOurSyn(t, segOf(ev)) && finArrives(t, segOf(ev)),
  /** ... with a CLOSE waiting (RFC 9293 3.10.4): ESTABLISHED, then the queued CLOSE sends the FIN. */
  acksOurSynClosePending: (t, ev) => t.closePending && acksOurSyn(t, segOf(ev)),
  acksOurSynClosePendingWithFin: (t, ev) => t.closePending && acksOurSyn(t, segOf(ev)) && finArrives(t, segOf(ev)),
  finArrives: (t, ev) => finArrives(t, segOf(ev)),
  acksOurFin: (t, ev) => !has(segOf(ev), RST) && acksOurFin(t, segOf(ev)),
  /** FIN_WAIT_1: the peer's FIN also acknowledges our FIN: straight to TIME_WAIT. */
  finAcksOurFin: (t, ev) => finArrives(t, segOf(ev)) && acksOurFin(t, segOf(ev)),
  /**
   * New data after close() is answered with RST (Linux tcp_rcv_state_process). Only the machines of
   * profiles with resetOnDataAfterClose have a transition with this guard (endpoint.machine.ts).
   */
  dataAfterClose: (t, ev) => {
    const seg = segOf(ev);
    return t.released && !has(seg, RST) && seg.len > 0 && seqLt(seqAdd(t.rcvNxt, -1), seqAdd(seg.seq, seg.len));
  },
  /**
   * close() while received data is unread (RFC 1122 4.2.2.13): RST instead of FIN. Only in the machines
   * of profiles with resetOnCloseWithUnreadData (Linux tcp_close).
   */
  closeWithUnreadData: (t, ev) => !isHalfClose(ev) && t.unread > 0,
  /** RFC 9293 3.10.4, SYN_RECEIVED: nothing was sent or queued, so the FIN can go now. */
  nothingQueued: (t) => t.sendQueue === 0,
  /**
   * TIME_WAIT: the peer's FIN again, its FIN at RCV.NXT-1 (our ACK of it was lost), or a FIN the first
   * check accepts. RFC 9293 3.10.7.4, fifth check ("The only thing that can arrive in this state is a
   * retransmission of the remote FIN. Acknowledge it, and restart the 2 MSL timeout") and eighth. A FIN
   * at any other sequence number is not the peer's: it gets the first check's ACK, the timer runs on.
   */
  isPeerFin: (t, ev) => {
    const seg = segOf(ev);
    if (!has(seg, FIN) || !has(seg, ACK) || has(seg, RST) || has(seg, SYN)) return false;
    return seqAdd(seg.seq, seg.len) === seqAdd(t.rcvNxt, -1) || acceptable(t, seg);
  },
  /** Linux tcp_timewait_state_process: any other segment with ACK reschedules the timewait socket. */
  isUnacceptableWithAck: (t, ev) => !has(segOf(ev), RST) && has(segOf(ev), ACK) && !acceptable(t, segOf(ev)),
  /**
   * Linux tcp_timewait_state_process (TCP_TW_SYN), RFC 6191: a SYN (no ACK) above RCV.NXT while the host
   * listens reopens the connection. Only in profiles with reopenFromTimeWait.
   */
  isNewSynInTimeWait: (t, ev) =>
    isSynOnly(segOf(ev)) && (ev as SegmentEvent).listening === true && seqLt(t.rcvNxt, segOf(ev).seq),

  // --- timeouts ---
  retransmissionsExhausted: (t) => t.retransmits >= retryLimit(t),
  /** Linux profile only (endpoint.machine.ts): a passive open's SYN,ACK gave up; the listener stays. */
  retransmissionsExhaustedPassive: (t) => t.retransmits >= retryLimit(t) && t.passive,
  probesExhausted: (t) => t.probesSent >= t.keepaliveProbes,
  /** Linux tcp_fin_timeout applies to orphaned sockets only (closed, not shut down). */
  isOrphaned: (t) => t.released,
} satisfies Record<string, Guard>;
export type GuardName = keyof typeof guards;

/**
 * Retransmissions allowed for what is outstanding: while our SYN is unacknowledged (SND.UNA = ISS) the
 * SYN count (passive open: the SYN,ACK count), else the data/FIN count.
 */
export function retryLimit(t: Tcb): number {
  if (t.sndUna !== t.iss) return t.retries;
  return t.passive ? t.synAckRetries : t.synRetries;
}

