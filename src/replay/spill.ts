/**
 * Finished connections on disk (issue 15: a replay's memory is bounded by its open connections, not by
 * the file's size). A record is one JSON text, found again by its connection id through two typed
 * arrays (offset and length: 12 bytes of memory per connection, where the record kept in memory was
 * about 1.3 KB).
 *
 * The file is created in a directory of its own under the temporary directory, opened, and unlinked at
 * once: only the open descriptor holds it, so nothing is left on disk whatever ends the process (Ctrl-C,
 * a crash). Records are written in batches; a read of a record still in the batch writes the batch first.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BATCH_BYTES = 1 << 20;

export class Spill<T> {
  private fd: number | undefined;
  /** Where each id's record starts (bytes), -1 for none: Float64 keeps files past 4 GB exact. */
  private offsets = new Float64Array(1024).fill(-1);
  private lengths = new Uint32Array(1024);
  private written = 0;
  /** Bytes written to the file: the records after them are in `memory`. */
  private onDisk = 0;
  private memory: { readonly at: number; readonly data: Buffer }[] | undefined;
  private batch: string[] = [];
  private batchBytes = 0;
  private records = 0;

  /** Records stored (a record stored again for the same id counts once more). */
  get count(): number {
    return this.records;
  }

  /** Bytes the records take on disk. */
  get bytes(): number {
    return this.written + this.batchBytes;
  }

  has(id: number): boolean {
    return id < this.offsets.length && this.offsets[id]! >= 0;
  }

  put(id: number, value: T): void {
    const text = JSON.stringify(value);
    const length = Buffer.byteLength(text, 'utf8');
    this.grow(id);
    this.offsets[id] = this.written + this.batchBytes;
    this.lengths[id] = length;
    this.batch.push(text);
    this.batchBytes += length;
    this.records++;
    if (this.batchBytes >= BATCH_BYTES) this.flush();
  }

  get(id: number): T | undefined {
    if (!this.has(id)) return undefined;
    const offset = this.offsets[id]!;
    const length = this.lengths[id]!;
    if (offset + length > this.written) this.flush();
    // Records are read in about the order they were written (a report pass goes by id, and connections
    // end in about the order they began): read a batch ahead, not one record per read(2).
    if (offset >= this.onDisk) {
      // (kept in memory: no temporary file could be written)
      const chunk = this.memory!.findLast((c) => c.at <= offset)!;
      return JSON.parse(chunk.data.toString('utf8', offset - chunk.at, offset - chunk.at + length)) as T;
    }
    if (offset < this.aheadAt || offset + length > this.aheadAt + this.aheadBytes) this.readAhead(offset, length);
    const at = offset - this.aheadAt;
    return JSON.parse(this.ahead.toString('utf8', at, at + length)) as T;
  }

  /** Forget `id`'s record (the connection is open again): has() is false until the next put. */
  drop(id: number): void {
    if (id < this.offsets.length) this.offsets[id] = -1;
  }

  /** Close the file (it has no name: closing frees it). */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.batch = [];
    this.batchBytes = 0;
    this.ahead = Buffer.alloc(0);
    this.aheadBytes = 0;
    this.memory = undefined;
  }

  private ahead = Buffer.alloc(0);
  private aheadAt = 0;
  private aheadBytes = 0;

  private readAhead(offset: number, length: number): void {
    const want = Math.min(Math.max(length, BATCH_BYTES), this.written - offset);
    if (this.ahead.length < want) this.ahead = Buffer.allocUnsafe(want);
    let done = 0;
    while (done < want) {
      const n = readSync(this.fd!, this.ahead, done, want - done, offset + done);
      if (n === 0) break;
      done += n;
    }
    if (done < length) throw new Error(`spill: a record at ${offset} cut short`);
    this.aheadAt = offset;
    this.aheadBytes = done;
  }

  private grow(id: number): void {
    if (id < this.offsets.length) return;
    let n = this.offsets.length;
    while (n <= id) n *= 2;
    const offsets = new Float64Array(n).fill(-1);
    offsets.set(this.offsets);
    const lengths = new Uint32Array(n);
    lengths.set(this.lengths);
    this.offsets = offsets;
    this.lengths = lengths;
  }

  private flush(): void {
    if (this.batchBytes === 0) return;
    const data = Buffer.from(this.batch.join(''), 'utf8');
    if (!this.memory) {
      try {
        if (this.fd === undefined) this.fd = openUnlinked();
        let done = 0;
        while (done < data.length) done += writeSync(this.fd, data, done, data.length - done, this.written + done);
        this.onDisk = this.written + data.length;
      } catch {
        // No temporary directory, or a full disk: what is on disk stays there, the rest is kept in
        // memory (as before the spill: the replay goes on, only its memory grows).
        this.memory = [];
      }
    }
    if (this.memory) this.memory.push({ at: this.written, data });
    this.written += data.length;
    this.batch = [];
    this.batchBytes = 0;
  }
}

/** A read-write file with no name left on disk (its directory is removed too). */
function openUnlinked(): number {
  const dir = mkdtempSync(join(tmpdir(), 'netkata-replay-'));
  const file = join(dir, 'finished.jsonl');
  try {
    return openSync(file, 'wx+', 0o600);
  } finally {
    rmSync(dir, { recursive: true, force: true }); // the file with it: only the descriptor is left
  }
}
