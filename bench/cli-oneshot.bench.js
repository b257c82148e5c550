// One-shot start-up of the other commands through the real bin (bin/netkata.js -> dist/bundle), each
// loading its own chunks (the simulator, the lab, practice): `tcp run handshake`, `lab list`, `exam`,
// `practice --help`, and the other address commands (`split`, `port`: their shortcut, addr-extra-direct)
// against `node -e 0`, BENCH_RUNS runs each (default 15), interleaved so all see
// the same machine load; the median of the paired ratios (bench/stats.js reportRatios). Target (issue 14): each within 2x of node -e 0.
// The shortcuts (tcp run, exam) run from a V8 code cache after their first run; the last two lines are
// the same commands without it.
//
//   node bench/cli-oneshot.bench.js     (or: npm run bench cli-oneshot)
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportRatios, spawnTimes } from './stats.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'netkata.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TARGET = 2;

const node = process.execPath;
const times = spawnTimes({
  'node -e 0': [node, ['-e', '0']],
  'netkata tcp run handshake': [node, [bin, 'tcp', 'run', 'handshake']],
  'netkata lab list': [node, [bin, 'lab', 'list']],
  'netkata exam --seed 7': [node, [bin, 'exam', '--seed', '7']],
  'netkata practice --help': [node, [bin, 'practice', '--help']],
  'netkata split 10.0.0.0/24 --count 4': [node, [bin, 'split', '10.0.0.0/24', '--count', '4']],
  'netkata port ssh': [node, [bin, 'port', 'ssh']],
  // The shortcuts without their V8 code cache (bin/code-cache.cjs): what the very first run costs.
  'tcp run handshake, no code cache': [node, [bin, 'tcp', 'run', 'handshake'], { NETKATA_CODE_CACHE: 'off' }],
  'exam --seed 7, no code cache': [node, [bin, 'exam', '--seed', '7'], { NETKATA_CODE_CACHE: 'off' }],
}, RUNS);
reportRatios(times, TARGET);
