import type net from 'node:net';
import { z } from 'zod';
import type { Experiment } from '../experiment.js';
import { write } from './frame-io.js';

const Params = z
  .object({
    /** Written before end(): more than the peer's receive window, less than both buffers hold. */
    bytes: z.number().int().min(1).max(8 * 1024 * 1024).default(1024 * 1024),
    holdMs: z.number().int().min(0).max(10_000).default(50),
  })
  .strict();

export const finWait1: Experiment<z.output<typeof Params>> = {
  name: 'fin-wait-1',
  title: 'FIN_WAIT_1 held on purpose: the FIN waits behind data the peer will not read',
  explain:
    'The server stops reading; the client writes more than the server can buffer and calls end(). Linux ' +
    'enters FIN_WAIT_1 at close time (tcp_close_state), but the FIN is queued behind unsent data and the ' +
    'peer advertises a zero window, so nothing moves: the client probes the window (timer ' +
    '"zero-window-probe", tr 4) and stays in FIN_WAIT_1 with its send queue full. When the server reads ' +
    'again, the data and the FIN drain: FIN_WAIT_2 (often too short to see), then TIME_WAIT.',
  tcp: true,
  params: Params,
  async run(run, p) {
    const accepted: net.Socket[] = [];
    const { port } = await run.listen({ allowHalfOpen: true, pauseOnConnect: true }, (s) => accepted.push(s));
    const client = await run.connect('client', 'server', port);
    await run.waitState('server', 'ESTABLISHED');
    const server = accepted[0]!;
    await write(run, client, Buffer.alloc(p.bytes, 0x61));
    run.end(client);
    await run.waitState('client', 'FIN_WAIT_1');
    await run.delay(p.holdMs);
    const o = run.observer!;
    const c = o.freshEntry('client');
    const s = o.freshEntry('server');
    let received = 0;
    server.on('data', (d: Buffer) => (received += d.length));
    const ended = run.once(server, 'end');
    server.resume();
    await ended;
    run.end(server);
    await run.waitState('client', 'TIME_WAIT');
    await run.waitState('server', 'CLOSED');
    return {
      written: p.bytes,
      held: { state: c?.state ?? null, sendQueue: c?.txQueue ?? null, timer: c?.timer ?? null, peerReceiveQueue: s?.rxQueue ?? null },
      receivedAfterResume: received,
    };
  },
};
