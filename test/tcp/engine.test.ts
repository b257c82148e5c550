/**
 * The table engine (engine.ts) is a faster runner of the same machine: on random event sequences it
 * must reach the same state, the same TCB and send the same segments as xstate's own transition() on
 * createEndpointMachine(profile, 'explicit').
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { createEndpointMachine } from '../../src/tcp/endpoint.machine.js';
import { compileMachine, createEngineEndpoint, fire, machineNodeTable } from '../../src/tcp/engine.js';
import { ACTIONS, GUARDS } from '../../src/tcp/endpoint.machine.js';
import { PROFILES } from '../../src/tcp/profile.js';
import { TCP_STATES } from '../../src/tcp/states.js';
import type { Segment } from '../../src/tcp/segment.js';
import type { TcbInput } from '../../src/tcp/tcb.js';
import { eventsFor } from './helpers/events.js';

describe.each(['rfc9293', 'linux'] as const)('table engine vs xstate transition(), profile %s', (profile) => {
  const machine = createEndpointMachine(profile, 'explicit');
  const compiled = compileMachine(profile);

  it('agrees on state, TCB and segments for random event sequences', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        (syncookies, picks) => {
          const input: TcbInput = { isn: 100, syncookies, config: { retries: 2, keepaliveProbes: 2 } };
          let [snap] = initialTransition(machine, input);
          const sent: Segment[] = [];
          const fx = { send: (s: Segment) => sent.push(s), startTimer() {}, cancelTimer() {} };
          const ep = createEngineEndpoint(compiled, input, fx);
          for (const pick of picks) {
            const events = eventsFor(snap.context, String(snap.value));
            const ev = events[pick % events.length]!;
            sent.length = 0;
            const [next, actions] = transition(machine, snap, ev);
            snap = next;
            fire(compiled, ep, ev, fx);
            const emitted = actions
              .filter((a) => a.type === 'xstate.emit')
              .map((a) => (a.params as { event: { segment: Segment } }).event.segment);
            expect(ep.state).toBe(snap.value);
            expect(ep.tcb).toEqual(snap.context);
            expect(sent).toEqual(emitted);
          }
        },
      ),
      { numRuns: 150, seed: 9293 },
    );
  });
});

describe('the machine as a table (built into the bundle by scripts/bundle.js)', () => {
  it.each(PROFILES)('%s: plain data that survives JSON, with every state, guard and action the machine names', (profile) => {
    const table = machineNodeTable(profile);
    expect(JSON.parse(JSON.stringify(table))).toEqual(table);
    expect(table.map((n) => n.key).sort()).toEqual([...TCP_STATES].sort());
    const names = table.flatMap((n) => [...n.entry, ...n.exit, ...n.transitions.flatMap(([, list]) => list.flatMap((t) => [...t.actions, ...(t.guard ? [t.guard] : [])]))]);
    for (const name of names) expect(name in ACTIONS || name in GUARDS, name).toBe(true);
    expect(table.flatMap((n) => n.transitions).length).toBeGreaterThan(20);
  });
});
