// 1 MB bulk transfers with 1% seeded loss (issue 11): transfers per second of the round-trip model
// (src/tcp/bulk.ts) in virtual time, Reno and NewReno, MSS 1460, a 65535-byte receive buffer; each
// transfer has its own loss seed. Also printed: rounds per transfer (virtual time: at a 100 ms RTT,
// seconds and goodput) beside the Mathis et al. (1997) steady-state estimate MSS/RTT * 1.22/sqrt(p), and
// one transfer through the real bin (`netkata tcp run <file> --json`) against `tcp run handshake --json`.
//
//   node bench/tcp-bulk.bench.js     (or: npm run bench tcp-bulk)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBulk } from '../dist/tcp/bulk.js';
import { median, reportRatios, spawnTimes } from './stats.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'netkata.js');
const N = Number(process.env.TRANSFERS ?? 200);
const RUNS = Number(process.env.RUNS ?? 5);
const MSS = 1460;
const BYTES = 1 << 20;
const LOSS = 0.01;
const RTT_MS = 100;

const config = (variant, seed) => ({
  variant, unit: 'bytes', mss: MSS, total: BYTES, iw: 3 * MSS, ssthresh: 65_535, buffer: 65_535,
  readRate: Infinity, readFrom: 1, rto: 1, persist: 1, nagle: true, sws: true, delayedAck: false,
  losses: [{ rate: LOSS, seed }], maxRounds: 100_000,
});

function measure(variant) {
  let rounds = [];
  const batch = () => {
    rounds = [];
    for (let i = 0; i < N; i++) {
      const r = runBulk(config(variant, i + 1));
      if (!r.complete) throw new Error(`${variant} seed ${i + 1}: not complete`);
      rounds.push(r.rounds.length);
    }
  };
  batch(); // warm-up
  const times = [];
  for (let k = 0; k < RUNS; k++) {
    const t0 = performance.now();
    batch();
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  const perSec = (N / ms) * 1000;
  const r = median(rounds);
  const goodput = (BYTES * 8) / ((r * RTT_MS) / 1000) / 1e6;
  console.log(
    `${variant.padEnd(8)} ${N} x 1 MB, 1% loss: median ${ms.toFixed(1).padStart(7)} ms  ${Math.round(perSec).toLocaleString('en-US').padStart(7)} transfers/s  ` +
      `median ${r} rounds/transfer (${((r * RTT_MS) / 1000).toFixed(1)} s virtual at ${RTT_MS} ms RTT, ${goodput.toFixed(2)} Mbit/s)`,
  );
  return perSec;
}

console.log(`node ${process.version}, ${RUNS} runs each, median`);
measure('reno');
measure('newreno');
const mathis = ((MSS * 8) / (RTT_MS / 1000)) * (1.22 / Math.sqrt(LOSS)) / 1e6;
console.log(`Mathis et al. steady state at p = ${LOSS}, ${RTT_MS} ms RTT: ${mathis.toFixed(2)} Mbit/s (slow start and timeouts not counted)`);

const dir = mkdtempSync(join(tmpdir(), 'netkata-bench-bulk-'));
try {
  const file = join(dir, 'bulk.yaml');
  writeFileSync(file, `kind: window\nname: bulk\ntitle: 1 MB, 1% loss\nvariant: newreno\nunit: bytes\nsend: { bytes: ${BYTES} }\nloss: [{ rate: ${LOSS}, seed: 1 }]\nrounds: 100000\n`);
  console.log('\nthrough bin/netkata.js (one transfer per process):');
  const times = spawnTimes({
    'netkata tcp run handshake --json': [process.execPath, [bin, 'tcp', 'run', 'handshake', '--json']],
    'netkata tcp run <1 MB window file> --json': [process.execPath, [bin, 'tcp', 'run', file, '--json']],
  }, Number(process.env.BENCH_RUNS ?? 5));
  reportRatios(times, 2);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
