#!/usr/bin/env node
// Startup of the interactive app: spawn `node bin/netkata.js` in a pseudo-terminal (util-linux
// `script -qfc`, so stdin/stdout are a tty and the app starts for real), and time from spawn to the
// first frame of the home screen (the menu text appearing on the pty). Baseline in the same run:
// `node -e 0` spawned the same way, from spawn to exit. Medians of RUNS runs each.
// Target (issue 14): the first frame within 2.5x of node -e 0.
//
//   node bench/ui-startup.bench.js [runs]     (or: npm run bench ui-startup)
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Math.max(10, Number(process.argv[2] ?? 15));
const MARK = 'TCP simulator'; // a home-menu item: present only once the home screen is drawn

if (spawnSync('script', ['--version']).status !== 0) {
  console.log('ui-startup: skipped (util-linux script not installed)');
  process.exit(0);
}

const env = { ...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8' };
delete env.CI; // ink draws only the last frame under CI
delete env.NO_COLOR;

/** ms from spawn until `until(output)` holds, or until exit when `until` is undefined. */
function timeOne(command, until) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('script', ['-qfc', command, '/dev/null'], { cwd: root, env, stdio: ['pipe', 'pipe', 'ignore'], detached: true });
    let out = '';
    let done = false;
    const finish = (ms) => {
      if (done) return;
      done = true;
      resolve(ms);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
    };
    child.stdout.on('data', (d) => {
      out += d.toString('utf8');
      if (until !== undefined && until(out)) finish(performance.now() - t0);
    });
    child.on('exit', () => {
      if (until === undefined) finish(performance.now() - t0);
      else if (!done) reject(new Error(`exited before the first frame:\n${out}`));
    });
    setTimeout(() => !done && reject(new Error('no first frame within 30 s')), 30_000).unref();
  });
}


const base = [];
const app = [];
for (let i = 0; i < RUNS; i++) {
  // Interleaved, so both see the same machine load.
  base.push(await timeOne(`${process.execPath} -e 0`));
  app.push(await timeOne(`${process.execPath} bin/netkata.js`, (out) => out.includes(MARK)));
}
const b = median(base);
const a = median(app);
console.log(`runs: ${RUNS} each, interleaved, in a pty (script -qfc)`);
console.log(`node -e 0 (spawn to exit):               median ${b.toFixed(0)} ms  (min ${Math.min(...base).toFixed(0)}, max ${Math.max(...base).toFixed(0)})`);
console.log(`netkata app (spawn to home screen frame): median ${a.toFixed(0)} ms  (min ${Math.min(...app).toFixed(0)}, max ${Math.max(...app).toFixed(0)})`);
// Judged by the median of the paired ratios, as reportRatios in stats.js does (and why: two vCPUs of
// different speed make each distribution two-moded); the ratio of the medians is shown beside it.
const paired = median(app.map((x, i) => x / base[i]));
console.log(`ratio app / node -e 0: ${paired.toFixed(2)}x paired (medians ${(a / b).toFixed(2)}x) (target <= 2.5x): ${paired <= 2.5 ? 'met' : 'NOT met'}; app cost above bare node: ${(a - b).toFixed(0)} ms`);
