/**
 * What an experiment works with: loopback sockets on ephemeral ports that are named, observed and
 * always cleaned up, the application actions it takes (recorded for the conformance check), and an
 * abort signal (timeout or Ctrl-C) that every wait honours.
 */
import dgram from 'node:dgram';
import { setMaxListeners } from 'node:events';
import net from 'node:net';
import { formatSocketAddress, type ProcNetEntry } from './procnet.js';
import { monotonicMs, tupleKey, type Observer } from './observer.js';
import type { LabState } from './states.js';
import { lab as text } from '../i18n/en/lab.js';

/** The application's calls that change a kernel socket's state (CLI.md lab section). */
export type AppAction = 'listen' | 'connect' | 'end' | 'destroy' | 'resetAndDestroy';

export interface ActionRecord {
  readonly at: number;
  readonly socket: string;
  readonly action: AppAction;
}

/** Something Node told us (an event or an error code): kept apart from kernel states on purpose. */
export interface NodeEvent {
  readonly at: number;
  readonly socket: string;
  readonly event: string;
}

export class LabAborted extends Error {
  override readonly name = 'LabAborted';
}

interface Closable {
  close(): unknown;
}

export interface LabRunOptions {
  readonly signal: AbortSignal;
  readonly t0: number;
  readonly observer: Observer | undefined;
  /** 127.0.0.1 or ::1 */
  readonly host: string;
}

export class LabRun {
  readonly actions: ActionRecord[] = [];
  readonly nodeEvents: NodeEvent[] = [];
  /** Each connection's two ends, client first, in the order they were opened. */
  readonly connections: { readonly client: string; readonly server: string }[] = [];
  readonly signal: AbortSignal;
  readonly host: string;
  readonly observer: Observer | undefined;
  private readonly t0: number;
  private readonly resources = new Set<Closable>();
  private readonly names = new Map<string, string>();
  private readonly socketKeys = new WeakMap<net.Socket, string>();

  constructor(o: LabRunOptions) {
    this.signal = o.signal;
    setMaxListeners(0, o.signal); // every pending wait listens for the abort
    this.t0 = o.t0;
    this.observer = o.observer;
    this.host = o.host;
  }

  /** ms since the experiment started. */
  now(): number {
    return Math.round((monotonicMs() - this.t0) * 1000) / 1000;
  }

  act(socket: string, action: AppAction): void {
    this.actions.push({ at: this.now(), socket, action });
  }

  nodeEvent(socket: string, event: string): void {
    this.nodeEvents.push({ at: this.now(), socket, event });
  }

  /** Close it when the run ends, whatever happens. */
  track<T extends Closable>(r: T): T {
    this.resources.add(r);
    return r;
  }

  /** The address a listener on `host` has as remote in the table: 0.0.0.0:0 or [::]:0. */
  get anyAddress(): string {
    return this.host.includes(':') ? '[::]:0' : '0.0.0.0:0';
  }

  /** Name a listener on `port` and have the observer watch it. */
  watchListener(port: number, name = 'listener'): void {
    const local = formatSocketAddress({ address: this.host, port });
    this.names.set(tupleKey(local, this.anyAddress), name);
    this.observer?.name(local, this.anyAddress, name);
    this.observer?.watchListener(port, tupleKey(local, this.anyAddress));
  }

  /** A TCP server on host:0. Accepted sockets get the name their client registered. */
  async listen(
    opts: { name?: string; backlog?: number; allowHalfOpen?: boolean; pauseOnConnect?: boolean } = {},
    onConnection: (socket: net.Socket, name: string) => void = () => undefined,
  ): Promise<{ server: net.Server; port: number }> {
    const name = opts.name ?? 'listener';
    const server = net.createServer({ allowHalfOpen: opts.allowHalfOpen ?? false, pauseOnConnect: opts.pauseOnConnect ?? false });
    this.track({ close: () => server.close() });
    const sockets = new Set<net.Socket>();
    this.track({ close: () => sockets.forEach((s) => destroyHard(s)) });
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      const key = tupleKey(formatSocketAddress({ address: s.localAddress!, port: s.localPort! }), formatSocketAddress({ address: s.remoteAddress!, port: s.remotePort! }));
      this.socketKeys.set(s, key);
      this.watchErrors(s);
      onConnection(s, this.nameOf(s));
    });
    this.act(name, 'listen');
    await this.guard(
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host: this.host, port: 0, ...(opts.backlog !== undefined ? { backlog: opts.backlog } : {}) }, () => resolve());
      }),
    );
    const port = (server.address() as net.AddressInfo).port;
    this.watchListener(port, name);
    return { server, port };
  }

  /**
   * Start connecting `clientName` to host:port; the server's end of this connection is `serverName`.
   * Returns as soon as the kernel has bound the socket (it may still be in SYN_SENT).
   */
  async startConnect(clientName: string, serverName: string, port: number, opts: { allowHalfOpen?: boolean } = {}): Promise<net.Socket> {
    const { s, failed } = await this.beginConnect(clientName, serverName, port, opts);
    if (failed) throw failed;
    return s;
  }

  /** startConnect, with a connect that failed before its port could be read given back with its socket. */
  private async beginConnect(clientName: string, serverName: string, port: number, opts: { allowHalfOpen?: boolean }): Promise<{ s: net.Socket; failed?: Error }> {
    const s = net.connect({ host: this.host, port, allowHalfOpen: opts.allowHalfOpen ?? false });
    this.track({ close: () => destroyHard(s) });
    this.watchErrors(s);
    this.act(clientName, 'connect');
    // For an IP literal Node issues connect(2) on the next tick; the kernel binds the local port then.
    // Node's localPort stays undefined while connecting (SYN_SENT), so ask the handle (getsockname(2)).
    let bound: { address?: string; port?: number } = {};
    for (let i = 0; i < 100 && bound.port === undefined && !s.destroyed; i++) {
      await new Promise((r) => setImmediate(r));
      bound = sockname(s);
    }
    if (bound.port === undefined) {
      // Over before its port could be read (the handshake and a reset taken in one turn of the loop, or
      // a refusal): its 'connect' or 'error' has gone by, and waiting for one would wait out the run.
      if (s.destroyed) return { s, failed: s.errored ?? new Error(`connect to ${this.host} port ${port}: closed at once`) };
      try {
        await this.once(s, 'connect');
      } catch (e) {
        if (this.signal.aborted) throw e;
        return { s, failed: e as Error };
      }
      bound = { address: s.localAddress!, port: s.localPort! };
    }
    const local = formatSocketAddress({ address: bound.address!, port: bound.port! });
    const remote = formatSocketAddress({ address: this.host, port });
    this.socketKeys.set(s, tupleKey(local, remote));
    this.connections.push({ client: clientName, server: serverName });
    this.names.set(tupleKey(local, remote), clientName);
    this.names.set(tupleKey(remote, local), serverName);
    this.observer?.name(local, remote, clientName);
    this.observer?.name(remote, local, serverName);
    return { s };
  }

  /**
   * Connect and wait for Node's 'connect' event, then for a poll begun after it (Poller.sync): both ends
   * are on record at least once, however soon the connection ends. Without it a connection whose whole
   * life fell between two polls left no trace of an end that closes to CLOSED (a passive closer): with a
   * poll every 250 ms, auth's clients were missing from the report; verify's probes lost the server end
   * of a short connection the same way. `attach` puts the caller's listeners on before that wait, so a
   * reset or close that comes meanwhile is heard.
   *
   * `resetIsConnection`: a connect that fails with ECONNRESET returns its (closed) socket instead of
   * throwing. Linux reports a RST that answers the SYN as ECONNREFUSED and one that comes after the
   * handshake as ECONNRESET (tcp_reset: SYN_SENT gives ECONNREFUSED, a synchronized state ECONNRESET), so
   * that connection was made and then reset before Node said it was: the same as a reset heard just after
   * 'connect', whichever Node saw first (a server that aborts each connection at once).
   */
  async connect(
    clientName: string,
    serverName: string,
    port: number,
    opts: { allowHalfOpen?: boolean; attach?: (s: net.Socket) => void; resetIsConnection?: boolean } = {},
  ): Promise<net.Socket> {
    const { s, failed } = await this.beginConnect(clientName, serverName, port, opts);
    let error = failed;
    if (error === undefined && s.connecting) {
      try {
        await this.once(s, 'connect');
      } catch (e) {
        if (this.signal.aborted) throw e;
        error = e as Error;
      }
    }
    if (error !== undefined && !(opts.resetIsConnection === true && (error as NodeJS.ErrnoException).code === 'ECONNRESET')) throw error;
    opts.attach?.(s);
    if (this.observer) await this.guard(this.observer.sync());
    return s;
  }

  /** The name a socket was registered under (the client's, or the one its client gave the server end). */
  nameOf(s: net.Socket): string {
    const key = this.socketKeys.get(s);
    return (key && this.names.get(key)) ?? (key ? `socket ${key}` : 'socket');
  }

  /** shutdown(SHUT_WR) once Node's queued writes are in the kernel: the FIN follows the data. */
  end(s: net.Socket): void {
    this.act(this.nameOf(s), 'end');
    s.end();
  }

  /** close(2): FIN if not sent yet; Linux sends RST instead when received data was left unread. */
  destroy(s: net.Socket): void {
    this.act(this.nameOf(s), 'destroy');
    s.destroy();
  }

  /** SO_LINGER {on, 0} then close(2): RST, no TIME_WAIT (RFC 9293 ABORT). */
  resetAndDestroy(s: net.Socket): void {
    this.act(this.nameOf(s), 'resetAndDestroy');
    s.resetAndDestroy();
  }

  /** A UDP socket bound to host:0. */
  async udp(): Promise<dgram.Socket> {
    const sock = dgram.createSocket(this.host.includes(':') ? 'udp6' : 'udp4');
    this.track({ close: () => safely(() => sock.close()) });
    sock.on('error', () => undefined);
    await this.guard(new Promise<void>((resolve) => sock.bind(0, this.host, () => resolve())));
    return sock;
  }

  /** Wait until the kernel shows `name` in `state` (CLOSED: the socket left the table). */
  async waitState(name: string, state: LabState): Promise<void> {
    const o = this.observer;
    if (!o) throw new Error('this experiment has no kernel observer');
    await o.until(() => o.seen(name, state), this.signal);
  }

  /** Wait until an observation of `name` (recorded, so in the report) has an entry that passes `check`. */
  async waitEntry(name: string, check: (e: ProcNetEntry) => boolean): Promise<void> {
    const o = this.observer;
    if (!o) throw new Error('this experiment has no kernel observer');
    await o.until(() => o.seenEntry(name, check), this.signal);
  }

  /**
   * Wait until the kernel is done with each named socket: gone from the table or in TIME_WAIT (the
   * kernel's, not ours). Checked with fresh reads: a short-lived socket may never be seen by the poll.
   */
  async waitDone(...names: string[]): Promise<void> {
    const o = this.observer;
    if (!o) throw new Error('this experiment has no kernel observer');
    for (;;) {
      const left = names.filter((n) => {
        const e = o.freshEntry(n);
        return e !== undefined && e.state !== 'TIME_WAIT';
      });
      if (left.length === 0) break;
      await this.delay(2);
    }
    // A poll that began after that read: a socket whose whole life fell between two polls (and left a
    // TIME_WAIT behind) is on record now. Without it the check below held at once for a socket the poll
    // had never seen, and a loaded run could end with one of auth's connections not observed at all.
    await this.guard(o.sync());
    // Then until the poll has recorded it too (its view agrees: gone or TIME_WAIT), however late its
    // next read comes. A fixed 6 ms here was too short on a loaded machine: io-models once ended with
    // only LISTEN recorded for a listener already closed (1 run in 60 under load).
    const pollDone = (): boolean =>
      names.every((n) => {
        const e = o.entryOf(n);
        return e === undefined || e.state === 'TIME_WAIT';
      });
    await o.until(pollDone, this.signal);
  }

  /** Resolve on `event`, reject on 'error' or abort. */
  once<T = unknown>(emitter: NodeJS.EventEmitter, event: string): Promise<T> {
    return this.guard(
      new Promise<T>((resolve, reject) => {
        const onEvent = (v: T): void => {
          emitter.off('error', onError);
          resolve(v);
        };
        const onError = (e: Error): void => {
          emitter.off(event, onEvent);
          reject(e);
        };
        emitter.once(event, onEvent);
        if (event !== 'error') emitter.once('error', onError);
      }),
    );
  }

  /** Wait `ms`, or reject at once on abort; the timer is cleared then, so it holds no process open. */
  delay(ms: number): Promise<void> {
    if (this.signal.aborted) return Promise.reject(this.signal.reason as Error);
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(this.signal.reason as Error);
      };
      const timer = setTimeout(() => {
        this.signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      this.signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** The promise, or a rejection as soon as the run is aborted (timeout, Ctrl-C). */
  guard<T>(p: Promise<T>): Promise<T> {
    if (this.signal.aborted) return Promise.reject(this.signal.reason as Error);
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(this.signal.reason as Error);
      this.signal.addEventListener('abort', onAbort, { once: true });
      p.then(
        (v) => {
          this.signal.removeEventListener('abort', onAbort);
          resolve(v);
        },
        (e: unknown) => {
          this.signal.removeEventListener('abort', onAbort);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }

  /** Close every socket, server, worker and temporary file the run made, newest first. */
  async cleanup(): Promise<void> {
    for (const r of [...this.resources].reverse()) {
      try {
        await r.close();
      } catch {
        // closing twice or closing what failed to open: nothing left to release
      }
    }
    this.resources.clear();
  }

  private watchErrors(s: net.Socket): void {
    // Without a listener a peer's RST would crash the process; record the code as a Node event.
    s.on('error', (e: NodeJS.ErrnoException) => this.nodeEvent(this.nameOf(s), `error ${e.code ?? e.message}`));
    // Without allowHalfOpen, Node ends the socket itself once the peer's FIN has been read (Duplex
    // onEnd -> end() on the next tick): that is the application's CLOSE too, so it is recorded as one
    // (unless the experiment closed first). Unrecorded, a poll that catches LAST_ACK finds no CLOSE.
    s.on('end', () => {
      if (s.allowHalfOpen) return;
      const name = this.nameOf(s);
      if (this.actions.some((a) => a.socket === name && a.action !== 'listen' && a.action !== 'connect')) return;
      this.act(name, 'end');
      this.nodeEvent(name, text.resultValue.nodeCloses);
    });
  }
}

/** getsockname(2) through Node's handle: its public localPort hides the bound port until connected. */
function sockname(s: net.Socket): { address?: string; port?: number } {
  // _handle is Node's TCPWrap; getsockname has been on it since the first releases.
  const handle = (s as unknown as { _handle?: { getsockname?: (out: object) => number } })._handle;
  const out: { address?: string; port?: number } = {};
  if (!handle?.getsockname || handle.getsockname(out) !== 0) return {};
  return out;
}

/** Release a socket without leaving TIME_WAIT behind (cleanup path only). */
export function destroyHard(s: net.Socket): void {
  if (s.destroyed) return;
  safely(() => (s.connecting || s.readyState === 'closed' ? s.destroy() : s.resetAndDestroy()));
}

function safely(f: () => unknown): void {
  try {
    f();
  } catch {
    // already closed
  }
}
