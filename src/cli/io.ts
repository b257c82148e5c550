import { fstatSync, writeSync } from 'node:fs';
import { EnvironmentError, escapeControls, InputError, type Reason } from '../errors.js';
import { inputErrorLine, reasonLine, t } from './text.js';

/** Exit codes of CLI.md. */
export const EXIT = { ok: 0, check: 1, usage: 2, environment: 3 } as const;

/** Thrown by a command that finished but whose check failed (exit 1) after printing its result. */
export class CheckFailed extends Error {
  override readonly name = 'CheckFailed';
}

export function writeOut(text: string): void {
  emit(text.endsWith('\n') ? text : text + '\n');
}

/** Bytes as they are (already ending in a newline), e.g. a long CIDR list made as ASCII. */
export function writeOutBytes(bytes: Uint8Array): void {
  emit(bytes);
}

export function writeJson(value: unknown): void {
  emit(JSON.stringify(value, null, 2) + '\n');
}

/**
 * writeJson({ ...head, [key]: [...items] }), the same bytes, written as the items come: a list too long
 * to hold (a replay's connections) is never one string. The list stands where `key` stands in `head`
 * (a key it already has keeps its place, as in the spread), else last.
 */
export function writeJsonList(head: Record<string, unknown>, key: string, items: Iterable<unknown>): void {
  for (const part of jsonListParts(head, key, items, DIRECT_MAX)) emit(part);
}

/** writeJsonList's text in parts of about `size` characters (joined: the whole text, newline-ended). */
export function* jsonListParts(head: Record<string, unknown>, key: string, items: Iterable<unknown>, size: number): Generator<string> {
  const mark = `\u0000list:${key}`;
  const whole = JSON.stringify({ ...head, [key]: mark }, null, 2);
  const at = whole.indexOf(JSON.stringify(mark));
  let out = whole.slice(0, at);
  const after = whole.slice(at + JSON.stringify(mark).length);
  let first = true;
  for (const item of items) {
    out += `${first ? '[\n' : ',\n'}    ${JSON.stringify(item, null, 2).replace(/\n/g, '\n    ')}`;
    first = false;
    if (out.length >= size) {
      yield out;
      out = '';
    }
  }
  yield `${out}${first ? '[]' : '\n  ]'}${after}\n`;
}

/**
 * Short output goes to fd 1 with write(2) directly: creating process.stdout loads Node's stream and
 * net modules (28 more internal modules when stdout is a pipe), a tenth of a one-shot command's start
 * (issue 14, bench/addr-oneshot.bench.js). Long output, and everything once the stream is in use,
 * goes through process.stdout. On Linux both are synchronous for files, pipes and terminals, so the
 * order of output holds either way. A full non-blocking pipe (EAGAIN) hands the rest to the stream.
 */
const DIRECT_MAX = 64 * 1024;
let streamInUse = false;

function emit(data: string | Uint8Array): void {
  if (stdoutGone) return;
  if (!streamInUse && data.length <= DIRECT_MAX) {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(1, bytes, done);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EAGAIN') {
        stdoutFailed(e as NodeJS.ErrnoException);
        return;
      }
      data = bytes.subarray(done);
    }
  }
  stdoutStream().write(data);
}

/** process.stdout with the failure handling below: for any module that writes to the stream itself. */
export function stdoutStream(): NodeJS.WriteStream {
  if (!streamInUse) {
    streamInUse = true;
    guardStdout();
  }
  return process.stdout;
}

/** Whether fd 1 is a terminal, without creating process.stdout unless it is a character device. */
function stdoutIsTerminal(): boolean {
  try {
    return fstatSync(1).isCharacterDevice() && process.stdout.isTTY === true;
  } catch {
    return false;
  }
}

/** One line on stderr, `netkata: <input>: <what is wrong>`. */
export function writeError(message: string): void {
  // Whatever an input held, the terminal gets one line of plain text: no NUL, no escape sequence.
  process.stderr.write(`netkata: ${escapeControls(message.replace(/\s*\n\s*/g, ' ').trim())}\n`);
}

/** `netkata: warning: <why>` on stderr, in the chosen language; the command goes on. */
export function writeWarning(why: Reason): void {
  process.stderr.write(`netkata: ${t().cli.warning}${escapeControls(reasonLine(why))}\n`);
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
    writeError(e.reason === undefined ? e.message : reasonLine(e.reason));
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
export function useColor(stream?: NodeJS.WriteStream): boolean {
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return false;
  if (process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0') return true;
  return stream === undefined ? stdoutIsTerminal() : stream.isTTY === true;
}

/**
 * The reader of our stdout went away (`netkata split 10.0.0.0/8 --prefix 24 | head -1`): the next write
 * fails with EPIPE, which Node reports as an 'error' event on process.stdout (Node ignores SIGPIPE, so
 * the process is not killed as a C tool would be). Unhandled, that event is an uncaught exception with a
 * stack trace. Like `yes | head`, we stop writing and end quietly, with the exit code earned so far (0
 * unless a `--stdin` line was bad): nobody is left to read the rest. Any other stdout failure (EIO,
 * ENOSPC on a redirected file) is one error line and exit 3. The same holds for a direct write(2) above;
 * the stream's handler is installed when the stream is first used (`stdoutStream`).
 */
let stdoutGone = false;

export function stdoutClosed(): boolean {
  return stdoutGone;
}

function guardStdout(): void {
  process.stdout.on('error', stdoutFailed);
}

function stdoutFailed(e: NodeJS.ErrnoException): void {
  if (stdoutGone) return;
  stdoutGone = true;
  if (e.code === 'EPIPE') process.exit(exitState.code);
  writeError(`stdout: ${e.message}`);
  process.exit(EXIT.environment);
}

/** A command that completes but must exit non-zero (e.g. `--stdin` with a bad line) raises this. */
export const exitState = { code: 0 as number };
export function raiseExit(code: number): void {
  if (code > exitState.code) exitState.code = code;
}
