/**
 * Runs many short child processes a few at a time and keeps their results, for test files that spawn
 * the built CLI dozens of times: one after another, each waits out Node's start-up; side by side they
 * overlap (npm test's time budget). The results are exactly what spawnSync would give.
 */
import { spawn } from 'node:child_process';

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
