import { EnvironmentError, escapeControls, InputError } from '../errors.js';
import { inputErrorLine, t } from './text.js';

/** Exit codes of CLI.md. */
export const EXIT = { ok: 0, check: 1, usage: 2, environment: 3 } as const;

/** Thrown by a command that finished but whose check failed (exit 1) after printing its result. */
export class CheckFailed extends Error {
  override readonly name = 'CheckFailed';
}

export function writeOut(text: string): void {
  if (stdoutGone) return;
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

export function writeJson(value: unknown): void {
  if (stdoutGone) return;
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** One line on stderr, `netkata: <input>: <what is wrong>`. */
export function writeError(message: string): void {
  // Whatever an input held, the terminal gets one line of plain text: no NUL, no escape sequence.
  process.stderr.write(`netkata: ${escapeControls(message.replace(/\s*\n\s*/g, ' ').trim())}\n`);
}

/** Map anything a command threw to an exit code, printing one line (stack only with NETKATA_DEBUG=1). */
export function exitCodeFor(e: unknown): number {
  const debug = process.env['NETKATA_DEBUG'] === '1';
  if (e instanceof InputError) {
    writeError(inputErrorLine(e));
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
  writeError(t().cli.internalError(err.message));
  if (debug) process.stderr.write(`${err.stack}\n`);
  return 70;
}

/** True when colour may be used on this stream (NO_COLOR and --no-color honoured). */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return false;
  if (process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true;
}

/**
 * The reader of our stdout went away (`netkata split 10.0.0.0/8 --prefix 24 | head -1`): the next write
 * fails with EPIPE, which Node reports as an 'error' event on process.stdout (Node ignores SIGPIPE, so
 * the process is not killed as a C tool would be). Unhandled, that event is an uncaught exception with a
 * stack trace. Like `yes | head`, we stop writing and end quietly, with the exit code earned so far (0
 * unless a `--stdin` line was bad): nobody is left to read the rest. Any other stdout failure (EIO,
 * ENOSPC on a redirected file) is one error line and exit 3. Installed once, on first import, for every
 * command.
 */
let stdoutGone = false;

export function stdoutClosed(): boolean {
  return stdoutGone;
}

function guardStdout(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (stdoutGone) return;
    stdoutGone = true;
    if (e.code === 'EPIPE') process.exit(exitState.code);
    writeError(`stdout: ${e.message}`);
    process.exit(EXIT.environment);
  });
}

/** A command that completes but must exit non-zero (e.g. `--stdin` with a bad line) raises this. */
export const exitState = { code: 0 as number };
export function raiseExit(code: number): void {
  if (code > exitState.code) exitState.code = code;
}

guardStdout();
