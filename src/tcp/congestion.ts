/**
 * The sender's congestion control, one ACK at a time: RFC 5681 slow start, congestion avoidance, fast
 * retransmit and fast recovery (Reno), RFC 6582's NewReno change to fast recovery, and Tahoe (4.3BSD-Tahoe,
 * Jacobson 1988), which textbooks draw beside Reno: a third duplicate ACK is answered like a timeout.
 *
 * All sizes are in one unit: bytes with SMSS = the MSS, or segments with SMSS = 1 (how exams count).
 * These are not connection states: the endpoint machine (endpoint.machine.ts) stays the one statement of
 * RFC 9293's states; this is data the sender keeps beside its TCB, like SND.WND.
 */

export const VARIANTS = ['tahoe', 'reno', 'newreno'] as const;
export type Variant = (typeof VARIANTS)[number];

/** RFC 5681 3.1: slow start while cwnd < ssthresh, congestion avoidance from there; 3.2: fast recovery. */
export type Phase = 'slow-start' | 'avoidance' | 'recovery';

/** RFC 5681 3.2: "the arrival of 3 duplicate ACKs" is the loss signal (the threshold is not a setting). */
export const DUP_ACK_THRESHOLD = 3;

export interface CongestionConfig {
  readonly variant: Variant;
  /** Sender maximum segment size in the unit (1 when counting segments). */
  readonly smss: number;
  /** Initial window, in the unit. */
  readonly iw: number;
  /** Initial ssthresh, in the unit (RFC 5681 3.1: "arbitrarily high"; textbooks state one). */
  readonly ssthresh: number;
}

/** What the sender must do after an ACK or a timeout, beyond sending what the new window allows. */
export interface CongestionAction {
  /** Retransmit the earliest unacknowledged segment now (fast retransmit, or a NewReno partial ACK). */
  readonly retransmit: boolean;
  /** Go back to SND.UNA and send everything again from there (Tahoe's fast retransmit, a timeout). */
  readonly goBack: boolean;
  /** What happened, for the run's event column. */
  readonly event: CongestionEvent | undefined;
}

export type CongestionEvent =
  | { readonly kind: 'fast-retransmit'; readonly ssthresh: number; readonly cwnd: number }
  | { readonly kind: 'partial-ack'; readonly cwnd: number }
  | { readonly kind: 'recovery-exit'; readonly cwnd: number }
  | { readonly kind: 'timeout'; readonly ssthresh: number; readonly cwnd: number }
  | { readonly kind: 'no-fast-retransmit'; readonly recover: number };

const NOTHING: CongestionAction = { retransmit: false, goBack: false, event: undefined };

/** RFC 5681 equation (4): ssthresh = max(FlightSize / 2, 2*SMSS), in whole units. */
export function lossSsthresh(flightSize: number, smss: number): number {
  return Math.max(Math.floor(flightSize / 2), 2 * smss);
}

export class Congestion {
  cwnd: number;
  ssthresh: number;
  phase: Phase;
  dupAcks = 0;
  /** RFC 6582 3.2: the highest sequence number sent when fast recovery began (initially the ISS). */
  recover: number;
  /** RFC 5681 3.1 / RFC 3465 2.1: bytes acknowledged in congestion avoidance since cwnd last grew. */
  bytesAcked = 0;
  /** The first partial ACK of a recovery restarts the retransmission timer (RFC 6582 3.2 step 3). */
  partialAcks = 0;

  constructor(readonly config: CongestionConfig, iss = 0) {
    this.cwnd = config.iw;
    this.ssthresh = config.ssthresh;
    this.recover = iss;
    this.phase = this.cwnd < this.ssthresh ? 'slow-start' : 'avoidance';
  }

  private get smss(): number {
    return this.config.smss;
  }

  /**
   * An ACK that acknowledges `acked` new units, up to `ack` (the new SND.UNA).
   * RFC 5681 3.1 slow start: "cwnd += min (N, SMSS)" (equation 2) while cwnd < ssthresh.
   * RFC 5681 3.1 congestion avoidance by counting acknowledged bytes: "when the number of bytes
   * acknowledged reaches cwnd, then cwnd can be incremented by up to SMSS bytes" (cwnd grows by one SMSS
   * per round trip, the textbook's "+1 per round").
   */
  newAck(acked: number, ack: number): CongestionAction {
    if (this.phase === 'recovery') return this.recoveryAck(acked, ack);
    this.dupAcks = 0;
    if (this.cwnd < this.ssthresh) {
      this.cwnd += Math.min(acked, this.smss);
      if (this.cwnd >= this.ssthresh) this.phase = 'avoidance';
      return NOTHING;
    }
    this.phase = 'avoidance';
    this.bytesAcked += acked;
    if (this.bytesAcked >= this.cwnd) {
      this.bytesAcked -= this.cwnd;
      this.cwnd += this.smss;
    }
    return NOTHING;
  }

  private recoveryAck(acked: number, ack: number): CongestionAction {
    // RFC 6582 3.2 step 3: an ACK that covers `recover` is a full acknowledgment; one below it a partial
    // acknowledgment. RFC 5681 (Reno) knows no partial ACK: any ACK of new data ends the recovery.
    if (this.config.variant === 'newreno' && !(ack > this.recover)) {
      // "Deflate the congestion window by the amount of new data acknowledged by the Cumulative
      // Acknowledgment field. If the partial ACK acknowledges at least one SMSS of new data, then add back
      // SMSS bytes to the congestion window. ... Do not exit the fast recovery procedure."
      this.cwnd = Math.max(this.smss, this.cwnd - acked + (acked >= this.smss ? this.smss : 0));
      this.partialAcks++;
      return { retransmit: true, goBack: false, event: { kind: 'partial-ack', cwnd: this.cwnd } };
    }
    // RFC 5681 3.2 step 6: "set cwnd to ssthresh ... This is termed 'deflating' the window."
    // RFC 6582 3.2 step 3, full ACK: "Set cwnd to either (1) min (ssthresh, max(FlightSize, SMSS) + SMSS)
    // or (2) ssthresh": (2), the same value Reno takes.
    this.cwnd = this.ssthresh;
    this.phase = 'avoidance';
    this.dupAcks = 0;
    this.bytesAcked = 0;
    return { retransmit: false, goBack: false, event: { kind: 'recovery-exit', cwnd: this.cwnd } };
  }

  /**
   * A duplicate ACK (RFC 5681 section 2's definition; the sender decides what is one).
   * `flightSize` is SND.NXT - SND.UNA, `highest` the highest sequence number sent so far, `ack` SEG.ACK.
   */
  dupAck(flightSize: number, highest: number, ack: number): CongestionAction {
    if (this.phase === 'recovery') {
      // RFC 5681 3.2 step 4: "For each additional duplicate ACK received (after the third), cwnd MUST be
      // incremented by SMSS. This artificially inflates the congestion window".
      this.cwnd += this.smss;
      return NOTHING;
    }
    this.dupAcks++;
    if (this.dupAcks !== DUP_ACK_THRESHOLD) return NOTHING;
    // "Covers" is read as SEG.ACK > recover in both places: the ACK that acknowledges "all of the data up
    // to and including recover" (step 3) has SEG.ACK = recover + 1, and a loss right after it must still
    // be able to enter fast retransmit.
    if (this.config.variant === 'newreno' && !(ack > this.recover)) {
      // RFC 6582 3.2 step 1: "If not [the Cumulative Acknowledgment field covers more than recover], the
      // TCP does not enter fast retransmit and does not reset ssthresh."
      return { retransmit: false, goBack: false, event: { kind: 'no-fast-retransmit', recover: this.recover } };
    }
    // RFC 5681 3.2 step 2: ssthresh no more than equation (4).
    this.ssthresh = lossSsthresh(flightSize, this.smss);
    this.bytesAcked = 0;
    if (this.config.variant === 'tahoe') {
      // Tahoe has no fast recovery: after the fast retransmit it slow-starts from one segment, as after a
      // timeout (Jacobson 1988; Fall and Floyd 1996, "Simulation-based Comparisons of Tahoe, Reno, and
      // SACK TCP", section 2).
      this.cwnd = this.smss;
      this.phase = 'slow-start';
      this.dupAcks = 0;
      return { retransmit: true, goBack: true, event: { kind: 'fast-retransmit', ssthresh: this.ssthresh, cwnd: this.cwnd } };
    }
    // RFC 6582 3.2 step 2: "record the highest sequence number transmitted in the variable recover".
    this.recover = highest;
    // RFC 5681 3.2 step 3: "cwnd MUST be set to ssthresh plus 3*SMSS".
    this.cwnd = this.ssthresh + DUP_ACK_THRESHOLD * this.smss;
    this.phase = 'recovery';
    this.partialAcks = 0;
    return { retransmit: true, goBack: false, event: { kind: 'fast-retransmit', ssthresh: this.ssthresh, cwnd: this.cwnd } };
  }

  /**
   * The retransmission timer expired. RFC 5681 3.1: ssthresh by equation (4) unless the segment was
   * already resent by the timer ("has not yet been resent by way of the retransmission timer"), and
   * "cwnd MUST be set to no more than the loss window, LW, which equals 1 full-sized segment".
   * RFC 6582 3.2 step 4: "record the highest sequence number transmitted in the variable recover, and exit
   * the fast recovery procedure if applicable."
   */
  timeout(flightSize: number, highest: number, firstTimeout: boolean): CongestionAction {
    if (firstTimeout) this.ssthresh = lossSsthresh(flightSize, this.smss);
    this.cwnd = this.smss;
    this.phase = 'slow-start';
    this.dupAcks = 0;
    this.bytesAcked = 0;
    this.recover = highest;
    return { retransmit: true, goBack: true, event: { kind: 'timeout', ssthresh: this.ssthresh, cwnd: this.cwnd } };
  }
}

/**
 * RFC 5681 3.1 equation (1): IW = 2, 3 or 4 segments by SMSS (bytes); RFC 6928 (Linux, TCP_INIT_CWND):
 * 10 segments. Counting segments with the rfc9293 profile, one segment as textbooks start (RFC 2001 2).
 */
export function initialWindow(profile: 'rfc9293' | 'linux', unit: 'segments' | 'bytes', mss: number): number {
  const smss = unit === 'bytes' ? mss : 1;
  if (profile === 'linux') return 10 * smss;
  if (unit === 'segments') return 1;
  return mss > 2190 ? 2 * mss : mss > 1095 ? 3 * mss : 4 * mss;
}

