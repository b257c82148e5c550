/**
 * The endpoint machine's states and transitions, read from the machine itself (the xstate StateNodes of
 * createEndpointMachine(profile, 'explicit')), never from a hand-written copy.
 *
 * API for the CLI, the lab and practice:
 *   listTransitions(profile?)  -> TransitionInfo[]: { from, to, event, kind, guard?, actions, internal }
 *     event: an application call (PASSIVE_OPEN, ACTIVE_OPEN, SEND, CLOSE, ABORT, SET_KEEPALIVE),
 *     SEGMENT (a received segment; the guard says which: isSynAckAcceptable, finInOrder, ...), or a
 *     timeout (RETRANSMISSION_TIMEOUT, TIME_WAIT_TIMEOUT, FIN_WAIT_2_TIMEOUT, KEEPALIVE_TIMEOUT).
 *     internal: targetless (no state change, e.g. a challenge ACK or an ignored RST).
 *   stateGraph(profile?)       -> Map<from, Map<to, TransitionInfo[]>> of state-changing transitions
 *   APP_ACTION_EVENTS          -> which machine event each socket call sends (listen, connect, write,
 *                                 end, destroy, resetAndDestroy)
 *   checkSequence(states, { actions, profile, direct }) -> { ok, violations }: is an observed state
 *     sequence a path the machine allows, using application events only for the calls that were made?
 *     With direct: false (default) a step may pass through states the observer did not see (polling
 *     misses short-lived states); with direct: true each step must be one transition.
 *   toMermaid(profile?)        -> a Mermaid stateDiagram-v2 of the state-changing transitions
 */
import { machineNodes } from './engine.js';
import { eventKind, type EventKind } from './tcb.js';
import type { ProfileName } from './profile.js';
import { TCP_STATES, type TcpState } from './states.js';

export interface TransitionInfo {
  readonly from: TcpState;
  readonly to: TcpState;
  readonly event: string;
  readonly kind: EventKind;
  readonly guard?: string;
  readonly actions: readonly string[];
  /** No target: the state does not change and no exit/entry runs. */
  readonly internal: boolean;
  /** Targets its own state with re-entry (TIME_WAIT's restart of the 2MSL timer). */
  readonly reenter: boolean;
}

function nameOf(x: unknown): string {
  return typeof x === 'string' ? x : String((x as { type: unknown }).type);
}

const cache = new Map<ProfileName, readonly TransitionInfo[]>();

export function listTransitions(profile: ProfileName = 'rfc9293'): readonly TransitionInfo[] {
  const hit = cache.get(profile);
  if (hit) return hit;
  const out: TransitionInfo[] = [];
  for (const node of machineNodes(profile)) {
    for (const [event, list] of node.transitions) {
      for (const t of list) {
        const target = t.target?.[0]?.key as TcpState | undefined;
        out.push({
          from: node.key as TcpState,
          to: target ?? (node.key as TcpState),
          event,
          kind: eventKind(event),
          ...(t.guard === undefined ? {} : { guard: nameOf(t.guard) }),
          actions: t.actions.map(nameOf),
          internal: target === undefined,
          reenter: t.reenter,
        });
      }
    }
  }
  cache.set(profile, out);
  return out;
}

/** State-changing transitions grouped by source and target. */
export function stateGraph(profile: ProfileName = 'rfc9293'): ReadonlyMap<TcpState, ReadonlyMap<TcpState, readonly TransitionInfo[]>> {
  const g = new Map<TcpState, Map<TcpState, TransitionInfo[]>>();
  for (const s of TCP_STATES) g.set(s, new Map());
  for (const t of listTransitions(profile)) {
    if (t.internal || t.from === t.to) continue;
    const m = g.get(t.from)!;
    m.set(t.to, [...(m.get(t.to) ?? []), t]);
  }
  return g;
}

/** Socket calls (Node names) and the machine event each sends. destroy() is close(): RFC 9293 CLOSE. */
export const APP_ACTION_EVENTS = {
  listen: 'PASSIVE_OPEN',
  connect: 'ACTIVE_OPEN',
  write: 'SEND',
  end: 'CLOSE',
  destroy: 'CLOSE',
  resetAndDestroy: 'ABORT',
  setKeepAlive: 'SET_KEEPALIVE',
} as const;
export type AppAction = keyof typeof APP_ACTION_EVENTS;

export interface SequenceViolation {
  /** Index in the sequence of the state that could not be reached. */
  readonly index: number;
  readonly from: TcpState;
  readonly to: TcpState;
  readonly reason: string;
}

export interface SequenceCheck {
  readonly ok: boolean;
  readonly violations: readonly SequenceViolation[];
  /** For each step of the sequence, the transitions that explain it (shortest path). */
  readonly paths: readonly (readonly TransitionInfo[])[];
}

export interface CheckOptions {
  readonly actions?: readonly AppAction[];
  readonly profile?: ProfileName;
  /** Each consecutive pair must be a single transition (default false: unseen states in between allowed). */
  readonly direct?: boolean;
}

/** Shortest path of state-changing transitions from one state to another using only allowed events. */
export function pathBetween(
  from: TcpState,
  to: TcpState,
  allowed: (t: TransitionInfo) => boolean,
  profile: ProfileName = 'rfc9293',
  maxHops = Infinity,
): TransitionInfo[] | undefined {
  const g = stateGraph(profile);
  const prev = new Map<TcpState, TransitionInfo>();
  let frontier: TcpState[] = [from];
  const seen = new Set<TcpState>([from]);
  for (let hop = 0; hop < maxHops && frontier.length; hop++) {
    const next: TcpState[] = [];
    for (const s of frontier) {
      for (const [target, ts] of g.get(s)!) {
        // Prefer the application call (it was made), then a segment, then a timeout.
        const t = ts.find((x) => x.kind === 'application' && allowed(x)) ?? ts.find(allowed);
        if (!t || seen.has(target)) continue;
        seen.add(target);
        prev.set(target, t);
        if (target === to) {
          const path: TransitionInfo[] = [];
          for (let x: TcpState = to; x !== from; x = prev.get(x)!.from) path.unshift(prev.get(x)!);
          return path;
        }
        next.push(target);
      }
    }
    frontier = next;
  }
  return undefined;
}

/** Is `states` (distinct consecutive states as observed) a path the machine allows for these calls? */
export function checkSequence(states: readonly TcpState[], options: CheckOptions = {}): SequenceCheck {
  const events = new Set<string>((options.actions ?? []).map((a) => APP_ACTION_EVENTS[a]));
  const allowed = (t: TransitionInfo) => t.kind !== 'application' || events.has(t.event);
  const violations: SequenceViolation[] = [];
  const paths: TransitionInfo[][] = [];
  for (let i = 1; i < states.length; i++) {
    const from = states[i - 1]!;
    const to = states[i]!;
    if (from === to) {
      paths.push([]);
      continue;
    }
    const path = pathBetween(from, to, allowed, options.profile, options.direct ? 1 : Infinity);
    if (path) paths.push(path);
    else {
      paths.push([]);
      violations.push({
        index: i,
        from,
        to,
        reason: options.direct
          ? `no transition ${from} -> ${to} for the calls made`
          : `${to} is not reachable from ${from} with the calls made (${[...events].join(', ') || 'none'})`,
      });
    }
  }
  return { ok: violations.length === 0, violations, paths };
}

/** `SEGMENT if isSynAckAcceptable`, `CLOSE`, `TIME_WAIT_TIMEOUT` */
export function transitionLabel(t: TransitionInfo): string {
  return t.guard ? `${t.event} if ${t.guard}` : t.event;
}

/** Mermaid stateDiagram-v2 of the state-changing transitions (and TIME_WAIT's re-entry). */
export function toMermaid(profile: ProfileName = 'rfc9293'): string {
  const lines = ['stateDiagram-v2', '    [*] --> CLOSED'];
  for (const t of listTransitions(profile)) {
    if (t.internal || (t.from === t.to && !t.reenter)) continue;
    lines.push(`    ${t.from} --> ${t.to} : ${transitionLabel(t)}`);
  }
  return lines.join('\n') + '\n';
}
