/**
 * Conformance: is every observed kernel state sequence a path of the endpoint machine (linux profile),
 * given the application actions the experiment took?
 *
 * Between two observations the poll may have missed states (a loopback handshake takes microseconds, a
 * poll every ~2 ms), so each observed step a -> b is accepted when the machine has a path from a to b
 * whose application events (ACTIVE_OPEN, PASSIVE_OPEN, CLOSE, ABORT) were really taken on that socket
 * before b was seen, each used at most once; segment and timer events are free, except that a timer
 * transition needs its time to have passed (Linux: TIME_WAIT lasts 60 s, an orphaned FIN_WAIT_2 60 s).
 * The missed states are reported as such, never as observations. Node's socket events play no part.
 */
import { APP_EVENTS } from '../tcp/tcb.js';
import type { ActionRecord, AppAction } from './lab-run.js';
import type { Observation } from './observer.js';
import type { LabState } from './states.js';
import { lab as enLab } from '../i18n/en/lab.js';
import type { Messages } from '../i18n/en/index.js';

/** One edge of the machine, as the tcp layer lists it. */
export interface MachineTransition {
  readonly from: LabState;
  readonly to: LabState;
  /** The machine's event type: PASSIVE_OPEN, ACTIVE_OPEN, CLOSE, ABORT, SEND, SEGMENT, *_TIMEOUT, ... */
  readonly event: string;
  readonly guard?: string;
}

export interface ConformanceOptions {
  readonly transitions: readonly MachineTransition[];
  /** Least time a timer event needs in its state, ms, by `EVENT` or `EVENT[guard]` (e.g. TIME_WAIT_TIMEOUT: 60000 on Linux). */
  readonly timerMinimum: Readonly<Record<string, number>>;
  readonly profile: string;
}

export interface Violation {
  readonly socket: string;
  readonly from: LabState;
  readonly to: LabState;
  /** ms: when `to` was observed. */
  readonly at: number;
  readonly message: string;
  /**
   * What `message` says, for the text report in another language: not enumerable, so the JSON report
   * (which stays English) keeps the fields above only.
   */
  readonly why?: ViolationWhy;
}

/** Why an observed step is a violation (conformance.ts explain). */
export type ViolationWhy =
  | { readonly kind: 'needs'; readonly socket: string; readonly from: LabState; readonly to: LabState; readonly needed: readonly AppAction[]; readonly taken: readonly { readonly action: AppAction; readonly at: number }[] }
  | { readonly kind: 'tooEarly'; readonly socket: string; readonly from: LabState; readonly to: LabState; readonly ms: number; readonly profile: string }
  | { readonly kind: 'noPath'; readonly socket: string; readonly from: LabState; readonly to: LabState; readonly profile: string };

/** A violation's explanation in the catalogue `t` (the lab section of a language). */
export function violationText(w: ViolationWhy, t: Messages['lab'] = enLab): string {
  if (w.kind === 'needs') return t.violationNeeds(w);
  if (w.kind === 'tooEarly') return t.violationTooEarly(w);
  return t.violationNoPath(w);
}

export interface PathStep {
  readonly state: LabState;
  /** false: the machine says the socket went through this state between two polls. */
  readonly observed: boolean;
  /** The event that led here (absent for the start). */
  readonly via?: string;
  readonly at?: number;
}

export interface Conformance {
  readonly ok: boolean;
  readonly profile: string;
  readonly violations: Violation[];
  /** Each socket's path through the machine, observed and inferred states. */
  readonly paths: Record<string, PathStep[]>;
}

/**
 * Which machine transitions an application action can drive. end() is shutdown(SHUT_WR): a CLOSE that
 * never resets; destroy() is close(2): a CLOSE that Linux turns into a RST when received data is left
 * unread (the machine's closeWithUnreadData guard, RFC 1122 4.2.2.13).
 */
const ACTION_DRIVES: Readonly<Record<AppAction, (t: MachineTransition) => boolean>> = {
  listen: (t) => t.event === 'PASSIVE_OPEN',
  connect: (t) => t.event === 'ACTIVE_OPEN',
  end: (t) => t.event === 'CLOSE' && t.guard !== 'closeWithUnreadData',
  destroy: (t) => t.event === 'CLOSE',
  resetAndDestroy: (t) => t.event === 'ABORT',
};
const APP_EVENT_SET: ReadonlySet<string> = new Set(APP_EVENTS);

/** Distinct consecutive states per socket, in order of observation. */
export function sequencesOf(observations: readonly Observation[]): Record<string, LabState[]> {
  const out: Record<string, LabState[]> = {};
  for (const o of observations) {
    const seq = (out[o.socket] ??= []);
    if (seq[seq.length - 1] !== o.state) seq.push(o.state);
  }
  return out;
}

/**
 * `already`: sockets that were in their first observed state before anyone looked (`netkata watch`
 * found them there): the path starts in that state, at an unknown earlier time, so any timer of it may
 * have run.
 */
export function checkConformance(
  observations: readonly Observation[],
  actions: readonly ActionRecord[],
  options: ConformanceOptions,
  already: ReadonlySet<string> = new Set(),
): Conformance {
  const violations: Violation[] = [];
  const paths: Record<string, PathStep[]> = {};
  const sockets = [...new Set(observations.map((o) => o.socket))];
  for (const socket of sockets) {
    const obs = observations.filter((o) => o.socket === socket);
    const mine = actions.filter((a) => a.socket === socket);
    // A socket with no open of its own is the server end of a connection: in RFC 9293's one-TCB view it
    // starts as the listener's LISTEN TCB (Linux clones a child from the listener; same states).
    const opened = mine.some((a) => a.action === 'listen' || a.action === 'connect');
    const before = already.has(socket) ? obs[0] : undefined;
    let state: LabState = before ? before.state : opened ? 'CLOSED' : 'LISTEN';
    let since = before ? Number.NEGATIVE_INFINITY : 0;
    const path: PathStep[] = [before ? { state, observed: true, at: before.at } : { state, observed: false }];
    const used = new Set<ActionRecord>();
    for (const o of obs) {
      if (o.state === state && (path.length > 1 || before)) continue;
      if (o.state === state) {
        // first observation equals the start state (a listener seen in LISTEN after its listen)
        path[0] = { state, observed: true, at: o.at };
        since = o.at;
        continue;
      }
      const available = mine.filter((a) => a.at <= o.at && !used.has(a));
      const found = findPath(state, o.state, available, o.at - since, options);
      if (found) {
        for (const a of found.used) used.add(a);
        for (const [i, step] of found.steps.entries()) {
          const last = i === found.steps.length - 1;
          path.push(last ? { state: step.state, observed: true, via: step.via, at: o.at } : { state: step.state, observed: false, via: step.via });
        }
      } else {
        const why = explain(socket, state, o.state, mine, o.at - since, options);
        const v: Violation = { socket, from: state, to: o.state, at: o.at, message: violationText(why) };
        violations.push(Object.defineProperty(v, 'why', { value: why, enumerable: false }));
        path.push({ state: o.state, observed: true, via: '(no path)', at: o.at });
      }
      state = o.state;
      since = o.at;
    }
    paths[socket] = path;
  }
  return { ok: violations.length === 0, profile: options.profile, violations, paths };
}

interface Found {
  readonly steps: { state: LabState; via: string }[];
  readonly used: ActionRecord[];
}

/** Transitions taken only when nothing ordinary explains a step: resets, SYN cookies, Linux's RST on data after close. */
const EXCEPTIONAL = /rst|cookie|dataAfterClose|unread/i;

/**
 * Segments that complete the handshake and do more in the same step (RFC 9293 3.10.7.4: the ACK of our
 * SYN enters ESTABLISHED, then a FIN or a pending CLOSE moves on at once): SYN_RECEIVED -> CLOSE_WAIT,
 * FIN_WAIT_1 or CLOSING with no ESTABLISHED between. Real, but rare; and Linux creates an accepted socket
 * ESTABLISHED. As the explanation of steps the poll did not see they are the last resort before resets.
 */
const SKIPS_ESTABLISHED = /^acksOurSyn(?:ClosePending|ClosePendingWithFin|WithFin)$/;

/**
 * The shortest path from `from` to `to` using only the actions available, preferring ordinary ones: first
 * without resets or SYN cookies (so CLOSE_WAIT -> CLOSED after the application's close reads as LAST_ACK,
 * not as an unseen RST) and without a handshake that skips ESTABLISHED (a server first seen in TIME_WAIT
 * after sending a file read as SYN_RECEIVED -> CLOSING -> TIME_WAIT, without the FIN_WAIT_1 it passed,
 * and failed verify's server-time-wait: a closing loop, once); then with the latter; resets and cookies
 * only when no other path exists.
 */
function findPath(
  from: LabState,
  to: LabState,
  available: readonly ActionRecord[],
  elapsed: number,
  options: ConformanceOptions,
): Found | undefined {
  const ordinary = (t: MachineTransition): boolean => !EXCEPTIONAL.test(t.guard ?? '');
  return (
    search(from, to, available, elapsed, options, (t) => ordinary(t) && !SKIPS_ESTABLISHED.test(t.guard ?? '')) ??
    search(from, to, available, elapsed, options, ordinary) ??
    search(from, to, available, elapsed, options, () => true)
  );
}

function search(
  from: LabState,
  to: LabState,
  available: readonly ActionRecord[],
  elapsed: number,
  options: ConformanceOptions,
  usable: (t: MachineTransition) => boolean,
): Found | undefined {
  interface Node {
    state: LabState;
    steps: { state: LabState; via: string }[];
    used: ActionRecord[];
  }
  const queue: Node[] = [{ state: from, steps: [], used: [] }];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const n = queue.shift()!;
    for (const t of options.transitions) {
      if (t.from !== n.state || t.to === n.state || !usable(t)) continue;
      let used = n.used;
      if (APP_EVENT_SET.has(t.event)) {
        const a = available.find((x) => !n.used.includes(x) && ACTION_DRIVES[x.action](t));
        if (!a) continue;
        used = [...n.used, a];
      } else if ((options.timerMinimum[`${t.event}[${t.guard}]`] ?? options.timerMinimum[t.event] ?? 0) > elapsed) {
        continue; // this timer cannot have fired yet
      }
      const via = t.guard ? `${t.event} [${t.guard}]` : t.event;
      const steps = [...n.steps, { state: t.to, via }];
      if (t.to === to) return { steps, used };
      const key = `${t.to}|${used.map((u) => available.indexOf(u)).join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push({ state: t.to, steps, used });
    }
  }
  return undefined;
}

function explain(
  socket: string,
  from: LabState,
  to: LabState,
  mine: readonly ActionRecord[],
  elapsed: number,
  options: ConformanceOptions,
): ViolationWhy {
  const all: ActionRecord[] = (['listen', 'connect', 'destroy', 'resetAndDestroy'] as const).map((action) => ({ at: 0, socket, action }));
  const withActions = findPath(from, to, all, elapsed, options);
  if (withActions) {
    return { kind: 'needs', socket, from, to, needed: withActions.used.map((a) => a.action), taken: mine.map((a) => ({ action: a.action, at: a.at })) };
  }
  const withTime = findPath(from, to, all, Number.POSITIVE_INFINITY, options);
  if (withTime) return { kind: 'tooEarly', socket, from, to, ms: Math.round(elapsed), profile: options.profile };
  return { kind: 'noPath', socket, from, to, profile: options.profile };
}
