import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { EnvironmentError, reason } from '../../errors.js';
import type { Experiment } from '../experiment.js';
import type { LabRun } from '../lab-run.js';
import { monotonicMs } from '../poller.js';

const Params = z
  .object({
    clients: z.number().int().min(2).max(20).default(3),
    /** How long each server works on one request before it answers, ms. */
    holdMs: z.number().int().min(50).max(2000).default(300),
  })
  .strict();

export const MODELS = ['blocking', 'nonblocking', 'multiplexed'] as const;
export type Model = (typeof MODELS)[number];

/**
 * The seeds' three servers, in Python as the tutorials write them (the lesson is about the system calls,
 * and Node has no blocking accept(2)): each binds the lab's loopback address on an ephemeral port, serves
 * `n` clients (read a request, work `hold` seconds, answer it upper-cased, read to the client's FIN,
 * close) and reports, as JSON lines on stdout, each accept and answer on CLOCK_MONOTONIC (Python's
 * time.monotonic(), the clock Node's process.hrtime reads) and, at the end, its CPU time while serving.
 * - blocking: accept() and recv() block; one client at a time, the next ones wait in the accept queue.
 * - nonblocking: setblocking(False) and a loop that tries everything again and again (EAGAIN is
 *   BlockingIOError): every client at once, and a core spent polling.
 * - multiplexed: one selectors loop (epoll) that sleeps until a socket is ready or a deadline is due.
 */
const SERVER = String.raw`
import json, resource, selectors, socket, sys, time
model, host, hold, n = sys.argv[1], sys.argv[2], int(sys.argv[3]) / 1000, int(sys.argv[4])
ls = socket.socket(socket.AF_INET6 if ':' in host else socket.AF_INET, socket.SOCK_STREAM)
ls.bind((host, 0))
ls.listen(64)
def out(**k):
    sys.stdout.write(json.dumps(k) + '\n')
    sys.stdout.flush()
now = lambda: time.monotonic() * 1000
out(event='listening', port=ls.getsockname()[1], at=now())
sys.stdin.readline()  # 'go': the three servers start together, each serves when its turn comes
served, start = 0, None
def sched():
    # (on a CPU, waiting in the run queue) ns: Linux's /proc/self/schedstat; None without it
    try:
        with open('/proc/self/schedstat') as f: return [int(x) for x in f.read().split()[:2]]
    except (OSError, ValueError): return None
def begin():
    global start
    if start is None: start = (time.process_time(), time.monotonic(), sched(), resource.getrusage(resource.RUSAGE_SELF).ru_nvcsw)
def accepted(c):
    begin()
    out(event='accept', port=c.getpeername()[1], at=now())
if model == 'blocking':
    while served < n:
        c, _ = ls.accept()
        accepted(c)
        data = c.recv(1024)
        time.sleep(hold)
        c.sendall(data.upper())
        out(event='reply', port=c.getpeername()[1], at=now())
        while c.recv(1024): pass
        out(event='close', port=c.getpeername()[1], at=now())
        c.close()
        served += 1
else:
    conns = {}
    ls.setblocking(False)
    sel = None
    if model == 'multiplexed':
        sel = selectors.DefaultSelector()
        sel.register(ls, selectors.EVENT_READ)
    while served < n:
        if sel is not None:
            due = [s['due'] for s in conns.values() if s['due'] is not None and not s['sent']]
            ready = [k.fileobj for k, _ in sel.select(max(0, min(due) - time.monotonic()) if due else None)]
        else:
            ready = [ls, *conns]
        for f in ready:
            if f is ls:
                try:
                    c, _ = ls.accept()
                except BlockingIOError:
                    continue
                c.setblocking(False)
                conns[c] = {'data': b'', 'due': None, 'sent': False, 'port': c.getpeername()[1]}
                if sel is not None: sel.register(c, selectors.EVENT_READ)
                accepted(c)
                continue
            s = conns[f]
            try:
                d = f.recv(1024)
            except BlockingIOError:
                continue
            if d == b'':
                if sel is not None: sel.unregister(f)
                out(event='close', port=s['port'], at=now())
                f.close()
                del conns[f]
                served += 1
            elif s['due'] is None:
                s['data'], s['due'] = d, time.monotonic() + hold
        for c, s in conns.items():
            if s['due'] is not None and not s['sent'] and time.monotonic() >= s['due']:
                c.sendall(s['data'].upper())
                s['sent'] = True
                out(event='reply', port=s['port'], at=now())
end = sched()
out(event='done', cpuMs=(time.process_time() - start[0]) * 1000, wallMs=(time.monotonic() - start[1]) * 1000,
    runnableMs=None if end is None or start[2] is None else (end[0] + end[1] - start[2][0] - start[2][1]) / 1e6,
    sleeps=resource.getrusage(resource.RUSAGE_SELF).ru_nvcsw - start[3])
`;

interface ServerEvent {
  readonly event: 'listening' | 'accept' | 'reply' | 'close' | 'done';
  readonly port?: number;
  readonly at?: number;
  readonly cpuMs?: number;
  readonly wallMs?: number;
  readonly runnableMs?: number | null;
  readonly sleeps?: number;
}

/** A Python server of one model: `next(event)` resolves with its next such event, in order. */
function startServer(run: LabRun, model: Model, holdMs: number, clients: number): { next: (event: ServerEvent['event']) => Promise<ServerEvent>; events: ServerEvent[]; go: () => void } {
  // -I -S: no site-packages, no environment: only the standard library, started quickly.
  const child: ChildProcess = spawn('python3', ['-I', '-S', '-c', SERVER, model, run.host, String(holdMs), String(clients)], { stdio: ['pipe', 'pipe', 'pipe'] });
  run.track({ close: () => void child.kill('SIGKILL') });
  const events: ServerEvent[] = [];
  const taken = new Set<ServerEvent>();
  const waiting: { event: string; resolve: (e: ServerEvent) => void; reject: (e: Error) => void }[] = [];
  let stderr = '';
  let failure: Error | undefined;
  const fail = (e: Error): void => {
    failure ??= e;
    for (const w of waiting.splice(0)) w.reject(e);
  };
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  child.on('error', (e: NodeJS.ErrnoException) => fail(e.code === 'ENOENT' ? new EnvironmentError(reason('envPython')) : e));
  child.on('exit', (code) => {
    if (code !== 0) fail(new Error(`the ${model} server (python3) exited ${code ?? 'on a signal'}: ${stderr.trim().split('\n').pop() ?? ''}`));
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const e = JSON.parse(line) as ServerEvent;
    events.push(e);
    const i = waiting.findIndex((w) => w.event === e.event);
    if (i >= 0) {
      taken.add(e);
      waiting.splice(i, 1)[0]!.resolve(e);
    }
  });
  const next = (event: ServerEvent['event']): Promise<ServerEvent> => {
    const seen = events.find((e) => e.event === event && !taken.has(e));
    if (seen) {
      taken.add(seen);
      return Promise.resolve(seen);
    }
    if (failure) return Promise.reject(failure);
    return run.guard(new Promise<ServerEvent>((resolve, reject) => void waiting.push({ event, resolve, reject })));
  };
  return { next, events, go: () => void child.stdin!.end('go\n') };
}

interface ClientTimes {
  readonly name: string;
  readonly port: number;
  /** Run clock, ms: Node's connect call, the kernel's first ESTABLISHED seen, the server's accept, the answer. */
  readonly connectAt: number;
  readonly establishedAt: number | undefined;
  readonly acceptAt: number;
  readonly answerAt: number;
  readonly answer: string;
}

/** Socket names: `block-client-1`, `nonblock-server-2`, `mux-listener` (short enough for 80 columns). */
const PREFIX: Readonly<Record<Model, string>> = { blocking: 'block', nonblocking: 'nonblock', multiplexed: 'mux' };

async function runModel(run: LabRun, model: Model, p: z.output<typeof Params>, server: ReturnType<typeof startServer>, port: number) {
  const name = PREFIX[model];
  server.go();
  // The server's times are CLOCK_MONOTONIC ms, as monotonicMs(); the run's clock starts at t0.
  const t0 = monotonicMs() - run.now();
  // Every client connects first (the kernel completes each handshake whether or not the server has
  // called accept()), then the listener's accept queue is read from the kernel (rx_queue of a LISTEN
  // socket), then each sends its request.
  const connected = await Promise.all(Array.from({ length: p.clients }, async (_, k) => {
    const i = k + 1;
    const connectAt = run.now();
    const s = await run.connect(`${name}-client-${i}`, `${name}-server-${i}`, port);
    return { i, s, connectAt, localPort: s.localPort! }; // (Node forgets the port once the socket is closed)
  }));
  const acceptQueue = run.observer?.freshEntry(`${name}-listener`)?.rxQueue ?? null;
  const clients = await Promise.all(connected.map(async ({ i, s, connectAt, localPort }) => {
    const answer = new Promise<string>((resolve) => s.once('data', (d: Buffer) => resolve(d.toString('utf8'))));
    s.write(`request ${i}`);
    const text = await run.guard(answer);
    const answerAt = run.now();
    run.end(s);
    await run.waitDone(`${name}-client-${i}`);
    return { i, name: `${name}-client-${i}`, localPort, connectAt, answerAt, answer: text };
  }));
  const done = await server.next('done');
  // The server's close(2) of each connection, at the moment Python made the call: the conformance check
  // needs the application's CLOSE before CLOSE_WAIT -> LAST_ACK.
  for (const e of server.events.filter((x) => x.event === 'close')) {
    const c = clients.find((x) => x.localPort === e.port);
    if (c) run.actions.push({ at: e.at! - t0, socket: `${name}-server-${c.i}`, action: 'destroy' });
  }
  run.actions.sort((a, b) => a.at - b.at);
  const accepts = new Map(server.events.filter((e) => e.event === 'accept').map((e) => [e.port!, e.at! - t0]));
  const observations = run.observer?.observations() ?? [];
  const times: ClientTimes[] = clients.map((c) => ({
    name: c.name,
    port: c.localPort,
    connectAt: c.connectAt,
    establishedAt: observations.find((o) => o.socket === c.name && o.state === 'ESTABLISHED')?.at,
    acceptAt: accepts.get(c.localPort) ?? Number.NaN,
    answerAt: c.answerAt,
    answer: c.answer,
  }));
  return { times, acceptQueue, cpuMs: done.cpuMs!, wallMs: done.wallMs!, runnableMs: done.runnableMs ?? null, sleeps: done.sleeps! };
}

const round = (ms: number): number => Math.round(ms);

/**
 * The busy loop wants a CPU all the time it serves and the others almost never. On a loaded machine the
 * busy loop gets only its share of a core (48 ms in 350 ms beside six spinning processes here, 249 ms
 * alone) while the calm two stay at 1-2 ms, so CPU time alone is a ratio that a burst of load can spoil
 * (a closing loop of npm test runs once saw it fail). Where the kernel keeps schedstat, the time it was
 * runnable (on a CPU or waiting for one) is the load-proof measure: the whole serving time for a loop
 * that never waits in a call. Without schedstat, CPU time against the calm ones' (at least 2 ms).
 */
function burnsCpu(spinner: { cpuMs: number; wallMs: number; runnableMs: number | null; sleeps: number }, calmCpuMs: number): boolean {
  if (spinner.runnableMs !== null) return spinner.runnableMs >= 0.8 * spinner.wallMs && spinner.cpuMs > calmCpuMs;
  return spinner.cpuMs > 5 * Math.max(calmCpuMs, 2);
}

export const ioModels: Experiment<z.output<typeof Params>> = {
  name: 'io-models',
  title: 'Blocking, non-blocking and multiplexed servers',
  explain:
    "The tutorials' three servers, each in Python as they write it, each serving the same clients that " +
    'connect at once and whose requests take holdMs of work. The blocking server accept()s one client and ' +
    'serves it to the end before the next: the kernel has already done the next clients\' handshakes ' +
    '(ESTABLISHED before accept(), waiting in the listener\'s accept queue), so their waits add up. The ' +
    'non-blocking server never waits in a call: it loops over accept() and recv() getting EAGAIN, serves ' +
    'everyone at once and spends a core doing it: it is runnable the whole time (runnableMs, which load ' +
    'cannot shrink as it shrinks cpuMs) and never sleeps (sleeps: its voluntary context switches, 0). The multiplexed server asks epoll ' +
    '(selectors) which sockets are ready and sleeps otherwise: everyone at once, almost no CPU.',
  tcp: true,
  // Three Python interpreters start, then three rounds of requests: more than the lab's default 10 s on
  // a loaded machine.
  timeoutMs: 30_000,
  params: Params,
  async run(run, p) {
    const models: Record<string, unknown> = {};
    const runs = {} as Record<Model, Awaited<ReturnType<typeof runModel>>>;
    // The three Python servers start together (an interpreter's start is the slow part), and each serves
    // only when told to go, so the busy loop burns no CPU during the others' turns.
    const servers = MODELS.map((m) => startServer(run, m, p.holdMs, p.clients));
    const listening = await Promise.all(servers.map((s) => s.next('listening')));
    const t0 = monotonicMs() - run.now();
    MODELS.forEach((m, k) => {
      run.actions.push({ at: listening[k]!.at! - t0, socket: `${PREFIX[m]}-listener`, action: 'listen' });
      run.watchListener(listening[k]!.port!, `${PREFIX[m]}-listener`);
    });
    for (const [k, m] of MODELS.entries()) runs[m] = await runModel(run, m, p, servers[k]!, listening[k]!.port!);
    // Each server exits after its last client, closing its listener: wait until the kernel's table no
    // longer has any of them, or the last one's LISTEN -> CLOSED can be missed when the run ends first (a
    // loaded npm test run saw only LISTEN for mux-listener).
    await run.waitDone(...MODELS.map((m) => `${PREFIX[m]}-listener`));
    for (const m of MODELS) {
      const r = runs[m];
      const order = [...r.times].sort((a, b) => a.acceptAt - b.acceptAt);
      models[m] = {
        // Connections waiting in the listener's accept queue once every client had connected (kernel).
        acceptQueue: r.acceptQueue,
        waitsMs: order.map((t) => round(t.answerAt - t.connectAt)),
        // Clients the kernel had in ESTABLISHED before the server accept()ed them by more than half a request.
        establishedBeforeAccept: r.times.filter((t) => t.establishedAt !== undefined && t.acceptAt - t.establishedAt > p.holdMs / 2).length,
        cpuMs: round(r.cpuMs),
        wallMs: round(r.wallMs),
        // On a CPU or waiting in the run queue for one (Linux's schedstat): the time the server wanted a
        // CPU, which the machine's load cannot shrink as it shrinks cpuMs; null where the kernel keeps none.
        runnableMs: r.runnableMs === null ? null : round(r.runnableMs),
        // Voluntary context switches (getrusage): the times the server waited in a call.
        sleeps: r.sleeps,
      };
    }
    const b = runs.blocking.times;
    const sorted = [...b].sort((x, y) => x.acceptAt - y.acceptAt);
    // One at a time: each blocking accept comes after the previous client's answer.
    const oneAtATime = sorted.every((t, i) => i === 0 || t.acceptAt >= sorted[i - 1]!.answerAt);
    // All at once: every client of the other two accepted before the first answer.
    const together = (['nonblocking', 'multiplexed'] as const).every((m) => {
      const ts = runs[m].times;
      return Math.max(...ts.map((t) => t.acceptAt)) < Math.min(...ts.map((t) => t.answerAt));
    });
    const answered = MODELS.every((m) => runs[m].times.every((t) => t.answer === t.answer.toUpperCase() && t.answer.startsWith('REQUEST ')));
    const calm = Math.max(runs.blocking.cpuMs, runs.multiplexed.cpuMs);
    return {
      clients: p.clients,
      holdMs: p.holdMs,
      ...models,
      allAnswered: answered,
      blockingOneAtATime: oneAtATime,
      blockingQueuedInKernel: (models['blocking'] as { establishedBeforeAccept: number }).establishedBeforeAccept >= p.clients - 1,
      othersServeTogether: together,
      busyLoopBurnsCpu: burnsCpu(runs.nonblocking, calm),
    };
  },
};
