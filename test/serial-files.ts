/**
 * The files that drive real sockets, kernel tables or a real terminal and spawn the built CLI many times.
 * npm test runs them one after another in test/serial.test.ts, beside the unit files (vitest.config.ts).
 */
export const SERIAL_FILES = [
  'test/readme.test.ts',
  'test/docs/examples.test.ts',
  'test/docs/cli-json-lab.test.ts',
  'test/lab/experiments.test.ts',
  'test/lab/capture.test.ts',
  'test/lab/leak.test.ts',
  'test/lab/cli.test.ts',
  'test/lab/lab-screen.test.tsx',
  'test/lab/zh-report.test.ts',
  'test/ui/e2e-tmux.test.ts',
  'test/replay/replay-tshark.test.ts',
  'test/verify/probes.test.ts',
  'test/verify/cli.test.ts',
  'test/verify/api.test.ts',
  'test/watch/watch.test.ts',
];
