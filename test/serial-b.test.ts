/**
 * Lane B of ./serial-files.ts: its files one after another in this one worker, while lane A and the
 * unit files run beside it (vitest.config.ts). (Vitest runs projects of different `maxWorkers` one
 * group after the other: as a project of one worker these files waited out the unit run, and npm test
 * took 297 s; in one lane they took 185 s, the run's longest path; in two, each is about half.)
 * To run one of them alone: `npx vitest run test/lab/capture.test.ts` (vitest.config.ts then runs it directly).
 */
import { describe } from 'vitest';
import { runLane } from './serial-files.js';

runLane(1, describe);
