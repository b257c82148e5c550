/**
 * Profiles of the one endpoint machine. `rfc9293` follows the RFC's text; `linux` is the same machine
 * with the Linux kernel's fixed values and the few places where Linux takes another path that an observer
 * of state sequences can see (the lab checks kernel observations against this profile).
 */

export const PROFILES = ['rfc9293', 'linux'] as const;
export type ProfileName = (typeof PROFILES)[number];

/** Timer and retry settings of one endpoint, in milliseconds. */
export interface TcpConfig {
  readonly msl: number;
  readonly rto: number;
  /** Retransmissions of unacknowledged data or FIN before giving up (then CLOSED). */
  readonly retries: number;
  /**
   * Retransmissions of an unacknowledged SYN (SYN_SENT, and SYN_RECEIVED reached by simultaneous open).
   * A scenario's `retries`, when set, sets this and synAckRetries too (SCENARIOS.md: one count for all).
   */
  readonly synRetries: number;
  /** Retransmissions of an unacknowledged SYN,ACK of a passive open (SYN_RECEIVED reached from LISTEN). */
  readonly synAckRetries: number;
  readonly finWait2Timeout: number;
  readonly keepaliveIdle: number;
  readonly keepaliveInterval: number;
  readonly keepaliveProbes: number;
  /** Largest payload of one segment. */
  readonly mss: number;
}

export interface Profile {
  readonly name: ProfileName;
  readonly description: string;
  readonly defaults: TcpConfig;
  /** Fixed TIME_WAIT length, whatever the MSL (Linux: TCP_TIMEWAIT_LEN = 60 s); undefined means 2*MSL. */
  readonly timeWaitLength: number | undefined;
  /** Largest retransmission timeout after backoff (Linux: TCP_RTO_MAX = 120 s). */
  readonly maxRto: number;
  /**
   * Linux tcp_rcv_state_process: data arriving after the application closed the socket (FIN_WAIT_1/2,
   * receive side shut) is answered with a RST and the connection is dropped. RFC 9293 lets the
   * closing side keep receiving (CLOSE is a half-close).
   */
  readonly resetOnDataAfterClose: boolean;
  /**
   * Linux tcp_close (RFC 1122 4.2.2.13): close() while received data is unread sends a RST instead of a
   * FIN and drops the connection at once (ESTABLISHED or CLOSE_WAIT -> CLOSED).
   */
  readonly resetOnCloseWithUnreadData: boolean;
  /** Linux tcp_send_active_reset sets ACK on an abort's RST; RFC 9293 3.10.5 sends <SEQ=SND.NXT><CTL=RST>. */
  readonly abortRstCarriesAck: boolean;
  /**
   * What a passive open does when its SYN,ACK retries run out (SYN_RECEIVED reached from LISTEN).
   * false (RFC 9293): the connection is closed, SYN_RECEIVED -> CLOSED (3.8.3 R2 and 3.10.8 user timeout:
   * "flush all queues ... enter the CLOSED state and delete the TCB"; SCENARIOS.md's retransmission rule).
   * true (Linux): the request sock is dropped and the listener stays, SYN_RECEIVED -> LISTEN
   * (inet_csk_reqsk_queue_prune / reqsk_timer_handler; the listening socket never left LISTEN).
   */
  readonly listenerSurvivesSynAckGiveUp: boolean;
}

const HOUR = 3_600_000;

export const RFC9293: Profile = {
  name: 'rfc9293',
  description:
    'RFC 9293 as written: a handshake that runs out of retries closes (CLOSED, also from SYN_RECEIVED), TIME_WAIT = 2*MSL, CLOSE is a half-close, abort sends <SEQ=SND.NXT><CTL=RST>',
  defaults: {
    msl: 30_000,
    rto: 1_000,
    retries: 5,
    synRetries: 5,
    synAckRetries: 5,
    finWait2Timeout: 60_000,
    keepaliveIdle: 2 * HOUR,
    keepaliveInterval: 75_000,
    keepaliveProbes: 9,
    mss: 1460,
  },
  timeWaitLength: undefined,
  maxRto: 60_000,
  resetOnDataAfterClose: false,
  resetOnCloseWithUnreadData: false,
  abortRstCarriesAck: false,
  listenerSurvivesSynAckGiveUp: false,
};

export const LINUX: Profile = {
  name: 'linux',
  description:
    'Linux: a passive open whose SYN,ACK retries run out returns to LISTEN (the listener stays), ' +
    'SYN retries 6 and SYN,ACK retries 5 (tcp_syn_retries, tcp_synack_retries), TIME_WAIT fixed at 60 s, orphaned FIN_WAIT_2 held as a timewait socket for tcp_fin_timeout (60 s), ' +
    'data after close() and close() with unread data answered with RST, abort RST carries ACK, RTO capped at 120 s',
  defaults: {
    // Only what Linux changes; the rest is RFC9293's. Kernel defaults, Documentation/networking/ip-sysctl.rst:
    // tcp_syn_retries "Default value is 6", tcp_synack_retries "Default value is 5".
    ...RFC9293.defaults,
    synRetries: 6,
    synAckRetries: 5,
  },
  timeWaitLength: 60_000,
  maxRto: 120_000,
  resetOnDataAfterClose: true,
  resetOnCloseWithUnreadData: true,
  abortRstCarriesAck: true,
  listenerSurvivesSynAckGiveUp: true,
};

export function getProfile(name: ProfileName = 'rfc9293'): Profile {
  return name === 'linux' ? LINUX : RFC9293;
}
