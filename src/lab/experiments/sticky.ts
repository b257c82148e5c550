import type net from 'node:net';
import { z } from 'zod';
import type { Experiment } from '../experiment.js';
import type { LabRun } from '../lab-run.js';
import { lab as text } from '../../i18n/en/lab.js';

const Params = z
  .object({
    writes: z.array(z.string().min(1).max(1000)).min(2).max(10).default(['hello', 'world']),
    /** How long the late reader waits before its first read, ms. */
    lateMs: z.number().int().min(0).max(2000).default(20),
  })
  .strict();

async function oneRun(run: LabRun, port: number, accepted: net.Socket[], i: number, writes: readonly string[], lateMs: number | null): Promise<string[]> {
  const total = writes.reduce((n, w) => n + Buffer.byteLength(w), 0);
  const client = await run.connect(`client-${i}`, `server-${i}`, port);
  await run.waitState(`server-${i}`, 'ESTABLISHED');
  const server = accepted[i - 1]!;
  const chunks: string[] = [];
  let got = 0;
  const all = new Promise<void>((resolve) =>
    server.on('data', (d: Buffer) => {
      chunks.push(d.toString('utf8'));
      got += d.length;
      if (got >= total) resolve();
    }),
  );
  if (lateMs === null) server.resume();
  for (const w of writes) client.write(w); // back to back, same tick: no framing of any kind
  if (lateMs !== null) {
    await run.delay(lateMs);
    server.resume();
  }
  await run.guard(all);
  run.end(client);
  await run.waitDone(`client-${i}`, `server-${i}`);
  return chunks;
}

export const sticky: Experiment<z.output<typeof Params>> = {
  name: 'sticky',
  title: 'Sticky packets: TCP keeps bytes, not message boundaries',
  explain:
    'Two quick writes, read twice: once by a reader that reads as data arrives, once by a reader that ' +
    'starts late. TCP is a byte stream: a read returns whatever bytes the kernel holds, so two writes may ' +
    'come back as one chunk, as two, or split elsewhere, depending on timing, Nagle, and the reader. The ' +
    'chunks below are what happened this time; nothing here asserts either outcome. The cure is to frame ' +
    'messages yourself (see `framing`), never to sleep between writes.',
  tcp: true,
  params: Params,
  async run(run, p) {
    const accepted: net.Socket[] = [];
    const { port } = await run.listen({ pauseOnConnect: true }, (s) => accepted.push(s));
    const immediate = await oneRun(run, port, accepted, 1, p.writes, null);
    const late = await oneRun(run, port, accepted, 2, p.writes, p.lateMs);
    return {
      writes: p.writes,
      runs: [
        { reader: text.resultValue.immediate, chunks: immediate, boundariesKept: same(immediate, p.writes) },
        { reader: text.resultValue.late(String(p.lateMs)), chunks: late, boundariesKept: same(late, p.writes) },
      ],
      intact: immediate.join('') === p.writes.join('') && late.join('') === p.writes.join(''),
    };
  },
};

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
