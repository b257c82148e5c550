// Shared by the bench scripts (each still runs on its own: `node bench/<name>.bench.js`).
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

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
 * The CPUs this process may run on (Linux: /proc/self/status), for pinning start-up runs with taskset;
 * [] when that is not possible (no taskset, not Linux, NETKATA_BENCH_PIN=off).
 */
function pinnableCpus() {
  if (process.env.NETKATA_BENCH_PIN === 'off') return [];
  if (spawnSync('taskset', ['-c', '0', 'true']).status !== 0) return [];
  try {
    const list = /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? '';
    return list.split(',').flatMap((r) => {
      const [a, b = a] = r.split('-').map(Number);
      return Array.from({ length: b - a + 1 }, (_, i) => a + i);
    });
  } catch {
    return [];
  }
}

/**
 * Start-up benches: spawn each case RUNS times, interleaved (case 1, case 2, ..., then again) so that all
 * see the same load on a shared machine, after one warm-up each; returns the wall times in ms by case.
 * A case is [file, args] or [file, args, env] (added to this process's environment); stdout is read and
 * dropped, a non-zero exit fails the bench.
 *
 * Each round of runs is pinned to one CPU (taskset), the rounds taking the CPUs in turn, and each time
 * keeps its CPU (`times[case].cpus`). On the 2-vCPU machines these figures come from, one vCPU ran the
 * same `node -e 0` about 25% slower than the other (medians 71 and 89 ms, 30 runs each): unpinned, each
 * run landed on either, every distribution had two modes, and a median fell in one or the other at
 * random, so the same build measured 1.15x one run and 1.36x the next. reportRatios compares on each CPU.
 */
export function spawnTimes(cases, runs) {
  const cpus = pinnableCpus();
  const once = ([file, args, env], cpu) => {
    const [f, a] = cpu === undefined ? [file, args] : ['taskset', ['-c', String(cpu), file, ...args]];
    const t = process.hrtime.bigint();
    const r = spawnSync(f, a, { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26, ...(env ? { env: { ...process.env, ...env } } : {}) });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} exited ${r.status}`);
    return ms;
  };
  for (const c of Object.values(cases)) once(c); // warm the file cache
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, Object.assign([], { cpus: [] })]));
  for (let i = 0; i < runs; i++) {
    const cpu = cpus.length > 0 ? cpus[i % cpus.length] : undefined;
    for (const [name, c] of Object.entries(cases)) {
      times[name].push(once(c, cpu));
      times[name].cpus.push(cpu);
    }
  }
  return times;
}

/**
 * Prints each case's median against the first case (the baseline) and whether the ratio is within
 * `target`; returns true when every case is. With runs pinned to CPUs (spawnTimes), the ratio is that of
 * the medians on each CPU, each shown, and the case is judged by the larger.
 */
export function reportRatios(times, target) {
  const names = Object.keys(times);
  const w = Math.max(...names.map((n) => n.length));
  const cpusOf = (xs) => [...new Set(xs.cpus ?? [undefined])];
  const onCpu = (xs, cpu) => xs.filter((_, i) => (xs.cpus?.[i] ?? undefined) === cpu);
  const base = times[names[0]];
  const cpus = cpusOf(base);
  const pinned = cpus.length > 0 && cpus[0] !== undefined;
  let ok = true;
  for (const name of names) {
    const xs = times[name];
    const m = median(xs);
    const line = `${name.padEnd(w)}  median ${m.toFixed(1).padStart(6)} ms  (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, ${xs.length} runs)`;
    if (name === names[0]) {
      console.log(`${line}  baseline${pinned ? `; by CPU ${cpus.map((c) => `${c}: ${median(onCpu(xs, c)).toFixed(1)}`).join(', ')}` : ''}`);
      continue;
    }
    const ratios = cpus.map((c) => median(onCpu(xs, c)) / median(onCpu(base, c)));
    const ratio = Math.max(...ratios);
    const met = ratio <= target;
    ok &&= met;
    const each = pinned ? ` (by CPU ${cpus.map((c, i) => `${c}: ${ratios[i].toFixed(2)}x`).join(', ')})` : '';
    console.log(`${line}  ${ratio.toFixed(2)}x${each} (target <= ${target}x): ${met ? 'met' : 'NOT met'}`);
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
