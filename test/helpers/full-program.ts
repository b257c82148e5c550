/**
 * For the start-up shortcut tests (test/cli/*-direct.test.ts): the full program as a script, the bundle's
 * main.js run() (what bin/netkata.js runs when no shortcut answers; bin itself would take the shortcut
 * again), and one way to run a script as a process.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** Writes `dir/full.mjs`, the full program, and returns its path. */
export function writeFullProgram(dir: string): string {
  const full = join(dir, 'full.mjs');
  writeFileSync(full, `const { run } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/bundle/main.js')).href)});
process.exitCode = await run(process.argv.slice(2));
`);
  return full;
}

export interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `node file ...args` without colour or debug output; `env` is added to this process's environment. */
export function runScript(file: string, args: readonly string[], options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Ran {
  const r = spawnSync(process.execPath, [file, ...args], { cwd: options.cwd ?? root, encoding: 'utf8', input: options.input ?? '', env: { ...process.env, NO_COLOR: '1', NETKATA_DEBUG: '', ...options.env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
