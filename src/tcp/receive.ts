/**
 * What happens to an arriving segment in a synchronized state (RFC 9293 3.10.7.4), as pure functions of
 * the TCB: the acceptability test of the first check (its four cases), the trimming of a segment that
 * straddles RCV.NXT or the right edge of the window, and reassembly with an out-of-order queue (segments
 * inside the window but beyond RCV.NXT are held and delivered when the gap fills; RFC 9293 3.10.7.4:
 * "segments with higher beginning sequence numbers may be held for later processing").
 *
 * The machine's guards ask these functions what a segment would do (does it complete a FIN? does it
 * acknowledge ours?) before the actions in tcb.ts apply it, so a transition's target always agrees with
 * what the segment did.
 */
import { ACK, FIN, RST, SYN, seqAdd, seqDiff, seqLe, seqLt, type Segment } from './segment.js';

/** A held piece of the peer's sequence space: data [seq, seq+len), then a FIN if `fin`. */
export interface Piece {
  readonly seq: number;
  readonly len: number;
  readonly fin: boolean;
}

/** The receive-side variables these functions read. */
export interface ReceiveVars {
  readonly rcvNxt: number;
  readonly rcvBuf: number;
  readonly unread: number;
  readonly ooo: readonly Piece[];
  /** Linux: a bare FIN at RCV.NXT is taken into a zero window (profile.ts finIntoZeroWindow). */
  readonly finIntoZeroWindow: boolean;
  /** Linux: a segment ending beyond the window while data is queued is dropped whole (profile.ts). */
  readonly dropBeyondWindowWhenQueued: boolean;
}


/** The largest window a header without window scaling can carry (RFC 9293 3.1: a 16-bit field). */
export const MAX_WINDOW = 65_535;
/**
 * The window assumed for a segment whose window field was not recorded (a capture replayed without
 * window scaling factors): the largest a scaled window can be (RFC 7323 2.3: 2^30), i.e. no limit.
 */
export const UNKNOWN_WINDOW = 2 ** 30;

/** RCV.WND: the room left in the receive buffer (what the application has not read takes space). */
export function rcvWnd(t: ReceiveVars): number {
  return Math.max(0, t.rcvBuf - t.unread);
}

/** SEG.LEN as the acceptability test counts it: data, plus one for SYN and one for FIN (RFC 9293 3.4). */
function occupied(seg: Segment): number {
  return seg.len + (seg.flags & SYN ? 1 : 0) + (seg.flags & FIN ? 1 : 0);
}

/**
 * RFC 9293 3.10.7.4 first check, the four cases:
 *   SEG.LEN = 0, RCV.WND = 0: SEG.SEQ = RCV.NXT
 *   SEG.LEN = 0, RCV.WND > 0: RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND
 *   SEG.LEN > 0, RCV.WND = 0: not acceptable
 *   SEG.LEN > 0, RCV.WND > 0: the first or the last sequence number of the segment is in the window.
 * The RFC's allowance for RCV.WND = 0 ("special allowance should be made to accept valid ACKs, URGs, and
 * RSTs") is kept: a segment at exactly RCV.NXT is acceptable for its control bits, its data is trimmed.
 */
export function acceptable(t: ReceiveVars, seg: Segment): boolean {
  const len = occupied(seg);
  const wnd = rcvWnd(t);
  const inWindow = (x: number) => seqLe(t.rcvNxt, x) && seqLt(x, seqAdd(t.rcvNxt, wnd));
  if (wnd === 0) return seg.seq === t.rcvNxt;
  if (len === 0) return inWindow(seg.seq);
  const ok = inWindow(seg.seq) || inWindow(seqAdd(seg.seq, len - 1));
  // Linux tcp_sequence: the end beyond the window with data already queued: the whole segment goes.
  if (ok && t.dropBeyondWindowWhenQueued && t.unread > 0 && seqLt(seqAdd(t.rcvNxt, wnd), seqAdd(seg.seq, seg.len))) return false;
  return ok;
}

/** A RST is checked by its sequence number alone (RFC 5961 3.2): outside the window it is dropped silently. */
export function rstInWindow(t: ReceiveVars, seg: Segment): boolean {
  const wnd = rcvWnd(t);
  if (wnd === 0) return seg.seq === t.rcvNxt;
  return seqLe(t.rcvNxt, seg.seq) && seqLt(seg.seq, seqAdd(t.rcvNxt, wnd));
}

export interface Reassembly {
  /** RCV.NXT after the segment (and any held pieces it connects to). */
  readonly rcvNxt: number;
  /** New in-order data bytes delivered to the receive buffer. */
  readonly delivered: number;
  /** The peer's FIN is now in order: the connection is closing (eighth check). */
  readonly fin: boolean;
  /** The out-of-order queue after the segment. */
  readonly ooo: readonly Piece[];
  /** Some of the segment was outside the window or already received (it was trimmed). */
  readonly trimmed: boolean;
}

/**
 * Trim an acceptable segment to the window (drop what is before RCV.NXT, RFC 9293 3.10.7.4: "If a
 * segment's contents straddle the boundary between old and new, only the new parts are processed", and
 * what is beyond RCV.NXT+RCV.WND, with the FIN if it lies there), then deliver it in order or hold it.
 * `start` is where its data begins (SEG.SEQ, or SEG.SEQ+1 after a SYN).
 */
export function reassemble(t: ReceiveVars, start: number, len: number, fin: boolean): Reassembly {
  if (fin && len === 0 && start === t.rcvNxt && t.finIntoZeroWindow && rcvWnd(t) === 0) {
    return { rcvNxt: seqAdd(t.rcvNxt, 1), delivered: 0, fin: true, ooo: [], trimmed: false };
  }
  const wnd = rcvWnd(t);
  const right = seqAdd(t.rcvNxt, wnd);
  let seq = start;
  let n = len;
  let f = fin;
  let trimmed = false;
  // Front: bytes before RCV.NXT were received already. The FIN sits at start+len.
  const old = seqDiff(t.rcvNxt, seq);
  if (old > 0) {
    trimmed = true;
    if (old > n) {
      // All data old, and the FIN at start+len < RCV.NXT is old too.
      n = 0;
      seq = t.rcvNxt;
      f = false;
    } else {
      n -= old;
      seq = t.rcvNxt;
    }
  }
  // Back: bytes at or beyond the right edge of the window are dropped, and a FIN that lies there.
  const room = seqDiff(right, seq);
  if (n > room) {
    trimmed = true;
    n = Math.max(0, room);
    f = false;
  } else if (f && n === room) {
    // The FIN would occupy the first number past the window.
    trimmed = true;
    f = false;
  }
  if (seq !== t.rcvNxt) {
    // Beyond a gap: hold it (nothing is delivered; the duplicate ACK says what is missing).
    const ooo = n > 0 || f ? insert(t.ooo, { seq, len: n, fin: f }) : t.ooo;
    return { rcvNxt: t.rcvNxt, delivered: 0, fin: false, ooo, trimmed };
  }
  let next = seqAdd(seq, n);
  let delivered = n;
  let gotFin = f;
  let ooo = t.ooo;
  // The gap may now be filled: take held pieces that start at or before the new RCV.NXT.
  while (!gotFin && ooo.length > 0 && seqLe(ooo[0]!.seq, next)) {
    const p = ooo[0]!;
    ooo = ooo.slice(1);
    const end = seqAdd(p.seq, p.len);
    if (seqLt(next, end)) {
      delivered += seqDiff(end, next);
      next = end;
    }
    if (p.fin && !seqLt(end, next)) gotFin = true;
  }
  if (gotFin) {
    next = seqAdd(next, 1);
    ooo = [];
  }
  return { rcvNxt: next, delivered, fin: gotFin, ooo, trimmed };
}

/** Insert a piece into the out-of-order queue, kept sorted by sequence number. */
function insert(queue: readonly Piece[], p: Piece): readonly Piece[] {
  const out = queue.filter((q) => !(q.seq === p.seq && q.len === p.len && q.fin === p.fin));
  let i = 0;
  while (i < out.length && seqLe(out[i]!.seq, p.seq)) i++;
  return [...out.slice(0, i), p, ...out.slice(i)];
}

/** The data part of a segment in a synchronized state: where its data begins and whether it carries a FIN. */
export function dataOf(seg: Segment): { start: number; len: number; fin: boolean } {
  return {
    start: seg.flags & SYN ? seqAdd(seg.seq, 1) : seg.seq,
    len: seg.len,
    fin: (seg.flags & FIN) !== 0 && (seg.flags & RST) === 0,
  };
}

/** The segment carries an ACK that acknowledges something not yet sent (fifth check: ACK it, drop it). */
export function acksUnsent(sndNxt: number, seg: Segment): boolean {
  return (seg.flags & ACK) !== 0 && seqLt(sndNxt, seg.ack);
}
