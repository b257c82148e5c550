import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type net from 'node:net';
import { z } from 'zod';
import type { Experiment } from '../experiment.js';
import { procNetDir } from '../procnet.js';

const Params = z
  .object({
    backlog: z.number().int().min(0).max(8).default(1),
    /** Clients to connect; those beyond the accept queue's room stay in SYN_SENT. */
    clients: z.number().int().min(1).max(16).default(3),
    /** How long to hold the queue full; above ~1 s the kernel's first SYN retransmission shows. */
    holdMs: z.number().int().min(0).max(10_000).default(0),
  })
  .strict();

// The listener lives in its own thread so that its accept loop can be paused while the main thread
// (the clients, the timeout, Ctrl-C, the app's screen) keeps running: blocked in Atomics.wait, that
// thread never returns to libuv, and nothing calls accept(2), exactly like a C server that stops
// accepting. Node itself has no "stop accepting" call. An eval worker so it runs from src and dist.
const LISTENER = String.raw`
const { workerData, parentPort } = require('node:worker_threads');
const net = require('node:net');
const ctl = new Int32Array(workerData.control);
const server = net.createServer((s) => { s.on('error', () => {}); s.resetAndDestroy(); });
server.listen({ host: workerData.host, port: 0, backlog: workerData.backlog }, () => {
  parentPort.postMessage(server.address().port);
  while (Atomics.load(ctl, 0) === 0) Atomics.wait(ctl, 0, 0, 1000);
  server.close();
  process.exit(0);
});
`;

/** TcpExt counters of /proc/net/netstat (names on one line, values on the next). */
function tcpExt(names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  try {
    const lines = readFileSync(join(procNetDir(), 'netstat'), 'latin1').split('\n');
    const i = lines.findIndex((l) => l.startsWith('TcpExt:'));
    const keys = lines[i]!.split(/\s+/);
    const values = lines[i + 1]!.split(/\s+/);
    for (const n of names) out[n] = Number(values[keys.indexOf(n)]);
  } catch {
    // counters are a bonus; the states are the evidence
  }
  return out;
}

export const synSent: Experiment<z.output<typeof Params>> = {
  name: 'syn-sent',
  title: 'SYN_SENT: a client held off by a full accept queue',
  explain:
    'listen(fd, 1) and an accept loop that is paused. On this kernel the accept queue holds backlog + 1 ' +
    'connections (tcp_conn_request drops a SYN when sk_ack_backlog > sk_max_ack_backlog; the listener shows ' +
    'the queue as its rx_queue), so clients 1 and 2 complete the handshake in the kernel (ESTABLISHED, ' +
    'waiting to be accepted) and the third SYN is dropped silently (TcpExt ListenOverflows/ListenDrops ' +
    'count it): no SYN,ACK, no RST, the client stays in SYN_SENT and retransmits its SYN after 1 s, 3 s, ' +
    '7 s ... (tcp_syn_retries). SYN cookies do not help: they replace the SYN queue, not the accept queue. ' +
    'Node cannot pause accepting, so the listener runs in a thread that we block. No root needed.',
  tcp: true,
  params: Params,
  async run(run, p) {
    const control = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(LISTENER, { eval: true, workerData: { control: control.buffer, host: run.host, backlog: p.backlog } });
    run.track({
      close: async () => {
        Atomics.store(control, 0, 1);
        Atomics.notify(control, 0);
        const exited = new Promise((r) => worker.once('exit', r));
        const t = setTimeout(() => void worker.terminate(), 1000);
        await exited;
        clearTimeout(t);
      },
    });
    worker.on('error', () => undefined);
    const port = await run.once<number>(worker, 'message');
    run.act('listener', 'listen');
    run.watchListener(port);
    const before = tcpExt(['ListenOverflows', 'ListenDrops']);
    const clients: net.Socket[] = [];
    const room = p.backlog + 1;
    for (let i = 1; i <= p.clients; i++) {
      clients.push(await run.startConnect(`client-${i}`, `server-${i}`, port));
      // In the accept queue before the next SYN comes: on loopback the handshake usually completes inside
      // connect(2), but when softirqs are deferred (ksoftirqd, a loaded machine) a later SYN could find
      // the queue not yet full and the wrong client would be the one held.
      if (i <= room) await run.waitState(`server-${i}`, 'ESTABLISHED');
    }
    const waiting = Array.from({ length: p.clients }, (_, i) => `client-${i + 1}`).slice(room);
    for (const name of waiting) await run.waitState(name, 'SYN_SENT');
    for (let i = 1; i <= Math.min(room, p.clients); i++) await run.waitState(`server-${i}`, 'ESTABLISHED');
    if (p.holdMs > 0) await run.delay(p.holdMs);
    const o = run.observer!;
    const listener = o.freshEntry('listener');
    const held = waiting.map((name) => {
      const e = o.freshEntry(name);
      return { socket: name, state: e?.state ?? 'CLOSED', timer: e?.timer ?? null, synRetransmits: e?.retransmits ?? 0 };
    });
    const after = tcpExt(['ListenOverflows', 'ListenDrops']);
    for (const [i, c] of clients.entries()) if (i >= room) run.destroy(c);
    for (const name of waiting) await run.waitState(name, 'CLOSED');
    return {
      backlog: p.backlog,
      acceptQueue: listener?.rxQueue ?? null,
      established: Math.min(room, p.clients),
      synSent: held,
      listenOverflows: before['ListenOverflows'] !== undefined ? after['ListenOverflows']! - before['ListenOverflows'] : null,
    };
  },
};
