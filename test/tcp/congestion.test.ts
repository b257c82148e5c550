/**
 * The congestion controller, rule by rule. Each test quotes the RFC 5681 / RFC 6582 sentence it pins and
 * computes the expected value from that sentence's formula in the test (bytes, SMSS = 1000, so the
 * arithmetic is visible), never from the controller's own output.
 */
import { describe, expect, it } from 'vitest';
import { Congestion, DUP_ACK_THRESHOLD, initialWindow, type Variant } from '../../src/tcp/congestion.js';

const SMSS = 1000;
const make = (variant: Variant, cwnd: number, ssthresh: number, iss = 0) =>
  new Congestion({ variant, smss: SMSS, iw: cwnd, ssthresh }, iss);

describe('RFC 5681 3.1 slow start and congestion avoidance', () => {
  it('"cwnd += min (N, SMSS)" (equation 2): an ACK of 500 bytes adds 500, an ACK of 3000 adds one SMSS', () => {
    const c = make('reno', 2 * SMSS, 64_000);
    c.newAck(500, 501);
    expect(c.cwnd).toBe(2 * SMSS + 500);
    c.newAck(3000, 3501);
    expect(c.cwnd).toBe(2 * SMSS + 500 + Math.min(3000, SMSS));
    expect(c.phase).toBe('slow-start');
  });

  it('"The slow start algorithm is used when cwnd < ssthresh, while the congestion avoidance algorithm is used when cwnd > ssthresh"', () => {
    const c = make('reno', 4 * SMSS, 5 * SMSS);
    c.newAck(SMSS, 1001); // slow start: 4 -> 5 SMSS
    expect(c.cwnd).toBe(5 * SMSS);
    c.newAck(SMSS, 2001); // at ssthresh: avoidance, no full SMSS growth from one ACK
    expect(c.cwnd).toBe(5 * SMSS);
    expect(c.phase).toBe('avoidance');
  });

  it('"when the number of bytes acknowledged reaches cwnd, then cwnd can be incremented by up to SMSS bytes"', () => {
    const cwnd = 10 * SMSS;
    const c = make('reno', cwnd, 5 * SMSS);
    for (let i = 1; i < 10; i++) {
      c.newAck(SMSS, 1 + i * SMSS);
      expect(c.cwnd).toBe(cwnd); // 9 * SMSS acknowledged: below cwnd
    }
    c.newAck(SMSS, 1 + 10 * SMSS);
    expect(c.cwnd).toBe(cwnd + SMSS);
  });

  it('equation (4) on a timeout: "ssthresh = max (FlightSize / 2, 2*SMSS)", from FlightSize, not from cwnd', () => {
    const c = make('reno', 20 * SMSS, 64_000);
    const flight = 6 * SMSS; // the sender was not using its whole cwnd (application-limited)
    c.timeout(flight, 6000, true);
    expect(c.ssthresh).toBe(Math.max(flight / 2, 2 * SMSS));
    const d = make('reno', 20 * SMSS, 64_000);
    d.timeout(3 * SMSS, 3000, true);
    expect(d.ssthresh).toBe(2 * SMSS); // the 2*SMSS floor
  });

  it('on a timeout "cwnd MUST be set to no more than the loss window, LW, which equals 1 full-sized segment"; a second timeout of the same segment keeps ssthresh', () => {
    const c = make('reno', 16 * SMSS, 64_000);
    c.timeout(16 * SMSS, 16_000, true);
    expect([c.cwnd, c.ssthresh, c.phase]).toEqual([SMSS, 8 * SMSS, 'slow-start']);
    // "when a given segment is retransmitted more than once ... ssthresh is held constant" (the timer's own
    // retransmission): FlightSize is now 1 SMSS, but ssthresh stays 8 SMSS.
    c.timeout(SMSS, 16_000, false);
    expect([c.cwnd, c.ssthresh]).toEqual([SMSS, 8 * SMSS]);
  });
});

describe('RFC 5681 3.2 fast retransmit and fast recovery (Reno)', () => {
  it('the first and second duplicate ACKs change nothing; "the arrival of 3 duplicate ACKs" is the signal', () => {
    expect(DUP_ACK_THRESHOLD).toBe(3);
    const c = make('reno', 10 * SMSS, 64_000);
    expect(c.dupAck(10 * SMSS, 10_000, 1).retransmit).toBe(false);
    expect(c.dupAck(10 * SMSS, 10_000, 1).retransmit).toBe(false);
    expect([c.cwnd, c.ssthresh]).toEqual([10 * SMSS, 64_000]);
    const third = c.dupAck(10 * SMSS, 10_000, 1);
    expect(third).toMatchObject({ retransmit: true, goBack: false });
  });

  it('step 2: ssthresh by equation (4); step 3: "cwnd MUST be set to ssthresh plus 3*SMSS"', () => {
    const c = make('reno', 12 * SMSS, 64_000);
    const flight = 11 * SMSS;
    for (let i = 0; i < 3; i++) c.dupAck(flight, 12_000, 1);
    expect(c.ssthresh).toBe(Math.max(Math.floor(flight / 2), 2 * SMSS));
    expect(c.cwnd).toBe(c.ssthresh + 3 * SMSS);
    expect(c.phase).toBe('recovery');
  });

  it('step 4: "For each additional duplicate ACK received (after the third), cwnd MUST be incremented by SMSS"', () => {
    const c = make('reno', 10 * SMSS, 64_000);
    for (let i = 0; i < 3; i++) c.dupAck(10 * SMSS, 10_000, 1);
    const at3 = c.cwnd;
    c.dupAck(10 * SMSS, 10_000, 1);
    c.dupAck(10 * SMSS, 10_000, 1);
    expect(c.cwnd).toBe(at3 + 2 * SMSS);
  });

  it('step 6: "When the next ACK arrives that acknowledges previously unacknowledged data, a TCP MUST set cwnd to ssthresh" (even a partial one)', () => {
    const c = make('reno', 10 * SMSS, 64_000);
    for (let i = 0; i < 5; i++) c.dupAck(10 * SMSS, 10_000, 1);
    const act = c.newAck(2 * SMSS, 2001); // acknowledges only part of what was outstanding
    expect(act.retransmit).toBe(false);
    expect([c.cwnd, c.phase]).toEqual([5 * SMSS, 'avoidance']);
  });
});

describe('RFC 6582 NewReno', () => {
  it('3.2 step 2: recover = the highest sequence number transmitted; a partial ACK "Retransmit the first unacknowledged segment", deflates by the data acknowledged, adds back SMSS, stays in recovery', () => {
    const c = make('newreno', 10 * SMSS, 64_000);
    for (let i = 0; i < 3; i++) c.dupAck(10 * SMSS, 10_000, 1);
    expect(c.recover).toBe(10_000);
    const before = c.cwnd; // 5 + 3 SMSS
    const act = c.newAck(3 * SMSS, 3001); // below recover: partial
    expect(act.retransmit).toBe(true);
    expect(c.cwnd).toBe(before - 3 * SMSS + SMSS);
    expect(c.phase).toBe('recovery');
  });

  it('3.2 step 3: a partial ACK of less than one SMSS adds nothing back', () => {
    const c = make('newreno', 10 * SMSS, 64_000);
    for (let i = 0; i < 3; i++) c.dupAck(10 * SMSS, 10_000, 1);
    const before = c.cwnd;
    c.newAck(400, 401);
    expect(c.cwnd).toBe(before - 400);
  });

  it('3.2 step 3: an ACK of "all of the data up to and including recover" sets cwnd to ssthresh (option 2) and exits', () => {
    const c = make('newreno', 10 * SMSS, 64_000);
    for (let i = 0; i < 3; i++) c.dupAck(10 * SMSS, 10_000, 1);
    c.newAck(3 * SMSS, 3001);
    const act = c.newAck(7 * SMSS, 10_001); // SEG.ACK = recover + 1
    expect(act.retransmit).toBe(false);
    expect([c.cwnd, c.phase]).toEqual([c.ssthresh, 'avoidance']);
  });

  it('3.2 step 1: three duplicate ACKs whose acknowledgment does not cover more than recover: "the TCP does not enter fast retransmit and does not reset ssthresh"', () => {
    const c = make('newreno', 10 * SMSS, 64_000);
    c.timeout(10 * SMSS, 10_000, true); // step 4: recover = 10000
    expect(c.recover).toBe(10_000);
    const ssthresh = c.ssthresh;
    for (let i = 0; i < 2; i++) c.dupAck(SMSS, 10_000, 4001);
    const act = c.dupAck(SMSS, 10_000, 4001);
    expect(act.retransmit).toBe(false);
    expect(act.event?.kind).toBe('no-fast-retransmit');
    expect(c.ssthresh).toBe(ssthresh);
    // Reno has no such check: the same ACKs start a fast retransmit.
    const r = make('reno', 10 * SMSS, 64_000);
    r.timeout(10 * SMSS, 10_000, true);
    for (let i = 0; i < 2; i++) r.dupAck(SMSS, 10_000, 4001);
    expect(r.dupAck(SMSS, 10_000, 4001).retransmit).toBe(true);
  });
});

describe('Tahoe', () => {
  it('three duplicate ACKs: ssthresh by equation (4), cwnd one segment, slow start and go back (no fast recovery)', () => {
    const c = make('tahoe', 12 * SMSS, 8 * SMSS);
    for (let i = 0; i < 2; i++) c.dupAck(12 * SMSS, 12_000, 1);
    const act = c.dupAck(12 * SMSS, 12_000, 1);
    expect(act).toMatchObject({ retransmit: true, goBack: true });
    expect([c.ssthresh, c.cwnd, c.phase]).toEqual([6 * SMSS, SMSS, 'slow-start']);
  });
});

describe('initial window', () => {
  it('RFC 5681 equation (1): 4380 bytes caps it (2, 3 or 4 segments by SMSS); RFC 6928 (Linux): 10 segments', () => {
    expect(initialWindow('rfc9293', 'bytes', 1460)).toBe(3 * 1460); // 1095 < SMSS <= 2190
    expect(initialWindow('rfc9293', 'bytes', 536)).toBe(4 * 536);
    expect(initialWindow('rfc9293', 'bytes', 4000)).toBe(2 * 4000);
    expect(initialWindow('linux', 'bytes', 1460)).toBe(14_600);
    expect(initialWindow('linux', 'segments', 1)).toBe(10);
  });
});
