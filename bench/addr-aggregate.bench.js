#!/usr/bin/env node
// aggregate over 1,000,000 random IPv4 prefixes: `netkata aggregate <file> --json` against Python's
// ipaddress.collapse_addresses on the same file, both reading, parsing and printing the result, in
// the same run. Medians of 3 runs each; the target (issue 2) is netkata at least 5x faster.
//
//   node bench/addr-aggregate.bench.js [count]     (or: npm run bench aggregate)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'netkata.js');
const COUNT = Number(process.argv[2] ?? 1_000_000);
const RUNS = 3;
const TARGET = 5;

// The baseline: what a Python user would write. Output is the same JSON document netkata prints.
const PYTHON = `
import ipaddress, json, sys
with open(sys.argv[1]) as f:
    nets = [ipaddress.ip_network(line.strip()) for line in f if line.strip()]
out = [str(n) for n in ipaddress.collapse_addresses(nets)]
json.dump({"input": len(nets), "output": out}, sys.stdout, indent=2)
sys.stdout.write("\\n")
`;
import { median, mulberry32, timedToFile as timed } from './stats.js';

/** Prefix lengths shaped like a routing table: mostly /24, some shorter, some longer. */
function generate(count, seed) {
  const next = mulberry32(seed); // seeded: every run aggregates the same prefixes
  const r = () => next() / 4294967296;
  const lines = new Array(count);
  for (let i = 0; i < count; i++) {
    const k = r();
    const p = k < 0.6 ? 24 : k < 0.85 ? 16 + Math.floor(r() * 8) : 25 + Math.floor(r() * 8);
    const a = Math.floor(r() * 2 ** 32);
    const net = p === 0 ? 0 : (a & ((0xffffffff << (32 - p)) >>> 0)) >>> 0;
    lines[i] = `${net >>> 24}.${(net >>> 16) & 255}.${(net >>> 8) & 255}.${net & 255}/${p}`;
  }
  return lines.join('\n') + '\n';
}

const py = spawnSync('python3', ['-c', 'import sys; print(sys.version.split()[0])'], { encoding: 'utf8' });
if (py.status !== 0) {
  console.log('addr-aggregate: skipped (python3 not installed: no baseline to compare against)');
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'netkata-bench-agg-'));
try {
  const input = join(dir, 'prefixes.txt');
  writeFileSync(input, generate(COUNT, 2024));
  const nkOut = join(dir, 'netkata.json');
  const pyOut = join(dir, 'python.json');

  // Same answer first: a fast wrong answer is not a result.
  timed(process.execPath, [bin, 'aggregate', input, '--json'], nkOut);
  timed('python3', ['-c', PYTHON, input], pyOut);
  const { readFileSync } = await import('node:fs');
  const a = JSON.parse(readFileSync(nkOut, 'utf8'));
  const b = JSON.parse(readFileSync(pyOut, 'utf8'));
  if (a.input !== b.input || a.output.length !== b.output.length || a.output.some((x, i) => x !== b.output[i])) {
    console.error('addr-aggregate: netkata and Python disagree; not timing');
    process.exit(1);
  }

  const nk = [];
  const pt = [];
  for (let i = 0; i < RUNS; i++) {
    nk.push(timed(process.execPath, [bin, 'aggregate', input, '--json'], nkOut));
    pt.push(timed('python3', ['-c', PYTHON, input], pyOut));
  }
  const nkMed = median(nk);
  const pyMed = median(pt);
  const ratio = pyMed / nkMed;
  console.log(`aggregate ${COUNT.toLocaleString('en-US')} random IPv4 prefixes -> ${a.output.length.toLocaleString('en-US')} CIDRs (same output from both)`);
  console.log(`  netkata aggregate --json   median ${nkMed.toFixed(0)} ms  (runs: ${nk.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  python ${py.stdout.trim()} collapse_addresses  median ${pyMed.toFixed(0)} ms  (runs: ${pt.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  ratio ${ratio.toFixed(1)}x faster (target >= ${TARGET}x): ${ratio >= TARGET ? 'met' : 'NOT met'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
