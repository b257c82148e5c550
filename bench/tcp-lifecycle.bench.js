// 10,000 complete TCP lifecycles in virtual time: handshake, 1 KB each way, close, TIME_WAIT expiry.
// Measured: the simulator (table engine compiled from the xstate machine) against two baselines in the
// same run: xstate's pure transition() on the same machine, and xstate actors on a SimulatedClock.
// Medians of several runs; lifecycles/s and transitions/s (state changes of both endpoints).
import { createActor, SimulatedClock, initialTransition, transition } from 'xstate';
import { parseTcpScenario } from '../dist/scenario/tcp.js';
import { Simulation } from '../dist/tcp/simulation.js';
import { createEndpointMachine } from '../dist/tcp/endpoint.machine.js';
import { median } from './stats.js';

const N = Number(process.env.LIFECYCLES ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 5);

const scenario = parseTcpScenario(
  `name: lifecycle
title: one lifecycle
steps:
  - open: client
  - settle: true
  - send: { from: client, bytes: 1024 }
  - send: { from: server, bytes: 1024 }
  - settle: true
  - close: client
  - settle: true
  - close: server
  - settle: true
  - advance: 60s
  - expect: { client: CLOSED, server: CLOSED }
`,
  'lifecycle.yaml',
);


/** The simulator: every lifecycle is a fresh Simulation (two hosts, event queue, table engine). */
let machineEvents = 0;
function simulator(n) {
  let transitions = 0;
  machineEvents = 0;
  for (let i = 0; i < n; i++) {
    const sim = new Simulation(scenario);
    const r = sim.run();
    if (!r.passed) throw new Error('lifecycle failed');
    transitions += sim.counters.transitions;
    machineEvents += sim.counters.machineEvents;
  }
  return transitions;
}

/** Two endpoints driven by xstate's transition() (pure), with a FIFO link and explicit timeouts. */
function xstatePure(n) {
  const machine = createEndpointMachine('rfc9293', 'explicit');
  let transitions = 0;
  for (let i = 0; i < n; i++) {
    const snaps = {
      c: initialTransition(machine, { isn: 1000 })[0],
      s: initialTransition(machine, { isn: 5000 })[0],
    };
    const wire = [];
    const deliver = (who, ev) => {
      const before = snaps[who].value;
      const [next, actions] = transition(machine, snaps[who], ev);
      snaps[who] = next;
      if (next.value !== before) transitions++;
      for (const a of actions) if (a.type === 'xstate.emit') wire.push([who === 'c' ? 's' : 'c', a.params.event.segment]);
    };
    const drain = () => {
      while (wire.length) {
        const [to, seg] = wire.shift();
        deliver(to, { type: 'SEGMENT', seg });
      }
    };
    deliver('s', { type: 'PASSIVE_OPEN' });
    deliver('c', { type: 'ACTIVE_OPEN' });
    drain();
    deliver('c', { type: 'SEND', bytes: 1024 });
    deliver('s', { type: 'SEND', bytes: 1024 });
    drain();
    deliver('c', { type: 'CLOSE' });
    drain();
    deliver('s', { type: 'CLOSE' });
    drain();
    deliver('c', { type: 'TIME_WAIT_TIMEOUT' });
    if (snaps.c.value !== 'CLOSED' || snaps.s.value !== 'CLOSED') throw new Error(`pure: ${snaps.c.value} ${snaps.s.value}`);
  }
  return transitions;
}

/** Two xstate actors (scheduled timers) on a SimulatedClock, segments delivered after 10 ms. */
function xstateActors(n) {
  const machine = createEndpointMachine('rfc9293', 'scheduled');
  let transitions = 0;
  for (let i = 0; i < n; i++) {
    const clock = new SimulatedClock();
    const c = createActor(machine, { clock, input: { isn: 1000 } });
    const s = createActor(machine, { clock, input: { isn: 5000 } });
    c.on('segment', (e) => clock.setTimeout(() => s.send({ type: 'SEGMENT', seg: e.segment }), 10));
    s.on('segment', (e) => clock.setTimeout(() => c.send({ type: 'SEGMENT', seg: e.segment }), 10));
    for (const a of [c, s]) {
      let last = 'CLOSED';
      a.subscribe((snap) => {
        if (snap.value !== last) transitions++;
        last = snap.value;
      });
      a.start();
    }
    const step = (ms) => {
      for (let t = 0; t < ms; t += 10) clock.increment(10);
    };
    s.send({ type: 'PASSIVE_OPEN' });
    c.send({ type: 'ACTIVE_OPEN' });
    step(30);
    c.send({ type: 'SEND', bytes: 1024 });
    s.send({ type: 'SEND', bytes: 1024 });
    step(30);
    c.send({ type: 'CLOSE' });
    step(20);
    s.send({ type: 'CLOSE' });
    step(20);
    clock.increment(60_000);
    if (c.getSnapshot().value !== 'CLOSED' || s.getSnapshot().value !== 'CLOSED') throw new Error('actors did not close');
    c.stop();
    s.stop();
  }
  return transitions;
}

function measure(name, fn, n) {
  fn(Math.min(n, 200)); // warm-up
  const times = [];
  let transitions = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    transitions = fn(n);
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  const row = { name, n, ms, lifecyclesPerSec: (n / ms) * 1000, transitionsPerSec: (transitions / ms) * 1000, transitions };
  console.log(
    `${name.padEnd(34)} ${String(n).padStart(6)} lifecycles  median ${ms.toFixed(1).padStart(8)} ms  ` +
      `${Math.round(row.lifecyclesPerSec).toLocaleString('en-US').padStart(9)} lifecycles/s  ` +
      `${Math.round(row.transitionsPerSec).toLocaleString('en-US').padStart(10)} transitions/s (${transitions / n} per lifecycle)`,
  );
  return row;
}

console.log(`node ${process.version}, ${RUNS} runs each, median`);
const sim = measure('simulator (table engine)', simulator, N);
console.log(`${''.padEnd(34)} ${machineEvents / N} machine events per lifecycle (segments, calls, timeouts): ${Math.round((machineEvents / sim.ms) * 1000).toLocaleString('en-US')} events/s`);
const pure = measure('xstate transition() (baseline)', xstatePure, Math.min(N, 2_000));
const actors = measure('xstate actors + SimulatedClock', xstateActors, Math.min(N, 1_000));
console.log('');
console.log(`simulator / xstate transition(): ${(sim.lifecyclesPerSec / pure.lifecyclesPerSec).toFixed(1)}x lifecycles/s`);
console.log(`simulator / xstate actors:       ${(sim.lifecyclesPerSec / actors.lifecyclesPerSec).toFixed(1)}x lifecycles/s`);
console.log(`target >= 10,000 lifecycles/s: ${sim.lifecyclesPerSec >= 10_000 ? 'met' : 'NOT met'} (${Math.round(sim.lifecyclesPerSec)})`);
