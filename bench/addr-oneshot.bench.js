// One-shot start-up: `netkata subnet 192.168.12.87/24 --json` against `node -e 0` (the floor for any
// Node CLI), 20 runs each, interleaved so both see the same machine load; medians and their ratio.
// Target (issue 2): within 1.25x of node -e 0.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './stats.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'netkata.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

// For comparison, the same command through the full commander program, as bin/netkata.js ran it before
// the direct dispatch of src/cli/commands/addr-direct.ts (which skips commander and the other commands).
const out = join(root, 'bench', 'out');
mkdirSync(out, { recursive: true });
const full = join(out, 'netkata-full.js');
writeFileSync(full, `process.exitCode = await (await import(${JSON.stringify(pathToFileURL(join(root, 'dist/cli/main.js')).href)})).run(process.argv.slice(2));
`);

const cases = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'netkata subnet 192.168.12.87/24 --json': [process.execPath, [bin, 'subnet', '192.168.12.87/24', '--json']],
  '  same, full commander program': [process.execPath, [full, 'subnet', '192.168.12.87/24', '--json']],
};

function once([cmd, args]) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return ms;
}


const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const c of Object.values(cases)) once(c); // warm the file cache
for (let i = 0; i < RUNS; i++) {
  for (const [name, c] of Object.entries(cases)) times[name].push(once(c));
}
const [base, subject, viaFull] = Object.keys(cases);
for (const [name, xs] of Object.entries(times)) {
  console.log(`${name.padEnd(42)} median ${median(xs).toFixed(1)} ms  (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, ${xs.length} runs)`);
}
const ratio = median(times[subject]) / median(times[base]);
const ratioFull = median(times[viaFull]) / median(times[base]);
console.log(`ratio netkata/node: ${ratio.toFixed(2)}x (target <= 1.25x): ${ratio <= 1.25 ? 'met' : 'NOT met'}`);
console.log(`ratio without the direct dispatch (full commander program): ${ratioFull.toFixed(2)}x`);
