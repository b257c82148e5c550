/**
 * Runs many short child processes a few at a time and keeps their results, for test files that spawn
 * the built CLI dozens of times: one after another, each waits out Node's start-up; side by side they
 * overlap (npm test's time budget). The results are exactly what spawnSync would give.
 */
import { spawn, spawnSync } from 'node:child_process';

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Job {
  readonly key: string;
  readonly file: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly input?: string;
}

function runOne(job: Job): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(job.file, [...job.args], { cwd: job.cwd, env: job.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.stdin.on('error', () => undefined); // a command that exits before reading its input
    child.stdin.end(job.input ?? '');
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function runPool(jobs: readonly Job[], concurrency = 4): Promise<Map<string, Run>> {
  const out = new Map<string, Run>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      out.set(job.key, await runOne(job));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  return out;
}

/**
 * The cached run of `job`, or (for a run nobody planned) the same run made now with spawnSync.
 */
export function runOf(runs: ReadonlyMap<string, Run>, job: Job): Run {
  const r = runs.get(job.key);
  if (r !== undefined) return r;
  const s = spawnSync(job.file, [...job.args], { cwd: job.cwd, encoding: 'utf8', input: job.input ?? '', env: job.env });
  return { code: s.status, stdout: s.stdout, stderr: s.stderr };
}

/**
 * For the zh CLI tests: whether a case also runs with `--lang zh` instead of the locale. The address
 * shortcut (subnet, classify, ip) reads only the locale and leaves `--lang` to the full program: two
 * paths, so each of their cases runs both ways. Every other command resolves both in one place
 * (main.ts's hook), so the first case of each is enough there (npm test's time). Stateful: one per file.
 */
export function optionRunPicker(): (args: readonly string[]) => boolean {
  const picked = new Set<string>();
  return (args) => {
    const cmd = args[0]!;
    if (['subnet', 'classify', 'ip'].includes(cmd)) return true;
    const key = JSON.stringify(args);
    if (!picked.has(cmd)) picked.add(cmd).add(key);
    return picked.has(key);
  };
}
