import type net from 'node:net';
import { z } from 'zod';
import type { Experiment } from '../experiment.js';

export const rst: Experiment<Record<string, never>> = {
  name: 'rst',
  title: 'Abort with RST: no TIME_WAIT, the peer gets ECONNRESET',
  explain:
    'resetAndDestroy() sets SO_LINGER {on, 0} and closes: the kernel sends RST instead of FIN and frees the ' +
    'socket at once (RFC 9293 ABORT): no FIN_WAIT, no TIME_WAIT. The peer drops its socket on the RST ' +
    '(ESTABLISHED -> CLOSED) and its next read fails with ECONNRESET. Handy, but it throws away unsent data ' +
    'and the protection TIME_WAIT gives against old duplicates.',
  tcp: true,
  params: z.object({}).strict(),
  async run(run) {
    const accepted: net.Socket[] = [];
    const { port } = await run.listen({}, (s) => accepted.push(s));
    const client = await run.connect('client', 'server', port);
    await run.waitState('client', 'ESTABLISHED');
    await run.waitState('server', 'ESTABLISHED');
    const server = accepted[0]!;
    const peerError = new Promise<string>((resolve) => {
      server.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      server.once('close', () => resolve('none'));
    });
    run.resetAndDestroy(client);
    await run.waitState('client', 'CLOSED');
    await run.waitState('server', 'CLOSED');
    const code = await run.guard(peerError);
    return {
      aborted: 'client',
      clientTimeWait: run.observer!.seen('client', 'TIME_WAIT'),
      peerError: code,
    };
  },
};
