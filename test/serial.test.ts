/**
 * The files of ./serial-files.ts, one after another in this one file (vitest.config.ts: project
 * `serial`), while the unit files run beside it on the other workers. They wait on conditions, never on
 * fixed delays, so they need little CPU; one at a time, no two of them compete for the loopback, the
 * kernel's tables or the terminal. (Vitest runs projects of different `maxWorkers` one group after the
 * other: as a project of one worker, these files ran after the unit files, and npm test took 297 s, 149 to
 * 162 s of it theirs. As one file they overlap.)
 *
 * Each file is imported inside a describe named after it, so its hooks (afterAll) stay its own and a
 * failure names the file. To run one alone: `npx vitest run test/lab/capture.test.ts` (vitest.config.ts
 * then runs it directly).
 */
import { describe } from 'vitest';
import { SERIAL_FILES } from './serial-files.js';

for (const file of SERIAL_FILES) {
  describe(file, async () => {
    await import(new URL(`../${file}`, import.meta.url).pathname);
  });
}
