/**
 * netkata as a library (package.json "exports", built to dist/bundle/api.js): check a program's TCP
 * behaviour from a test suite (vitest, node:test). docs/verify.md shows an example test; the tests run it.
 *
 *   const report = await verifyProgram({ probe: 'close-behaviour', command: ['python3', 'server.py', '{port}'] });
 *   assert.ok(report.ok, formatVerifyReport(report, { color: false }));
 */
import { verifyProgram as run, type VerifyOptions, type VerifyReport } from './run.js';
export { ProgramStartError, DEFAULT_START_TIMEOUT_MS } from './run.js';

/** Start the program (or test the one on `port`), run the probe against it, and report every check. */
export function verifyProgram(options: VerifyOptions): Promise<VerifyReport> {
  return run(options);
}
export type { VerifyOptions, VerifyReport, VerifyCheck, CheckDetail } from './run.js';
export { builtinProbes, loadProbe } from './probes.js';
export { parseVerifyProbe, VERIFY_VERBS } from '../scenario/verify.js';
export type { VerifyProbe, VerifyStep, VerifyVerb } from '../scenario/verify.js';
export { formatVerifyReport, pathText } from './format.js';
export type { PathStep, Violation } from '../lab/conformance.js';
export type { Observation } from '../lab/observer.js';
export type { LabState } from '../lab/states.js';
export { watchSockets } from '../watch/watch-sockets.js';
export type { WatchSocketsOptions, SocketWatch, SocketWatchSummary, Transition } from '../watch/watch-sockets.js';
export type { Conformance } from '../lab/conformance.js';
