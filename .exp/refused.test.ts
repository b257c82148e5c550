import { it, expect } from 'vitest';
import net from 'node:net';
import { LabRun } from '../src/lab/lab-run.js';
it('refused', async () => {
  const srv = net.createServer(); await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port; await new Promise((r) => srv.close(r));
  const ac = new AbortController(); setTimeout(() => ac.abort(new Error('timed out')), 3000);
  const lab = new LabRun({ signal: ac.signal, t0: performance.now(), observer: undefined, host: '127.0.0.1' });
  const t = performance.now();
  const e = await lab.connect('c', 's', port).then(() => 'ok', (e: Error) => (e as NodeJS.ErrnoException).code ?? e.message);
  console.log(e, performance.now() - t);
  await lab.cleanup();
});
