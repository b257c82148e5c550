/**
 * A bulk transfer in round trips, the model textbooks and exams draw: in each round the sender sends what
 * min(cwnd, rwnd) allows (RFC 5681 2: "the minimum of cwnd and rwnd governs data transmission"), the
 * link delivers or loses each segment, the receiver answers, and the ACKs come back, in order, before the
 * next round. One round is one RTT of virtual time; nothing here reads a clock.
 *
 * The sender is congestion.ts's controller on top of a sequence-space sender (SND.UNA, SND.NXT, SND.WND,
 * RFC 9293 3.8.6), the receiver is flow.ts's. The retransmission timer counts rounds (`rto`, doubled on
 * each expiry, RFC 6298 5.5); the persist timer probes a zero window (RFC 9293 3.8.6.1, RFC 1122
 * 4.2.2.17: the interval grows exponentially).
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { Congestion, type CongestionEvent, type Phase, type Variant } from './congestion.js';
import { Receiver } from './flow.js';

export type Unit = 'segments' | 'bytes';

/** Which transmissions the link loses. */
export type Loss =
  /** The n-th data segment transmitted (1-based, retransmissions and probes count). */
  | { readonly segment: number }
  /** The first transmission of the segment that starts at this relative sequence number. */
  | { readonly seq: number }
  /** Everything sent in round k: the retransmission timer expires at the end of it. */
  | { readonly timeout: number }
  /** The first segment sent in round k: the rest of the round comes back as duplicate ACKs. */
  | { readonly dupacks: number }
  /** The n-th window update the receiver sends (the persist timer must find the open window). */
  | { readonly update: number }
  /** Each data segment with this probability, from a seeded generator (xoroshiro128+). */
  | { readonly rate: number; readonly seed: number };

export interface BulkConfig {
  readonly variant: Variant;
  readonly unit: Unit;
  /** Segment size in the unit: the MSS in bytes, or 1 when counting segments. */
  readonly mss: number;
  /** Units to send. */
  readonly total: number;
  readonly iw: number;
  readonly ssthresh: number;
  /** Receive buffer in the unit. */
  readonly buffer: number;
  /** Units the application reads at the start of each round from `readFrom` on (Infinity: all). */
  readonly readRate: number;
  readonly readFrom: number;
  /** Retransmission timeout in rounds (before back-off). */
  readonly rto: number;
  /** First persist interval in rounds (doubled after each probe, at most 64). */
  readonly persist: number;
  readonly nagle: boolean;
  readonly sws: boolean;
  readonly delayedAck: boolean;
  readonly losses: readonly Loss[];
  /** Reorder each round's segments with this seed (a seeded shuffle on the link). */
  readonly reorderSeed?: number | undefined;
  /** Stop after this many rounds even if data is left. */
  readonly maxRounds: number;
}

export type RoundEvent =
  | CongestionEvent
  | { readonly kind: 'lost'; readonly seq: number; readonly len: number }
  | { readonly kind: 'dup-acks'; readonly count: number }
  | { readonly kind: 'zero-window' }
  | { readonly kind: 'probe'; readonly seq: number }
  | { readonly kind: 'update-lost' }
  | { readonly kind: 'window-update'; readonly win: number }
  | { readonly kind: 'done' };

/** One round as the table shows it: the sender's numbers when its burst has gone out. */
export interface Round {
  readonly round: number;
  readonly cwnd: number;
  readonly ssthresh: number;
  /** SND.WND: the receiver's window as the sender knows it. */
  readonly rwnd: number;
  /** FlightSize (SND.NXT - SND.UNA) after the round's burst. */
  readonly flight: number;
  /** Segments sent this round (new, retransmitted, probes). */
  readonly sent: number;
  readonly phase: Phase;
  /** SND.NXT when the round began, before its burst (what the sender's window looked like then). */
  readonly sndNxt0: number;
  /** SND.UNA, SND.NXT and the usable edge SND.UNA + min(cwnd, SND.WND) after the burst. */
  readonly sndUna: number;
  readonly sndNxt: number;
  readonly edge: number;
  /** What happened during the round (its ACKs, timers, losses). */
  readonly events: readonly RoundEvent[];
}

export interface Transmission {
  readonly round: number;
  readonly seq: number;
  readonly len: number;
  readonly kind: 'new' | 'retransmit' | 'probe';
  readonly lost: boolean;
  /** cwnd, SND.WND and FlightSize right after it was sent (for the invariant's tests). */
  readonly cwnd: number;
  readonly rwnd: number;
  readonly flight: number;
}

export interface BulkResult {
  readonly rounds: readonly Round[];
  readonly transmissions: readonly Transmission[];
  /** Every unit reached the application and was acknowledged. */
  readonly complete: boolean;
  /** In-order runs handed to the application: [start, length]. */
  readonly delivered: readonly (readonly [number, number])[];
}

const SHIFT_CAP = 64;

export function runBulk(cfg: BulkConfig): BulkResult {
  const cc = new Congestion({ variant: cfg.variant, smss: cfg.mss, iw: cfg.iw, ssthresh: cfg.ssthresh }, 0);
  const rx = new Receiver({ buffer: cfg.buffer, mss: cfg.mss, sws: cfg.sws, delayedAck: cfg.delayedAck, readsAtOnce: cfg.readRate === Infinity });
  const end = 1 + cfg.total;
  let sndUna = 1;
  let sndNxt = 1;
  let sndMax = 1;
  let sndWnd = cfg.buffer;
  let maxSndWnd = cfg.buffer;
  let lastWin = cfg.buffer;
  let rtoArmedAt: number | undefined;
  let backoff = 1;
  let timedOutSeq: number | undefined;
  let persistAt: number | undefined;
  let persistInterval = cfg.persist;
  let retransmitNow = false;
  let dataSent = 0;
  let updates = 0;
  const firstSent = new Set<number>();
  const rounds: Round[] = [];
  const transmissions: Transmission[] = [];
  const rand = cfg.losses.find((l): l is { rate: number; seed: number } => 'rate' in l);
  const gen = rand ? xoroshiro128plus(rand.seed | 0) : undefined;
  const shuffle = cfg.reorderSeed !== undefined ? xoroshiro128plus(cfg.reorderSeed | 0) : undefined;

  const flight = (): number => sndNxt - sndUna;
  const limit = (): number => Math.min(cc.cwnd, sndWnd);

  for (let r = 1; r <= cfg.maxRounds && sndUna < end; r++) {
    const events: RoundEvent[] = [];
    const pendingAcks: { ack: number; win: number; update: boolean }[] = [];
    if (r >= cfg.readFrom && cfg.readRate !== Infinity) {
      const upd = rx.read(cfg.readRate);
      if (upd) {
        updates++;
        if (cfg.losses.some((l) => 'update' in l && l.update === updates)) events.push({ kind: 'update-lost' });
        else pendingAcks.push(upd);
      }
    }

    // The burst: what the window allows, the segments first sent at round r.
    const burst: Transmission[] = [];
    const send = (seq: number, len: number, kind: Transmission['kind']): void => {
      dataSent++;
      let lost = cfg.losses.some((l) =>
        ('segment' in l && l.segment === dataSent) ||
        ('seq' in l && l.seq === seq && kind !== 'probe' && !firstSent.has(seq)) ||
        ('timeout' in l && l.timeout === r) ||
        ('dupacks' in l && l.dupacks === r && burst.length === 0));
      if (gen && rand && uniformInt(gen, 0, 999_999) < rand.rate * 1_000_000) lost = true;
      firstSent.add(seq);
      const t: Transmission = { round: r, seq, len, kind, lost, cwnd: cc.cwnd, rwnd: sndWnd, flight: flight() };
      burst.push(t);
      transmissions.push(t);
      if (rtoArmedAt === undefined && kind !== 'probe') rtoArmedAt = r; // RFC 6298 5.1
    };

    const sndNxt0 = sndNxt;
    if (retransmitNow && sndUna < sndNxt) {
      send(sndUna, Math.min(cfg.mss, sndNxt - sndUna), 'retransmit');
    }
    retransmitNow = false;
    for (;;) {
      const left = end - sndNxt;
      const usable = sndUna + limit() - sndNxt;
      if (left <= 0 || usable <= 0) break;
      const len = Math.min(cfg.mss, left, usable);
      if (len < cfg.mss) {
        // RFC 9293 3.8.6.2.1 sender SWS avoidance and 3.7.4 Nagle: a short segment goes out only if it is
        // the last of the data (pushed) and, with Nagle, nothing is unacknowledged; or if it is at least
        // half the largest window the receiver offered.
        const pushed = len === left && (!cfg.nagle || flight() === 0);
        const half = len >= Math.floor(maxSndWnd / 2);
        if (cfg.sws && !pushed && !half) break;
        if (!cfg.sws && cfg.nagle && flight() > 0) break;
      }
      const kind = sndNxt < sndMax ? 'retransmit' : 'new';
      sndNxt += len;
      sndMax = Math.max(sndMax, sndNxt);
      send(sndNxt - len, len, kind);
    }
    if (persistAt !== undefined && r >= persistAt && sndWnd === 0 && flight() === 0) {
      // RFC 9293 3.8.6.1: "The sending TCP peer must regularly transmit at least one octet of new data
      // ... even if the send window is zero": one unit at SND.NXT, outside the window, so SND.NXT stays
      // (the probe is not in flight). RFC 1122 4.2.2.17: the interval grows exponentially.
      send(sndNxt, 1, 'probe');
      events.push({ kind: 'probe', seq: sndNxt });
      persistInterval = Math.min(SHIFT_CAP, persistInterval * 2);
      persistAt = r + persistInterval;
    }
    const row = { round: r, cwnd: cc.cwnd, ssthresh: cc.ssthresh, rwnd: sndWnd, flight: flight(), sent: burst.length, phase: cc.phase, sndNxt0, sndUna, sndNxt, edge: sndUna + limit() };

    // The link and the receiver.
    const order = burst.map((_, i) => i);
    if (shuffle) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = uniformInt(shuffle, 0, i);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
    }
    for (const i of order) {
      const t = burst[i]!;
      if (t.lost) {
        events.push({ kind: 'lost', seq: t.seq, len: t.len });
        continue;
      }
      pendingAcks.push(...rx.segment(t.seq, t.len));
    }
    pendingAcks.push(...rx.flush());

    // The ACKs come back in order.
    let dups = 0;
    for (const a of pendingAcks) {
      const isDup = a.ack === sndUna && flight() > 0 && a.win === lastWin && !a.update;
      if (a.ack > sndUna) {
        const acked = a.ack - sndUna;
        sndUna = a.ack;
        if (sndNxt < sndUna) sndNxt = sndUna;
        backoff = 1;
        timedOutSeq = undefined;
        const act = cc.newAck(acked, a.ack);
        if (act.event) events.push(act.event);
        if (act.retransmit) retransmitNow = true;
        sndMax = Math.max(sndMax, sndNxt);
        // RFC 6298 5.2/5.3: all acknowledged: the timer stops; else it restarts. RFC 6582 3.2 step 3: a
        // partial ACK resets it only the first time; later ones leave it running.
        if (sndUna >= sndNxt) rtoArmedAt = undefined;
        else if (!(act.event?.kind === 'partial-ack' && cc.partialAcks > 1)) rtoArmedAt = r + 1;
      } else if (isDup) {
        dups++;
        const act = cc.dupAck(flight(), sndMax - 1, a.ack);
        if (act.event) events.push(act.event);
        if (act.retransmit && !act.goBack) retransmitNow = true;
        if (act.goBack) sndNxt = sndUna;
        // The fast retransmission restarts the timer, as Linux does for the head of its retransmission
        // queue (tcp_xmit_retransmit_queue -> tcp_reset_xmit_timer): the loss is being repaired.
        if (act.retransmit) rtoArmedAt = r + 1;
      }
      // Window update (RFC 9293 3.10.7.4: SND.WL1/WL2 hold, the receiver sends no data and its ACKs do not
      // reorder, so every ACK at or past SND.UNA is newer).
      if (a.ack >= sndUna) {
        sndWnd = a.win;
        lastWin = a.win;
        maxSndWnd = Math.max(maxSndWnd, a.win);
        if (a.update) events.push({ kind: 'window-update', win: a.win });
      }
    }
    if (dups > 0) events.push({ kind: 'dup-acks', count: dups });
    if (sndWnd > 0) {
      persistAt = undefined;
      persistInterval = cfg.persist;
    } else if (persistAt === undefined && sndNxt < end && flight() === 0) {
      // A zero window, data waiting and nothing in flight to bring an ACK: start the persist timer.
      persistAt = r + persistInterval;
      events.push({ kind: 'zero-window' });
    }

    // The retransmission timer: armed at the round it was (re)started, it expires `rto * backoff` rounds on.
    if (rtoArmedAt !== undefined && sndUna < sndNxt && r + 1 - rtoArmedAt >= cfg.rto * backoff) {
      const first = timedOutSeq !== sndUna;
      const act = cc.timeout(flight(), sndMax - 1, first);
      timedOutSeq = sndUna;
      if (act.event) events.push(act.event);
      sndNxt = sndUna; // go back: 4.4BSD tcp_timers.c sets snd_nxt = snd_una on a retransmission timeout
      backoff = Math.min(SHIFT_CAP, backoff * 2);
      rtoArmedAt = undefined;
    }
    if (sndUna >= end) events.push({ kind: 'done' });
    rounds.push({ ...row, events });
  }
  return {
    rounds,
    transmissions,
    complete: sndUna >= end && rx.rcvNxt >= end,
    delivered: rx.delivered,
  };
}
