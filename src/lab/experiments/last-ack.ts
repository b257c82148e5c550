import type net from 'node:net';
import { z } from 'zod';
import type { Experiment } from '../experiment.js';
import { write } from './frame-io.js';

const Params = z
  .object({
    bytes: z.number().int().min(1).max(8 * 1024 * 1024).default(1024 * 1024),
    holdMs: z.number().int().min(0).max(10_000).default(50),
  })
  .strict();

export const lastAck: Experiment<z.output<typeof Params>> = {
  name: 'last-ack',
  title: 'LAST_ACK held on purpose: the passive closer waits for the last ACK',
  explain:
    'The client closes first (FIN_WAIT_2) and stops reading; the server, in CLOSE_WAIT, writes more than the ' +
    'client will buffer and calls end(): LAST_ACK, its FIN stuck behind data against a zero window. Node has ' +
    "already released the server socket (its 'close' fired) while the kernel still holds LAST_ACK: a Node " +
    'event is not a kernel state. When the client reads again, data and FIN arrive, the client ACKs: the ' +
    'server socket is freed (CLOSED) and the client holds TIME_WAIT.',
  tcp: true,
  params: Params,
  async run(run, p) {
    const accepted: net.Socket[] = [];
    const { port } = await run.listen({ allowHalfOpen: true }, (s, name) => {
      accepted.push(s);
      s.on('close', () => run.nodeEvent(name, "'close'"));
    });
    const client = await run.connect('client', 'server', port, { allowHalfOpen: true });
    await run.waitState('server', 'ESTABLISHED');
    const server = accepted[0]!;
    client.pause();
    run.end(client);
    await run.waitState('client', 'FIN_WAIT_2');
    await run.waitState('server', 'CLOSE_WAIT');
    await write(run, server, Buffer.alloc(p.bytes, 0x62));
    run.end(server);
    await run.waitState('server', 'LAST_ACK');
    await run.delay(p.holdMs);
    const o = run.observer!;
    const s = o.freshEntry('server');
    const c = o.freshEntry('client');
    let received = 0;
    client.on('data', (d: Buffer) => (received += d.length));
    client.resume();
    await run.waitState('client', 'TIME_WAIT');
    await run.waitState('server', 'CLOSED');
    return {
      written: p.bytes,
      held: { state: s?.state ?? null, sendQueue: s?.txQueue ?? null, timer: s?.timer ?? null, inode: s?.inode ?? null, peerReceiveQueue: c?.rxQueue ?? null },
      receivedAfterResume: received,
    };
  },
};
