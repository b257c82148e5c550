/**
 * Runs one experiment end to end: kernel observer on, the experiment's sockets, observer off, every
 * socket closed (on every path: success, failure, timeout, abort), then the report: observations,
 * per-socket sequences, the conformance check against the linux profile of the endpoint machine, the
 * scenario's expectations and the experiment's result.
 */
import { existsSync, readFileSync } from 'node:fs';
import { release } from 'node:os';
import { EnvironmentError, InputError, reason } from '../errors.js';
import { keysAt } from '../scenario/load.js';
import { reasonOf } from '../scenario/issue.js';
import { loadLabScenario } from '../scenario/lab.js';
import { checkConformance, sequencesOf, type Conformance } from './conformance.js';
import { findExperiment } from './experiments/index.js';
import { scenarioFile } from './experiment-text.js';
import { lab as text } from '../i18n/en/lab.js';
import type { AnyExperiment } from './experiment.js';
import { checkExpectations, type Expectations } from './expectations.js';
import { LabAborted, LabRun, type ActionRecord, type NodeEvent } from './lab-run.js';
import { LINUX_DIFFERENCES, linuxConformanceOptions } from './machine.js';
import { monotonicMs, Observer, type Observation, type PollStats } from './observer.js';
import { procNetDir, requireProcNet } from './procnet.js';
import { checkSegmentsAgainstKernel, labelSegments, type LabSegment, type SegmentCheck } from './segment-check.js';
import type { LabState } from './states.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_PERIOD_MS = 2;
/**
 * How far apart a capture's wall-clock stamps and the poll's monotonic stamps may be, ms, on top of each
 * read's own span. The offset taken at dumpcap's start agrees with CLOCK_REALTIME - CLOCK_MONOTONIC read
 * back to back to within 0.06 ms here; a packet is stamped as it enters lo's backlog, a few µs before TCP
 * processes it. A fixed margin, not one grown from the reads' p95: a slow read widens only its own span.
 */
const CLOCK_ALIGNMENT_MS = 1;

export interface RunOptions {
  readonly timeoutMs?: number;
  /** Aborts the run (Ctrl-C): sockets are closed and the report says so. */
  readonly signal?: AbortSignal;
  /** Override the scenario's params. */
  readonly params?: Record<string, unknown>;
  readonly periodMs?: number;
  readonly host?: '127.0.0.1' | '::1';
  readonly onObservation?: (o: Observation) => void;
  /** Record the segments on lo with dumpcap and check the machine against the kernel with them. */
  readonly capture?: { readonly file?: string };
}

export interface CaptureReport {
  /** Where the pcap was kept (`--capture <file>`), else null. */
  readonly file: string | null;
  /** The segments between the experiment's sockets, in capture order. */
  readonly segments: LabSegment[];
  /** Packets dumpcap reports it dropped (null: it did not say). */
  readonly dropped: number | null;
  /** A sentinel sent after the run reached the file: dumpcap had written every segment before it stopped. */
  readonly drained: boolean;
  /** Nothing dropped and drained: only then is the check judged (a missing segment would look like a wrong machine). */
  readonly complete: boolean;
  readonly check: SegmentCheck;
}

export interface LabReport {
  readonly experiment: string;
  readonly title: string;
  readonly explain: string;
  readonly platform: string;
  readonly kernel: string;
  readonly node: string;
  readonly host: string;
  readonly params: Record<string, unknown>;
  readonly timeoutMs: number;
  readonly durationMs: number;
  readonly observations: Observation[];
  readonly sequences: Record<string, LabState[]>;
  readonly conformance: Conformance;
  readonly expectations: Expectations;
  readonly result: Record<string, unknown> | null;
  readonly error: string | null;
  readonly actions: ActionRecord[];
  readonly connections: { readonly client: string; readonly server: string }[];
  /** What Node reported (events, error codes): not kernel states. */
  readonly nodeEvents: NodeEvent[];
  readonly observer: PollStats | null;
  readonly linux: { readonly id: string; readonly text: string; readonly shown: boolean }[];
  /** With `capture`: the segments and the machine fed with them (TCP experiments only). */
  readonly capture?: CaptureReport;
  /** conformance, expectations, the capture check (if any) and the run itself all passed. */
  readonly ok: boolean;
}

export { scenarioFile };

export function loadExperimentScenario(exp: AnyExperiment): { params: Record<string, unknown>; expect: Parameters<typeof checkExpectations>[0] } {
  const file = scenarioFile(exp.name);
  if (!existsSync(file)) return { params: exp.params.parse({}) as Record<string, unknown>, expect: {} };
  const s = loadLabScenario(readFileSync(file, 'utf8'), `scenarios/lab/${exp.name}.yaml`, exp.params.prefault({}));
  return { params: s.params as Record<string, unknown>, expect: s.expect };
}

export async function runLabExperiment(name: string, options: RunOptions = {}): Promise<LabReport> {
  requireProcNet();
  const exp = findExperiment(name);
  if (!exp) throw new InputError(reason('labUnknownExperiment'), name);
  const scenario = loadExperimentScenario(exp);
  const parsed = exp.params.safeParse({ ...scenario.params, ...options.params }, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path[0];
    const value = typeof key === 'string' ? options.params?.[key] : undefined;
    const given = typeof key === 'string' && key in (options.params ?? {}) ? `--param ${key}=${typeof value === 'string' ? value : JSON.stringify(value)}` : name;
    const valid = keysAt(exp.params, issue.path.filter((p): p is string | number => typeof p !== 'symbol'));
    const why = issue.code === 'unrecognized_keys' ? reason('labUnknownParams', { keys: issue.keys, valid, name }) : reasonOf(issue, valid);
    throw new InputError(reason('labParam', { name, path: issue.path.join('.'), why }), given);
  }
  const params = parsed.data as Record<string, unknown>;
  const timeoutMs = options.timeoutMs ?? exp.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const host = options.host ?? '127.0.0.1';
  const periodMs = options.periodMs ?? DEFAULT_PERIOD_MS;
  if (options.capture && !exp.tcp) throw new InputError(reason('labCaptureUdp'), name);

  // Started before the clock, the timeout and the sockets: dumpcap takes a moment to open lo.
  const { Capture } = options.capture ? await import('./capture.js') : { Capture: undefined };
  const capture = Capture
    ? await Capture.start({ host, ...(options.capture?.file !== undefined ? { file: options.capture.file } : {}) }, options.signal)
    : undefined;

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new LabAborted(text.resultValue.timedOut(String(timeoutMs)))), timeoutMs);
  const onOuterAbort = (): void => controller.abort(new LabAborted(text.resultValue.interrupted));
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (options.signal?.aborted) onOuterAbort();

  const t0 = monotonicMs();
  const observer = exp.tcp
    ? new Observer({ dir: procNetDir(), families: host === '::1' ? [6] : [4], periodMs, t0, ...(options.onObservation ? { onObservation: options.onObservation } : {}) })
    : undefined;
  const run = new LabRun({ signal: controller.signal, t0, observer, host });
  let result: Record<string, unknown> | null = null;
  let error: string | null = null;
  let stats: PollStats | null = null;
  let captured: Awaited<ReturnType<NonNullable<typeof capture>['stop']>> | undefined;
  let environment: EnvironmentError | undefined;
  try {
    if (observer) await run.guard(observer.started());
    result = await exp.run(run, params);
  } catch (e) {
    // This machine cannot run the experiment (a program it needs is missing): exit 3, as before it started.
    if (e instanceof EnvironmentError) environment = e;
    error = e instanceof Error ? e.message : String(e);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
    if (observer) stats = await observer.stop();
    await run.cleanup();
    if (capture) {
      if (controller.signal.aborted && options.signal?.aborted) await capture.abort();
      else captured = await capture.stop(t0);
    }
  }
  if (environment) throw environment;
  const durationMs = run.now();
  const observations = observer?.observations() ?? [];
  const sequences = sequencesOf(observations);
  const conformance = checkConformance(observations, run.actions, linuxConformanceOptions());
  const expectations = error ? { ok: false, failures: [] } : checkExpectations(scenario.expect, sequences, result);
  let captureReport: CaptureReport | undefined;
  if (captured) {
    captureReport = {
      file: options.capture?.file ?? null,
      segments: labelSegments(captured.segments, observations).filter((s) => s.fromSocket !== undefined || s.toSocket !== undefined),
      dropped: captured.dropped,
      drained: captured.drained,
      complete: captured.dropped === 0 && captured.drained,
      check: checkSegmentsAgainstKernel(captured.segments, observations, run.actions, CLOCK_ALIGNMENT_MS),
    };
  }
  const shown = new Set<string>();
  if (run.actions.some((a) => a.action === 'resetAndDestroy')) shown.add('rst-no-time-wait');
  if (observations.some((o) => o.state === 'TIME_WAIT')) shown.add('time-wait-60s');
  if (observations.some((o) => o.state === 'FIN_WAIT_2' && o.timer?.kind === 'timewait')) shown.add('orphan-fin-wait-2');
  if (run.actions.some((a) => a.action === 'listen') && exp.tcp) shown.add('listener-clones');
  return {
    experiment: exp.name,
    title: exp.title,
    explain: exp.explain,
    platform: process.platform,
    kernel: release(),
    node: process.version,
    host,
    params,
    timeoutMs,
    durationMs,
    observations,
    sequences,
    conformance,
    expectations,
    result,
    error,
    actions: run.actions,
    connections: run.connections,
    nodeEvents: run.nodeEvents,
    observer: stats,
    linux: LINUX_DIFFERENCES.map((d) => ({ ...d, shown: shown.has(d.id) })),
    ...(captureReport ? { capture: captureReport } : {}),
    ok: conformance.ok && expectations.ok && error === null && (captureReport === undefined || !captureReport.complete || captureReport.check.ok),
  };
}
