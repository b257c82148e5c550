import type net from 'node:net';
import { z } from 'zod';
import type { Experiment } from '../experiment.js';

const Params = z.object({ clients: z.number().int().min(1).max(50).default(5) }).strict();

export const closeWait: Experiment<z.output<typeof Params>> = {
  name: 'close-wait',
  title: 'CLOSE_WAIT piles up when a server never closes',
  explain:
    'Each client closes (FIN); the server application never calls close, so every server socket stays in ' +
    'CLOSE_WAIT, forever: no TCP timer ends CLOSE_WAIT, only the application can. A growing CLOSE_WAIT ' +
    'count is the signature of a server that forgets to close. The clients then close their descriptors ' +
    'too: Linux turns an orphaned FIN_WAIT_2 into a timewait socket (inode 0, timer tr 3) that dies after ' +
    'tcp_fin_timeout (60 s), where RFC 9293 would wait for the FIN forever.',
  tcp: true,
  params: Params,
  async run(run, p) {
    const { port } = await run.listen({ allowHalfOpen: true });
    const clients: net.Socket[] = [];
    for (let i = 1; i <= p.clients; i++) clients.push(await run.connect(`client-${i}`, `server-${i}`, port, { allowHalfOpen: true }));
    for (let i = 1; i <= p.clients; i++) await run.waitState(`server-${i}`, 'ESTABLISHED');
    clients.forEach((c) => run.end(c));
    for (let i = 1; i <= p.clients; i++) {
      await run.waitState(`server-${i}`, 'CLOSE_WAIT');
      await run.waitState(`client-${i}`, 'FIN_WAIT_2');
    }
    clients.forEach((c) => run.destroy(c));
    // close(2) makes each an orphaned FIN_WAIT_2 at once; wait until the poll has recorded that too (a
    // fixed 20 ms was too short for a poll thread on a loaded machine), so the report shows it.
    for (let i = 1; i <= p.clients; i++) await run.waitEntry(`client-${i}`, (e) => e.state === 'FIN_WAIT_2' && e.inode === 0);
    const o = run.observer!;
    const closeWait = Array.from({ length: p.clients }, (_, i) => o.freshEntry(`server-${i + 1}`)).filter((e) => e?.state === 'CLOSE_WAIT');
    const orphans = Array.from({ length: p.clients }, (_, i) => ({ socket: `client-${i + 1}`, e: o.freshEntry(`client-${i + 1}`) }))
      .filter((x) => x.e?.state === 'FIN_WAIT_2')
      .map((x) => ({ socket: x.socket, inode: x.e!.inode, timer: x.e!.timer }));
    return { clients: p.clients, closeWait: closeWait.length, orphanedFinWait2: orphans };
  },
};
