/**
 * The program under test as a process group: started in a group of its own (setsid via `detached`), so
 * that its children are found (every process whose pgrp is the group, read from /proc/<pid>/stat) and
 * killed with it (kill(-pgid)), whatever it forks. Its sockets are the socket inodes its file
 * descriptors hold (/proc/<pid>/fd links `socket:[inode]`, the same inode /proc/net/tcp prints).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readlinkSync, readSync } from 'node:fs';
import net from 'node:net';
import { reason, type Reason } from '../errors.js';
import { monotonicMs } from '../lab/observer.js';
import { readProcNet, type ProcNetEntry } from '../lab/procnet.js';

export interface ProgramExit {
  readonly code: number | null;
  readonly signal: string | null;
}

/** The program could not be started, or never listened: exit 3 (CLI.md). */
export class ProgramStartError extends Error {
  override readonly name = 'ProgramStartError';
  /** The catalogue form of `message` (the CLI shows it in the chosen language). */
  constructor(readonly reason: Reason) {
    super(reason.text);
  }
}

/** A free ephemeral port on loopback: bound, read and released (the program binds it right after). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: 0 }, resolve);
  });
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** How many ports a run tries when each one it chose was taken before the program could bind it. */
export const PORT_ATTEMPTS = 3;

/** How a run picks the port for the program it starts (a test gives its own, to take one on purpose). */
export type PortChooser = () => Promise<number>;

/**
 * `ready(port, program)` (the program listens, or is bound for UDP), starting the program again on a new
 * port when it could not be ready on one *we* chose (`chosen`) and a socket that is not the program's
 * holds that port now (`holders`: the sockets bound to it). A chosen port is free when chosen but not
 * reserved: before the program binds it, any process's connect() or sendto() on this machine may take it
 * as its ephemeral source port, and the program fails with EADDRINUSE (npm test once saw this as a run
 * with no report, about 1 run in 17). At most PORT_ATTEMPTS ports; `restarted` hears of each new start
 * at once, so the caller always holds the program to stop, whatever is thrown after.
 */
export async function readyOnChosenPort<T>(o: {
  readonly port: number;
  readonly program: Program | undefined;
  readonly command: readonly string[] | null;
  readonly chosen: boolean;
  readonly choose: PortChooser;
  readonly ready: (port: number, program: Program | undefined) => Promise<T>;
  readonly holders: (port: number) => readonly { readonly inode: number }[];
  readonly restarted: (program: Program, port: number) => void;
}): Promise<T> {
  let { port, program } = o;
  for (let attempt = 1; ; attempt++) {
    try {
      return await o.ready(port, program);
    } catch (e) {
      if (!(e instanceof ProgramStartError) || !o.chosen || program === undefined || o.command === null || attempt >= PORT_ATTEMPTS) throw e;
      const mine = program.inodes();
      if (!o.holders(port).some((h) => !mine.has(h.inode))) throw e;
      await program.stop();
      port = await o.choose();
      program = await Program.start(o.command, port);
      o.restarted(program, port);
    }
  }
}

/**
 * One buffer for every /proc/<pid>/stat read: readFileSync sizes its buffer from fstat, which is 0 for a
 * /proc file, and so allocated 64 KB for each process on the machine, every scan (a --cpu-prof of
 * `verify --probe echo`: about a fifth of its main thread). A stat line is a few hundred bytes.
 */
const STAT_BUFFER = Buffer.alloc(4096);

/** pgrp of `pid` (field 5 of /proc/<pid>/stat, after the parenthesised comm that may hold spaces). */
export function pgrpOf(pid: number): number | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(`/proc/${pid}/stat`, 'r');
    const n = readSync(fd, STAT_BUFFER, 0, STAT_BUFFER.length, 0);
    const stat = STAT_BUFFER.toString('latin1', 0, n);
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[2]);
  } catch {
    return undefined; // gone between readdir and read
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Every live process of group `pgid` (children and grandchildren stay in the group unless they setsid). */
export function groupPids(pgid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pgrpOf(pid) === pgid) out.push(pid);
  }
  return out;
}

/** Socket inodes held by the file descriptors of `pids`. */
export function socketInodes(pids: readonly number[]): Set<number> {
  const out = new Set<number>();
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // exited, or another user's process
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) out.add(Number(m[1]));
      } catch {
        // closed meanwhile
      }
    }
  }
  return out;
}

/** The process (of those this user may read) whose descriptors hold socket `inode`. */
export function holderOf(inode: number): number | undefined {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    if (socketInodes([Number(name)]).has(inode)) return Number(name);
  }
  return undefined;
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const STDERR_KEEP = 4096;

export class Program {
  readonly child: ChildProcess;
  /** The group's id: the child's pid (setsid made it the leader). */
  readonly pgid: number;
  /** Set once the group leader exited. */
  exit: ProgramExit | undefined;
  /** The end of what it wrote to stderr (shown when it crashed). */
  stderr = '';
  /** Every pid seen in the group during the run. */
  readonly pids = new Set<number>();
  readonly exited: Promise<ProgramExit>;

  private constructor(child: ChildProcess) {
    this.child = child;
    this.pgid = child.pid!;
    this.pids.add(this.pgid);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      this.stderr = (this.stderr + d).slice(-STDERR_KEEP);
    });
    child.stdout?.resume(); // read and dropped: a full pipe would block the program
  }

  /** Start `command` with `{port}` in its arguments replaced and PORT in its environment. */
  static async start(command: readonly string[], port: number): Promise<Program> {
    const [file, ...args] = command.map((a) => a.replaceAll('{port}', String(port)));
    const child = spawn(file!, args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: String(port) },
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (e: NodeJS.ErrnoException) => reject(new ProgramStartError(e.code === 'ENOENT' ? reason('programMissing') : reason('programSpawn', { message: e.message, code: e.code ?? 'error' }))));
    });
    return new Program(child);
  }

  /** The group's processes now (remembered in `pids`). */
  processes(): number[] {
    const now = groupPids(this.pgid);
    for (const p of now) this.pids.add(p);
    return now;
  }

  /** Socket inodes the group's descriptors hold now. */
  inodes(): Set<number> {
    return socketInodes(this.processes());
  }

  /**
   * SIGTERM to the whole group, then SIGKILL to whatever is left after `graceMs`; resolves when no
   * process of the group is left (the leader reaped, and every child gone).
   */
  async stop(graceMs = 1000): Promise<void> {
    this.processes();
    const signal = (s: NodeJS.Signals): void => {
      try {
        process.kill(-this.pgid, s);
      } catch {
        // the group is gone already
      }
    };
    if (groupAlive(this.pgid)) signal('SIGTERM');
    const deadline = Date.now() + graceMs;
    while (groupAlive(this.pgid) && Date.now() < deadline) await sleep(10);
    if (groupAlive(this.pgid)) signal('SIGKILL');
    // The leader is a zombie until Node reaps it; wait for both that and the rest of the group.
    for (let i = 0; i < 500 && (groupAlive(this.pgid) || this.exit === undefined); i++) await sleep(10);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Wait until `port` has a LISTEN socket (one the program's descriptors hold, when we started it), within
 * `ms`; a program that exits first, or never listens, is a ProgramStartError (exit 3).
 */
export async function waitListening(port: number, program: Program | undefined, ms: number, signal: AbortSignal): Promise<ProcNetEntry> {
  const end = monotonicMs() + ms;
  for (;;) {
    if (signal.aborted) throw signal.reason as Error;
    const listening = readProcNet().filter((e) => e.state === 'LISTEN' && e.local.port === port);
    // The group's descriptors (a read of every process's stat) only once something listens there.
    const mine = program && listening.length > 0 ? program.inodes() : undefined;
    const found = listening.find((e) => program === undefined || mine?.has(e.inode));
    if (found) return found;
    if (program?.exit) {
      const last = program.stderr.trim().split('\n').pop();
      throw new ProgramStartError(reason('programExited', { signal: program.exit.signal ?? undefined, code: program.exit.code, port, stderr: last ? last.slice(0, 200) : '' }));
    }
    if (monotonicMs() >= end) {
      throw new ProgramStartError(reason('programNoListen', { port, ms, other: listening.length > 0 }));
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}
