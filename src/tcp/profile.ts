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
  /** The initial RTO (RFC 6298 2.1: 1 s), or the RTO itself when rtoFixed. */
  readonly rto: number;
  /**
   * Keep the RTO at `rto` (before back-off) instead of computing it from RTT samples: the textbook
   * model, where a question states "the RTO is 2 s". A scenario that sets `rto` gets this.
   */
  readonly rtoFixed: boolean;
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
  /** Receive buffer in bytes: RCV.WND is what of it the application has not filled (unread data). */
  readonly rcvBuf: number;
  /**
   * RFC 9293 3.10.8 / RFC 5482 user timeout in ms: how long sent data may stay unacknowledged before the
   * connection is aborted (ETIMEDOUT). 0: none (the retry counts decide).
   */
  readonly userTimeout: number;
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
  /** Lower bound of the computed RTO (RFC 6298 2.4: 1 s; Linux tcp_rto_min: 200 ms). */
  readonly rtoMin: number;
  /**
   * Floor of the variance term of RTO = SRTT + max(floor, 4*RTTVAR): RFC 6298's clock granularity G
   * (1 ms here), Linux's tcp_rto_min (200 ms; tcp_rtt_estimator keeps mdev_max at least rto_min).
   */
  readonly rtoVarFloor: number;
  /**
   * A retransmitted SYN in SYN_RECEIVED (its SYN,ACK was lost) is answered with the SYN,ACK again (Linux
   * tcp_check_req). RFC 9293's first check finds it unacceptable (old) and answers with a bare ACK.
   */
  readonly synAckOnDuplicateSyn: boolean;
  /**
   * CLOSE in SYN_RECEIVED is deferred until ESTABLISHED even when nothing is queued (Linux, commit
   * 94062790aedb "tcp: defer shutdown(SEND_SHUTDOWN) for TCP_SYN_RECV sockets"). RFC 9293 3.10.4 sends
   * the FIN at once when no SENDs were issued and nothing is pending, else queues the CLOSE.
   */
  readonly deferCloseInSynReceived: boolean;
  /**
   * An orphaned socket (closed, not shut down) in FIN_WAIT_2 is dropped after tcp_fin_timeout (Linux
   * tcp_close / tcp_fin_timeout). RFC 9293 has no FIN_WAIT_2 timer: it waits for the peer's FIN.
   */
  readonly finWait2TimerWhenOrphaned: boolean;
  /** Keepalive give-up sends a RST before dropping (Linux tcp_keepalive_timer -> tcp_send_active_reset). */
  readonly keepaliveRstOnGiveUp: boolean;
  /**
   * TIME_WAIT accepts a new SYN whose sequence number is above RCV.NXT when a listener exists, and the
   * connection is reopened (RFC 1122 4.2.2.13, RFC 6191; Linux tcp_timewait_state_process TCP_TW_SYN,
   * new ISS = SND.NXT + 65535 + 2). RFC 9293 answers every SYN in TIME_WAIT with a challenge ACK.
   */
  readonly reopenFromTimeWait: boolean;
  /**
   * TIME_WAIT restarts its timer on any segment with ACK (Linux tcp_timewait_state_process:
   * inet_twsk_reschedule). RFC 9293 restarts 2MSL only on the peer's FIN (its retransmission); any other
   * segment gets an ACK and the timer runs on.
   */
  readonly timeWaitRestartOnAnyAck: boolean;
  /**
   * An ACK of data never sent is dropped without an answer (Linux tcp_ack: after(ack, snd_nxt) returns
   * SKB_DROP_REASON_TCP_ACK_UNSENT_DATA). RFC 9293 3.10.7.4 fifth check: "send an ACK, drop the segment".
   */
  readonly ackOfUnsentDroppedSilently: boolean;
  /**
   * A bare FIN at RCV.NXT is taken into a zero window (Linux tcp_data_queue: "if (!skb->len && FIN) goto
   * queue_and_out" when tcp_receive_window() is 0). RFC 9293's acceptability test refuses it (SEG.LEN 1, RCV.WND 0).
   */
  readonly finIntoZeroWindow: boolean;
  /**
   * A segment whose end lies beyond the window, while unread data is queued, is dropped whole (Linux
   * tcp_sequence: SKB_DROP_REASON_TCP_INVALID_END_SEQUENCE). RFC 9293 trims it to the window and keeps the rest.
   */
  readonly dropBeyondWindowWhenQueued: boolean;
  /**
   * After the peer's FIN (CLOSE_WAIT, LAST_ACK, CLOSING) a RST at RCV.NXT-1, the FIN's own sequence number,
   * resets the connection (Linux tcp_reset_check, called from tcp_validate_incoming for an out-of-window
   * RST and for the RFC 5961 exact-match test: a peer that aborts after its FIN sends a RST with the
   * FIN's number). RFC 9293 with RFC 5961 3.2 drops it as outside the window.
   */
  readonly rstAtFinSequence: boolean;
}

const HOUR = 3_600_000;

export const RFC9293: Profile = {
  name: 'rfc9293',
  description:
    'RFC 9293 as written: a handshake that runs out of retries closes (CLOSED, also from SYN_RECEIVED), TIME_WAIT = 2*MSL, CLOSE is a half-close, abort sends <SEQ=SND.NXT><CTL=RST>, ' +
    'no FIN_WAIT_2 timer, RTO per RFC 6298 (at least 1 s), RFC 5961 challenge ACKs',
  defaults: {
    msl: 30_000,
    rto: 1_000,
    rtoFixed: false,
    retries: 5,
    synRetries: 5,
    synAckRetries: 5,
    finWait2Timeout: 60_000,
    keepaliveIdle: 2 * HOUR,
    keepaliveInterval: 75_000,
    keepaliveProbes: 9,
    mss: 1460,
    rcvBuf: 65_535,
    userTimeout: 0,
  },
  timeWaitLength: undefined,
  // RFC 6298 2.5: "A maximum value MAY be placed on RTO provided it is at least 60 seconds."
  maxRto: 60_000,
  resetOnDataAfterClose: false,
  resetOnCloseWithUnreadData: false,
  abortRstCarriesAck: false,
  listenerSurvivesSynAckGiveUp: false,
  rtoMin: 1_000,
  rtoVarFloor: 1,
  synAckOnDuplicateSyn: false,
  deferCloseInSynReceived: false,
  finWait2TimerWhenOrphaned: false,
  keepaliveRstOnGiveUp: false,
  reopenFromTimeWait: false,
  timeWaitRestartOnAnyAck: false,
  ackOfUnsentDroppedSilently: false,
  finIntoZeroWindow: false,
  dropBeyondWindowWhenQueued: false,
  rstAtFinSequence: false,
};

export const LINUX: Profile = {
  name: 'linux',
  description:
    'Linux: a passive open whose SYN,ACK retries run out returns to LISTEN (the listener stays), ' +
    'SYN retries 6 and SYN,ACK retries 5 (tcp_syn_retries, tcp_synack_retries), TIME_WAIT fixed at 60 s, orphaned FIN_WAIT_2 held as a timewait socket for tcp_fin_timeout (60 s), ' +
    'data after close() and close() with unread data answered with RST, abort and keepalive give-up RSTs carry ACK, RTO = SRTT + max(200 ms, 4*RTTVAR) capped at 120 s, ' +
    'a repeated SYN in SYN_RECEIVED answered with the SYN,ACK, CLOSE in SYN_RECEIVED deferred to ESTABLISHED, a new SYN above RCV.NXT reopens a TIME_WAIT connection, ' +
    'an ACK of unsent data dropped without an answer, a bare FIN taken into a zero window, a segment ending beyond the window dropped whole while data is queued, ' +
    'after the peer\'s FIN a RST at its sequence number (RCV.NXT-1) resets (tcp_reset_check)',
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
  rtoMin: 200,
  rtoVarFloor: 200,
  synAckOnDuplicateSyn: true,
  deferCloseInSynReceived: true,
  finWait2TimerWhenOrphaned: true,
  keepaliveRstOnGiveUp: true,
  reopenFromTimeWait: true,
  timeWaitRestartOnAnyAck: true,
  ackOfUnsentDroppedSilently: true,
  finIntoZeroWindow: true,
  dropBeyondWindowWhenQueued: true,
  rstAtFinSequence: true,
};

export function getProfile(name: ProfileName = 'rfc9293'): Profile {
  return name === 'linux' ? LINUX : RFC9293;
}
