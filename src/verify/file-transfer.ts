/**
 * The seeds' file transfer, done right (the `file` probe, verb `read-file`): a 4-byte big-endian length
 * of the header, the header as UTF-8 JSON `{"name", "size", "sha256"}`, then exactly `size` bytes of the
 * file, then the sender ends the connection. The tutorials pack the length with struct.pack('i') (native
 * byte order, so two machines may disagree) and use md5; network byte order and SHA-256 are the fix.
 *
 * `examineFile` reads what has arrived so far; it is pure, so a test can feed it bytes cut anywhere.
 */
import { createHash } from 'node:crypto';

/** A header longer than this is not a header (a sender that sent the file's bytes first, say). */
export const MAX_HEADER = 64 * 1024;

export interface FileHeader {
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

export type FileWhy = 'header' | 'short' | 'checksum' | 'extra' | 'timeout';

export interface FileResult {
  /** Nothing more can change the verdict (or it is already complete and right). */
  readonly settled: boolean;
  readonly header: FileHeader | null;
  /** Bytes of the file received after the header, beyond `size` too (without a header: all bytes received). */
  readonly bytes: number;
  /** SHA-256 (hex) of the first `size` bytes after the header, once they are all in. */
  readonly sha256: string | null;
  readonly why?: FileWhy;
  /** What is wrong with the header (why 'header'); the report words it (src/i18n verify.fileProblem). */
  readonly problem?: HeaderProblem;
}

export type HeaderProblem =
  | { readonly code: 'no-length'; readonly n: number }
  | { readonly code: 'length'; readonly n: number; readonly hex: string }
  | { readonly code: 'cut'; readonly n: number }
  | { readonly code: 'json'; readonly n: number }
  | { readonly code: 'object' }
  | { readonly code: 'missing'; readonly keys: string }
  | { readonly code: 'name' | 'size' | 'sha256' };

/** What `data` (everything received so far) holds; `ended`: the peer ended the connection. */
export function examineFile(data: Buffer, ended: boolean): FileResult {
  const none = { header: null, bytes: data.length, sha256: null };
  if (data.length < 4) return ended ? { ...none, settled: true, why: 'header', problem: { code: 'no-length', n: data.length } } : { ...none, settled: false };
  const n = data.readUInt32BE(0);
  if (n === 0 || n > MAX_HEADER) return { ...none, settled: true, why: 'header', problem: { code: 'length', n, hex: data.subarray(0, 4).toString('hex') } };
  if (data.length < 4 + n) return ended ? { ...none, settled: true, why: 'header', problem: { code: 'cut', n } } : { ...none, settled: false };
  const header = parseHeader(data.subarray(4, 4 + n));
  if ('code' in header) return { ...none, settled: true, why: 'header', problem: header };
  const body = data.subarray(4 + n);
  const bytes = body.length;
  if (bytes < header.size) return { header, bytes, sha256: null, settled: ended, ...(ended ? { why: 'short' as const } : {}) };
  const sha256 = createHash('sha256').update(body.subarray(0, header.size)).digest('hex');
  if (sha256 !== header.sha256.toLowerCase()) return { header, bytes, sha256, settled: true, why: 'checksum' };
  if (bytes > header.size) return { header, bytes, sha256, settled: true, why: 'extra' };
  // Complete and right; settled once the sender has ended the connection (bytes after it would be extra).
  return { header, bytes, sha256, settled: ended };
}

function parseHeader(raw: Buffer): FileHeader | HeaderProblem {
  let v: unknown;
  try {
    v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    return { code: 'json', n: raw.length };
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return { code: 'object' };
  const h = v as Record<string, unknown>;
  const missing = (['name', 'size', 'sha256'] as const).filter((k) => !(k in h));
  if (missing.length > 0) return { code: 'missing', keys: missing.join(', ') };
  if (typeof h.name !== 'string' || h.name === '') return { code: 'name' };
  if (typeof h.size !== 'number' || !Number.isSafeInteger(h.size) || h.size < 0) return { code: 'size' };
  if (typeof h.sha256 !== 'string' || !/^[0-9a-fA-F]{64}$/.test(h.sha256)) return { code: 'sha256' };
  return { name: h.name, size: h.size, sha256: h.sha256 };
}
