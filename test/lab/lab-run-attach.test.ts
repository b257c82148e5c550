import { describe, expect, it } from 'vitest';
import net from 'node:net';
import { LabRun } from '../../src/lab/lab-run.js';
import type { Observer } from '../../src/lab/observer.js';

// LabRun.connect waits, after Node's 'connect', for a poll of the kernel's table (Poller.sync) so that
// both ends are on record. Whatever the peer does during that wait must reach the caller's listeners:
// a server that aborts the connection at once (SO_LINGER 0 then close, RFC 9293's ABORT: a RST) makes the
// client's socket emit 'error' ECONNRESET and 'close' then, not later. Here the wait is a stand-in
// observer whose sync() resets the server's end and returns only once LabRun has itself recorded the
// client's ECONNRESET: the reset falls inside the wait every time, not by luck of timing.
describe('LabRun.connect: listeners put on through attach hear what happens while it waits for its poll', () => {
  it('a reset during the wait reaches the attach listeners', async () => {
    let serverEnd: net.Socket | undefined;
    const server = net.createServer((c) => (serverEnd = c));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as net.AddressInfo).port;
    const controller = new AbortController();
    const bound = setTimeout(() => controller.abort(new Error('no reset within 5 s')), 5000);
    let lab: LabRun | undefined;
    const turns = async (until: () => boolean): Promise<void> => {
      while (!until() && !controller.signal.aborted) await new Promise((r) => setImmediate(r));
    };
    const observer = {
      name: () => undefined,
      watchListener: () => undefined,
      sync: async () => {
        await turns(() => serverEnd !== undefined);
        serverEnd!.resetAndDestroy();
        await turns(() => lab!.nodeEvents.some((e) => e.socket === 'client' && e.event === 'error ECONNRESET'));
      },
    } as unknown as Observer;
    lab = new LabRun({ signal: controller.signal, t0: performance.now(), observer, host: '127.0.0.1' });
    const heard: string[] = [];
    try {
      const socket = await lab.connect('client', 'server', port, {
        attach: (s) => {
          s.on('error', (e: NodeJS.ErrnoException) => heard.push(`error ${e.code}`));
          s.on('close', () => heard.push('close'));
        },
      });
      await turns(() => socket.destroyed && heard.includes('close'));
      expect(controller.signal.aborted, 'the stand-in poll saw the reset').toBe(false);
      expect(heard).toEqual(['error ECONNRESET', 'close']);
    } finally {
      clearTimeout(bound);
      await lab.cleanup();
      await new Promise((r) => server.close(r));
    }
  });
});
