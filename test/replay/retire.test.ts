/**
 * Replay's memory is bounded by the open connections (issue 15): a connection whose two ends are CLOSED is
 * kept as its report only. Ends get there on the capture's own clock: an end in TIME_WAIT leaves it when
 * the capture's time passes its 2MSL (TIME_WAIT_TIMEOUT, as its timer would; Linux frees the socket after
 * TCP_TIMEWAIT_LEN, 60 s: include/net/tcp.h). Checked here: the retired form gives exactly the reports of
 * the whole form (retire: false), also for segments that come after a connection was retired; the number
 * of connections kept whole stays at those of the last 2MSL of capture time; and the 2MSL rule itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CaptureDecoder } from '../../src/replay/capture-decoder.js';
import type { DecodedSegment } from '../../src/replay/packet.js';
import { Replay } from '../../src/replay/replay.js';
import { parseTcpScenario } from '../../src/scenario/tcp.js';
import { toPcapng } from '../../src/tcp/pcap.js';
import { Simulation } from '../../src/tcp/simulation.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The segments of a shipped scenario as a capture decodes them. */
function captured(name: string): DecodedSegment[] {
  const file = join(root, 'scenarios', 'tcp', `${name}.yaml`);
  const sim = new Simulation(parseTcpScenario(readFileSync(file, 'utf8'), file));
  const result = sim.run();
  const segs: DecodedSegment[] = [];
  const d = new CaptureDecoder((s) => segs.push(s));
  d.push(toPcapng(result.segments.filter((s) => !s.dropped), sim.endpointNames()));
  d.end();
  return segs;
}

/** `segs` again as connection number `i`: its own client port, `offsetMs` later. */
function copy(segs: readonly DecodedSegment[], i: number, offsetMs: number, frame0: number): DecodedSegment[] {
  const client = segs[0]!.from;
  const port = (p: string): string => (p === client ? p.replace(/:\d+$/, `:${10_000 + i}`) : p);
  return segs.map((s, k) => {
    const ns = s.sec * 1e9 + s.nsec + offsetMs * 1e6;
    return { ...s, frame: frame0 + k, from: port(s.from), to: port(s.to), sec: Math.floor(ns / 1e9), nsec: ns % 1e9 };
  });
}

function run(segs: readonly DecodedSegment[], retire: boolean, profile: 'linux' | 'rfc9293' = 'linux') {
  const r = new Replay({ profile, keepRows: () => false, rowLimit: 0, retire });
  let most = 0;
  let tuples = 0;
  for (const s of segs) {
    r.push(s);
    most = Math.max(most, r.openTracks);
    tuples = Math.max(tuples, r.tuplesInMemory);
  }
  const onDisk = r.retiredOnDisk.connections;
  return { reports: r.finish(), most, tuples, onDisk, open: r.openTracks };
}

describe('finished connections kept as their reports', () => {
  // 3,000 normal closes, one a second: each client's TIME_WAIT ends 60 s after it began.
  const close = captured('normal-close');
  const many: DecodedSegment[] = [];
  for (let i = 0; i < 3000; i++) many.push(...copy(close, i, i * 1000, many.length + 1));

  it('give the same reports as the whole connections, and only the last 2MSL of them stay whole', () => {
    const whole = run(many, false);
    const retired = run(many, true);
    expect(retired.reports).toEqual(whole.reports);
    expect(whole.open).toBe(3000);
    // 60 s of TIME_WAIT plus the next segment's arrival: about 61 connections at a time, never 3,000.
    expect(retired.most).toBeLessThan(70);
    expect(retired.most).toBeGreaterThan(55);
    // The connection table too holds only those (their 4-tuples): the rest wait on disk.
    expect(whole.tuples).toBe(3000);
    expect(retired.tuples).toBeLessThan(70);
    expect(retired.onDisk).toBe(3000 - retired.open);
    // The connections older than 2MSL at the end of the capture: the client's TIME_WAIT ended.
    expect(retired.reports[0]!.states).toEqual(['CLOSED', 'CLOSED']);
    expect(retired.reports[2999]!.states).toEqual(['TIME_WAIT', 'CLOSED']);
    expect(retired.reports[0]!.ended).toBe('fin');
  });

  it('a segment after a connection was retired (a FIN again, 100 s later) meets it as the whole form does', () => {
    const late = copy(close, 0, 0, 1);
    const fin = late.find((s) => s.flags & 0x01)!;
    const segs = [
      ...late,
      // Another connection 90 s on moves the capture's clock past the first one's 2MSL.
      ...copy(close, 1, 90_000, 100),
      { ...fin, frame: 200, sec: fin.sec + 100 },
      { ...fin, frame: 201, sec: fin.sec + 101, flags: 0x04, len: 0 },
    ].sort((x, y) => x.sec - y.sec || x.nsec - y.nsec);
    const whole = run(segs, false);
    const retired = run(segs, true);
    expect(retired.reports).toEqual(whole.reports);
    expect(retired.reports[0]!.frames).toEqual([late.filter((s) => s.from === late[0]!.from).length + 2, late.filter((s) => s.from !== late[0]!.from).length]);
    expect(retired.reports[0]!.anomalies.impossible).toBeGreaterThan(0); // a FIN into a CLOSED end: RFC 9293 3.10.7.1 answers with a RST
  });

  it('the same 4-tuple again after its connection was retired, with a new ISN (ports reused): a new stream, as the whole form says, and the old one stays retired', () => {
    const first = copy(close, 0, 0, 1);
    const shift = (x: number): number => (x + 1_000_000) >>> 0;
    const again = copy(close, 0, 90_000, 100).map((s) => ({ ...s, seq: shift(s.seq), ack: s.ack === 0 ? 0 : shift(s.ack) }));
    const segs = [...first, ...copy(close, 1, 80_000, 50), ...again].sort((x, y) => x.sec - y.sec || x.nsec - y.nsec);
    const whole = run(segs, false);
    const retired = run(segs, true);
    expect(retired.reports).toEqual(whole.reports);
    expect(whole.reports.map((r) => [r.a, r.ended])).toEqual([[first[0]!.from, 'fin'], [expect.any(String), 'fin'], [first[0]!.from, 'fin']]);
  });

  it('a FIN alone after the connection was retired: still ended by FIN, as the whole form says', () => {
    const late = copy(close, 0, 0, 1);
    const fin = late.find((s) => s.flags & 0x01)!;
    const segs = [...late, ...copy(close, 1, 90_000, 100), { ...fin, frame: 200, sec: fin.sec + 100 }].sort((x, y) => x.sec - y.sec || x.nsec - y.nsec);
    const whole = run(segs, false);
    expect(run(segs, true).reports).toEqual(whole.reports);
    expect(whole.reports[0]!.ended).toBe('fin');
  });

  it('connections ended by a RST are retired once quiet for 2MSL, with the same reports, a late segment included', () => {
    const abort = captured('abort');
    const segs: DecodedSegment[] = [];
    for (let i = 0; i < 500; i++) segs.push(...copy(abort, i, i * 1000, segs.length + 1));
    const ack = segs.find((x) => x.flags === 0x10)!;
    segs.push({ ...ack, frame: segs.length + 1, sec: segs[segs.length - 1]!.sec + 5 });
    const whole = run(segs, false);
    const retired = run(segs, true);
    expect(retired.reports).toEqual(whole.reports);
    expect(retired.most).toBeLessThan(70);
    expect(retired.reports.every((r) => r.ended === 'rst')).toBe(true);
  });

  it('a connection with one end still open (LAST_ACK: the final ACK not in the capture) is not retired: its late FIN meets LAST_ACK', () => {
    const lost = copy(close, 0, 0, 1).slice(0, -1);
    expect(close[close.length - 1]!.flags).toBe(0x10); // the final ACK left out
    const serverFin = [...lost].reverse().find((x) => x.flags & 0x01 && x.from !== lost[0]!.from)!;
    const segs = [...lost, ...copy(close, 1, 100_000, 100), { ...serverFin, frame: 300, sec: serverFin.sec + 200 }].sort((x, y) => x.sec - y.sec || x.nsec - y.nsec);
    const whole = run(segs, false);
    expect(run(segs, true).reports).toEqual(whole.reports);
    expect(whole.reports[0]!.states).toEqual(['CLOSED', 'LAST_ACK']);
  });
});

describe('TIME_WAIT on the capture clock (Linux: 60 s, TCP_TIMEWAIT_LEN)', () => {
  const close = copy(captured('normal-close'), 0, 0, 1);
  const other = (afterMs: number) => copy(captured('handshake'), 1, afterMs, 100);
  const lastMs = (() => {
    const s = close[close.length - 1]!;
    return s.sec * 1000 + s.nsec / 1e6;
  })();

  it('the active closer is still in TIME_WAIT 59 s after the close, and CLOSED once the capture passes 60 s', () => {
    const at59 = run([...close, ...other(lastMs + 59_000)], true).reports[0]!;
    const at61 = run([...close, ...other(lastMs + 61_000)], true).reports[0]!;
    expect(at59.states).toEqual(['TIME_WAIT', 'CLOSED']);
    expect(at61.states).toEqual(['CLOSED', 'CLOSED']);
    expect([at59.ended, at61.ended]).toEqual(['fin', 'fin']);
  });

  it('a capture that ends 10 minutes later without another segment leaves it as the capture last saw it', () => {
    expect(run(close, true).reports[0]!.states).toEqual(['TIME_WAIT', 'CLOSED']);
  });
});
