// Bulk: `netkata subnet --stdin --json` over 1,000,000 random IPv4 CIDRs (seeded) against Python's
// ipaddress doing the same per line (network, broadcast, first/last host, host count), same input,
// same run, both writing to /dev/null. Medians of BENCH_RUNS (default 3) runs each, interleaved.
// Target (issue 2): netkata at least 12x faster. netkata prints the full JSON record (16 fields, ~470
// bytes a line); Python prints five values (~70 bytes), so the comparison is, if anything, kind to Python.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, mulberry32 } from './stats.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench', 'out');
mkdirSync(out, { recursive: true });
const bin = join(root, 'bin', 'netkata.js');
const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const next = mulberry32(0x5eed2024); // seeded: the same file on every run
const lines = new Array(LINES);
for (let i = 0; i < LINES; i++) {
  const a = next();
  lines[i] = `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}/${next() % 33}`;
}
const input = join(out, 'addr-cidrs.txt');
writeFileSync(input, lines.join('\n') + '\n');

const py = join(out, 'addr_subnet_bulk.py');
writeFileSync(py, `import sys, ipaddress
w = sys.stdout.write
for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    try:
        n = ipaddress.ip_network(line, strict=False)
    except ValueError as e:
        w('%s\\terror: %s\\n' % (line, e))
        continue
    p = n.prefixlen
    if p == 32:
        first = last = n.network_address; count = 1
    elif p == 31:
        first, last, count = n.network_address, n.broadcast_address, 2
    else:
        first, last, count = n.network_address + 1, n.broadcast_address - 1, n.num_addresses - 2
    w('%s\\t%s\\t%s\\t%s\\t%s\\t%d\\n' % (line, n.network_address, n.broadcast_address, first, last, count))
`);

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
if (python.status !== 0) {
  console.log('python3 not found: the Python baseline cannot run (skipped)');
  process.exit(0);
}

// CPU time (user + sys) of the child, read through /usr/bin/time where it exists: on a shared machine
// wall time swings with other processes' load far more than CPU time does, so both are reported.
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function timed(cmd, args, stdoutPath = '/dev/null') {
  const inFd = openSync(input, 'r');
  const outFd = openSync(stdoutPath, 'w');
  const [file, argv] = gnuTime ? [gnuTime, ['-f', 'cpu %U %S', cmd, ...args]] : [cmd, args];
  const t = process.hrtime.bigint();
  const r = spawnSync(file, argv, { stdio: [inFd, outFd, 'pipe'], encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  closeSync(inFd);
  closeSync(outFd);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  return { wall, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN };
}


const node = [];
const pyRuns = [];
for (let i = 0; i < RUNS; i++) {
  node.push(timed(process.execPath, [bin, 'subnet', '--stdin', '--json']));
  pyRuns.push(timed('python3', [py]));
}
const secs = (x) => (x / 1000).toFixed(2);
const fmt = (runs, key) => `median ${secs(median(runs.map((r) => r[key])))} s  (runs: ${runs.map((r) => secs(r[key])).join(', ')})`;
const pyVersion = python.stdout.trim().split(' ')[1];
console.log(`input: ${LINES.toLocaleString('en')} random IPv4 CIDRs (${input}), ${RUNS} runs each, interleaved`);
console.log(`wall  netkata subnet --stdin --json    ${fmt(node, 'wall')}`);
console.log(`wall  python3 ${pyVersion} ipaddress per line ${fmt(pyRuns, 'wall')}`);
const wallRatio = median(pyRuns.map((r) => r.wall)) / median(node.map((r) => r.wall));
console.log(`speed-up (wall medians): ${wallRatio.toFixed(1)}x (target >= 12x): ${wallRatio >= 12 ? 'met' : 'NOT met'}`);
if (gnuTime) {
  console.log(`cpu   netkata subnet --stdin --json    ${fmt(node, 'cpu')}`);
  console.log(`cpu   python3 ${pyVersion} ipaddress per line ${fmt(pyRuns, 'cpu')}`);
  const cpuRatio = median(pyRuns.map((r) => r.cpu)) / median(node.map((r) => r.cpu));
  console.log(`speed-up (CPU-time medians, user+sys): ${cpuRatio.toFixed(1)}x`);
}
