/**
 * A capture file read as a stream (fs.createReadStream, one chunk at a time through CaptureDecoder), so
 * a file of any size is read in bounded memory. A gzip file (magic 1f 8b, RFC 1952) is inflated on the
 * way, as Wireshark opens `.pcap.gz` and `.pcapng.gz` transparently.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { InputError, reason, type Reason } from '../errors.js';
import { CaptureDecoder, type CaptureFormat } from './capture-decoder.js';
import type { DecodedSegment } from './packet.js';

export interface CaptureRead {
  readonly format: CaptureFormat;
  readonly gzip: boolean;
  readonly frames: number;
  /** A last record cut off by the end of the file (or of its gzip stream): the bytes of it that are there. */
  readonly truncatedBytes: number;
  /** The gzip stream itself ended early (no trailer): the capture inside is cut somewhere too. */
  readonly gzipTruncated: boolean;
}

const CHUNK = 1 << 20;

async function isGzip(file: string): Promise<boolean> {
  const h = await open(file, 'r');
  try {
    const b = Buffer.alloc(2);
    const { bytesRead } = await h.read(b, 0, 2, 0);
    return bytesRead === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    await h.close();
  }
}

/** Every TCP segment of `file` to `onSegment`, in file order. InputError (with the file) for what cannot be read as a capture. */
export async function readCapture(file: string, onSegment: (s: DecodedSegment) => void): Promise<CaptureRead> {
  let gzip: boolean;
  try {
    gzip = await isGzip(file);
  } catch (e) {
    throw new InputError(fileReason(e), file);
  }
  const decoder = new CaptureDecoder(onSegment);
  const raw = createReadStream(file, { highWaterMark: CHUNK });
  let gzipTruncated = false;
  try {
    if (gzip) {
      const gunzip = createGunzip({ chunkSize: CHUNK });
      raw.on('error', (e) => gunzip.destroy(e));
      raw.pipe(gunzip);
      try {
        for await (const chunk of gunzip) decoder.push(chunk as Buffer);
      } catch (e) {
        // zlib's "unexpected end of file": the gzip stream was cut; what came out of it is read.
        if ((e as NodeJS.ErrnoException).code === 'Z_BUF_ERROR') gzipTruncated = true;
        else if ((e as NodeJS.ErrnoException).code?.startsWith('Z_')) throw new InputError(reason('gzipDamaged'), file);
        else throw e;
      }
    } else {
      for await (const chunk of raw) decoder.push(chunk as Buffer);
    }
  } catch (e) {
    raw.destroy();
    if (e instanceof InputError) throw e.input === undefined ? new InputError(e.reason ?? e.message, file) : e;
    throw new InputError(fileReason(e), file);
  }
  let end;
  try {
    end = decoder.end();
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.reason ?? e.message, file);
    throw e;
  }
  return { ...end, gzip, gzipTruncated };
}

/** Why the file could not be opened or read, as a catalogue reason: the CLI and the app each say it in their language. */
function fileReason(e: unknown): Reason {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return reason('captureFile', typeof code === 'string' ? code : e instanceof Error ? e.message : String(e));
}
