#!/usr/bin/env node
// aggregate over 1,000,000 random IPv4 prefixes of length /20 to /32 (seeded): `netkata aggregate
// <file>` through the real bin against the C tool iprange (FireHOL's, Debian package `iprange`) merging
// the same file, both writing their CIDR list to a file, in the same run. The answers are compared first
// (the same set of CIDRs; iprange writes a /32 as a bare address). Medians of BENCH_RUNS (default 5)
// interleaved runs each. Target (issue 14): netkata within 2x of iprange.
//
// iprange is installed with apt-get when it is missing and this runs as root; otherwise the bench says
// why it cannot compare and exits 0.
//
//   node bench/addr-aggregate-iprange.bench.js [count]     (or: npm run bench iprange)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, mulberry32, timedToFile as timed } from './stats.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'netkata.js');
const COUNT = Number(process.argv[2] ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET = 2;

// (iprange --version exits 1 after printing its version: only a missing program counts.)
const has = () => spawnSync('iprange', ['--version'], { stdio: 'ignore' }).error === undefined;
if (!has()) {
  if (process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0) {
    console.log('iprange not installed: apt-get install -y iprange');
    const install = () => spawnSync('apt-get', ['install', '-y', '-qq', 'iprange'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
    if (!install()) {
      spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
      install();
    }
  }
  if (!has()) {
    console.log('addr-aggregate-iprange: skipped (iprange is not installed and could not be installed with apt-get)');
    process.exit(0);
  }
}

/** Uniform prefix lengths /20../32, uniform addresses, host bits cleared. */
function generate(count, seed) {
  const next = mulberry32(seed);
  const lines = new Array(count);
  for (let i = 0; i < count; i++) {
    const p = 20 + (next() % 13);
    const net = (next() & ((0xffffffff << (32 - p)) >>> 0)) >>> 0;
    lines[i] = `${net >>> 24}.${(net >>> 16) & 255}.${(net >>> 8) & 255}.${net & 255}/${p}`;
  }
  return lines.join('\n') + '\n';
}

/** The CIDR lines of an output, /32 written out, sorted: netkata ends with a `# n inputs -> m CIDRs` note. */
function cidrs(file) {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => (l.includes('/') ? l : `${l}/32`)).sort();
}

const dir = mkdtempSync(join(tmpdir(), 'netkata-bench-iprange-'));
try {
  const input = join(dir, 'prefixes.txt');
  writeFileSync(input, generate(COUNT, 1414));
  const nkOut = join(dir, 'netkata.txt');
  const ipOut = join(dir, 'iprange.txt');
  const nkCmd = [process.execPath, [bin, 'aggregate', input]];
  const ipCmd = ['iprange', [input]];

  // Same answer first: a fast wrong answer is not a result.
  timed(...nkCmd, nkOut);
  timed(...ipCmd, ipOut);
  const a = cidrs(nkOut);
  const b = cidrs(ipOut);
  if (a.length !== b.length || a.some((x, i) => x !== b[i])) {
    console.error(`addr-aggregate-iprange: netkata (${a.length} CIDRs) and iprange (${b.length}) disagree; not timing`);
    process.exit(1);
  }

  const nk = [];
  const ip = [];
  for (let i = 0; i < RUNS; i++) {
    ip.push(timed(...ipCmd, ipOut));
    nk.push(timed(...nkCmd, nkOut));
  }
  const version = spawnSync('iprange', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]?.trim();
  const ratio = median(nk) / median(ip);
  console.log(`aggregate ${COUNT.toLocaleString('en-US')} random IPv4 /20-/32 prefixes -> ${a.length.toLocaleString('en-US')} CIDRs (same set from both)`);
  console.log(`  iprange (${version})   median ${median(ip).toFixed(0)} ms  (runs: ${ip.map((x) => x.toFixed(0)).join(', ')})  baseline`);
  console.log(`  netkata aggregate   median ${median(nk).toFixed(0)} ms  (runs: ${nk.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  ratio netkata/iprange: ${ratio.toFixed(2)}x (target <= ${TARGET}x): ${ratio <= TARGET ? 'met' : 'NOT met'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
