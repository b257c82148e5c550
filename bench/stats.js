// Shared by the bench scripts (each still runs on its own: `node bench/<name>.bench.js`).
import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';

/** The median: the middle value, or the mean of the two middle values for an even count. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** mulberry32: a seeded uint32 generator, so a bench generates the same input on every run. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/**
 * Start-up benches: spawn each case RUNS times, interleaved (case 1, case 2, ..., then again) so that all
 * see the same load on a shared machine, after one warm-up each; returns the wall times in ms by case.
 * A case is [file, args] or [file, args, env] (added to this process's environment); stdout is read and
 * dropped, a non-zero exit fails the bench.
 */
export function spawnTimes(cases, runs) {
  const once = ([file, args, env]) => {
    const t = process.hrtime.bigint();
    const r = spawnSync(file, args, { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26, ...(env ? { env: { ...process.env, ...env } } : {}) });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} exited ${r.status}`);
    return ms;
  };
  for (const c of Object.values(cases)) once(c); // warm the file cache
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, c] of Object.entries(cases)) times[name].push(once(c));
  }
  return times;
}

/**
 * Prints each case against the first (the baseline) and whether it is within `target`; returns true when
 * every case is. The figure judged is the median of the paired ratios (run i of the case over run i of
 * the baseline, taken one after the other), shown beside the ratio of the medians. On the 2-vCPU
 * machines these figures come from, one vCPU at times ran the same `node -e 0` about 25% slower than the
 * other (medians 71 and 89 ms over 30 runs pinned to each with taskset): each run lands on either, so
 * every distribution had two modes, and a median fell in one or the other at random; the ratio of two
 * such medians swung between 1.15x and 1.36x for one build. A pair's ratio is the cost on one mode when
 * both runs land alike, and the mixed pairs fall as often above as below it, so their median holds.
 * (Pinning the runs instead, also tried, serialises Node's own start-up threads: +20 ms on the baseline,
 * which flatters every ratio.)
 */
export function reportRatios(times, target) {
  const names = Object.keys(times);
  const baseTimes = times[names[0]];
  const base = median(baseTimes);
  const w = Math.max(...names.map((n) => n.length));
  let ok = true;
  for (const name of names) {
    const xs = times[name];
    const m = median(xs);
    const line = `${name.padEnd(w)}  median ${m.toFixed(1).padStart(6)} ms  (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, ${xs.length} runs)`;
    if (name === names[0]) {
      console.log(`${line}  baseline`);
      continue;
    }
    const ratio = median(xs.map((x, i) => x / baseTimes[i]));
    const met = ratio <= target;
    ok &&= met;
    console.log(`${line}  ${ratio.toFixed(2)}x paired (medians ${(m / base).toFixed(2)}x) (target <= ${target}x): ${met ? 'met' : 'NOT met'}`);
  }
  return ok;
}

/** Runs a command once with its stdout written to `outFile`; returns the wall time in ms (a non-zero exit throws). */
export function timedToFile(cmd, args, outFile) {
  const fd = openSync(outFile, 'w');
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', fd, 'inherit'] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
  return ms;
}
