import { defineConfig } from 'vitest/config';

// Files that drive real sockets, kernel tables or a real terminal, and spawn the built CLI: they wait on
// conditions (never fixed delays), but they run one at a time, after the rest, so that a CPU-bound file
// beside them cannot starve their poll thread or child processes.
const TIMING = ['test/readme.test.ts', 'test/docs/examples.test.ts', 'test/docs/cli-json-lab.test.ts', 'test/lab/experiments.test.ts', 'test/lab/capture.test.ts', 'test/lab/leak.test.ts', 'test/lab/cli.test.ts', 'test/lab/lab-screen.test.tsx', 'test/lab/zh-report.test.ts', 'test/ui/e2e-tmux.test.ts', 'test/replay/replay-tshark.test.ts', 'test/verify/probes.test.ts', 'test/verify/cli.test.ts', 'test/verify/api.test.ts', 'test/watch/watch.test.ts', 'test/cli/zh-file-errors-cli.test.ts'];

// Files that change the environment a module reads once when it loads (chalk's colour detection:
// FORCE_COLOR/NO_COLOR): they get fresh modules of their own. Every other unit file shares its worker's
// module cache (isolate: false), which halves the suite's import time (npm test's 3-minute budget:
// 198 s -> 153 s here) and is safe because those files keep no state between them in shared modules
// (the CLI's own state, src/cli/io.ts and text.ts, is only ever set in child processes).
const ISOLATED = ['test/ui/lab-colour.test.tsx'];

export default defineConfig({
  test: {
    pool: 'forks', // real processes: the lab reads /proc/self/fd and runs worker threads of its own
    // vitest's default on 2 cores is 1 worker (cores - 1); most files wait on child processes or are
    // short, so two at a time use both cores.
    maxWorkers: 2,
    // Deadlines for hangs, not for speed: a loaded 2-core runner can be several times slower than a desk
    // (a loop of npm test runs beside other work, load 13-17, took up to 30 s for tests of 12 spawns).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'], exclude: [...TIMING, ...ISOLATED], isolate: false, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'isolated', include: ISOLATED, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'timing', include: TIMING, fileParallelism: false, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
