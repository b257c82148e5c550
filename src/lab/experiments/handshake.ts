import type net from 'node:net';
import { z } from 'zod';
import type { Experiment } from '../experiment.js';

export const handshake: Experiment<Record<string, never>> = {
  name: 'handshake',
  title: 'Three-way handshake: SYN, SYN,ACK, ACK',
  explain:
    'connect() sends a SYN (client SYN_SENT), the listener answers SYN,ACK (a request socket in SYN_RECEIVED) ' +
    'and the client ACKs: both ends ESTABLISHED. On loopback the whole exchange runs inside the connect(2) ' +
    'call, in microseconds, so the short states usually fall between two polls of the table; they are ' +
    'optional in the expectations and the conformance check lets the machine fill them in. The listener ' +
    'stays in LISTEN: Linux clones a new socket for each connection, where RFC 9293 describes one TCB that ' +
    'leaves LISTEN.',
  tcp: true,
  params: z.object({}).strict(),
  async run(run) {
    let accepted: net.Socket | undefined;
    const { port } = await run.listen({}, (s) => (accepted = s));
    const client = await run.connect('client', 'server', port);
    await run.waitState('client', 'ESTABLISHED');
    await run.waitState('server', 'ESTABLISHED');
    return {
      listener: `${run.host}:${port}`,
      client: `${client.localAddress}:${client.localPort}`,
      accepted: accepted !== undefined,
    };
  },
};
