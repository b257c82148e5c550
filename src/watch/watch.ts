/**
 * `netkata watch`: this machine's own TCP sockets, read from /proc/net/tcp and tcp6 (read only, no root),
 * each socket's transitions as the table shows them, and every socket's sequence checked against the
 * endpoint machine (linux profile).
 *
 * A socket is its address pair. It is followed from the read that first shows it (or the first read of
 * the watch, for those already there: "already" in the output, their time in that state unknown) to the
 * read that no longer does (CLOSED: the kernel freed it). With `pid`, the sockets are those whose inode
 * a file descriptor of that process or a descendant holds (/proc/PID/fd), the request sockets of its
 * listeners and the connections they accepted once no descriptor holds them (TIME_WAIT and orphans
 * have no inode), and, once seen as its own, any connection that lost its inode. The program's calls are not visible: the check lets each socket have been opened, closed or
 * aborted once, at any time, and asks the rest (segments, timers) of the machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { checkConformance, type Conformance } from '../lab/conformance.js';
import type { ActionRecord } from '../lab/lab-run.js';
import { linuxConformanceOptions } from '../lab/machine.js';
import { tupleKey, type Observation } from '../lab/observer.js';
import { formatSocketAddress, readProcNet, type ProcNetEntry } from '../lab/procnet.js';
import type { LabState } from '../lab/states.js';
import { socketInodes } from '../verify/program.js';

export interface WatchOptions {
  /** Only sockets with this local or remote port. */
  readonly port?: number;
  /** Only sockets of this process and its descendants. */
  readonly pid?: number;
  /** Only transitions from or to these states (counts and the check still see every followed socket). */
  readonly states?: ReadonlySet<LabState>;
  readonly families?: readonly (4 | 6)[];
  /** /proc/net (tests point it elsewhere). */
  readonly dir?: string;
  /** /proc, for --pid. */
  readonly proc?: string;
  /** Reads the tables (default: readProcNet of `families` in `dir`); the app's tests feed tables through it. */
  readonly readTable?: () => ProcNetEntry[];
}

export interface Transition {
  /** ms since the watch began. */
  readonly at: number;
  readonly local: string;
  readonly remote: string;
  /** null: the socket appears (new, or `already` there when the watch began). */
  readonly from: LabState | null;
  /** CLOSED with `gone`: it left the table. */
  readonly to: LabState;
  readonly gone?: true;
  readonly already?: true;
  /** The kernel's own name where it differs (`FIN_WAIT1`, `SYN_RECV`). */
  readonly kernelState?: string;
}

/** When so many followed sockets sit in one of these states, the watch says so (once per crossing). */
export const PILE_UP: Readonly<Partial<Record<LabState, number>>> = { CLOSE_WAIT: 5, TIME_WAIT: 200 };

export interface PileUp {
  readonly at: number;
  readonly state: LabState;
  readonly count: number;
}

interface Followed {
  readonly local: string;
  readonly remote: string;
  readonly already: boolean;
  state: LabState;
  gone: boolean;
  /** ms of the first read it was missing from (a departure is confirmed by the next read). */
  missedAt?: number | undefined;
  readonly observations: Observation[];
}

/**
 * The pids of `pid` and all its descendants: each thread's children list (/proc/PID/task/TID/children,
 * Linux 3.5+, CONFIG_PROC_CHILDREN), else the parent links of every /proc/<n>/stat (slower: it reads
 * every process).
 */
export function withDescendants(pid: number, proc = '/proc'): number[] {
  const out = [pid];
  try {
    for (let i = 0; i < out.length; i++) {
      for (const tid of readdirSync(`${proc}/${out[i]}/task`)) {
        for (const c of readFileSync(`${proc}/${out[i]}/task/${tid}/children`, 'latin1').split(' ')) {
          const child = Number(c);
          if (c !== '' && !out.includes(child)) out.push(child);
        }
      }
    }
    return out;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || out.length > 1) return out; // a process left meanwhile
  }
  const parent = new Map<number, number>();
  for (const name of readdirSync(proc)) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`${proc}/${name}/stat`, 'latin1');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited between readdir and read
    }
  }
  for (let i = 0; i < out.length; i++) for (const [child, p] of parent) if (p === out[i] && !out.includes(child)) out.push(child);
  return out;
}

const addr = (e: ProcNetEntry): { local: string; remote: string } => ({ local: formatSocketAddress(e.local), remote: formatSocketAddress(e.remote) });

export class Watcher {
  private readonly sockets = new Map<string, Followed>();
  private readonly pileUps = new Map<LabState, boolean>();
  private first = true;
  private reads = 0;
  /** Request sockets are matched to their listener by local port. */
  private listenPorts = new Set<number>();

  constructor(private readonly o: WatchOptions = {}) {}

  /** One read of the tables at `at` (ms since the watch began): the transitions it shows, and pile-ups crossed. */
  read(at: number): { transitions: Transition[]; pileUps: PileUp[] } {
    const entries = this.o.readTable ? this.o.readTable() : readProcNet(this.o.families ?? [4, 6], this.o.dir);
    const inodes = this.o.pid === undefined ? undefined : socketInodes(withDescendants(this.o.pid, this.o.proc));
    if (inodes) this.listenPorts = new Set(entries.filter((e) => e.state === 'LISTEN' && inodes.has(e.inode)).map((e) => e.local.port));
    const seen = new Set<string>();
    const transitions: Transition[] = [];
    for (const e of entries) {
      const { local, remote } = addr(e);
      const key = tupleKey(local, remote);
      if (this.o.port !== undefined && e.local.port !== this.o.port && e.remote.port !== this.o.port) continue;
      const known = this.sockets.get(key);
      if (inodes && !(known && !known.gone) && !(e.inode !== 0 && inodes.has(e.inode)) && !(e.inode === 0 && this.listenPorts.has(e.local.port))) continue;
      seen.add(key);
      const obs: Observation = { at, socket: key, local, remote, state: e.state, kernelState: e.kernelState, ...(e.timer ? { timer: e.timer } : {}), inode: e.inode };
      const kernelState = e.kernelState !== e.state ? { kernelState: e.kernelState } : {};
      if (known) known.missedAt = undefined;
      if (!known || known.gone) {
        const f: Followed = { local, remote, already: this.first, state: e.state, gone: false, observations: [obs] };
        this.sockets.set(key, f);
        transitions.push({ at, local, remote, from: null, to: e.state, ...(this.first ? { already: true as const } : {}), ...kernelState });
      } else if (known.state !== e.state) {
        transitions.push({ at, local, remote, from: known.state, to: e.state, ...kernelState });
        known.state = e.state;
        known.observations.push(obs);
      }
    }
    // A table longer than a page is read page by page, and the kernel resumes each page by position: a
    // socket can be skipped when others come and go in between (the poll thread has the same rule,
    // src/lab/poller.ts). So a socket has left only when two reads in a row miss it; it left at the first.
    const departures: Transition[] = [];
    for (const [key, f] of this.sockets) {
      if (f.gone || seen.has(key)) continue;
      if (f.missedAt === undefined) {
        f.missedAt = at;
        continue;
      }
      const left = f.missedAt;
      f.gone = true;
      f.missedAt = undefined;
      f.observations.push({ at: left, socket: key, local: f.local, remote: f.remote, state: 'CLOSED', vanished: true });
      departures.push({ at: left, local: f.local, remote: f.remote, from: f.state, to: 'CLOSED', gone: true });
      f.state = 'CLOSED';
    }
    transitions.unshift(...departures);
    this.first = false;
    this.reads++;
    const pileUps: PileUp[] = [];
    const counts = this.counts();
    for (const [state, limit] of Object.entries(PILE_UP) as [LabState, number][]) {
      const over = (counts[state] ?? 0) >= limit;
      if (over && !this.pileUps.get(state)) pileUps.push({ at, state, count: counts[state]! });
      this.pileUps.set(state, over);
    }
    const shown = this.o.states ? transitions.filter((t) => this.o.states!.has(t.to) || (t.from !== null && this.o.states!.has(t.from))) : transitions;
    return { transitions: shown, pileUps };
  }

  /** Followed sockets by their current state (those gone not counted). */
  counts(): Partial<Record<LabState, number>> {
    const out: Partial<Record<LabState, number>> = {};
    for (const f of this.sockets.values()) if (!f.gone) out[f.state] = (out[f.state] ?? 0) + 1;
    return out;
  }

  /** Every followed socket's observations, in the order read. */
  observations(): Observation[] {
    return [...this.sockets.values()].flatMap((f) => f.observations).sort((a, b) => a.at - b.at);
  }

  get followed(): number {
    return this.sockets.size;
  }

  get tableReads(): number {
    return this.reads;
  }

  /**
   * Every followed socket's sequence against the machine. A socket already there when the watch began
   * entered its first state at an unknown time (its timers may have run long before).
   */
  conformance(): Conformance {
    const observations: Observation[] = [];
    const actions: ActionRecord[] = [];
    const already = new Set<string>();
    for (const [key, f] of this.sockets) {
      observations.push(...f.observations);
      if (f.already) already.add(key);
      for (const action of ['listen', 'connect', 'destroy', 'resetAndDestroy'] as const) actions.push({ at: Number.NEGATIVE_INFINITY, socket: key, action });
    }
    observations.sort((a, b) => a.at - b.at);
    return checkConformance(observations, actions, linuxConformanceOptions(), already);
  }
}
