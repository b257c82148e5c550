/**
 * The files that drive real sockets, kernel tables or a real terminal and spawn the built CLI many times,
 * in two lanes: npm test runs each lane's files one after another in its own worker (test/serial-a and
 * serial-b .test.ts), beside the unit files (vitest.config.ts). Within a lane no two of them compete for
 * the loopback, the kernel's tables or the terminal; across lanes they meet only what a user's machine
 * has anyway (other loopback traffic, other sockets in the tables), which each of them must tolerate.
 * Lane A captures and verifies programs (dumpcap, tshark, the verify probes), lane B runs the lab and the
 * docs' and README's commands, drives the app in tmux, and takes one verify file. (port-taken, 12 s, went to
 * lane B for a session to even the lanes out; `watch --pid` in lane A then ran beside lane B's lab
 * experiments and failed 3 closing-loop runs in 13, so it is back in A.)
 */
export const SERIAL_LANES = [
  [
    'test/replay/replay-tshark.test.ts',
    'test/lab/capture.test.ts',
    'test/verify/probes.test.ts',
    'test/verify/port-taken.test.ts',
    'test/verify/cli.test.ts',
    'test/verify/api.test.ts',
    'test/watch/watch.test.ts',
  ],
  [
    'test/docs/cli-json-lab.test.ts',
    'test/docs/examples.test.ts',
    'test/readme.test.ts',
    'test/ui/e2e-tmux.test.ts',
    'test/lab/experiments.test.ts',
    'test/lab/leak.test.ts',
    'test/lab/cli.test.ts',
    'test/lab/lab-screen.test.tsx',
    'test/lab/zh-report.test.ts',
    'test/verify/families.test.ts',
  ],
] as const;

export const SERIAL_FILES: readonly string[] = SERIAL_LANES.flat();

/** Each file of a lane, imported in turn inside a describe named after it (its hooks stay its own). */
export function runLane(lane: number, describe: (name: string, body: () => Promise<void>) => void): void {
  for (const file of SERIAL_LANES[lane]!) {
    describe(file, async () => {
      await import(new URL(`../${file}`, import.meta.url).pathname);
    });
  }
}
