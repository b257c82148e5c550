import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import type net from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LabRun } from '../../src/lab/lab-run.js';

// A connection that is over before this process looks at it: the server (another process) accepts and
// aborts it (SO_LINGER 0, close: a RST, RFC 9293's ABORT) while this process is not running, as a loaded
// machine arranges. Node then learns of the handshake and the reset in one turn of its loop, and the socket
// is destroyed before LabRun.startConnect has read its local port. connect must then fail at once with the
// reset, not wait for a 'connect' event that has already gone by (a probe once waited out its whole
// 10 s bound this way). "Not running" is made on purpose: the event loop is held, after Node's connect(2),
// until the server has written that it reset the connection.
describe('LabRun.connect when the connection is reset before Node looks at it', () => {
  let dir: string;
  let server: ChildProcess;
  let port: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netkata-reset-at-once-'));
    const code = `const net = require('node:net'); const fs = require('node:fs'); let n = 0;
      const s = net.createServer((c) => { c.on('close', () => fs.writeFileSync(process.argv[1] + '/reset-' + (++n), '')); c.resetAndDestroy(); });
      s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;
    server = spawn(process.execPath, ['-e', code, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    port = await new Promise<number>((r) => server.stdout!.once('data', (d) => r(Number(String(d)))));
  });
  afterAll(() => {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  /** lab.connect called as described above, with the loop held until the server's `n`th reset. */
  async function connectHeld(lab: LabRun, n: number, opts: Parameters<LabRun['connect']>[3] = {}): Promise<{ pending: Promise<net.Socket> }> {
    // Called from a setImmediate callback (the loop's check phase), as code after any lab.delay() is:
    // the loop's next look at sockets (its poll phase) then comes before startConnect's next setImmediate.
    const { pending } = await new Promise<{ pending: Promise<net.Socket> }>((resolve) =>
      setImmediate(() => {
        resolve({ pending: lab.connect('client', 'server', port, opts) });
        // Node issues connect(2) for an IP literal on the next tick; this tick comes after it.
        process.nextTick(() => {
          const cell = new Int32Array(new SharedArrayBuffer(4));
          const until = performance.now() + 20_000;
          while (!existsSync(join(dir, `reset-${n}`)) && performance.now() < until) Atomics.wait(cell, 0, 0, 5);
        });
      }),
    );
    return { pending };
  }

  it('fails with ECONNRESET at once', { timeout: 60_000 }, async () => {
    const controller = new AbortController();
    const bound = setTimeout(() => controller.abort(new Error('still waiting after 25 s')), 25_000);
    const lab = new LabRun({ signal: controller.signal, t0: performance.now(), observer: undefined, host: '127.0.0.1' });
    try {
      const outcome = await (await connectHeld(lab, 1)).pending.then(
        () => 'connected',
        (e: NodeJS.ErrnoException) => e.code ?? e.message,
      );
      expect(outcome).toBe('ECONNRESET');
    } finally {
      clearTimeout(bound);
      await lab.cleanup();
    }
  });

  // ECONNRESET means the handshake was done: Linux's tcp_reset() reports a RST in SYN_SENT as
  // ECONNREFUSED and one in a synchronized state as ECONNRESET. Asked to (verify does), connect then
  // gives the connection back, closed, to the caller's listeners, as if the reset came just after it.
  it('with resetIsConnection: returns the reset connection, its reset readable from the socket', { timeout: 60_000 }, async () => {
    const controller = new AbortController();
    const bound = setTimeout(() => controller.abort(new Error('still waiting after 25 s')), 25_000);
    const lab = new LabRun({ signal: controller.signal, t0: performance.now(), observer: undefined, host: '127.0.0.1' });
    try {
      let attached: net.Socket | undefined;
      const socket = await (await connectHeld(lab, 2, { resetIsConnection: true, attach: (s) => (attached = s) })).pending;
      expect(attached).toBe(socket);
      expect(socket.destroyed).toBe(true);
      expect((socket.errored as NodeJS.ErrnoException | null)?.code).toBe('ECONNRESET');
    } finally {
      clearTimeout(bound);
      await lab.cleanup();
    }
  });
});
