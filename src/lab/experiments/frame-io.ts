import type net from 'node:net';
import { FrameDecoder } from '../framing.js';
import type { LabRun } from '../lab-run.js';

/** Reads length-prefixed frames off a socket, one `next()` at a time; counts the chunks it was fed. */
export class FrameReader {
  chunks = 0;
  private readonly decoder: FrameDecoder;
  private readonly frames: Buffer[] = [];
  private wake: (() => void) | undefined;
  private failure: Error | undefined;

  constructor(
    private readonly run: LabRun,
    socket: net.Socket,
    maxFrame?: number,
    maxFrames?: number,
  ) {
    this.decoder = new FrameDecoder(maxFrame, maxFrames);
    socket.on('data', (chunk: Buffer) => {
      this.chunks++;
      try {
        this.frames.push(...this.decoder.push(chunk));
      } catch (e) {
        this.failure = e as Error;
        run.destroy(socket);
      }
      this.wake?.();
    });
    const ended = (): void => {
      this.failure ??= new Error('the peer closed before a whole frame arrived');
      this.wake?.();
    };
    socket.on('end', ended);
    socket.on('close', ended);
  }

  async next(): Promise<Buffer> {
    for (;;) {
      const f = this.frames.shift();
      if (f) return f;
      if (this.failure) throw this.failure;
      await this.run.guard(new Promise<void>((resolve) => (this.wake = resolve)));
    }
  }

  /** Bytes after the last whole frame: hands the stream over to raw reading. */
  rest(): Buffer {
    return this.decoder.drain();
  }
}

/** Resolves when Node has handed `data` to the kernel. */
export function write(run: LabRun, socket: net.Socket, data: Uint8Array | string): Promise<void> {
  return run.guard(new Promise<void>((resolve, reject) => socket.write(data, (e) => (e ? reject(e) : resolve()))));
}
