import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Experiment } from '../experiment.js';
import { encodeFrame } from '../framing.js';
import { FrameReader } from './frame-io.js';

const Params = z
  .object({
    sizes: z.array(z.number().int().min(0).max(4 * 1024 * 1024)).min(1).max(100).default([0, 1, 5, 4, 1000, 70_000, 300_000]),
    /** The client writes the encoded stream in slices of these sizes, in turn, one slice per tick. */
    slices: z.array(z.number().int().min(1)).min(1).default([1, 3, 2, 7, 4096, 5, 65_536]),
  })
  .strict();

export const framing: Experiment<z.output<typeof Params>> = {
  name: 'framing',
  title: 'Framing: a 4-byte big-endian length before each message',
  explain:
    'Each message goes out as a 4-byte unsigned length in network byte order, then the bytes. The sender ' +
    'cuts the stream at awkward places on purpose (a header split over three writes, one byte at a time), ' +
    'the receiver buffers until a whole header and a whole body are in, and refuses a length above its ' +
    'limit before allocating anything. Every message comes back intact whatever the chunking. The classic ' +
    "tutorial version (recv(4) assumed to return 4 bytes, struct.pack('i') in native byte order) works on " +
    'loopback by luck and breaks on a real network or between hosts of different endianness.',
  tcp: true,
  params: Params,
  async run(run, p) {
    const messages = p.sizes.map((n, i) => Buffer.alloc(n, (i * 37 + 11) & 0xff));
    const readers: FrameReader[] = [];
    const { port } = await run.listen({}, (s) => {
      const reader = new FrameReader(run, s);
      readers.push(reader);
      // echo each frame back, framed again
      void (async () => {
        for (let i = 0; i < messages.length; i++) s.write(encodeFrame(await reader.next()));
      })().catch(() => undefined);
    });
    const client = await run.connect('client', 'server', port);
    client.setNoDelay(true);
    const back = new FrameReader(run, client);
    const stream = Buffer.concat(messages.map(encodeFrame));
    for (let off = 0, k = 0; off < stream.length; k++) {
      const n = p.slices[k % p.slices.length]!;
      client.write(stream.subarray(off, off + n));
      off += n;
      await run.guard(new Promise((r) => setImmediate(r)));
    }
    const echoed: Buffer[] = [];
    for (let i = 0; i < messages.length; i++) echoed.push(await back.next());
    run.end(client);
    await run.waitDone('client', 'server');
    const digest = (b: Buffer): string => createHash('sha256').update(b).digest('hex').slice(0, 16);
    const intact = echoed.every((e, i) => e.equals(messages[i]!));
    return {
      messages: messages.length,
      sizes: p.sizes,
      serverChunks: readers[0]?.chunks ?? 0,
      clientChunks: back.chunks,
      intact,
      sha256: messages.map(digest),
    };
  },
};

