import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Experiment } from '../experiment.js';
import type { LabRun } from '../lab-run.js';
import { encodeFrame } from '../framing.js';
import { FrameReader } from './frame-io.js';

const Params = z.object({ clients: z.number().int().min(1).max(100).default(10) }).strict();

const reply = (msg: Buffer): string => `${msg.length}:${createHash('sha256').update(msg).digest('hex')}`;

async function client(run: LabRun, port: number, i: number): Promise<boolean> {
  const s = await run.connect(`client-${i}`, `server-${i}`, port);
  const reader = new FrameReader(run, s, 1024);
  const msg = Buffer.concat([Buffer.from(`client-${i}:`), randomBytes(16 + i)]);
  s.write(encodeFrame(msg));
  const answer = (await reader.next()).toString('utf8');
  run.end(s);
  await run.waitDone(`client-${i}`, `server-${i}`);
  return answer === reply(msg);
}

export const concurrent: Experiment<z.output<typeof Params>> = {
  name: 'concurrent',
  title: 'One server, many clients at once',
  explain:
    "N clients connect at the same moment and each sends its own message; the server answers each with its " +
    'length and SHA-256, and every client checks that the answer is about its own message. One Node ' +
    'process serves them all from one thread: the event loop waits on all sockets at once (epoll), which ' +
    "is what the tutorials' socketserver.ThreadingTCPServer does with one thread per client. The peak " +
    'below is how many connections the server held at the same time.',
  tcp: true,
  params: Params,
  async run(run, p) {
    let open = 0;
    let peak = 0;
    const { port } = await run.listen({}, (s) => {
      open++;
      peak = Math.max(peak, open);
      s.on('close', () => open--);
      const reader = new FrameReader(run, s, 1024);
      void reader
        .next()
        .then((m) => {
          s.write(encodeFrame(Buffer.from(reply(m))));
          run.end(s);
        })
        .catch(() => run.destroy(s));
    });
    const results = await Promise.all(Array.from({ length: p.clients }, (_, i) => client(run, port, i + 1)));
    return { clients: p.clients, correct: results.filter(Boolean).length, peakConcurrent: peak };
  },
};
