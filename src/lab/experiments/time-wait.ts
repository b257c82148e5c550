import type net from 'node:net';
import { z } from 'zod';
import type { Experiment } from '../experiment.js';
import { lab as text } from '../../i18n/en/lab.js';

const Params = z
  .object({
    /** Which end closes first (and so holds TIME_WAIT). */
    closer: z.enum(['client', 'server']).default('server'),
    /** How long to watch the kernel's timer count down, ms (never the whole 60 s). */
    watchMs: z.number().int().min(0).max(5000).default(200),
  })
  .strict();

export const timeWait: Experiment<z.output<typeof Params>> = {
  name: 'time-wait',
  title: "TIME_WAIT: the active closer's socket outlives the connection",
  explain:
    'The end that sends the first FIN ends in TIME_WAIT, here the server by default (why busy servers ' +
    'collect TIME_WAIT sockets). It lasts 2*MSL in RFC 9293 so that a retransmitted FIN is still ACKed and ' +
    'old duplicates die out; Linux fixes it at 60 s (TCP_TIMEWAIT_LEN, not tunable) and reports the time ' +
    "left as the socket's timer (tr 3 in /proc/net/tcp), read here twice. Node has fired 'close' long " +
    'before: a Node event is not a kernel state. Nothing waits the 60 s out.',
  tcp: true,
  params: Params,
  async run(run, p) {
    const accepted: net.Socket[] = [];
    const { port } = await run.listen({ allowHalfOpen: true }, (s) => accepted.push(s));
    const client = await run.connect('client', 'server', port, { allowHalfOpen: true });
    await run.waitState('server', 'ESTABLISHED');
    const server = accepted[0]!;
    const [first, second] = p.closer === 'client' ? [client, server] : [server, client];
    const [firstName, secondName] = p.closer === 'client' ? ['client', 'server'] : ['server', 'client'];
    first.on('close', () => run.nodeEvent(firstName, "'close'"));
    run.end(first);
    await run.waitState(secondName, 'CLOSE_WAIT');
    run.end(second);
    await run.waitState(firstName, 'TIME_WAIT');
    await run.waitState(secondName, 'CLOSED');
    const readings: { at: number; remainingMs: number }[] = [];
    const read = (): void => {
      const t = run.observer!.freshEntry(firstName)?.timer;
      if (t) readings.push({ at: run.now(), remainingMs: t.remainingMs });
    };
    read();
    await run.delay(p.watchMs);
    read();
    return {
      timeWait: firstName,
      timerKind: 'timewait',
      readings,
      linuxTimeWaitMs: 60_000,
      note: text.resultValue.timeWaitNote,
    };
  },
};
