/**
 * Length-prefix framing over a TCP byte stream: each message is a 4-byte big-endian unsigned length
 * followed by that many bytes.
 *
 * TCP delivers bytes, not messages: one read may return half a header, or the end of one message and the
 * start of the next. The classic tutorial code calls recv(4) and assumes it got 4 bytes, packs the length
 * with struct.pack('i') (native byte order and signed, so two hosts of different endianness disagree)
 * and trusts the length it reads. Here the decoder buffers until a whole header and a whole body are in,
 * the order is fixed (network order, RFC 1700's "big-endian"), and a length above `maxFrame` is refused
 * before any memory is reserved for it: the length comes from the peer, so it is untrusted input.
 */
export const HEADER_BYTES = 4;
export const DEFAULT_MAX_FRAME = 16 * 1024 * 1024;

export class FrameTooLarge extends Error {
  override readonly name = 'FrameTooLarge';
}

export function encodeFrame(payload: Uint8Array): Buffer {
  if (payload.length > 0xffff_ffff) throw new RangeError('a frame holds at most 2^32-1 bytes');
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32BE(payload.length, 0);
  return Buffer.concat([header, payload]);
}

/** Feed it chunks as they arrive; it returns the messages completed by each chunk, in order. */
export class FrameDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;

  private decoded = 0;

  /** `maxFrames`: stop after that many frames and keep the rest raw (a framed header before a raw body). */
  constructor(
    private readonly maxFrame: number = DEFAULT_MAX_FRAME,
    private readonly maxFrames: number = Number.POSITIVE_INFINITY,
  ) {}

  push(chunk: Uint8Array): Buffer[] {
    if (chunk.length > 0) {
      this.chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
      this.buffered += chunk.length;
    }
    const out: Buffer[] = [];
    while (this.decoded < this.maxFrames) {
      if (this.buffered < HEADER_BYTES) break;
      const head = this.peek(HEADER_BYTES);
      const length = head.readUInt32BE(0);
      if (length > this.maxFrame) throw new FrameTooLarge(`frame of ${length} bytes exceeds the limit of ${this.maxFrame}`);
      if (this.buffered < HEADER_BYTES + length) break;
      this.take(HEADER_BYTES);
      out.push(this.take(length));
      this.decoded++;
    }
    return out;
  }

  /** Bytes received that do not yet form a whole message. */
  get pending(): number {
    return this.buffered;
  }

  /** Whatever follows the last whole frame (a raw body after a framed header, as in `file`). */
  drain(): Buffer {
    return this.take(this.buffered);
  }

  private peek(n: number): Buffer {
    const first = this.chunks[0]!;
    if (first.length >= n) return first.subarray(0, n);
    return Buffer.concat(this.chunks).subarray(0, n);
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const out = Buffer.from(all.subarray(0, n)); // a copy: the caller keeps it, we drop the rest
    const rest = all.subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return out;
  }
}
