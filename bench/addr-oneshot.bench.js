// One-shot start-up of the address one-liners through the real bin (bin/netkata.js -> dist/bundle):
// `subnet`, `classify` and `ip` against `node -e 0` (the floor for any Node CLI), BENCH_RUNS runs each
// (default 20), interleaved so all see the same machine load; the median of the paired ratios
// (bench/stats.js reportRatios says why), with the ratio of the medians beside it.
// Target (issues 2 and 14): each within 1.25x of node -e 0.
//
//   node bench/addr-oneshot.bench.js     (or: npm run bench addr-oneshot)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { reportRatios, spawnTimes } from './stats.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'netkata.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const TARGET = 1.25;

// For comparison, the same command through the full commander program of the bundle, as bin/netkata.js
// would run it without the direct dispatch of src/cli/commands/addr-direct.ts.
const out = join(root, 'bench', 'out');
mkdirSync(out, { recursive: true });
const full = join(out, 'netkata-full.mjs');
writeFileSync(full, `process.exitCode = await (await import(${JSON.stringify(pathToFileURL(join(root, 'dist/bundle/main.js')).href)})).run(process.argv.slice(2));
`);

const node = process.execPath;
const times = spawnTimes({
  'node -e 0': [node, ['-e', '0']],
  'netkata subnet 192.168.12.87/24 --json': [node, [bin, 'subnet', '192.168.12.87/24', '--json']],
  'netkata classify 100.64.1.1': [node, [bin, 'classify', '100.64.1.1']],
  'netkata ip 192.168.12.87': [node, [bin, 'ip', '192.168.12.87']],
}, RUNS);
const fullTimes = spawnTimes({ 'node -e 0': [node, ['-e', '0']], 'subnet through the full commander program': [node, [full, 'subnet', '192.168.12.87/24', '--json']] }, Math.ceil(RUNS / 2));
reportRatios(times, TARGET);
console.log('for comparison, without the direct dispatch (separate interleaved runs):');
reportRatios(fullTimes, Infinity);
