// A SYN flood of spoofed SYNs at a backlog-128 listener, with and without syncookies: wall time and
// peak memory. Memory must be bounded by the backlog (128 half-open TCBs + segments in flight), not
// grow with the flood: compare 10,000 with 100,000 SYNs. The baseline in the same run is the same
// flood with the segment log kept (it grows with the flood by design: one record per segment).
// Run with --expose-gc (bench/run.js does) so the baseline heap is measured after a collection.
import { parseTcpScenario } from '../dist/scenario/tcp.js';
import { Simulation } from '../dist/tcp/simulation.js';
import { median } from './stats.js';

const RUNS = Number(process.env.RUNS ?? 3);

function scenario(syns, cookies) {
  return parseTcpScenario(
    `name: flood
title: flood
config: { rto: 1s, retries: 5 }
endpoints:
  client: { isn: 1000 }
  server: { isn: 5000, listen: true, backlog: 128, syncookies: ${cookies} }
steps:
  - flood: { to: server, syns: ${syns}, spoofed: true }
  - advance: 50ms
  - open: client
`,
    'flood.yaml',
  );
}

function mem() {
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss };
}

/**
 * One flood. With `sampleMemory`, a gc() before each sample makes the figure the live heap (TCBs,
 * queue, log), not garbage waiting for collection; time is then measured in runs without sampling.
 */
function once(syns, cookies, recordFlood, sampleMemory) {
  globalThis.gc?.();
  const base = mem();
  let peakHeap = 0;
  let peakRss = 0;
  let peakBacklog = 0;
  const sample = (sim) => {
    peakBacklog = Math.max(peakBacklog, sim.halfOpenCount('server'));
    if (!sampleMemory) return;
    globalThis.gc?.();
    const m = mem();
    peakHeap = Math.max(peakHeap, m.heap - base.heap);
    peakRss = Math.max(peakRss, m.rss);
  };
  const t0 = performance.now();
  const sim = new Simulation(scenario(syns, cookies), { recordFlood });
  sim.step(); // the flood starts (lazily generated, one SYN per 10 us of virtual time)
  sim.step(); // 50 ms into it ...
  sim.step(); // ... the real client connects
  // The flood lasts syns/100 ms of virtual time; the half-open TCBs give up after 63 s.
  const floodMs = syns / 100;
  for (let t = 0; t < floodMs; t += floodMs / 20) {
    sim.advance(floodMs / 20);
    sample(sim);
  }
  for (let t = 0; t < 70_000; t += 1000) {
    sim.advance(1000);
    sample(sim);
  }
  const ms = performance.now() - t0;
  const end = sim.snapshot();
  return {
    ms,
    peakHeap,
    peakRss,
    peakBacklog,
    client: end.endpoints[0].state,
    accepted: end.endpoints[1].accepted,
    logged: end.segments.length,
    finalBacklog: end.endpoints[1].backlog,
  };
}


function measure(label, syns, cookies, recordFlood = false) {
  const timed = [];
  for (let r = 0; r < RUNS; r++) timed.push(once(syns, cookies, recordFlood, false));
  const ms = median(timed.map((r) => r.ms));
  const r = once(syns, cookies, recordFlood, true);
  const heap = r.peakHeap;
  const rss = r.peakRss;
  console.log(
    `${label.padEnd(40)} ${String(syns).padStart(7)} SYNs  ${ms.toFixed(0).padStart(6)} ms  ` +
      `peak heap +${(heap / 2 ** 20).toFixed(1).padStart(6)} MiB  peak RSS ${(rss / 2 ** 20).toFixed(0).padStart(4)} MiB  ` +
      `max backlog ${String(r.peakBacklog).padStart(3)}  client ${r.client}, accepted ${r.accepted}, log ${r.logged}`,
  );
  return { ms, heap, rss };
}

console.log(`node ${process.version}, backlog 128, ${RUNS} runs each, median; peak live heap (gc before each sample) above the heap at start; time: median without sampling`);
const a = measure('no cookies', 10_000, false);
const b = measure('no cookies', 100_000, false);
const c = measure('syncookies', 10_000, true);
const d = measure('syncookies', 100_000, true);
const e = measure('baseline: no cookies, segment log kept', 10_000, false, true);
const f = measure('baseline: no cookies, segment log kept', 100_000, false, true);
console.log('');
// Heap growth can round to 0 MiB at 10k SYNs: compare the growth in MiB, and the ratio only where it is defined.
const growth = (big, small) => `${(big.heap / 2 ** 20).toFixed(1)} vs ${(small.heap / 2 ** 20).toFixed(1)} MiB` + (small.heap > 2 ** 16 ? ` (${(big.heap / small.heap).toFixed(2)}x)` : '');
console.log(`peak heap growth, 100k vs 10k SYNs: no cookies ${growth(b, a)}, syncookies ${growth(d, c)}, with the log kept ${growth(f, e)}`);
console.log(`wall time 100k/10k SYNs: no cookies ${(b.ms / a.ms).toFixed(1)}x, syncookies ${(d.ms / c.ms).toFixed(1)}x`);
