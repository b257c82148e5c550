import { defineConfig } from 'vitest/config';
import { SERIAL_FILES } from './test/serial-files.js';

// Files that drive real sockets, kernel tables or a real terminal: test/serial-a and serial-b .test.ts
// run them one at a time in two lanes, each in one worker beside the unit files. A command line that names one of them (`npx vitest run
// test/lab/capture.test.ts`) runs it directly instead.
const VITEST_COMMANDS = new Set(['run', 'watch', 'dev', 'related', 'bench', 'list']);
const filters = process.argv.slice(2).filter((a, i) => !a.startsWith('-') && !(i === 0 && VITEST_COMMANDS.has(a)));
const DIRECT = SERIAL_FILES.filter((f) => filters.some((a) => f.includes(a)));

// Files that change the environment a module reads once when it loads (chalk's colour detection:
// FORCE_COLOR/NO_COLOR): they get fresh modules of their own. Every other unit file shares its worker's
// module cache (isolate: false), which halves the suite's import time (npm test's 3-minute budget:
// 198 s -> 153 s here) and is safe because those files keep no state between them in shared modules
// (the CLI's own state, src/cli/io.ts and text.ts, is only ever set in child processes).
const ISOLATED = ['test/ui/lab-colour.test.tsx'];

// Node reads the file NODE_EXTRA_CA_CERTS names when each process starts: this machine sets it to the
// whole system CA bundle, about 40 ms of CPU per process (`node -e 0`: 0.10 -> 0.06 CPU-s), and npm test
// starts some 1,500 Node processes (its workers and every CLI run). Nothing in the tests uses TLS (no
// test leaves loopback), so the workers, and all they start, go without it.
delete process.env['NODE_EXTRA_CA_CERTS'];

export default defineConfig({
  test: {
    pool: 'forks', // real processes: the lab reads /proc/self/fd and runs worker threads of its own
    // Two workers for the unit files (vitest's default on 2 cores is 1, cores - 1: most files wait on
    // child processes) and one for each serial lane. The serial project sorts first (vitest orders the
    // projects of a group by name), so both lanes start at once and overlap the whole unit run.
    maxWorkers: 4,
    // Deadlines for hangs, not for speed: a loaded 2-core runner can be several times slower than a desk
    // (a loop of npm test runs beside other work, load 13-17, took up to 30 s for tests of 12 spawns).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'], exclude: ['test/serial-*.test.ts', ...SERIAL_FILES, ...ISOLATED], isolate: false, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'isolated', include: ISOLATED, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'serial', include: ['test/serial-*.test.ts'], sequence: { groupOrder: 0 } } },
      // A serial file named on the command line, on its own.
      ...(DIRECT.length ? [{ extends: true, test: { name: 'direct', include: DIRECT, fileParallelism: false, maxWorkers: 1, sequence: { groupOrder: 1 } } }] : []),
    ],
  },
});
