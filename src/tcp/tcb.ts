/**
 * The transmission control block (RFC 9293 3.3.1) and the guards and actions of the endpoint machine as
 * plain functions. endpoint.machine.ts declares them by name in xstate's setup(); engine.ts runs the
 * same functions from a table compiled out of that machine. Guards read the TCB and the event; actions
 * mutate a draft TCB and report their effects (segments to send, timers to start or cancel).
 */
import { ACK, FIN, isSynOnly, PSH, RST, SYN, segmentLength, seqAdd, seqDiff, seqLe, seqLt, type Segment } from './segment.js';
import { getProfile, type Profile, type ProfileName, type TcpConfig } from './profile.js';

/** Timers of one TCB. Each fires its own event (`<NAME>_TIMEOUT`) and is restarted by starting it again. */
export const TIMERS = ['retransmission', 'timeWait', 'finWait2', 'keepalive'] as const;
export type TimerName = (typeof TIMERS)[number];
export const TIMER_BIT: Readonly<Record<TimerName, number>> = { retransmission: 1, timeWait: 2, finWait2: 4, keepalive: 8 };
export const TIMER_EVENT = {
  retransmission: 'RETRANSMISSION_TIMEOUT',
  timeWait: 'TIME_WAIT_TIMEOUT',
  finWait2: 'FIN_WAIT_2_TIMEOUT',
  keepalive: 'KEEPALIVE_TIMEOUT',
} as const satisfies Record<TimerName, string>;
/** Delay names as declared in setup({ delays }). */
export const TIMER_DELAY = {
  retransmission: 'RTO',
  timeWait: 'TIME_WAIT_LENGTH',
  finWait2: 'FIN_WAIT_2_TIMEOUT',
  keepalive: 'KEEPALIVE_TIME',
} as const satisfies Record<TimerName, string>;

/** RFC 9293 3.3.1 send and receive sequence variables plus what this simulator needs around them. */
export interface Tcb {
  readonly rto: number;
  readonly maxRto: number;
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
  readonly mss: number;
  readonly syncookies: boolean;
  readonly abortRstCarriesAck: boolean;
  /** The application reads what arrives at once (scenario endpoint `reads`, default true). */
  readonly appReads: boolean;
  /** Initial send sequence number (scenario `isn`). */
  iss: number;
  /** Initial receive sequence number. */
  irs: number;
  sndUna: number;
  sndNxt: number;
  rcvNxt: number;
  /** Bytes the application wrote that are not yet sent. */
  sendQueue: number;
  /** The application called CLOSE: a FIN goes out after the queued data. */
  finQueued: boolean;
  finSent: boolean;
  /** Sequence number our FIN occupies (valid when finSent). */
  finSeq: number;
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
  /** A full CLOSE was taken (not `half`): nobody will read what still arrives. */
  released: boolean;
  bytesAcked: number;
  /** Why the TCB last went to CLOSED (or back to LISTEN): for people reading a run. */
  reason: string;
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
  | 'rto' | 'maxRto' | 'retries' | 'synRetries' | 'synAckRetries' | 'timeWaitLength' | 'finWait2Timeout'
  | 'keepaliveIdle' | 'keepaliveInterval' | 'keepaliveProbes' | 'mss' | 'abortRstCarriesAck'
>;

function resolveSettings(profile: Profile, config: Partial<TcpConfig> | undefined): TcbSettings {
  const c: TcpConfig = { ...profile.defaults, ...config };
  // An explicit `retries` (a scenario's config) counts for the handshake too, unless the SYN counts are given.
  const handshake = config?.retries;
  return {
    rto: c.rto,
    maxRto: profile.maxRto,
    retries: c.retries,
    synRetries: config?.synRetries ?? handshake ?? c.synRetries,
    synAckRetries: config?.synAckRetries ?? handshake ?? c.synAckRetries,
    timeWaitLength: profile.timeWaitLength ?? 2 * c.msl,
    finWait2Timeout: c.finWait2Timeout,
    keepaliveIdle: c.keepaliveIdle,
    keepaliveInterval: c.keepaliveInterval,
    keepaliveProbes: c.keepaliveProbes,
    mss: c.mss,
    abortRstCarriesAck: profile.abortRstCarriesAck,
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

/** A fresh TCB; `profile` overrides input.profile (the machine's profile decides). */
export function createTcb(input: TcbInput = {}, profileName: ProfileName | undefined = input.profile): Tcb {
  const s = settingsFor(getProfile(profileName), input.config);
  const iss = (input.isn ?? 0) >>> 0;
  // Written out field by field (no spread of `s`): V8 builds this literal much faster than a spread.
  return {
    rto: s.rto,
    maxRto: s.maxRto,
    retries: s.retries,
    synRetries: s.synRetries,
    synAckRetries: s.synAckRetries,
    timeWaitLength: s.timeWaitLength,
    finWait2Timeout: s.finWait2Timeout,
    keepaliveIdle: s.keepaliveIdle,
    keepaliveInterval: s.keepaliveInterval,
    keepaliveProbes: s.keepaliveProbes,
    mss: s.mss,
    syncookies: input.syncookies ?? false,
    appReads: input.appReads ?? true,
    abortRstCarriesAck: s.abortRstCarriesAck,
    iss,
    irs: 0,
    sndUna: iss,
    sndNxt: iss,
    rcvNxt: 0,
    sendQueue: 0,
    finQueued: false,
    finSent: false,
    finSeq: 0,
    passive: false,
    retransmits: 0,
    keepalive: false,
    probesSent: 0,
    timers: 0,
    bytesReceived: 0,
    unread: 0,
    released: false,
    bytesAcked: 0,
    reason: '',
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
}
/** A timer ran out: RETRANSMISSION_TIMEOUT, TIME_WAIT_TIMEOUT, FIN_WAIT_2_TIMEOUT, KEEPALIVE_TIMEOUT. */
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
  }
}

const isHalfClose = (ev: TcpEvent): boolean => ev.type === 'CLOSE' && ev.half === true;

function segOf(ev: TcpEvent): Segment {
  return (ev as SegmentEvent).seg;
}

const has = (seg: Segment, bit: number): boolean => (seg.flags & bit) !== 0;

/** Data or FIN in the segment that starts exactly at RCV.NXT (this receiver keeps no out-of-order queue). */
function inOrder(tcb: Tcb, seg: Segment): boolean {
  return seg.seq === tcb.rcvNxt;
}

/** ACK field acknowledges something we sent and did not have acknowledged: SND.UNA < SEG.ACK =< SND.NXT. */
function acksNew(tcb: Tcb, seg: Segment): boolean {
  return has(seg, ACK) && seqLt(tcb.sndUna, seg.ack) && seqLe(seg.ack, tcb.sndNxt);
}

function acksOurFin(tcb: Tcb, seg: Segment): boolean {
  return tcb.finSent && has(seg, ACK) && seqLt(tcb.finSeq, seg.ack) && seqLe(seg.ack, tcb.sndNxt);
}

function finInOrder(tcb: Tcb, seg: Segment): boolean {
  return has(seg, FIN) && !has(seg, RST) && !has(seg, SYN) && inOrder(tcb, seg) && !seqLt(tcb.sndNxt, seg.ack);
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

  // --- synchronized states (RFC 9293 3.10.7.4) ---
  /** RFC 5961 3.2: a RST whose sequence number is exactly RCV.NXT resets the connection. */
  isRstInWindow: (t, ev) => has(segOf(ev), RST) && segOf(ev).seq === t.rcvNxt,
  isRstInWindowFromListen: (t, ev) => t.passive && has(segOf(ev), RST) && segOf(ev).seq === t.rcvNxt,
  /** A SYN in a synchronized state (RFC 9293 3.10.7.4 fourth check): answered with a challenge ACK. */
  hasSyn: (_t, ev) => has(segOf(ev), SYN),
  /** A retransmitted SYN of the peer (our SYN,ACK was lost): send the SYN,ACK again. */
  isDuplicateSyn: (t, ev) => isSynOnly(segOf(ev)) && segOf(ev).seq === t.irs,
  /** SYN_RECEIVED: the ACK acknowledges our SYN (SND.UNA < SEG.ACK =< SND.NXT). */
  acksOurSyn: (t, ev) => {
    const seg = segOf(ev);
    if (has(seg, RST) || !acksNew(t, seg)) return false;
    // A SYN,ACK here is the other half of a simultaneous open (RFC 9293 figure 7, line 6).
    return !has(seg, SYN) || seg.seq === t.irs;
  },
  finInOrder: (t, ev) => finInOrder(t, segOf(ev)),
  acksOurFin: (t, ev) => !has(segOf(ev), RST) && acksOurFin(t, segOf(ev)),
  /** FIN_WAIT_1: the peer's FIN also acknowledges our FIN: straight to TIME_WAIT. */
  finAcksOurFin: (t, ev) => finInOrder(t, segOf(ev)) && acksOurFin(t, segOf(ev)),
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
  /** The peer retransmitted its FIN (our last ACK was lost). */
  isFin: (_t, ev) => has(segOf(ev), FIN) && !has(segOf(ev), RST),

  // --- timeouts ---
  retransmissionsExhausted: (t) => t.retransmits >= retryLimit(t),
  /** Linux profile only (endpoint.machine.ts): a passive open's SYN,ACK gave up; the listener stays. */
  retransmissionsExhaustedPassive: (t) => t.retransmits >= retryLimit(t) && t.passive,
  hasUnacknowledged: (t) => t.sndUna !== t.sndNxt,
  probesExhausted: (t) => t.probesSent >= t.keepaliveProbes,
  keepaliveEnabled: (t) => t.keepalive,
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

function emit(fx: Effects, seq: number, ack: number, flags: number, len = 0): void {
  fx.send({ seq: seq >>> 0, ack: ack >>> 0, flags, len });
}

function cancel(t: Tcb, fx: Effects, name: TimerName): void {
  if (t.timers & TIMER_BIT[name]) {
    t.timers &= ~TIMER_BIT[name];
    fx.cancelTimer(name);
  }
}
function start(t: Tcb, fx: Effects, name: TimerName): void {
  t.timers |= TIMER_BIT[name];
  fx.startTimer(name);
}

/** Send the queued data (MSS-sized, PSH on the last piece) and then a queued FIN. */
function transmit(t: Tcb, fx: Effects): void {
  let sent = false;
  while (t.sendQueue > 0) {
    const len = Math.min(t.sendQueue, t.mss);
    t.sendQueue -= len;
    emit(fx, t.sndNxt, t.rcvNxt, ACK | (t.sendQueue === 0 ? PSH : 0), len);
    t.sndNxt = seqAdd(t.sndNxt, len);
    sent = true;
  }
  if (t.finQueued && !t.finSent) {
    t.finSent = true;
    t.finSeq = t.sndNxt;
    emit(fx, t.sndNxt, t.rcvNxt, FIN | ACK);
    t.sndNxt = seqAdd(t.sndNxt, 1);
    sent = true;
  }
  if (sent && !(t.timers & TIMER_BIT.retransmission)) start(t, fx, 'retransmission');
}

/**
 * RFC 9293 3.10.7.4 fifth check (the ACK field) for synchronized states. Returns false when the segment
 * must be dropped (it acknowledges something not yet sent: send an ACK).
 */
function processAck(t: Tcb, seg: Segment, fx: Effects): boolean {
  if (!has(seg, ACK)) return false;
  if (seqLt(t.sndNxt, seg.ack)) {
    emit(fx, t.sndNxt, t.rcvNxt, ACK);
    return false;
  }
  if (seqLt(t.sndUna, seg.ack)) {
    t.bytesAcked += seqDiff(seg.ack, t.sndUna);
    t.sndUna = seg.ack;
    t.retransmits = 0;
    // RFC 6298 5.2/5.3: all data acknowledged -> stop the timer, else restart it.
    if (t.sndUna === t.sndNxt) cancel(t, fx, 'retransmission');
    else start(t, fx, 'retransmission');
  }
  return true;
}

/** Data and FIN of an arriving segment (RFC 9293 3.10.7.4 seventh and eighth checks), then an ACK if due. */
function processSegment(t: Tcb, seg: Segment, fx: Effects): void {
  // Any arriving segment shows the peer is alive (RFC 1122 4.2.3.6).
  if (t.keepalive && t.timers & TIMER_BIT.keepalive) {
    t.probesSent = 0;
    start(t, fx, 'keepalive');
  }
  const occupies = seg.len + (has(seg, FIN) ? 1 : 0);
  if (!inOrder(t, seg)) {
    // Not acceptable (old duplicate, keepalive probe, or beyond a gap): RFC 9293 3.10.7.4 first check,
    // <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>. A bare ACK ahead of RCV.NXT inside the window is fine.
    if (occupies > 0 || seqLt(seg.seq, t.rcvNxt)) {
      if (!has(seg, RST)) emit(fx, t.sndNxt, t.rcvNxt, ACK);
      return;
    }
  }
  if (!processAck(t, seg, fx)) return;
  if (occupies > 0 && inOrder(t, seg)) {
    t.rcvNxt = seqAdd(t.rcvNxt, occupies);
    t.bytesReceived += seg.len;
    if (!t.appReads) t.unread += seg.len;
    emit(fx, t.sndNxt, t.rcvNxt, ACK);
  }
}

function retransmitFromUna(t: Tcb, fx: Effects): void {
  t.retransmits++;
  let seq = t.sndUna;
  const finOutstanding = t.finSent && seqLe(t.sndUna, t.finSeq);
  let data = seqDiff(t.sndNxt, t.sndUna) - (finOutstanding ? 1 : 0);
  do {
    const len = Math.min(data, t.mss);
    data -= len;
    const last = data === 0;
    const flags = ACK | (len > 0 && last ? PSH : 0) | (last && finOutstanding ? FIN : 0);
    emit(fx, seq, t.rcvNxt, flags, len);
    seq = seqAdd(seq, len);
  } while (data > 0);
  start(t, fx, 'retransmission');
}

function resetTcb(t: Tcb): void {
  t.sndUna = t.sndNxt = t.iss;
  t.irs = t.rcvNxt = 0;
  t.sendQueue = 0;
  t.finQueued = t.finSent = false;
  t.finSeq = 0;
  t.retransmits = 0;
  t.probesSent = 0;
  t.unread = 0;
}

export const actions = {
  // --- application calls (RFC 9293 3.10.1-3.10.5) ---
  /** OPEN call, active: <SEQ=ISS><CTL=SYN>, SND.UNA = ISS, SND.NXT = ISS+1. */
  sendSyn: (t, _ev, fx) => {
    t.passive = false;
    t.sndUna = t.iss;
    emit(fx, t.iss, 0, SYN);
    t.sndNxt = seqAdd(t.iss, 1);
    start(t, fx, 'retransmission');
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
    const seg = segOf(ev);
    t.passive = true;
    t.irs = seg.seq;
    t.rcvNxt = seqAdd(seg.seq, 1);
    t.sndUna = t.iss;
    emit(fx, t.iss, t.rcvNxt, SYN | ACK);
    t.sndNxt = seqAdd(t.iss, 1);
    start(t, fx, 'retransmission');
  },
  /** Backlog full with syncookies: the SYN,ACK carries ISN = cookie and no TCB is kept. */
  sendSynCookie: (_t, ev, fx) => {
    const e = ev as SegmentEvent;
    emit(fx, e.cookie ?? 0, seqAdd(e.seg.seq, 1), SYN | ACK);
  },
  /** A valid cookie ACK: rebuild the connection from the cookie (ISS = cookie, IRS = SEG.SEQ-1). */
  acceptSynCookie: (t, ev, fx) => {
    const e = ev as SegmentEvent;
    t.passive = true;
    t.iss = e.cookie ?? 0;
    t.sndUna = t.sndNxt = seqAdd(t.iss, 1);
    t.irs = seqAdd(e.seg.seq, -1);
    t.rcvNxt = e.seg.seq;
    processSegment(t, e.seg, fx);
  },

  // --- SYN_SENT (RFC 9293 3.10.7.3) ---
  /** An ACK that does not acknowledge our SYN: <SEQ=SEG.ACK><CTL=RST>. */
  sendResetForAck: (_t, ev, fx) => emit(fx, segOf(ev).ack, 0, RST),
  /** SYN,ACK acceptable: IRS = SEG.SEQ, RCV.NXT = SEG.SEQ+1, SND.UNA = SEG.ACK, <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>. */
  acceptSynAck: (t, ev, fx) => {
    const seg = segOf(ev);
    t.irs = seg.seq;
    t.rcvNxt = seqAdd(seg.seq, 1);
    t.sndUna = seg.ack;
    t.retransmits = 0;
    cancel(t, fx, 'retransmission');
    emit(fx, t.sndNxt, t.rcvNxt, ACK);
    transmit(t, fx);
  },
  /** Simultaneous open: <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK> (RFC 9293 figure 7 line 5). */
  acceptSimultaneousSyn: (t, ev, fx) => {
    const seg = segOf(ev);
    t.irs = seg.seq;
    t.rcvNxt = seqAdd(seg.seq, 1);
    emit(fx, t.iss, t.rcvNxt, SYN | ACK);
    start(t, fx, 'retransmission');
  },

  // --- synchronized states (RFC 9293 3.10.7.4) ---
  /** Our SYN is acknowledged: the connection is established; send what the application queued. */
  establish: (t, ev, fx) => {
    const seg = segOf(ev);
    t.retransmits = 0;
    processSegment(t, { ...seg, flags: seg.flags & ~SYN, seq: seg.flags & SYN ? seqAdd(seg.seq, 1) : seg.seq }, fx);
    transmit(t, fx);
  },
  resendSynAck: (t, _ev, fx) => emit(fx, t.iss, t.rcvNxt, SYN | ACK),
  /** Acknowledge, take data in order, ACK what arrived (no delayed ACKs: every segment with data is acknowledged). */
  processSegment: (t, ev, fx) => processSegment(t, segOf(ev), fx),
  /** RFC 5961 challenge ACK for a SYN or an inexact RST in a synchronized state. */
  sendChallengeAck: (t, _ev, fx) => emit(fx, t.sndNxt, t.rcvNxt, ACK),
  /** The peer's FIN in TIME_WAIT: acknowledge it again (the 2MSL timer restarts on re-entry). */
  ackFinAgain: (t, _ev, fx) => emit(fx, t.sndNxt, t.rcvNxt, ACK),

  // --- timers ---
  retransmitSyn: (t, _ev, fx) => {
    t.retransmits++;
    emit(fx, t.iss, 0, SYN);
    start(t, fx, 'retransmission');
  },
  retransmitSynAck: (t, _ev, fx) => {
    t.retransmits++;
    emit(fx, t.iss, t.rcvNxt, SYN | ACK);
    start(t, fx, 'retransmission');
  },
  retransmit: (t, _ev, fx) => {
    if (t.sndUna === t.sndNxt) {
      t.timers &= ~TIMER_BIT.retransmission;
      return;
    }
    retransmitFromUna(t, fx);
  },
  /** Keepalive probe: <SEQ=SND.NXT-1><ACK=RCV.NXT><CTL=ACK>, an old sequence number the peer must ACK. */
  sendKeepaliveProbe: (t, _ev, fx) => {
    t.probesSent++;
    emit(fx, seqAdd(t.sndNxt, -1), t.rcvNxt, ACK);
    start(t, fx, 'keepalive');
  },
  /** Keepalive gave up: Linux sends a RST (tcp_keepalive_timer) before dropping the connection. */
  sendResetOnKeepaliveTimeout: (t, _ev, fx) => emit(fx, t.sndNxt, t.rcvNxt, RST | ACK),
  /** Data after close(), or close() with unread data, on Linux: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK>. */
  sendResetForDataAfterClose: (t, _ev, fx) => emit(fx, t.sndNxt, t.rcvNxt, RST | ACK),
  startTimeWaitTimer: (t, _ev, fx) => start(t, fx, 'timeWait'),
  cancelTimeWaitTimer: (t, _ev, fx) => cancel(t, fx, 'timeWait'),
  startFinWait2Timer: (t, _ev, fx) => start(t, fx, 'finWait2'),
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
      return ev.seg.flags & RST ? 'reset by peer' : 'segment';
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
    default:
      return ev.type.startsWith('xstate.') ? '' : ev.type.toLowerCase();
  }
}
