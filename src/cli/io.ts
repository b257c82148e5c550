import { EnvironmentError, InputError } from '../errors.js';

/** Exit codes of CLI.md. */
export const EXIT = { ok: 0, check: 1, usage: 2, environment: 3 } as const;

/** Thrown by a command that finished but whose check failed (exit 1) after printing its result. */
export class CheckFailed extends Error {
  override readonly name = 'CheckFailed';
}

export function writeOut(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

export function writeJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** One line on stderr, `netkata: <input>: <what is wrong>`. */
export function writeError(message: string): void {
  process.stderr.write(`netkata: ${message.replace(/\s*\n\s*/g, ' ').trim()}\n`);
}

/** Map anything a command threw to an exit code, printing one line (stack only with NETKATA_DEBUG=1). */
export function exitCodeFor(e: unknown): number {
  const debug = process.env['NETKATA_DEBUG'] === '1';
  if (e instanceof InputError) {
    writeError(e.parseMessage);
    if (debug) process.stderr.write(`${e.stack}\n`);
    return EXIT.usage;
  }
  if (e instanceof EnvironmentError) {
    writeError(e.message);
    return EXIT.environment;
  }
  if (e instanceof CheckFailed) {
    if (e.message) writeError(e.message);
    return EXIT.check;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  writeError(`internal error: ${err.message} (set NETKATA_DEBUG=1 for details)`);
  if (debug) process.stderr.write(`${err.stack}\n`);
  return 70;
}

/** True when colour may be used on this stream (NO_COLOR and --no-color honoured). */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return false;
  if (process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true;
}

/** A command that completes but must exit non-zero (e.g. `--stdin` with a bad line) raises this. */
export const exitState = { code: 0 as number };
export function raiseExit(code: number): void {
  if (code > exitState.code) exitState.code = code;
}
