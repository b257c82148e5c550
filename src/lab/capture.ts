/**
 * Records the experiment's TCP segments on the loopback interface with Wireshark's `dumpcap` (which
 * needs root or the capture capabilities; without them `--capture` exits 3 and says why). Passive: it
 * only listens on `lo`, and only to TCP on the experiment's loopback address.
 *
 * Capture timestamps are wall-clock time; the experiment's clock is monotonic. `clockOffset` is sampled
 * at start (the wall clock's millisecond step caught between two monotonic reads, see
 * wallMinusMonotonic) and turns one into the other.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvironmentError, reason } from '../errors.js';
import { LabAborted } from './lab-run.js';
import { readPcapSegments, type CapturedSegmentOnClock } from './pcap-read.js';
import { monotonicMs } from './poller.js';
import { formatSocketAddress } from './procnet.js';
import { lab as text } from '../i18n/en/lab.js';

const START_TIMEOUT_MS = 10_000;
/**
 * dumpcap reads the kernel's buffer and writes its file in batches, and on SIGINT it stops without
 * reading what the kernel still holds for it: the last segments of a run can be missing on a loaded
 * machine (a loop of npm test runs saw a capture without the final FIN and ACK of one connection). So the
 * capture is stopped only once a sentinel sent after the experiment (a SYN to a closed port and its RST)
 * is in the file: the packet socket delivers in order, so everything before it is there too. Without the
 * sentinel within DRAIN_MAX_MS the capture is reported incomplete and its check is not enforced.
 */
const DRAIN_MAX_MS = 5000;
const DRAIN_POLL_MS = 10;

export interface CaptureOptions {
  readonly host: '127.0.0.1' | '::1';
  /** Keep the capture here (classic pcap); otherwise a temporary file, removed after reading. */
  readonly file?: string;
}

/**
 * Wall-clock ms minus monotonic ms, from the wall clock as it is now. (performance.timeOrigin +
 * performance.now() is not: it is the wall time Node read once at process start plus monotonic time
 * since, and a process preempted between those two start-up reads carries the error for its whole life.
 * Against Python's CLOCK_REALTIME - CLOCK_MONOTONIC, 1 fresh process in 100 on a loaded 2-core machine
 * was 8.2 ms off, and `lab io-models --capture` then found the kernel "behind" the segments: 1 run in 30
 * under load, and once in 12 npm test runs.)
 * Date.now() is the wall clock floored to the millisecond: the moment it steps to a new value is that
 * value exactly. So the step is caught between two monotonic reads; the offset is off by at most half
 * their distance. A preempted thread widens that distance by its time slice (often, under load: 2 of 3
 * steps in some processes), so steps are caught until one is within `enough` ms, at most `tries` of them
 * (each costs up to 1 ms of waiting), and the tightest is kept.
 */
export function wallMinusMonotonic(tries = 25, enough = 0.1): number {
  let best = { width: Number.POSITIVE_INFINITY, offset: 0 };
  for (let i = 0; i < tries && best.width > enough; i++) {
    // The step lies after the last read that still gave `from` began (lastBefore) and before the read
    // that gave the new value ended (after).
    let lastBefore = monotonicMs();
    const from = Date.now();
    let wall = from;
    let after = lastBefore;
    for (;;) {
      const before = monotonicMs();
      wall = Date.now();
      after = monotonicMs();
      if (wall !== from) break;
      lastBefore = before;
    }
    if (after - lastBefore < best.width) best = { width: after - lastBefore, offset: wall - (lastBefore + after) / 2 };
  }
  return best.offset;
}

export class Capture {
  private constructor(
    private readonly child: ChildProcess,
    private readonly stderr: () => string,
    private readonly file: string,
    /** wall-clock ms minus monotonic ms */
    private readonly clockOffset: number,
    private readonly exited: Promise<number | null>,
    private readonly onExit: () => void,
    private readonly host: string,
  ) {}

  /**
   * Starts dumpcap and resolves once it captures. `signal` (Ctrl-C) stops the start with LabAborted.
   * Until stop() or abort(), a process exit (an uncaught error, a signal Node dies of) kills dumpcap and
   * removes the temporary file, so no capture outlives netkata.
   */
  static async start(o: CaptureOptions, signal?: AbortSignal): Promise<Capture> {
    const tempDir = o.file === undefined ? mkdtempSync(join(tmpdir(), 'netkata-capture-')) : undefined;
    const file = o.file ?? join(tempDir!, 'lab.pcap');
    const filter = o.host === '::1' ? 'ip6 host ::1 and tcp' : 'ip host 127.0.0.1 and tcp';
    // Headers only (-s 128: Ethernet + IPv6 + the longest TCP header fit; lengths come from the IP header)
    // and a 32 MiB kernel buffer, so that a burst of 64 KiB loopback segments is not dropped.
    const child = spawn('dumpcap', ['-i', 'lo', '-P', '-q', '-s', '128', '-B', '32', '-f', filter, '-w', file], { stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    const onExit = (): void => {
      child.kill('SIGKILL');
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    };
    process.once('exit', onExit);
    let stderr = '';
    let onAbort = (): void => undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new EnvironmentError(reason('envDumpcapStart', START_TIMEOUT_MS / 1000))), START_TIMEOUT_MS);
        onAbort = () => reject(new LabAborted(text.resultValue.interrupted));
        if (signal?.aborted) onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        child.once('error', (e: NodeJS.ErrnoException) => {
          clearTimeout(timer);
          reject(new EnvironmentError(e.code === 'ENOENT' ? reason('envDumpcapMissing') : reason('envDumpcapRun', e.code ?? e.message)));
        });
        child.stderr!.setEncoding('utf8');
        child.stderr!.on('data', (chunk: string) => {
          stderr += chunk;
          // dumpcap names the file once the interface is open and the filter set: capturing from here on.
          if (/^File: /m.test(stderr)) {
            clearTimeout(timer);
            resolve();
          }
        });
        void exited.then((code) => {
          clearTimeout(timer);
          const why = stderr.split('\n').map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('Capturing on')) ?? `exit ${code}`;
          reject(new EnvironmentError(reason('envDumpcapCannot', { why, permission: /permission|not permitted/i.test(why) })));
        });
      });
    } catch (e) {
      child.kill('SIGKILL');
      await exited;
      process.off('exit', onExit);
      onExit();
      throw e;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    return new Capture(child, () => stderr, file, wallMinusMonotonic(), exited, onExit, o.host);
  }

  /**
   * Stops dumpcap and returns the segments, timed in ms since `t0` (monotonic ms), how many packets the
   * capture says it dropped (null when it did not say), and whether the sentinel reached the file (every
   * segment of the run is in it).
   */
  async stop(t0: number): Promise<{ segments: CapturedSegmentOnClock[]; dropped: number | null; drained: boolean }> {
    const sentinel = await this.sendSentinel();
    const deadline = monotonicMs() + DRAIN_MAX_MS;
    let drained = false;
    while (!drained && monotonicMs() < deadline) {
      await new Promise((r) => setTimeout(r, DRAIN_POLL_MS));
      drained = this.read().some((seg) => seg.to === sentinel || seg.from === sentinel);
    }
    this.child.kill('SIGINT');
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(killer);
    try {
      let segments;
      try {
        segments = readPcapSegments(readFileSync(this.file));
      } catch (e) {
        throw new EnvironmentError(reason('envDumpcapRead', e instanceof Error ? e.message : String(e)));
      }
      // "Packets received/dropped on interface 'Loopback: lo': 10/0 (pcap:0/dumpcap:0/flushed:0/ps_ifdrop:0)"
      const m = /received\/dropped on interface .*: (\d+)\/(\d+)/.exec(this.stderr());
      return {
        segments: segments
          .filter((seg) => seg.to !== sentinel && seg.from !== sentinel)
          .map((seg) => ({ ...seg, at: Math.round((seg.time - this.clockOffset - t0) * 1000) / 1000 })),
        dropped: m ? Number(m[2]) : null,
        drained,
      };
    } finally {
      this.release();
    }
  }

  /** The segments in the file so far (a record cut off by an unfinished write is left out). */
  private read(): ReturnType<typeof readPcapSegments> {
    try {
      return readPcapSegments(readFileSync(this.file));
    } catch {
      return [];
    }
  }

  /**
   * Connects to a port of the lab's host that nothing listens on (taken from the kernel, then freed): a SYN
   * and its RST that the capture filter takes. Returns that address as the reader writes it.
   */
  private async sendSentinel(): Promise<string> {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(0, this.host, () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    await new Promise<void>((resolve) => {
      const s = net.connect({ host: this.host, port });
      s.once('error', () => resolve()); // ECONNREFUSED: the RST came back
      s.once('connect', () => {
        s.destroy();
        resolve();
      });
    });
    return formatSocketAddress({ address: this.host, port });
  }

  /** On an error path: stop without reading. */
  async abort(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
    this.release();
  }

  /** dumpcap has exited: remove the temporary file (onExit does) and the exit guard. */
  private release(): void {
    process.off('exit', this.onExit);
    this.onExit();
  }
}
