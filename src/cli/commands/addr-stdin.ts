/**
 * `--stdin` for the address commands: one input per line in, one result per line out, a bad line
 * reported in place (`{"input","error"}` with --json) while the run goes on, exit 2 if any line was bad.
 * Built for a million lines: stdin is read in 1 MiB chunks and output leaves in ~1 MiB writes, so
 * the cost per line is the calculation, not the I/O.
 */
import { createReadStream } from 'node:fs';
import { InputError } from '../../errors.js';
import { EXIT, raiseExit } from '../io.js';

const CHUNK = 1 << 20;

export type LineHandler = (line: string) => string;
export type ErrorLine = (input: string, message: string) => string;

export const jsonErrorLine: ErrorLine = (input, message) => JSON.stringify({ input, error: message });
export const textErrorLine: ErrorLine = (input, message) => `${input}\terror: ${message}`;

class ChunkedWriter {
  private buf = '';
  async push(s: string): Promise<void> {
    this.buf += s;
    if (this.buf.length >= CHUNK) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.buf === '') return;
    const data = this.buf;
    this.buf = '';
    if (!process.stdout.write(data)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
}

/** Runs `handle` over every non-blank stdin line; returns the number of bad lines. */
export async function runLines(handle: LineHandler, onError: ErrorLine): Promise<number> {
  const out = new ChunkedWriter();
  let bad = 0;
  let carry = '';
  let batch = '';
  const one = (raw: string): void => {
    const line = raw.trim();
    if (line === '') return;
    try {
      batch += handle(line) + '\n';
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      bad++;
      batch += onError(line, e.message) + '\n';
    }
  };
  const stream = createReadStream('', { fd: 0, highWaterMark: CHUNK, encoding: 'utf8', autoClose: false });
  for await (const chunk of stream as AsyncIterable<string>) {
    const text = carry === '' ? chunk : carry + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      one(text.slice(start, nl));
      start = nl + 1;
    }
    carry = text.slice(start);
    await out.push(batch);
    batch = '';
  }
  if (carry !== '') one(carry);
  await out.push(batch);
  await out.flush();
  if (bad > 0) raiseExit(EXIT.usage);
  return bad;
}
