/**
 * Reading the kernel's socket tables whole. The kernel hands /proc/net/tcp out a page of whole lines at a
 * time (4096 bytes: 27 lines of tcp's 150), so a table of a few hundred sockets takes many read(2)s; the
 * readers stop at the first read short of a page (src/lab/procnet.ts LAST_TABLE_READ) instead of asking
 * again for the 0 that means the end, which walked the socket hash once more. What they must still see:
 * every socket this test opened, each once, whether the table is one page or many. The reference is the
 * test's own sockets (their ports, from the kernel through getsockname), not the reader.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Poller, type PollRows } from '../../src/lab/poller.js';
import { hasProcNet, parseProcNetLine, procNetDir, readProcNet } from '../../src/lab/procnet.js';
import { skipTitle } from '../helpers/skip-title.js';

const N = 150; // 301 sockets on the listener's port: about 11 pages of /proc/net/tcp
const skip = !hasProcNet();
let server: net.Server;
const sockets: net.Socket[] = [];
let port = 0;
let clientPorts: number[] = [];

beforeAll(async () => {
  if (skip) return;
  server = net.createServer((s) => sockets.push(s));
  await new Promise<void>((r) => server.listen({ port: 0, host: '127.0.0.1', backlog: 512 }, r));
  port = (server.address() as net.AddressInfo).port;
  const clients = await Promise.all(Array.from({ length: N }, () => new Promise<net.Socket>((r, j) => {
    const c = net.connect({ port, host: '127.0.0.1' }, () => r(c));
    c.once('error', j);
  })));
  sockets.push(...clients);
  clientPorts = clients.map((c) => c.localPort!).sort((a, b) => a - b);
  // every accept done: the accepted ends are in the table as ESTABLISHED either way
  for (let i = 0; i < 200 && sockets.length < 2 * N; i++) await new Promise((r) => setTimeout(r, 10));
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

/** The listener, N accepted ends (local port = port) and N clients (remote port = port), each once. */
function expectAll(entries: { local: { port: number }; remote: { port: number }; state: string }[]): void {
  const mine = entries.filter((e) => e.local.port === port || e.remote.port === port);
  expect(mine.filter((e) => e.state === 'LISTEN')).toHaveLength(1);
  expect(mine.filter((e) => e.local.port === port && e.state === 'ESTABLISHED').map((e) => e.remote.port).sort((a, b) => a - b)).toEqual(clientPorts);
  expect(mine.filter((e) => e.remote.port === port && e.state === 'ESTABLISHED').map((e) => e.local.port).sort((a, b) => a - b)).toEqual(clientPorts);
  expect(mine).toHaveLength(2 * N + 1);
}

describe.skipIf(skip)(skipTitle('reading /proc/net/tcp whole, page by page', skip, 'no /proc/net/tcp'), () => {
  it(`readProcNet sees all ${2 * N + 1} sockets of a table many pages long`, () => {
    expectAll(readProcNet([4]));
  });

  it('the poll thread sees them all too', async () => {
    const poller = new Poller({ dir: procNetDir(), families: [4], periodMs: 2 });
    try {
      await poller.started();
      const got = await new Promise<PollRows>((resolve) => {
        poller.begin((r) => {
          if (r.rows.length >= 2 * N + 1) resolve(r);
        });
        poller.watch(port);
      });
      expectAll(got.rows.map(([family, line]) => parseProcNetLine(line, family)!));
      await poller.end();
    } finally {
      await poller.close();
    }
  });
});
