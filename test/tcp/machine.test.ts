/**
 * The scheduled form of the endpoint machine runs by itself on xstate's SimulatedClock: its timers are
 * delayed events named in setup({ delays }). Checks RFC 6298 backoff of the SYN retransmission and the
 * 2MSL wait, with no wall time spent.
 */
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { createEndpointMachine, TCP_STATES } from '../../src/tcp/endpoint.machine.js';
import type { Segment } from '../../src/tcp/segment.js';

function pair(aIsn: number, bIsn: number, profile: 'rfc9293' | 'linux' = 'rfc9293') {
  const clock = new SimulatedClock();
  const machine = createEndpointMachine(profile, 'scheduled');
  const a = createActor(machine, { clock, input: { isn: aIsn, config: { msl: 30_000 } } });
  const b = createActor(machine, { clock, input: { isn: bIsn, config: { msl: 30_000 } } });
  const wire: { from: string; at: number; seg: Segment }[] = [];
  let linkUp = true;
  a.on('segment', (e) => {
    wire.push({ from: 'a', at: clock.now(), seg: e.segment });
    if (linkUp) clock.setTimeout(() => b.send({ type: 'SEGMENT', seg: e.segment }), 10);
  });
  b.on('segment', (e) => {
    wire.push({ from: 'b', at: clock.now(), seg: e.segment });
    if (linkUp) clock.setTimeout(() => a.send({ type: 'SEGMENT', seg: e.segment }), 10);
  });
  a.start();
  b.start();
  return { clock, a, b, wire, cut: () => (linkUp = false) };
}

describe('endpointMachine (scheduled timers) on a SimulatedClock', () => {
  it('has the 11 states of RFC 9293 3.3.2', () => {
    const endpointMachine = createEndpointMachine('rfc9293', 'scheduled');
    expect(Object.keys(endpointMachine.root.states).sort()).toEqual([...TCP_STATES].sort());
  });

  it('completes a handshake and a close, then leaves TIME_WAIT after exactly 2*MSL', () => {
    const { clock, a, b } = pair(100, 300);
    b.send({ type: 'PASSIVE_OPEN' });
    a.send({ type: 'ACTIVE_OPEN' });
    clock.increment(10);
    clock.increment(10);
    clock.increment(10);
    expect([a.getSnapshot().value, b.getSnapshot().value]).toEqual(['ESTABLISHED', 'ESTABLISHED']);
    a.send({ type: 'CLOSE' });
    clock.increment(10);
    clock.increment(10);
    b.send({ type: 'CLOSE' });
    clock.increment(10);
    clock.increment(10);
    expect([a.getSnapshot().value, b.getSnapshot().value]).toEqual(['TIME_WAIT', 'CLOSED']);
    const enteredAt = clock.now() - 10; // a entered TIME_WAIT when b's FIN arrived, 10 ms ago
    clock.increment(60_000 - 11);
    expect(a.getSnapshot().value).toBe('TIME_WAIT');
    clock.increment(1);
    expect(clock.now() - enteredAt).toBe(60_000);
    expect(a.getSnapshot().value).toBe('CLOSED');
  });

  it('retransmits an unanswered SYN after 1, 2, 4, 8, 16 s and gives up after 32 s more (RFC 6298 5.5)', () => {
    const { clock, a, wire, cut } = pair(100, 300);
    cut();
    a.send({ type: 'ACTIVE_OPEN' });
    for (let i = 0; i < 70; i++) clock.increment(1000);
    expect(wire.filter((w) => w.from === 'a').map((w) => w.at)).toEqual([0, 1000, 3000, 7000, 15000, 31000]);
    expect(a.getSnapshot().value).toBe('CLOSED');
    expect(a.getSnapshot().context.reason).toBe('retransmissions exhausted');
  });

  it('linux profile: TIME_WAIT is 60 s whatever the MSL', () => {
    const clock = new SimulatedClock();
    const m = createEndpointMachine('linux', 'scheduled');
    const a = createActor(m, { clock, input: { isn: 1, config: { msl: 1000 } } });
    a.start();
    expect(a.getSnapshot().context.timeWaitLength).toBe(60_000);
  });
});
