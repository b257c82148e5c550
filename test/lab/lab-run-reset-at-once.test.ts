import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
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

  it('fails with ECONNRESET at once', { timeout: 60_000 }, async () => {
    const controller = new AbortController();
    const bound = setTimeout(() => controller.abort(new Error('still waiting after 25 s')), 25_000);
    const lab = new LabRun({ signal: controller.signal, t0: performance.now(), observer: undefined, host: '127.0.0.1' });
    try {
      // Called from a setImmediate callback (the loop's check phase), as code after any lab.delay() is:
      // the loop's next look at sockets (its poll phase) then comes before startConnect's next setImmediate.
      const { pending } = await new Promise<{ pending: Promise<unknown> }>((resolve) =>
        setImmediate(() => {
          resolve({ pending: lab.connect('client', 'server', port) });
          // Node issues connect(2) for an IP literal on the next tick; this tick comes after it.
          process.nextTick(() => {
            const cell = new Int32Array(new SharedArrayBuffer(4));
            const until = performance.now() + 20_000;
            while (!existsSync(join(dir, 'reset-1')) && performance.now() < until) Atomics.wait(cell, 0, 0, 5);
          });
        }),
      );
      const outcome = await pending.then(
        () => 'connected',
        (e: NodeJS.ErrnoException) => e.code ?? e.message,
      );
      expect(outcome).toBe('ECONNRESET');
    } finally {
      clearTimeout(bound);
      await lab.cleanup();
    }
  });
});
