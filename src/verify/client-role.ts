/**
 * `netkata verify` for a client program (a probe with `role: client`, the built-in `client-close`):
 * netkata listens on 127.0.0.1 (an ephemeral port, given to the program as `{port}` and PORT), accepts
 * the program's connection, reads and sends as the probe says, and checks the kernel states of the
 * program's end of the connection: the socket whose local port is the one the client connected from.
 *
 * The states are read with the Watcher of `netkata watch` (every table read on a 2 ms timer, sockets
 * whose local or remote port is ours), and each sequence of the program's sockets is checked against
 * the endpoint machine (linux profile), with states passed between two reads inferred, as the server
 * probes are. A TIME_WAIT socket has no inode (the kernel's timewait sock): the program's end is known
 * by its address pair, not by its descriptors.
 */
import net from 'node:net';
import { InputError, reason } from '../errors.js';
import { checkConformance, type PathStep } from '../lab/conformance.js';
import type { ActionRecord } from '../lab/lab-run.js';
import { monotonicMs, tupleKey } from '../lab/observer.js';
import { requireProcNet } from '../lab/procnet.js';
import { verbOf, type VerifyProbe } from '../scenario/verify.js';
import { Watcher } from '../watch/watch.js';
import { Program } from './program.js';
import { firstMissing, loopbackConformance, payloadOf, probeReport, type VerifyCheck, type VerifyOptions, type VerifyReport } from './run.js';

interface Conn {
  readonly socket: net.Socket;
  /** The program's end, `127.0.0.1:<its port> 127.0.0.1:<ours>`: its socket's key in the tables. */
  readonly key: string;
  data: Buffer;
  eof: boolean;
  closed: boolean;
}

export async function verifyClientProgram(probe: VerifyProbe, options: VerifyOptions, command: string[] | null): Promise<VerifyReport> {
  requireProcNet();
  if (command === null) throw new InputError(reason('clientRoleNeedsCommand'), probe.name);
  const timeoutMs = options.timeoutMs ?? probe.timeout;
  const t0 = monotonicMs();
  const pending: net.Socket[] = [];
  // allowHalfOpen: our end stays open after the program's FIN, so which side closes first is the program's choice.
  const server = net.createServer({ allowHalfOpen: true }, (s) => {
    s.on('error', () => {});
    pending.push(s);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, resolve);
  });
  const port = (server.address() as net.AddressInfo).port;
  const watcher = new Watcher({ port, families: [4] });
  const read = (): void => {
    const at = Math.round((monotonicMs() - t0) * 1000) / 1000;
    watcher.read(at);
  };
  read();
  const poll = setInterval(read, 2);
  const abort = new AbortController();
  const onOuter = (): void => abort.abort();
  options.signal?.addEventListener('abort', onOuter, { once: true });
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const conns = new Map<string, Conn>();
  const program = await Program.start(command, port);
  let programExit: VerifyReport['programExit'] = null;
  // A client ends when it is done: its exit is reported, not a fault.
  void program.exited.then((e) => (programExit = { ...e, at: Math.round(monotonicMs() - t0) }));
  const waitUntil = (cond: () => boolean, ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      if (cond()) return resolve(true);
      const done = (): void => {
        clearTimeout(t);
        clearInterval(again);
        abort.signal.removeEventListener('abort', done);
        resolve(cond());
      };
      const t = setTimeout(done, ms);
      // Checked on a timer, as often as the tables are read: socket events and table reads alike.
      const again = setInterval(() => cond() && done(), 2);
      abort.signal.addEventListener('abort', done, { once: true });
    });
  /**
   * The program's sockets (the ends of the connections it made to us: their remote port is ours) as
   * paths of the endpoint machine. Its calls are not seen, so each may have connected and closed once at
   * any time; on loopback no retransmission runs out and keepalive is answered (loopbackConformance).
   */
  const machine = (): ReturnType<typeof checkConformance> => {
    const observations = watcher.observations().filter((o) => o.remote === `127.0.0.1:${port}`);
    const actions: ActionRecord[] = [...new Set(observations.map((o) => o.socket))].flatMap((socket) => [
      { at: Number.NEGATIVE_INFINITY, socket, action: 'connect' as const },
      { at: Number.NEGATIVE_INFINITY, socket, action: 'destroy' as const },
    ]);
    return checkConformance(observations, actions, loopbackConformance());
  };
  try {
    const checks: VerifyCheck[] = [];
    const pathOf = (key: string): PathStep[] => machine().paths[key] ?? [];
    const pick = (name: string): Conn => {
      const c = conns.get(name);
      if (!c) throw new InputError(reason('clientNotAccepted', name), probe.name);
      return c;
    };
    for (const [i, step] of probe.steps.entries()) {
      if (abort.signal.aborted) break;
      const nameOf = (given: string | undefined): string => given ?? `${verbOf(step)}-${i + 1}`;
      if ('accept-client' in step) {
        const a = step['accept-client'];
        const started = monotonicMs();
        await waitUntil(() => pending.length > 0 || program.exit !== undefined, a.within);
        const s = pending.shift();
        const ms = Math.round(monotonicMs() - started);
        checks.push({ name: nameOf(a.name), step: i, ok: s !== undefined, detail: { kind: 'accept-client', client: a.client, ms, within: a.within, ...(s ? {} : { why: program.exit ? 'exited' : 'timeout' }) }, sockets: [] });
        if (!s) break; // nothing to read from or close
        const c: Conn = { socket: s, key: tupleKey(`127.0.0.1:${s.remotePort}`, `127.0.0.1:${port}`), data: Buffer.alloc(0), eof: false, closed: false };
        s.on('data', (d: Buffer) => (c.data = Buffer.concat([c.data, d])));
        s.on('end', () => (c.eof = true));
        s.on('close', () => (c.closed = true));
        conns.set(a.client, c);
        continue;
      }
      if ('send' in step) {
        const c = pick(step.send.client);
        c.socket.write(payloadOf(step.send, step.send.client).bytes);
        continue;
      }
      if ('read' in step) {
        const r = step.read;
        if (r.frames !== undefined) throw new InputError(reason('clientRoleReads'), probe.name);
        const c = pick(r.client);
        const started = monotonicMs();
        const want = r.text !== undefined || r.hex !== undefined ? payloadOf(r, r.client) : undefined;
        const n = want?.bytes.length ?? 0;
        let why: 'mismatch' | 'timeout' | 'closed' | 'program-no-eof' | undefined;
        let got = '';
        if (want) {
          await waitUntil(() => c.data.length >= n || !c.data.subarray(0, n).equals(want.bytes.subarray(0, Math.min(n, c.data.length))) || c.eof || c.closed, r.within);
          const part = c.data.subarray(0, n);
          got = want.show(part);
          c.data = c.data.subarray(part.length);
          if (!part.equals(want.bytes)) why = part.equals(want.bytes.subarray(0, part.length)) ? (c.eof || c.closed ? 'closed' : 'timeout') : 'mismatch';
        }
        if (why === undefined && r.eof) {
          const left = r.within - (monotonicMs() - started);
          if (!(await waitUntil(() => c.eof || c.closed, Math.max(0, left)))) why = 'program-no-eof';
          got = `${got}${got ? ' + ' : ''}${c.eof ? 'EOF' : 'no EOF'}`;
        }
        const expected = want ? `${want.label}${r.eof ? ' + EOF' : ''}` : 'EOF';
        checks.push({ name: nameOf(r.name), step: i, ok: why === undefined, detail: { kind: 'reply', client: r.client, expected, got, ms: Math.round(monotonicMs() - started), within: r.within, ...(why ? { why } : {}) }, sockets: [{ socket: r.client, path: pathOf(c.key) }] });
        continue;
      }
      if ('shutdown' in step) {
        pick(step.shutdown).socket.end();
        continue;
      }
      if ('close' in step) {
        const c = pick(step.close);
        c.socket.end();
        c.socket.destroy();
        continue;
      }
      if ('pause' in step) {
        await waitUntil(() => false, step.pause);
        continue;
      }
      if ('client-states' in step) {
        const st = step['client-states'];
        const c = pick(st.client);
        const missing = (): ReturnType<typeof firstMissing> => firstMissing(pathOf(c.key), st.path);
        // A socket the kernel freed (seen gone) has no states to come: the answer is known then.
        const gone = (): boolean => pathOf(c.key).at(-1)?.state === 'CLOSED' && pathOf(c.key).length > 1;
        await waitUntil(() => missing() === undefined || gone(), st.within);
        const left = missing();
        checks.push({ name: nameOf(st.name), step: i, ok: left === undefined, detail: { kind: 'client-states', client: st.client, expected: st.path, within: st.within, ...(left ? { missing: left } : {}) }, sockets: [{ socket: st.client, path: pathOf(c.key) }] });
      }
    }
    const error: VerifyReport['error'] = abort.signal.aborted ? (options.signal?.aborted ? { kind: 'interrupted', message: 'interrupted' } : { kind: 'timeout', message: `timed out after ${timeoutMs} ms` }) : null;
    clearInterval(poll);
    read();
    const final = machine();
    const named = new Map([...conns].map(([n, c]) => [c.key, n]));
    checks.push({ name: 'conformance', step: null, ok: final.ok, detail: { kind: 'conformance', violations: final.violations }, sockets: [] });
    return probeReport(probe, {
      command, port, host: '127.0.0.1', program, programExit, timeoutMs, t0, checks, error,
      sockets: Object.fromEntries(Object.entries(final.paths).map(([k, p]) => [named.get(k) ?? k, p])),
      observations: watcher.observations().filter((o) => o.remote === `127.0.0.1:${port}`),
    });
  } finally {
    clearTimeout(timer);
    clearInterval(poll);
    options.signal?.removeEventListener('abort', onOuter);
    for (const c of conns.values()) c.socket.destroy();
    for (const s of pending) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await program.stop();
  }
}
