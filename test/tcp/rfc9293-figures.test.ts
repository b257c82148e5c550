/**
 * Sequence and acknowledgement numbers against the examples of RFC 9293 section 3.5 (figure 6 basic
 * handshake, figure 7 simultaneous open) and 3.6 (figure 12 normal close, figure 13 simultaneous close),
 * transcribed in test/data/rfc9293-figures.json. ISNs A=100, B=300 as in the RFC; for the close figures
 * the connection starts with SND.NXT=100 on A and 300 on B, so the ISNs are 99 and 299.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTcpScenario } from '../../src/scenario/tcp.js';
import { Simulation } from '../../src/tcp/simulation.js';

interface FigSeg {
  from: string;
  seq: number;
  ack?: number;
  flags: string;
  len?: number;
}
const data = JSON.parse(readFileSync(new URL('../data/rfc9293-figures.json', import.meta.url), 'utf8')) as {
  figures: Record<string, FigSeg[]>;
  states: Record<string, Record<string, string[]>>;
};

function run(yaml: string) {
  const sim = new Simulation(parseTcpScenario(yaml, 'figure.yaml'));
  sim.run();
  return sim;
}

/** Segments as the figure writes them (ACK field only when ACK is set), per sender in order. */
function bySender(segs: readonly { from: string; seq: number; ack: number; flags: string; len: number }[]) {
  const out: Record<string, FigSeg[]> = {};
  for (const s of segs) {
    const from = s.from.toUpperCase();
    (out[from] ??= []).push({
      from,
      seq: s.seq,
      ...(s.flags.includes('ACK') ? { ack: s.ack } : {}),
      flags: s.flags,
      ...(s.len ? { len: s.len } : {}),
    });
  }
  return out;
}
function expected(name: string) {
  return bySender(data.figures[name]!.map((f) => ({ ...f, ack: f.ack ?? 0, len: f.len ?? 0 })));
}
function statesOf(sim: Simulation, ep: string): string[] {
  return sim.transitions().filter((t) => t.endpoint === ep).map((t) => t.to);
}

describe('RFC 9293 figure examples', () => {
  it('figure 6: basic three-way handshake, then data', () => {
    const sim = run(`name: f6
title: f6
endpoints: { a: { isn: 100 }, b: { isn: 300, listen: true } }
steps:
  - open: a
  - settle: true
  - send: { from: a, bytes: 1 }
  - advance: 5ms
`);
    expect(bySender(sim.result().segments.filter((s) => !(s.from === 'b' && s.flags === 'ACK' && s.at > 20)))).toEqual(
      expected('figure-6-handshake'),
    );
    expect(statesOf(sim, 'a')).toEqual(data.states['figure-6-handshake']!['A']);
    // b's first transition, CLOSED -> LISTEN, is its passive open before the figure starts.
    expect(statesOf(sim, 'b').slice(1)).toEqual(data.states['figure-6-handshake']!['B']);
  });

  it('figure 7: simultaneous open', () => {
    const sim = run(`name: f7
title: f7
endpoints: { a: { isn: 100 }, b: { isn: 300 } }
steps:
  - open: a
  - open: b
  - settle: true
`);
    expect(bySender(sim.result().segments)).toEqual(expected('figure-7-simultaneous-open'));
    expect(statesOf(sim, 'a')).toEqual(data.states['figure-7-simultaneous-open']!['A']);
    expect(statesOf(sim, 'b')).toEqual(data.states['figure-7-simultaneous-open']!['B']);
  });

  it('figure 12: normal close sequence (FIN takes one sequence number)', () => {
    const sim = run(`name: f12
title: f12
endpoints: { a: { isn: 99 }, b: { isn: 299, listen: true } }
steps:
  - open: a
  - settle: true
  - close: a
  - settle: true
  - close: b
  - settle: true
`);
    const closing = sim.result().segments.slice(3);
    expect(bySender(closing)).toEqual(expected('figure-12-normal-close'));
    expect(statesOf(sim, 'a').slice(-3)).toEqual(data.states['figure-12-normal-close']!['A']);
    expect(statesOf(sim, 'b').slice(-3)).toEqual(data.states['figure-12-normal-close']!['B']);
  });

  it('figure 13: simultaneous close sequence', () => {
    const sim = run(`name: f13
title: f13
endpoints: { a: { isn: 99 }, b: { isn: 299, listen: true } }
steps:
  - open: a
  - settle: true
  - close: a
  - close: b
  - settle: true
`);
    const closing = sim.result().segments.slice(3);
    expect(bySender(closing)).toEqual(expected('figure-13-simultaneous-close'));
    expect(statesOf(sim, 'a').slice(-3)).toEqual(data.states['figure-13-simultaneous-close']!['A']);
    expect(statesOf(sim, 'b').slice(-3)).toEqual(data.states['figure-13-simultaneous-close']!['B']);
  });
});

describe('sequence numbering', () => {
  it('data advances SEQ by its length and the FIN comes after it: ISN 1000, 1000 bytes -> FIN at 2001', () => {
    const sim = run(`name: n
title: n
steps:
  - open: client
  - settle: true
  - send: { from: client, bytes: 1000 }
  - close: client
  - settle: true
`);
    const segs = sim.result().segments.filter((s) => s.from === 'client');
    expect(segs.map((s) => [s.flags, s.seq, s.len])).toEqual([
      ['SYN', 1000, 0],
      ['ACK', 1001, 0],
      ['PSH,ACK', 1001, 1000],
      ['FIN,ACK', 2001, 0],
    ]);
    const acks = sim.result().segments.filter((s) => s.from === 'server' && s.flags === 'ACK').map((s) => s.ack);
    expect(acks).toEqual([2001, 2002]);
  });

  it('a CLOSED port answers a SYN with <SEQ=0><ACK=SEG.SEQ+1><CTL=RST,ACK> (RFC 9293 3.10.7.1)', () => {
    const sim = run(`name: r
title: r
endpoints: { client: { isn: 1000 }, server: { isn: 5000 } }
steps:
  - open: client
  - settle: true
`);
    expect(sim.result().segments[1]).toMatchObject({ from: 'server', flags: 'RST,ACK', seq: 0, ack: 1001 });
  });

  it('sequence numbers wrap modulo 2^32', () => {
    const sim = run(`name: w
title: w
endpoints: { client: { isn: 4294967295 }, server: { isn: 5000, listen: true } }
steps:
  - open: client
  - settle: true
  - send: { from: client, bytes: 10 }
  - settle: true
  - expect: { client: ESTABLISHED, server: ESTABLISHED }
`);
    const r = sim.result();
    expect(r.passed).toBe(true);
    expect(r.segments.filter((s) => s.from === 'client').map((s) => s.seq)).toEqual([4294967295, 0, 0]);
    expect(r.segments.at(-1)).toMatchObject({ from: 'server', ack: 10 });
  });
});
