import type { z } from 'zod';
import type { LabRun } from './lab-run.js';

/** One lab experiment: real sockets on loopback, run under a LabRun. */
export interface Experiment<P = Record<string, unknown>> {
  readonly name: string;
  readonly title: string;
  /** What it shows and why, for the text report and the app. */
  readonly explain: string;
  /** It opens TCP sockets whose kernel states are observed and checked. */
  readonly tcp: boolean;
  /** Its time bound when the run sets none, ms (default: the runner's DEFAULT_TIMEOUT_MS). */
  readonly timeoutMs?: number;
  /** Parameters (with defaults) that scenarios/lab/<name>.yaml may set under `params`. */
  readonly params: z.ZodType<P>;
  /** Runs the experiment; returns its `result`. Throws (or rejects on abort) only on a real failure. */
  run(run: LabRun, params: P): Promise<Record<string, unknown>>;
}

// A registry holds experiments of different parameter types; each checks its own params with its schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyExperiment = Experiment<any>;
