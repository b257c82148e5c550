// Cost of one read of /proc/net/tcp (the observer's unit of work) against a baseline read of a small
// /proc file, and the polling period the observer achieves during real experiments against its target.
import { readFileSync } from 'node:fs';
import { readWhole, parseProcNet, hasProcNet } from '../dist/lab/procnet.js';
import { runLabExperiment } from '../dist/lab/runner.js';
import { Poller } from '../dist/lab/poller.js';
import { median } from './stats.js';

if (!hasProcNet()) {
  console.log('skipped: no /proc/net/tcp on this system');
  process.exit(0);
}

function time(fn, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}
const lines = readFileSync('/proc/net/tcp', 'latin1').split('\n').length - 2;
const N = 500;
const runs = [];
for (let r = 0; r < 5; r++) {
  runs.push({
    loadavg: median(time(() => readWhole('/proc/loadavg'), N)),
    tcp: median(time(() => readWhole('/proc/net/tcp'), N)),
    tcp6: median(time(() => readWhole('/proc/net/tcp6'), N)),
    parse: median(time(() => parseProcNet(readWhole('/proc/net/tcp'), 4), N)),
  });
}
const m = (k) => median(runs.map((r) => r[k]));
console.log(`one read, median of ${N} x 5 runs (sockets in the table: ${lines})`);
console.log(`  /proc/loadavg (baseline)        ${m('loadavg').toFixed(4)} ms`);
console.log(`  /proc/net/tcp                   ${m('tcp').toFixed(4)} ms   x${(m('tcp') / m('loadavg')).toFixed(1)} baseline`);
console.log(`  /proc/net/tcp6                  ${m('tcp6').toFixed(4)} ms   x${(m('tcp6') / m('loadavg')).toFixed(1)} baseline`);
console.log(`  /proc/net/tcp read + parse      ${m('parse').toFixed(4)} ms   x${(m('parse') / m('tcp')).toFixed(2)} read alone`);

console.log('\nachieved polling period during experiments (poll thread, target vs measured; median of 5 runs)');
for (const target of [1, 2, 5]) {
  for (const name of ['close', 'concurrent', 'fin-wait-1']) {
    const stats = [];
    for (let r = 0; r < 5; r++) {
      const rep = await runLabExperiment(name, { periodMs: target, timeoutMs: 10_000 });
      if (rep.error) throw new Error(`${name}: ${rep.error}`);
      stats.push(rep.observer);
    }
    const med = median(stats.map((s) => s.periodMs.median));
    const p95 = median(stats.map((s) => s.periodMs.p95));
    const read = median(stats.map((s) => s.readMs.median));
    const polls = median(stats.map((s) => s.polls));
    console.log(
      `  target ${String(target).padStart(2)} ms  ${name.padEnd(11)} period median ${med.toFixed(2)} ms (x${(med / target).toFixed(2)} target), p95 ${p95.toFixed(2)} ms, read ${read.toFixed(2)} ms, ${polls} polls`,
    );
  }
}
await Poller.closeAll();
