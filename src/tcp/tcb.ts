/**
 * The transmission control block (RFC 9293 3.3.1) and the guards and actions of the endpoint machine as
 * plain functions. endpoint.machine.ts declares them by name in xstate's setup(); engine.ts runs the
 * same functions from a table compiled out of that machine. Guards read the TCB and the event; actions
 * mutate a draft TCB and report their effects (segments to send, timers to start or cancel).
 */
import { ACK, FIN, isSynOnly, RST, SYN, segmentLength, seqAdd, seqLe, seqLt, type Segment } from './segment.js';
import { acceptable, acksUnsent, dataOf, MAX_WINDOW, reassemble, rstInWindow, UNKNOWN_WINDOW, type Piece } from './receive.js';
import { advertised, cancel, emit, processAck, retransmitEarliest, sendSynSegment, start, transmit, type RtxEntry } from './send.js';
import { getProfile, type Profile, type ProfileName, type TcpConfig } from './profile.js';

export { TIMERS, TIMER_BIT, TIMER_EVENT, TIMER_DELAY, type TimerName } from './timers.js';
import { TIMERS, TIMER_BIT, TIMER_EVENT, type TimerName } from './timers.js';

/** RFC 9293 3.3.1 send and receive sequence variables plus what this simulator needs around them. */
export interface Tcb {
  /** The current RTO before back-off: the initial one until an RTT sample, then RFC 6298's. */
  rto: number;
  readonly maxRto: number;
  readonly rtoMin: number;
  readonly rtoVarFloor: number;
  readonly rtoFixed: boolean;
  /** Retransmissions of data or FIN before giving up. */
  readonly retries: number;
  /** Retransmissions of our SYN (SYN_SENT; SYN_RECEIVED by simultaneous open) before giving up. */
  readonly synRetries: number;
  /** Retransmissions of the SYN,ACK of a passive open before giving up. */
  readonly synAckRetries: number;
  readonly timeWaitLength: number;
  readonly finWait2Timeout: number;
  readonly keepaliveIdle: number;
  readonly keepaliveInterval: number;
  readonly keepaliveProbes: number;
  readonly userTimeout: number;
  readonly mss: number;
  readonly rcvBuf: number;
  readonly syncookies: boolean;
  readonly abortRstCarriesAck: boolean;
  readonly timeWaitRestartOnAnyAck: boolean;
  /** The application reads what arrives at once (scenario endpoint `reads`, default true). */
  readonly appReads: boolean;
  /** Initial send sequence number (scenario `isn`). */
  iss: number;
  /** Initial receive sequence number. */
  irs: number;
  sndUna: number;
  sndNxt: number;
  /** SND.WND: the peer's advertised window; SND.WL1/SND.WL2: the segment that last set it. */
  sndWnd: number;
  sndWl1: number;
  sndWl2: number;
  rcvNxt: number;
  /** Segments held beyond a gap (RFC 9293 3.10.7.4: in-window segments past RCV.NXT). */
  ooo: readonly Piece[];
  /** Segments sent and not yet acknowledged, oldest first. */
  rtx: readonly RtxEntry[];
  /** RFC 6298 SRTT and RTTVAR in ms (both 0: no sample yet). */
  srtt: number;
  rttvar: number;
  /** Our SYN was retransmitted (RFC 6298 5.7). */
  synRetransmitted: boolean;
  /** Bytes the application wrote that are not yet sent. */
  sendQueue: number;
  /** The application called CLOSE: a FIN goes out after the queued data. */
  finQueued: boolean;
  finSent: boolean;
  /** Sequence number our FIN occupies (valid when finSent). */
  finSeq: number;
  /** A CLOSE in SYN_RECEIVED waits for ESTABLISHED (RFC 9293 3.10.4; Linux always). */
  closePending: boolean;
  /** This TCB left LISTEN on a SYN (RFC 9293 3.10.7.4: a RST in SYN_RECEIVED returns it to LISTEN). */
  passive: boolean;
  /** Consecutive retransmissions of the oldest unacknowledged segment (the backoff exponent). */
  retransmits: number;
  keepalive: boolean;
  probesSent: number;
  /** Running timers, TIMER_BIT mask (kept so a snapshot and the graph form can see them). */
  timers: number;
  bytesReceived: number;
  /** Received bytes the application has not read (stays 0 when appReads). */
  unread: number;
  /** The peer's FIN arrived in order: a read returns end of file once the data is read. */
  finReceived: boolean;
  /** A full CLOSE was taken (not `half`): nobody will read what still arrives. */
  released: boolean;
  bytesAcked: number;
  /** Why the TCB last went to CLOSED (or back to LISTEN): for people reading a run. */
  reason: string;
  /** The error the application's calls see (ECONNREFUSED, ECONNRESET, ETIMEDOUT, EPIPE), '' if none. */
  error: string;
}

export interface TcbInput {
  readonly profile?: ProfileName;
  readonly isn?: number;
  readonly syncookies?: boolean;
  /** False: the application never reads (received data stays unread). Default true. */
  readonly appReads?: boolean;
  readonly config?: Partial<TcpConfig>;
}

/** The settings part of a TCB: a profile's defaults under a scenario's config. */
type TcbSettings = Pick<
  Tcb,
  | 'rto' | 'maxRto' | 'rtoMin' | 'rtoVarFloor' | 'rtoFixed' | 'retries' | 'synRetries' | 'synAckRetries' | 'timeWaitLength' | 'finWait2Timeout'
  | 'keepaliveIdle' | 'keepaliveInterval' | 'keepaliveProbes' | 'userTimeout' | 'mss' | 'rcvBuf' | 'abortRstCarriesAck'
  | 'timeWaitRestartOnAnyAck'
>;

function resolveSettings(profile: Profile, config: Partial<TcpConfig> | undefined): TcbSettings {
  const c: TcpConfig = { ...profile.defaults, ...config };
  // An explicit `retries` (a scenario's config) counts for the handshake too, unless the SYN counts are given.
  const handshake = config?.retries;
  return {
    rto: c.rto,
    maxRto: profile.maxRto,
    rtoMin: profile.rtoMin,
    rtoVarFloor: profile.rtoVarFloor,
    rtoFixed: c.rtoFixed,
    retries: c.retries,
    synRetries: config?.synRetries ?? handshake ?? c.synRetries,
    synAckRetries: config?.synAckRetries ?? handshake ?? c.synAckRetries,
    timeWaitLength: profile.timeWaitLength ?? 2 * c.msl,
    finWait2Timeout: c.finWait2Timeout,
    keepaliveIdle: c.keepaliveIdle,
    keepaliveInterval: c.keepaliveInterval,
    keepaliveProbes: c.keepaliveProbes,
    userTimeout: c.userTimeout,
    mss: c.mss,
    rcvBuf: c.rcvBuf,
    abortRstCarriesAck: profile.abortRstCarriesAck,
    timeWaitRestartOnAnyAck: profile.timeWaitRestartOnAnyAck,
  };
}

/**
 * Settings resolved once per (config object, profile): a simulation passes the same config for every
 * TCB it creates (one per flood SYN that finds room), so the merge is not redone each time.
 */
const settingsByConfig = new WeakMap<Partial<TcpConfig>, Map<ProfileName, TcbSettings>>();
const settingsOfProfile = new Map<ProfileName, TcbSettings>();
function settingsFor(profile: Profile, config: Partial<TcpConfig> | undefined): TcbSettings {
  let byProfile = settingsOfProfile;
  if (config !== undefined) {
    let m = settingsByConfig.get(config);
    if (!m) settingsByConfig.set(config, (m = new Map()));
    byProfile = m;
  }
  let hit = byProfile.get(profile.name);
  if (!hit) byProfile.set(profile.name, (hit = resolveSettings(profile, config)));
  return hit;
}

const NONE: readonly never[] = [];

/** A fresh TCB; `profile` overrides input.profile (the machine's profile decides). */
export function createTcb(input: TcbInput = {}, profileName: ProfileName | undefined = input.profile): Tcb {
  const s = settingsFor(getProfile(profileName), input.config);
  const iss = (input.isn ?? 0) >>> 0;
  // Written out field by field (no spread of `s`): V8 builds this literal much faster than a spread.
  return {
    rto: s.rto,
    maxRto: s.maxRto,
    rtoMin: s.rtoMin,
    rtoVarFloor: s.rtoVarFloor,
    rtoFixed: s.rtoFixed,
    retries: s.retries,
    synRetries: s.synRetries,
    synAckRetries: s.synAckRetries,
    timeWaitLength: s.timeWaitLength,
    finWait2Timeout: s.finWait2Timeout,
    keepaliveIdle: s.keepaliveIdle,
    keepaliveInterval: s.keepaliveInterval,
    keepaliveProbes: s.keepaliveProbes,
    userTimeout: s.userTimeout,
    mss: s.mss,
    rcvBuf: s.rcvBuf,
    syncookies: input.syncookies ?? false,
    appReads: input.appReads ?? true,
    abortRstCarriesAck: s.abortRstCarriesAck,
    timeWaitRestartOnAnyAck: s.timeWaitRestartOnAnyAck,
    iss,
    irs: 0,
    sndUna: iss,
    sndNxt: iss,
    sndWnd: MAX_WINDOW,
    sndWl1: 0,
    sndWl2: 0,
    rcvNxt: 0,
    ooo: NONE,
    rtx: NONE,
    srtt: 0,
    rttvar: 0,
    synRetransmitted: false,
    sendQueue: 0,
    finQueued: false,
    finSent: false,
    finSeq: 0,
    closePending: false,
    passive: false,
    retransmits: 0,
    keepalive: false,
    probesSent: 0,
    timers: 0,
    bytesReceived: 0,
    unread: 0,
    finReceived: false,
    released: false,
    bytesAcked: 0,
    reason: '',
    error: '',
  };
}

/** Events of the endpoint machine: application calls (RFC 9293 3.9), arriving segments, timeouts. */
export type AppEvent =
  | { readonly type: 'PASSIVE_OPEN' }
  | { readonly type: 'ACTIVE_OPEN' }
  | { readonly type: 'SEND'; readonly bytes: number }
  /**
   * `half`: shutdown(SHUT_WR) (Node's end()), RFC 9293's own CLOSE: no more to send, still reading.
   * Without it, close(2): the application lets go of the socket, and a profile that resets data arriving
   * after close() or close() with unread data (linux) does so.
   */
  | { readonly type: 'CLOSE'; readonly half?: boolean }
  | { readonly type: 'ABORT' }
  | { readonly type: 'SET_KEEPALIVE' };
export interface SegmentEvent {
  readonly type: 'SEGMENT';
  readonly seg: Segment;
  /** Set by a listening host: its half-open backlog is full (RFC 9293 leaves the policy to the host). */
  readonly backlogFull?: boolean;
  /** Set by a host with syncookies for a TCB in LISTEN (the only state that reads it): the ISN a cookie SYN,ACK to this segment's source carries. */
  readonly cookie?: number;
  /** Set by the host: it has a listener on the port (TIME_WAIT may hand a new SYN to it). */
  readonly listening?: boolean;
}
/** A timer ran out: RETRANSMISSION_TIMEOUT, TIME_WAIT_TIMEOUT, FIN_WAIT_2_TIMEOUT, KEEPALIVE_TIMEOUT, USER_TIMEOUT. */
export type TimeoutEvent = { readonly type: (typeof TIMER_EVENT)[TimerName] };
export type TcpEvent = AppEvent | SegmentEvent | TimeoutEvent;

export const APP_EVENTS = ['PASSIVE_OPEN', 'ACTIVE_OPEN', 'SEND', 'CLOSE', 'ABORT', 'SET_KEEPALIVE'] as const;
export const TIMEOUT_EVENTS: readonly TimeoutEvent['type'][] = TIMERS.map((name) => TIMER_EVENT[name]);
export type EventKind = 'application' | 'segment' | 'timeout';
export function eventKind(type: string): EventKind {
  if (type === 'SEGMENT') return 'segment';
  return (TIMEOUT_EVENTS as readonly string[]).includes(type) ? 'timeout' : 'application';
}

/** What an action asks of whoever runs the machine. */
export interface Effects {
  send(seg: Segment): void;
  startTimer(name: TimerName): void;
  cancelTimer(name: TimerName): void;
  /** Virtual ms now (RTT samples); absent where time does not exist (the graph walk): 0. */
  now?(): number;
}

export type Guard = (tcb: Tcb, ev: TcpEvent) => boolean;
export type Action = (tcb: Tcb, ev: TcpEvent, fx: Effects) => void;

/** Milliseconds a timer runs when started now (the delays of setup()). */
export function timerDelay(name: TimerName, tcb: Tcb): number {
  switch (name) {
    case 'retransmission':
      // RFC 6298 5.5: back off the timer (double it) on each retransmission.
      return Math.min(tcb.rto * 2 ** tcb.retransmits, tcb.maxRto);
    case 'timeWait':
      return tcb.timeWaitLength;
    case 'finWait2':
      return tcb.finWait2Timeout;
    case 'keepalive':
      return tcb.probesSent === 0 ? tcb.keepaliveIdle : tcb.keepaliveInterval;
    case 'user':
      return tcb.userTimeout;
  }
}

const isHalfClose = (ev: TcpEvent): boolean => ev.type === 'CLOSE' && ev.half === true;

function segOf(ev: TcpEvent): Segment {
  return (ev as SegmentEvent).seg;
}

const has = (seg: Segment, bit: number): boolean => (seg.flags & bit) !== 0;

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
    sendAck(t, fx);
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
