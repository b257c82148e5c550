/**
 * Segments -> TCP connections, and each segment's anomalies, the way Wireshark's TCP dissector finds
 * them (epan/dissectors/packet-tcp.c, 4.0: conversation lookup and tcp_analyze_sequence_number), so that
 * `netkata tcp replay` and `tshark -z conv,tcp` / tcp.stream / tcp.analysis.* agree on the same file
 * (test/replay/replay-tshark.test.ts holds them side by side):
 * - a connection is a 4-tuple; a SYN without ACK whose sequence number differs from the base sequence
 *   already seen in its direction starts a new one (Wireshark's "ports reused");
 * - retransmission (fast, spurious and plain alike), out of order, lost segment (a gap: the previous
 *   segment was not captured), duplicate ACK and zero window follow the dissector's tests in its order.
 * All state is per open connection: nothing here grows with the number of segments. A finished
 * connection (retire) leaves memory but for its id under a hash of its 4-tuple: a late segment on that
 * 4-tuple brings it back (`load`), with its stream number and its two directions' analysis state.
 */
import { hash53 } from '../cache/build-cache.js';
import type { DecodedSegment } from './packet.js';

const FIN = 0x01;
const SYN = 0x02;
const RST = 0x04;
const ACK = 0x10;

export const ANOMALIES = ['retransmission', 'out-of-order', 'lost-segment', 'duplicate-ack', 'zero-window', 'rst'] as const;
export type Anomaly = (typeof ANOMALIES)[number] | 'impossible';

const gt = (a: number, b: number): boolean => ((a - b) | 0) > 0;
const lt = (a: number, b: number): boolean => ((a - b) | 0) < 0;

/** Wireshark's per-direction analysis state (tcp_flow_t and its tcp_analyze_seq_info). */
interface Flow {
  baseSeq: number;
  baseSet: boolean;
  /** The sequence number after the highest one sent (0: none yet, as the dissector counts it). */
  nextseq: number;
  nextseqSec: number;
  nextseqNsec: number;
  lastack: number;
  lastackSec: number;
  lastackNsec: number;
  window: number;
  dupacknum: number;
  lastKeepAlive: boolean;
  lastZeroWindowProbe: boolean;
}

const newFlow = (): Flow => ({
  baseSeq: 0, baseSet: false, nextseq: 0, nextseqSec: 0, nextseqNsec: 0, lastack: 0, lastackSec: 0, lastackNsec: 0, window: -1, dupacknum: 0, lastKeepAlive: false, lastZeroWindowProbe: false,
});

export interface Connection {
  /** 0, 1, ... in order of first segment: tshark's tcp.stream. */
  readonly id: number;
  /** The end that sent the first segment seen (the client when the SYN was captured). */
  readonly a: string;
  readonly b: string;
  /** Segments each way: [a->b, b->a]. */
  readonly frames: [number, number];
  readonly flows: [Flow, Flow];
  /** The handshake's first RTT in ns (SYN to the ACK that follows it), 0 while unknown. */
  firstRttNs: number;
  synSec: number;
  synNsec: number;
  synSeen: boolean;
}

export interface Placed {
  readonly conn: Connection;
  /** 0: sent by `a`, 1: sent by `b`. */
  readonly dir: 0 | 1;
  readonly anomalies: Anomaly[];
}

const nsBetween = (sec: number, nsec: number, sec0: number, nsec0: number): number => (sec - sec0) * 1e9 + (nsec - nsec0);

const tupleKey = (x: string, y: string): string => (x < y ? `${x}|${y}` : `${y}|${x}`);

export class ConnectionTable {
  private readonly byTuple = new Map<string, Connection>();
  /** Retired connections by a 53-bit hash of their 4-tuple: the id, or the ids when 4-tuples share a hash. */
  private readonly retired = new Map<number, number | number[]>();
  private next = 0;

  /**
   * `load` gives back a retired connection as it was when retired (retire). `hash` is the 4-tuple's
   * index key (a test gives one that collides).
   */
  constructor(
    private readonly load?: (id: number) => Connection,
    private readonly hash: (key: string) => number = hash53,
  ) {}

  /** The connection of a segment and what the dissector would flag on it. */
  place(s: DecodedSegment): Placed {
    const key = tupleKey(s.from, s.to);
    let conn = this.byTuple.get(key) ?? this.reopen(key);
    let dir: 0 | 1 = conn === undefined || conn.a === s.from ? 0 : 1;
    if (conn && (s.flags & (SYN | ACK)) === SYN) {
      const fwd = conn.flows[dir];
      // packet-tcp.c: "If this is a SYN packet, then check if its seq-nr is different from the base_seq
      // of the retrieved conversation. If this is the case, create a new conversation".
      if (fwd.baseSet && s.seq !== fwd.baseSeq) conn = undefined;
    }
    if (!conn) {
      conn = { id: this.next++, a: s.from, b: s.to, frames: [0, 0], flows: [newFlow(), newFlow()], firstRttNs: 0, synSec: 0, synNsec: 0, synSeen: false };
      this.byTuple.set(key, conn);
      dir = 0;
    }
    conn.frames[dir]++;
    return { conn, dir, anomalies: analyse(conn, dir, s) };
  }

  /** Connections so far (open or not), for the ones that keep no reference of their own. */
  get count(): number {
    return this.next;
  }

  /** 4-tuples held in memory: the connections not retired. */
  get inMemory(): number {
    return this.byTuple.size;
  }

  /**
   * `conn` is finished and stored where `load` finds it: forget it but for its id. (A connection that a
   * new one on its 4-tuple replaced, ports reused, is not found by its 4-tuple any more: nothing to keep.)
   */
  retire(conn: Connection): void {
    const key = tupleKey(conn.a, conn.b);
    if (this.byTuple.get(key) !== conn) return;
    this.byTuple.delete(key);
    const h = this.hash(key);
    const had = this.retired.get(h);
    this.retired.set(h, had === undefined ? conn.id : [...(typeof had === 'number' ? [had] : had), conn.id]);
  }

  /** The retired connection of this 4-tuple, back in the table (its id leaves the retired index). */
  private reopen(key: string): Connection | undefined {
    if (!this.load) return undefined;
    const h = this.hash(key);
    const had = this.retired.get(h);
    if (had === undefined) return undefined;
    const ids = typeof had === 'number' ? [had] : had;
    for (const id of ids) {
      const conn = this.load(id);
      if (tupleKey(conn.a, conn.b) !== key) continue; // another 4-tuple with the same hash
      const rest = ids.filter((x) => x !== id);
      if (rest.length === 0) this.retired.delete(h);
      else this.retired.set(h, rest.length === 1 ? rest[0]! : rest);
      this.byTuple.set(key, conn);
      return conn;
    }
    return undefined;
  }
}

/**
 * `a < b` as the dissector compares times, in guint64: a negative difference (a capture whose timestamps
 * go back, as two CPUs' packets on lo can) is a huge number, never under a threshold. (A loop run had
 * tshark call a segment stamped before the one that set nextseq a retransmission, the replay out of order.)
 */
const ltU64 = (a: number, b: number): boolean => ((a < 0) === (b < 0) ? a < b : a >= 0);

/** tcp_analyze_sequence_number, reduced to the flags netkata names. */
function analyse(conn: Connection, dir: 0 | 1, s: DecodedSegment): Anomaly[] {
  const fwd = conn.flows[dir];
  const rev = conn.flows[dir === 0 ? 1 : 0];
  const { seq, ack, flags, len, window, sec, nsec } = s;
  const out: Anomaly[] = [];
  // The first RTT (SYN to the next segment with ACK and without SYN) sets the out-of-order threshold.
  if ((flags & (SYN | ACK)) === SYN) {
    conn.synSec = sec;
    conn.synNsec = nsec;
    conn.synSeen = true;
  } else if (conn.firstRttNs === 0 && conn.synSeen && (flags & (SYN | ACK)) === ACK) {
    conn.firstRttNs = nsBetween(sec, nsec, conn.synSec, conn.synNsec);
  }
  if (!fwd.baseSet) {
    fwd.baseSeq = (flags & SYN) !== 0 ? seq : (seq - 1) >>> 0;
    fwd.baseSet = true;
  }
  if (!rev.baseSet && (flags & ACK) !== 0) {
    rev.baseSeq = (ack - 1) >>> 0;
    rev.baseSet = true;
  }
  let keepAlive = false;
  let zeroWindowProbe = false;
  let dupAck = false;
  checks: {
    if (len === 1 && seq === fwd.nextseq && rev.window === 0) {
      zeroWindowProbe = true;
      break checks;
    }
    if (window === 0 && (flags & (RST | FIN | SYN)) === 0) out.push('zero-window');
    if (fwd.nextseq !== 0 && gt(seq, fwd.nextseq) && (flags & RST) === 0) out.push('lost-segment');
    const quiet = (flags & (SYN | FIN | RST)) === 0;
    if (len <= 1 && seq === ((fwd.nextseq - 1) >>> 0) && quiet) keepAlive = true;
    const repeats = len === 0 && seq === fwd.nextseq && ack === fwd.lastack && quiet;
    if (repeats && window !== 0 && window === fwd.window && rev.lastKeepAlive) break checks; // keep-alive ACK
    if (repeats && window === 0 && window === fwd.window && rev.lastZeroWindowProbe) break checks; // zero window probe ACK
    if (repeats && window !== 0 && window === fwd.window) {
      fwd.dupacknum++;
      dupAck = true;
      out.push('duplicate-ack');
    }
  }
  if (!dupAck) fwd.dupacknum = 0;
  if ((len > 0 || (flags & (SYN | FIN)) !== 0) && !keepAlive) {
    let notAdvanced = fwd.nextseq !== 0 && lt(seq, fwd.nextseq);
    // One byte below nextseq with new data after it: the previous segment was a zero window probe.
    if (len > 1 && ((fwd.nextseq - 1) >>> 0) === seq) notAdvanced = false;
    const sinceAck = nsBetween(sec, nsec, rev.lastackSec, rev.lastackNsec);
    const sinceNext = nsBetween(sec, nsec, fwd.nextseqSec, fwd.nextseqNsec);
    const threshold = conn.firstRttNs !== 0 ? conn.firstRttNs : 3_000_000;
    // Spurious first, as the dissector (Wireshark 4.0) checks it: data the other side has already
    // acknowledged is a retransmission, however soon after the highest segment it came. (A loop run had
    // a duplicate of an acknowledged segment 26 us after nextseq moved, under a 41 us first RTT: tshark
    // called it a spurious retransmission, the replay out of order.)
    if (len > 0 && rev.lastack !== 0 && !gt((seq + len) >>> 0, rev.lastack)) out.push('retransmission');
    else if (notAdvanced && rev.dupacknum >= 2 && rev.lastack === seq && ltU64(sinceAck, 20_000_000)) out.push('retransmission'); // fast
    else if (notAdvanced && ltU64(sinceNext, threshold) && fwd.nextseq !== ((seq + len) >>> 0)) out.push('out-of-order');
    else if (notAdvanced) out.push('retransmission'); // spurious (already acknowledged) or plain
  }
  // A zero window probe's byte does not move nextseq (the dissector ignores probes there).
  if ((len > 0 || (flags & (SYN | FIN)) !== 0) && !zeroWindowProbe) {
    const nextseq = (seq + len + ((flags & (SYN | FIN)) !== 0 ? 1 : 0)) >>> 0;
    if (fwd.nextseq === 0 || gt(nextseq, fwd.nextseq)) {
      fwd.nextseq = nextseq;
      fwd.nextseqSec = sec;
      fwd.nextseqNsec = nsec;
    }
  }
  fwd.window = window;
  fwd.lastack = ack;
  fwd.lastackSec = sec;
  fwd.lastackNsec = nsec;
  fwd.lastKeepAlive = keepAlive;
  fwd.lastZeroWindowProbe = zeroWindowProbe;
  if ((flags & RST) !== 0) out.push('rst');
  return out;
}
