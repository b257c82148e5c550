/**
 * Bulk transfers in rounds (src/tcp/bulk.ts): the textbook runs against their published sequences, the
 * flow-control rules (persist probes, SWS avoidance, Nagle, delayed ACK) against RFC text with the
 * expected values worked out here, and two properties under seeded loss and reordering.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runBulk, type BulkConfig, type Loss } from '../../src/tcp/bulk.js';
import { Receiver } from '../../src/tcp/flow.js';

const textbook = (over: Partial<BulkConfig>): BulkConfig => ({
  variant: 'reno', unit: 'segments', mss: 1, total: 10_000, iw: 1, ssthresh: 16, buffer: 10_000,
  readRate: Infinity, readFrom: 1, rto: 1, persist: 1, nagle: true, sws: true, delayedAck: false,
  losses: [], maxRounds: 26, ...over,
});

describe('the published textbook sequences', () => {
  it('谢希仁《计算机网络》5.8.2 figure: 1,2,4,8,16, 17..24, timeout (ssthresh 12), 1,2,4,8,12, 13..16, 3 dup ACKs (ssthresh 8), 8,9,10', () => {
    // The figure's cwnd per transmission round, as printed: the timeout hits the round where cwnd = 24
    // (new ssthresh 24/2 = 12), three duplicate ACKs the round where cwnd = 16 (new ssthresh 8,
    // cwnd = ssthresh = 8, then +1 per round).
    const published = [1, 2, 4, 8, 16, 17, 18, 19, 20, 21, 22, 23, 24, 1, 2, 4, 8, 12, 13, 14, 15, 16, 8, 9, 10];
    const r = runBulk(textbook({ losses: [{ timeout: 13 }, { dupacks: 22 }] }));
    // The figure draws fast recovery as instant; the run spends the retransmission's round trip in it.
    const outside = r.rounds.filter((x) => x.phase !== 'recovery');
    expect(outside.map((x) => x.cwnd)).toEqual(published);
    const rec = r.rounds.filter((x) => x.phase === 'recovery');
    expect(rec).toHaveLength(1);
    // In that round the inflated window lets ssthresh = 8 segments out, the window the figure shows.
    expect(rec[0]!.sent).toBe(8);
    expect(r.rounds.find((x) => x.round === 14)!.ssthresh).toBe(12);
    expect(r.rounds.find((x) => x.round === 24)!.ssthresh).toBe(8);
  });

  it('Kurose and Ross (Figure 3.53 in the 7th edition), Tahoe: ssthresh 8, three dup ACKs at cwnd 12 in round 8, then 1,2,4, 6 (ssthresh), 7,8,9', () => {
    const published = [1, 2, 4, 8, 9, 10, 11, 12, 1, 2, 4, 6, 7, 8, 9];
    const r = runBulk(textbook({ variant: 'tahoe', ssthresh: 8, losses: [{ dupacks: 8 }], maxRounds: 15 }));
    expect(r.rounds.map((x) => x.cwnd)).toEqual(published);
  });

  it('the same loss under Reno: no slow start, avoidance from ssthresh = 12/2 = 6 after one recovery round', () => {
    const r = runBulk(textbook({ ssthresh: 8, losses: [{ dupacks: 8 }], maxRounds: 15 }));
    expect(r.rounds.filter((x) => x.phase !== 'recovery').map((x) => x.cwnd)).toEqual([1, 2, 4, 8, 9, 10, 11, 12, 6, 7, 8, 9, 10, 11]);
  });

  it('NewReno survives two losses in one window without a timeout; Reno times out (Fall and Floyd 1996, RFC 6582 1)', () => {
    const losses: Loss[] = [{ seq: 26 }, { seq: 29 }];
    const kinds = (v: 'reno' | 'newreno') => runBulk(textbook({ variant: v, ssthresh: 8, losses, maxRounds: 14 })).rounds.flatMap((x) => x.events.map((e) => e.kind));
    expect(kinds('reno')).toContain('timeout');
    expect(kinds('newreno')).not.toContain('timeout');
    expect(kinds('newreno')).toContain('partial-ack');
  });
});

describe('flow control', () => {
  it('RFC 9293 3.8.6.1 / RFC 1122 4.2.2.17: a zero window is probed, at intervals that double', () => {
    const r = runBulk(textbook({ buffer: 4, total: 10, readRate: 0, maxRounds: 40 }));
    const probes = r.rounds.filter((x) => x.events.some((e) => e.kind === 'probe')).map((x) => x.round);
    const gaps = probes.slice(1).map((p, i) => p - probes[i]!);
    expect(gaps.slice(0, 4)).toEqual([2, 4, 8, 16]);
    // Nothing but probes goes out while the window is zero, and none is counted in flight.
    for (const t of r.transmissions.filter((t) => t.round > probes[0]!)) expect(t.kind).toBe('probe');
  });

  it('a probe finds the window the lost window update announced', () => {
    const r = runBulk(textbook({ buffer: 4, total: 10, readRate: 2, readFrom: 5, losses: [{ update: 1 }], maxRounds: 30 }));
    expect(r.complete).toBe(true);
    const lostAt = r.rounds.find((x) => x.events.some((e) => e.kind === 'update-lost'))!.round;
    const probeAfter = r.rounds.find((x) => x.round > lostAt && x.events.some((e) => e.kind === 'probe'))!;
    expect(r.rounds[probeAfter.round]!.rwnd).toBeGreaterThan(0);
  });

  it('RFC 9293 3.8.6.2.2 receiver SWS avoidance: the window reopens only by min(RCV.BUFF/2, MSS); without it, by what was read', () => {
    const cfg = { unit: 'bytes' as const, mss: 1000, total: 12_000, iw: 3000, ssthresh: 64_000, buffer: 4000, readRate: 250, readFrom: 1, maxRounds: 400 };
    const on = runBulk(textbook(cfg));
    expect(on.complete).toBe(true);
    // The right edge SND.UNA + SND.WND the sender learns moves by 0 or by at least min(4000/2, 1000).
    const edges = on.rounds.map((x) => x.sndUna + x.rwnd);
    const steps = edges.slice(1).map((e, i) => e - edges[i]!).filter((d) => d !== 0);
    expect(steps.filter((d) => d < 1000)).toEqual([]);
    // RFC 9293 3.8.6.2.1, the sender's side: no segment shorter than the MSS but the last.
    expect(on.transmissions.filter((t) => t.kind === 'new' && t.len < 1000 && t.seq + t.len !== 12_001)).toEqual([]);
    const off = runBulk(textbook({ ...cfg, sws: false, nagle: false }));
    expect(off.transmissions.some((t) => t.kind === 'new' && t.len < 1000)).toBe(true);
  });

  it('RFC 9293 3.7.4 Nagle: a short last segment waits while data is unacknowledged', () => {
    const cfg = { unit: 'bytes' as const, mss: 1000, total: 2500, iw: 3000, ssthresh: 64_000, buffer: 64_000 };
    const lens = (nagle: boolean) => runBulk(textbook({ ...cfg, nagle })).transmissions.map((t) => [t.round, t.len]);
    expect(lens(true)).toEqual([[1, 1000], [1, 1000], [2, 500]]);
    expect(lens(false)).toEqual([[1, 1000], [1, 1000], [1, 500]]);
  });

  it('RFC 1122 4.2.3.2 delayed ACK: one ACK per two segments, so slow start grows cwnd by ceil(w/2) a round, not w (RFC 5681 3.1)', () => {
    const r = runBulk(textbook({ delayedAck: true, ssthresh: 1000, maxRounds: 7 }));
    const want = [1];
    while (want.length < 7) want.push(want.at(-1)! + Math.ceil(want.at(-1)! / 2));
    expect(r.rounds.map((x) => x.cwnd)).toEqual(want);
  });
});

describe('the receiver (RFC 9293 3.10.7.4, RFC 5681 4.2)', () => {
  it('trims a segment that overlaps delivered data: each unit reaches the application once', () => {
    const rx = new Receiver({ buffer: 100, mss: 10, sws: false, delayedAck: false, readsAtOnce: false });
    rx.segment(1, 10);
    const acks = rx.segment(6, 10); // 6..15: 6..10 already delivered
    expect(acks.map((a) => a.ack)).toEqual([16]);
    expect(rx.delivered).toEqual([[1, 10], [11, 5]]);
    expect(rx.unread).toBe(15);
  });

  it('acknowledges an out-of-order segment at once with the same window (a duplicate ACK), and the hole\'s filling at once', () => {
    const rx = new Receiver({ buffer: 100, mss: 10, sws: false, delayedAck: true, readsAtOnce: false });
    expect(rx.segment(1, 10)).toEqual([]); // delayed: first of two full segments
    expect(rx.segment(21, 10)).toEqual([{ ack: 11, win: 90, update: false }]);
    expect(rx.segment(11, 10)).toEqual([{ ack: 31, win: 70, update: false }]);
  });
});

/** Seeded loss and reordering over random settings (bounded so each run completes). */
const settings = fc.record({
  variant: fc.constantFrom('tahoe' as const, 'reno' as const, 'newreno' as const),
  bytes: fc.boolean(),
  total: fc.integer({ min: 1, max: 60 }),
  buffer: fc.integer({ min: 1, max: 24 }),
  readRate: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
  ssthresh: fc.integer({ min: 2, max: 40 }),
  rate: fc.constantFrom(0, 0.01, 0.05, 0.2),
  seed: fc.integer(),
  reorder: fc.option(fc.integer(), { nil: undefined }),
  delayedAck: fc.boolean(),
  nagle: fc.boolean(),
  sws: fc.boolean(),
  extra: fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 3 }),
});

type Settings = typeof settings extends fc.Arbitrary<infer T> ? T : never;

function configOf(s: Settings): BulkConfig {
  const mss = s.bytes ? 100 : 1;
  return textbook({
    variant: s.variant, unit: s.bytes ? 'bytes' : 'segments', mss, total: s.total * mss - (s.bytes ? s.seed % 50 : 0) || mss,
    iw: mss, ssthresh: s.ssthresh * mss, buffer: s.buffer * mss, readRate: s.readRate === undefined ? Infinity : s.readRate * mss,
    delayedAck: s.delayedAck, nagle: s.nagle, sws: s.sws, reorderSeed: s.reorder,
    losses: [{ rate: s.rate, seed: s.seed }, ...s.extra.map((n) => ({ segment: n }))], maxRounds: 5000,
  });
}

describe('properties (fast-check)', () => {
  it('new data is sent only while FlightSize stays within min(cwnd, rwnd) (RFC 5681 2; probes excepted, RFC 9293 3.8.6.1)', () => {
    fc.assert(fc.property(settings, (s) => {
      const r = runBulk(configOf(s));
      for (const t of r.transmissions) if (t.kind === 'new') expect(t.flight).toBeLessThanOrEqual(Math.min(t.cwnd, t.rwnd));
    }), { numRuns: 200, seed: 20261213 });
  });

  it('every unit reaches the application once and in order, under seeded loss and reordering', () => {
    fc.assert(fc.property(settings, (s) => {
      const cfg = configOf(s);
      const r = runBulk(cfg);
      expect(r.complete).toBe(true);
      let next = 1;
      for (const [start, len] of r.delivered) {
        expect(start).toBe(next);
        expect(len).toBeGreaterThan(0);
        next += len;
      }
      expect(next).toBe(1 + cfg.total);
    }), { numRuns: 200, seed: 20261214 });
  });
});
