/**
 * Flow control: the receiving side of a bulk transfer. Its buffer and the application's reads set the
 * window it advertises (RFC 9293 3.8.6); it avoids the silly window syndrome (3.8.6.2.2), acknowledges
 * out-of-order data at once and in-order data after every second segment when ACKs are delayed
 * (RFC 1122 4.2.3.2, RFC 5681 4.2), and answers a probe into a zero window (3.8.6.1).
 *
 * Sequence numbers are relative: the first data unit is 1 (the SYN took 0), as scenario files write them.
 */

export interface ReceiverConfig {
  /** Receive buffer, in the unit (RCV.BUFF). */
  readonly buffer: number;
  /** Effective send MSS of the peer, in the unit (1 when counting segments). */
  readonly mss: number;
  /** RFC 9293 3.8.6.2.2 receiver silly window syndrome avoidance. */
  readonly sws: boolean;
  /** RFC 1122 4.2.3.2: ACK every second full-sized segment; the delayed-ACK timer (< one round) sends the rest. */
  readonly delayedAck: boolean;
  /** The application reads data the moment it is in order (the window stays the whole buffer). */
  readonly readsAtOnce: boolean;
}

/** An ACK segment the receiver sends: it carries no data (the receiver sends none). */
export interface AckSegment {
  readonly ack: number;
  readonly win: number;
  /** A window update sent because the application made room (not an answer to a segment). */
  readonly update: boolean;
}

export class Receiver {
  rcvNxt = 1;
  /** In-order data not yet read by the application (RCV.USER). */
  unread = 0;
  /** Out-of-order data held, start -> length (inside the offered window, so it takes no new room). */
  readonly ooo = new Map<number, number>();
  /** RCV.NXT + RCV.WND as last advertised: never moves left (RFC 9293 3.8.6: do not shrink the window). */
  rightEdge: number;
  /** Data delivered to the application, in order: [start, length] runs (tests check each unit once). */
  readonly delivered: [number, number][] = [];
  readBytes = 0;
  private pendingAcks = 0;

  constructor(readonly config: ReceiverConfig) {
    this.rightEdge = 1 + config.buffer;
  }

  /** RCV.WND as it would be advertised now. */
  get window(): number {
    return Math.max(0, this.rightEdge - this.rcvNxt);
  }

  /**
   * Move the right edge for the room the application's reads made. RFC 9293 3.8.6.2.2: keep
   * RCV.NXT + RCV.WND fixed until RCV.BUFF - RCV.USER - RCV.WND >= min(Fr * RCV.BUFF, Eff.snd.MSS),
   * Fr = 1/2.
   */
  private offer(): void {
    const room = this.config.buffer - this.unread;
    const edge = this.rcvNxt + room;
    if (edge <= this.rightEdge) return;
    const threshold = Math.min(Math.floor(this.config.buffer / 2), this.config.mss);
    if (!this.config.sws || room - this.window >= threshold) this.rightEdge = edge;
  }

  /** The application reads up to `n` units; returns a window update if the window opened from below one MSS. */
  read(n: number): AckSegment | undefined {
    const k = Math.min(n, this.unread);
    this.unread -= k;
    this.readBytes += k;
    const before = this.window;
    this.offer();
    // RFC 1122 4.2.3.3 / RFC 9293 3.8.6.2.2: tell the sender when the window opens; a sender that saw a
    // window too small for a segment is waiting for this (or for its persist timer).
    if (this.window > before && before < this.config.mss) return { ack: this.rcvNxt, win: this.window, update: true };
    return undefined;
  }

  /** A data segment [seq, seq + len) arrives; returns the ACKs it causes now. */
  segment(seq: number, len: number): AckSegment[] {
    const end = seq + len;
    if (end <= this.rcvNxt) return [this.ack()]; // an old duplicate: ACK at once (RFC 9293 3.10.7.4)
    if (this.window === 0 || seq >= this.rightEdge) {
      // RFC 9293 3.10.7.4 first check: with RCV.WND = 0 no data is acceptable; "If an incoming segment is
      // not acceptable, an acknowledgment should be sent in reply": the answer to a zero-window probe.
      return [this.ack()];
    }
    const start = Math.max(seq, this.rcvNxt);
    const stop = Math.min(end, this.rightEdge);
    if (start > this.rcvNxt) {
      // RFC 5681 4.2: "an immediate ACK SHOULD be generated when an out-of-order segment arrives".
      const had = this.ooo.get(start) ?? 0;
      this.ooo.set(start, Math.max(had, stop - start));
      return [this.ack()];
    }
    const filledHole = this.ooo.size > 0;
    this.take(start, stop);
    for (;;) {
      const next = [...this.ooo.entries()].find(([s, l]) => s <= this.rcvNxt && s + l > this.rcvNxt);
      for (const [s, l] of [...this.ooo.entries()]) if (s + l <= this.rcvNxt) this.ooo.delete(s);
      if (!next) break;
      this.ooo.delete(next[0]);
      this.take(this.rcvNxt, next[0] + next[1]);
    }
    // RFC 5681 4.2: an immediate ACK "when an incoming segment fills in all or part of a gap".
    if (filledHole || !this.config.delayedAck) return [this.ack()];
    // RFC 1122 4.2.3.2: "an ACK should be generated for at least every second full-sized segment".
    this.pendingAcks++;
    if (this.pendingAcks >= 2 || stop - start < this.config.mss) return [this.ack()];
    return [];
  }

  /** The delayed-ACK timer (RFC 1122 4.2.3.2: under 0.5 s, shorter than a round here) sends what waits. */
  flush(): AckSegment[] {
    return this.pendingAcks > 0 ? [this.ack()] : [];
  }

  private take(start: number, stop: number): void {
    if (stop <= start) return;
    this.delivered.push([start, stop - start]);
    this.unread += stop - start;
    this.rcvNxt = stop;
    if (this.config.readsAtOnce) this.read(this.unread);
  }

  private ack(): AckSegment {
    this.pendingAcks = 0;
    return { ack: this.rcvNxt, win: this.window, update: false };
  }
}
