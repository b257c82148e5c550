import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type net from 'node:net';
import { z } from 'zod';
import type { Experiment } from '../experiment.js';
import type { LabRun } from '../lab-run.js';
import { encodeFrame } from '../framing.js';
import { FrameReader } from './frame-io.js';
import { lab as text } from '../../i18n/en/lab.js';

const Params = z
  .object({
    size: z.number().int().min(0).max(64 * 1024 * 1024).default(1024 * 1024 + 123),
    name: z.string().regex(/^[\w.-]{1,100}$/).default('sample.bin'),
  })
  .strict();

const MAX_FILE = 256 * 1024 * 1024;
const Header = z
  .object({
    // A name from the network is untrusted: a bare file name, no directories, no `..`.
    name: z.string().regex(/^[\w][\w.-]{0,99}$/),
    size: z.number().int().min(0).max(MAX_FILE),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

/** Receive one file: a framed JSON header, then exactly `size` raw bytes, hashed as they are written. */
async function receive(run: LabRun, s: net.Socket, dir: string): Promise<Record<string, unknown>> {
  const reader = new FrameReader(run, s, 4096, 1);
  const header = Header.safeParse(JSON.parse((await reader.next()).toString('utf8')));
  if (!header.success) return { ok: false, error: text.resultValue.badHeader };
  const { name, size } = header.data;
  s.pause();
  s.removeAllListeners('data');
  const path = join(dir, basename(name));
  const out = createWriteStream(path, { flags: 'wx' });
  const hash = createHash('sha256');
  let got = 0;
  let chunks = 0;
  const take = (b: Buffer): void => {
    if (b.length === 0) return;
    chunks++;
    if (got + b.length > size) throw new Error('more bytes than the header announced');
    got += b.length;
    hash.update(b);
    out.write(b);
  };
  take(reader.rest());
  if (got < size) {
    await run.guard(
      new Promise<void>((resolve, reject) => {
        s.on('data', (b: Buffer) => {
          try {
            take(b);
            if (got === size) resolve();
          } catch (e) {
            reject(e as Error);
          }
        });
        s.once('end', () => (got < size ? reject(new Error(`the sender stopped after ${got} of ${size} bytes`)) : resolve()));
        s.resume();
      }),
    );
  }
  await run.guard(new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve()))));
  const sha256 = hash.digest('hex');
  const onDisk = createHash('sha256').update(readFileSync(path)).digest('hex');
  return { ok: sha256 === header.data.sha256 && onDisk === sha256, name, size: got, sha256, chunks };
}

export const file: Experiment<z.output<typeof Params>> = {
  name: 'file',
  title: 'File transfer: a JSON header (name, size, sha256), then the bytes',
  explain:
    'The sender writes a length-prefixed JSON header with the file name, size and SHA-256, then the raw ' +
    'bytes; the receiver reads exactly `size` bytes (TCP will not say where the file ends), hashes them as ' +
    'it writes, and answers with its own digest. The name is untrusted input: only a bare name is accepted ' +
    "and it is written in the receiver's own directory, never where the sender says. SHA-256, not MD5: MD5 " +
    'collisions can be made on purpose.',
  tcp: true,
  params: Params,
  async run(run, p) {
    const sendDir = mkdtempSync(join(tmpdir(), 'netkata-lab-send-'));
    const recvDir = mkdtempSync(join(tmpdir(), 'netkata-lab-recv-'));
    run.track({ close: () => [sendDir, recvDir].forEach((d) => rmSync(d, { recursive: true, force: true })) });
    const content = randomBytes(p.size);
    writeFileSync(join(sendDir, p.name), content);
    const data = readFileSync(join(sendDir, p.name));
    const sha256 = createHash('sha256').update(data).digest('hex');
    const { port } = await run.listen({}, (s) => {
      void receive(run, s, recvDir)
        .catch((e: Error) => ({ ok: false, error: e.message }))
        .then((verdict) => {
          s.write(encodeFrame(Buffer.from(JSON.stringify(verdict))));
          run.end(s);
        });
    });
    const client = await run.connect('client', 'server', port);
    const reply = new FrameReader(run, client);
    client.write(encodeFrame(Buffer.from(JSON.stringify({ name: p.name, size: data.length, sha256 }))));
    client.write(data);
    const verdict = JSON.parse((await reply.next()).toString('utf8')) as { ok: boolean; sha256?: string; chunks?: number; error?: string };
    run.end(client);
    await run.waitDone('client', 'server');
    return {
      name: p.name,
      size: data.length,
      sha256: { sender: sha256, receiver: verdict.sha256 ?? null },
      verified: verdict.ok === true && verdict.sha256 === sha256,
      receiverChunks: verdict.chunks ?? null,
      ...(verdict.error ? { error: verdict.error } : {}),
    };
  },
};
