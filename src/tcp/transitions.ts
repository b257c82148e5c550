/**
 * The endpoint machine's states and transitions, read from the machine itself (the xstate StateNodes of
 * createEndpointMachine(profile, 'explicit'), as engine.ts's compileMachine read them), never from a
 * hand-written copy.
 *
 * API for the CLI, the lab and practice:
 *   listTransitions(profile?)  -> TransitionInfo[]: { from, to, event, kind, guard?, actions, internal }
 *     event: an application call (PASSIVE_OPEN, ACTIVE_OPEN, SEND, CLOSE, ABORT, SET_KEEPALIVE),
 *     SEGMENT (a received segment; the guard says which: isSynAckAcceptable, finInOrder, ...), or a
 *     timeout (RETRANSMISSION_TIMEOUT, TIME_WAIT_TIMEOUT, FIN_WAIT_2_TIMEOUT, KEEPALIVE_TIMEOUT).
 *     internal: targetless (no state change, e.g. a challenge ACK or an ignored RST).
 *   (Whether an observed kernel state sequence is a path of this machine is the lab's question:
 *   src/lab/conformance.ts answers it from listTransitions('linux'), with the times of the calls made.)
 *   toMermaid(profile?)        -> a Mermaid stateDiagram-v2 of the state-changing transitions
 */
import { compileMachine } from './engine.js';
import { eventKind, type EventKind } from './tcb.js';
import type { ProfileName } from './profile.js';
import type { TcpState } from './states.js';

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

const cache = new Map<ProfileName, readonly TransitionInfo[]>();

export function listTransitions(profile: ProfileName = 'rfc9293'): readonly TransitionInfo[] {
  const hit = cache.get(profile);
  if (hit) return hit;
  // The engine's table is compiled from the xstate machine's own StateNodes: list what it read.
  const machine = compileMachine(profile);
  const out: TransitionInfo[] = [];
  for (const from of machine.states) {
    for (const [event, list] of machine[from].on) {
      for (const t of list) {
        out.push({
          from,
          to: t.target ?? from,
          event,
          kind: eventKind(event),
          ...(t.guardName === undefined ? {} : { guard: t.guardName }),
          actions: t.actionNames,
          internal: t.target === undefined,
          reenter: t.reenter,
        });
      }
    }
  }
  cache.set(profile, out);
  return out;
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
