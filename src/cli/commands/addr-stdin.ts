/**
 * `--stdin` for the address commands: one input per line in, one result per line out, a bad line
 * reported in place (`{"input","error"}` with --json) while the run goes on, exit 2 if any line was bad.
 *
 * Built for a million lines: stdin arrives in 1 MiB Buffers and is split on newline bytes; a command may
 * pass an `encode` that turns a line's bytes straight into output bytes (subnet does, for `a.b.c.d/n`),
 * and every other line is decoded and handled as a string. Output is written into 1 MiB Buffers handed
 * to stdout whole. (Collecting result strings by concatenation instead spent most of the run in the
 * garbage collector: 1.75 s of 3 s on 100,000 lines.)
 */
import { createReadStream } from 'node:fs';
import { EnvironmentError, InputError, reason } from '../../errors.js';
import { fsReason } from '../fs-reason.js';
import { EXIT, raiseExit, stdoutClosed, stdoutStream } from '../io.js';
import { cliLang, reasonText, t } from '../text.js';

const CHUNK = 1 << 20;
/** Room kept free after every line: a record from `encode`, or a string line up to 4 KiB in UTF-8. */
const RESERVE = 4096 * 3 + 1;

export type LineHandler = (line: string) => string;
export type ErrorLine = (input: string, error: InputError) => string;
/** Writes the record for src[start, end) at out[pos]; returns the new position, or -1 to decline. */
export type LineEncoder = (src: Uint8Array, start: number, end: number, out: Uint8Array, pos: number) => number;

// JSON stays English (it is for programs); the text line speaks the chosen language.
export const jsonErrorLine: ErrorLine = (input, error) => JSON.stringify({ input, error: error.message });
export const textErrorLine: ErrorLine = (input, error) => `${input}\t${t().cli.stdinError}${cliLang() === 'zh' ? '：' : ': '}${reasonText(error)}`;

class ChunkedWriter {
  buf = Buffer.allocUnsafe(CHUNK);
  pos = 0;
  private pending: Buffer[] = [];

  /** True while RESERVE bytes are free; when false the caller must `await flush()`. */
  get roomy(): boolean {
    return this.pos <= CHUNK - RESERVE && this.pending.length === 0;
  }

  line(s: string): void {
    if (s.length * 3 + 1 > CHUNK - this.pos) {
      // Only a line over 4 KiB gets here (RESERVE keeps room for shorter ones): it goes out on its
      // own after what is buffered, in order.
      this.pending.push(Buffer.from(`${s}\n`, 'utf8'));
      return;
    }
    this.pos += this.buf.write(s, this.pos, 'utf8');
    this.buf[this.pos++] = 10;
  }

  async flush(): Promise<void> {
    if (this.pos > 0) {
      const full = this.buf.subarray(0, this.pos);
      this.buf = Buffer.allocUnsafe(CHUNK);
      this.pos = 0;
      await send(full);
    }
    const pending = this.pending;
    this.pending = [];
    for (const b of pending) await send(b);
  }
}

// When the reader goes away (`| head`), io.ts's stdout guard ends the process quietly on EPIPE;
// `stdoutClosed()` only keeps us from queueing more output in the same tick.
async function send(data: Buffer): Promise<void> {
  if (stdoutClosed()) return;
  const out = stdoutStream();
  if (!out.write(data)) {
    await new Promise<void>((resolve) => {
      // Whichever comes first removes both: a leftover 'close' listener per wait piles up on a slow reader.
      const done = (): void => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.once('drain', done);
      out.once('close', done);
    });
  }
}

/**
 * stdin in chunks of up to 1 MiB: the one reader of every `--stdin` and `aggregate`. A failed read
 * (stdin is a directory, `< /`; EIO) is an EnvironmentError `stdin: <reason>` (exit 3), not an internal
 * error. (`process.stdin` is not used for files and pipes: on a directory it ends quietly, as if the
 * input were empty.) A terminal is read through `process.stdin` (a tty.ReadStream) instead: once
 * anything has touched `process.stdin` (even `process.stdin.isTTY`), libuv has reopened the tty and
 * dup2'd it onto fd 0 in non-blocking mode (uv_tty_init), so a plain read of fd 0 fails with EAGAIN
 * instead of waiting for the person to type.
 */
export async function* stdinChunks(): AsyncGenerator<Buffer> {
  // node:tty is loaded here, not at the top: it brings in net and the stream modules, which `subnet`
  // without --stdin must not pay for (its shortcut bundle holds this module).
  const { isatty } = await import('node:tty');
  const stream = isatty(0) ? process.stdin : createReadStream('', { fd: 0, highWaterMark: CHUNK, autoClose: false });
  const chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (e) {
        throw new EnvironmentError(reason('envStdin', fsReason(e)));
      }
      if (next.done === true) return;
      yield next.value;
    }
  } finally {
    stream.destroy();
  }
}

/** All of stdin as UTF-8 text (aggregate reads its whole input before it can merge). */
export async function readStdinText(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdinChunks()) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs over every non-blank stdin line; returns the number of bad lines (and raises exit 2 if any). */
export async function runLines(handle: LineHandler, onError: ErrorLine, encode?: LineEncoder): Promise<number> {
  const w = new ChunkedWriter();
  let bad = 0;
  // A bad line becomes one output line, never a stack trace: skip capturing stacks for the thousands
  // of InputErrors a dirty file can raise (each capture costs more than parsing the line).
  if (process.env['NETKATA_DEBUG'] !== '1') Error.stackTraceLimit = 0;
  const doLine = (src: Buffer, start: number, end: number): void => {
    if (end > start && src[end - 1] === 13) end--; // CRLF
    if (encode !== undefined) {
      const p = encode(src, start, end, w.buf, w.pos);
      if (p >= 0) {
        w.buf[p] = 10;
        w.pos = p + 1;
        return;
      }
    }
    const line = src.toString('utf8', start, end).trim();
    if (line === '') return;
    let result: string;
    try {
      result = handle(line);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      bad++;
      result = onError(line, e);
    }
    w.line(result);
  };

  let carry: Buffer | undefined;
  for await (const chunk of stdinChunks()) {
    if (stdoutClosed()) break;
    let start = 0;
    if (carry !== undefined) {
      const nl = chunk.indexOf(10);
      if (nl === -1) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      const joined = Buffer.concat([carry, chunk.subarray(0, nl)]);
      carry = undefined;
      doLine(joined, 0, joined.length);
      if (!w.roomy) await w.flush();
      start = nl + 1;
    }
    // A plain loop finds the newlines: a native indexOf call per short line cost more than the scan.
    const n = chunk.length;
    for (let k = start; ; k++) {
      while (k < n && chunk[k] !== 10) k++;
      if (k === n) break;
      doLine(chunk, start, k);
      if (!w.roomy) await w.flush();
      start = k + 1;
    }
    if (start < chunk.length) carry = chunk.subarray(start);
  }
  if (carry !== undefined && !stdoutClosed()) doLine(carry, 0, carry.length);
  await w.flush();
  if (bad > 0) raiseExit(EXIT.usage);
  return bad;
}
