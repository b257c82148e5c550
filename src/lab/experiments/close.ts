import type net from 'node:net';
import { z } from 'zod';
import type { Experiment } from '../experiment.js';
import { lab as text } from '../../i18n/en/lab.js';

export const close: Experiment<Record<string, never>> = {
  name: 'close',
  title: 'Four-way close: FIN, ACK, FIN, ACK',
  explain:
    'The client calls end() (shutdown: FIN): it goes FIN_WAIT_1, and FIN_WAIT_2 once the FIN is ACKed; the ' +
    'server, told by the FIN, is in CLOSE_WAIT until its application closes too. The experiment waits to see ' +
    'both, then the server calls end(): LAST_ACK until the client ACKs, then the server socket is gone ' +
    '(CLOSED) and the client, the active closer, holds TIME_WAIT. The server keeps its half open ' +
    '(allowHalfOpen) so that CLOSE_WAIT lasts until we decide.',
  tcp: true,
  params: z.object({}).strict(),
  async run(run) {
    const accepted: net.Socket[] = [];
    const { port } = await run.listen({ allowHalfOpen: true }, (s, name) => {
      accepted.push(s);
      s.on('end', () => run.nodeEvent(name, text.resultValue.finReceived));
    });
    const client = await run.connect('client', 'server', port);
    client.on('close', () => run.nodeEvent('client', "'close'"));
    await run.waitState('server', 'ESTABLISHED');
    run.end(client);
    await run.waitState('client', 'FIN_WAIT_2');
    await run.waitState('server', 'CLOSE_WAIT');
    run.end(accepted[0]!);
    await run.waitState('client', 'TIME_WAIT');
    await run.waitState('server', 'CLOSED');
    return { activeCloser: 'client', passiveCloser: 'server' };
  },
};
