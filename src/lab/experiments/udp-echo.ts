import type dgram from 'node:dgram';
import { z } from 'zod';
import type { Experiment } from '../experiment.js';

const Params = z
  .object({
    // 65507 = 65535 - 8 (UDP header) - 20 (IPv4 header): the largest IPv4 UDP payload.
    sizes: z.array(z.number().int().min(0).max(65_507)).min(1).max(50).default([0, 1, 5, 100, 1200, 8000, 60_000]),
  })
  .strict();

export const udpEcho: Experiment<z.output<typeof Params>> = {
  name: 'udp-echo',
  title: 'UDP echo: every datagram arrives whole, or not at all',
  explain:
    'The client sends datagrams of different sizes back to back, the server echoes each to the address it ' +
    'came from. Each recvfrom returns exactly one datagram: boundaries are kept (an empty datagram is a ' +
    'message too), which TCP never promises. There is no connection, so no kernel TCP state to observe; ' +
    'and no delivery guarantee: on a real network a datagram may be lost, duplicated or reordered, and ' +
    'the application must cope (here, a timeout).',
  tcp: false,
  params: Params,
  async run(run, p) {
    const server = await run.udp();
    server.on('message', (msg, rinfo) => server.send(msg, rinfo.port, rinfo.address));
    const client = await run.udp();
    const received: number[] = [];
    const sent = p.sizes.map((n, i) => Buffer.alloc(n, (i + 1) & 0xff));
    const all = new Promise<void>((resolve) =>
      client.on('message', (msg: Buffer) => {
        received.push(msg.length);
        if (received.length === sent.length) resolve();
      }),
    );
    const to = (server.address() as dgram.RemoteInfo).port;
    for (const d of sent) client.send(d, to, run.host);
    await run.guard(all);
    const sortedEq = [...received].sort((a, b) => a - b).join() === [...p.sizes].sort((a, b) => a - b).join();
    return {
      sent: p.sizes,
      received,
      boundariesKept: sortedEq,
      inOrder: received.join() === p.sizes.join(),
    };
  },
};
