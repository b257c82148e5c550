/**
 * The transmission control block (RFC 9293 3.3.1) and the guards and actions of the endpoint machine as
 * plain functions. endpoint.machine.ts declares them by name in xstate's setup(); engine.ts runs the
 * same functions from a table compiled out of that machine. Guards read the TCB and the event; actions
 * mutate a draft TCB and report their effects (segments to send, timers to start or cancel).
 */
import type { Segment } from './segment.js';
import type { Piece } from './receive.js';
import type { RtxEntry } from './send.js';
import { MAX_WINDOW } from './receive.js';
import { getProfile, type Profile, type ProfileName, type TcpConfig } from './profile.js';

export { TIMERS, TIMER_BIT, TIMER_EVENT, TIMER_DELAY, type TimerName } from './timers.js';
import { TIMERS, TIMER_EVENT, type TimerName } from './timers.js';

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
  readonly ackOfUnsentDroppedSilently: boolean;
  readonly finIntoZeroWindow: boolean;
  readonly dropBeyondWindowWhenQueued: boolean;
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
  | 'timeWaitRestartOnAnyAck' | 'ackOfUnsentDroppedSilently' | 'finIntoZeroWindow' | 'dropBeyondWindowWhenQueued'
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
    ackOfUnsentDroppedSilently: profile.ackOfUnsentDroppedSilently,
    finIntoZeroWindow: profile.finIntoZeroWindow,
    dropBeyondWindowWhenQueued: profile.dropBeyondWindowWhenQueued,
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
    ackOfUnsentDroppedSilently: s.ackOfUnsentDroppedSilently,
    finIntoZeroWindow: s.finIntoZeroWindow,
    dropBeyondWindowWhenQueued: s.dropBeyondWindowWhenQueued,
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

export { guards, retryLimit, type GuardName } from './guards.js';
export { actions, type ActionName } from './actions.js';
