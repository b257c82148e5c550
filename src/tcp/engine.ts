/**
 * A table engine for the endpoint machine: the states, guards, actions, entry/exit actions and targets
 * are read from the xstate machine object itself (createEndpointMachine(profile, 'explicit')), and the
 * guard and action functions are the same tcb.ts functions the xstate form wraps. It follows xstate's
 * semantics for this machine's subset (flat states; first enabled transition wins; a targetless
 * transition runs its actions only; otherwise exit, transition actions, entry, with `reenter` for
 * self-targets). test/tcp/engine.test.ts checks it against xstate's own transition() on random event
 * sequences.
 *
 * Why: xstate's transition() costs ~37 µs per event on this machine (~17 µs with a reused actor
 * scope); the simulator and the 10,000-lifecycle bench need a few hundred nanoseconds.
 */
import { createEndpointMachine, ACTIONS, GUARDS } from './endpoint.machine.js';
import { createTcb, type Action, type Effects, type Guard, type Tcb, type TcbInput, type TcpEvent } from './tcb.js';
import type { ProfileName } from './profile.js';
import type { TcpState } from './states.js';

export interface CompiledTransition {
  readonly event: string;
  readonly guardName: string | undefined;
  readonly guard: Guard | undefined;
  readonly target: TcpState | undefined;
  readonly actionNames: readonly string[];
  readonly actions: readonly Action[];
  readonly reenter: boolean;
}

export interface CompiledState {
  readonly entry: readonly Action[];
  readonly exit: readonly Action[];
  readonly on: ReadonlyMap<string, readonly CompiledTransition[]>;
}

export type CompiledMachine = Readonly<Record<TcpState, CompiledState>> & {
  readonly profile: ProfileName;
  /** The machine's states in the order it declares them (listTransitions lists them so). */
  readonly states: readonly TcpState[];
};

/** Minimal view of xstate's StateNode that the compiler reads. */
interface NodeView {
  readonly key: string;
  readonly entry: readonly unknown[];
  readonly exit: readonly unknown[];
  readonly transitions: ReadonlyMap<string, readonly TransitionView[]>;
}
interface TransitionView {
  readonly guard?: unknown;
  readonly target?: readonly { key: string }[] | undefined;
  readonly actions: readonly unknown[];
  readonly reenter: boolean;
}

function nameOf(x: unknown): string {
  if (typeof x === 'string') return x;
  if (x && typeof x === 'object' && 'type' in x) return String((x as { type: unknown }).type);
  throw new Error(`engine: cannot compile ${String(x)}`);
}
function actionOf(x: unknown): Action {
  const f = ACTIONS[nameOf(x)];
  if (!f) throw new Error(`engine: unknown action ${nameOf(x)}`);
  return f;
}

/** A machine's states and transitions as data: names of guards and actions, keys of targets. */
export interface NodeTableEntry {
  readonly key: string;
  readonly entry: readonly string[];
  readonly exit: readonly string[];
  readonly transitions: readonly (readonly [string, readonly { readonly guard?: string; readonly target?: string; readonly actions: readonly string[]; readonly reenter: boolean }[]])[];
}

/** The xstate machine of a profile read into that table (scripts/bundle.js builds it into the bundle). */
export function machineNodeTable(profile: ProfileName): NodeTableEntry[] {
  const machine = createEndpointMachine(profile, 'explicit');
  return (Object.values(machine.root.states) as unknown as NodeView[]).map((n) => ({
    key: n.key,
    entry: n.entry.map(nameOf),
    exit: n.exit.map(nameOf),
    transitions: [...n.transitions].map(([event, list]) => [
      event,
      list.map((t) => ({
        ...(t.guard === undefined ? {} : { guard: nameOf(t.guard) }),
        ...(t.target?.[0]?.key === undefined ? {} : { target: t.target[0].key }),
        actions: t.actions.map(nameOf),
        reenter: t.reenter,
      })),
    ] as const),
  }));
}

/**
 * In the bundle, the table of every profile, made at build time from this same code (scripts/bundle.js,
 * esbuild `define`): creating the xstate machine was about 6 ms of every `tcp run` and `exam` (a
 * --cpu-prof of `exam --seed 7`). From the sources it is undefined and the machine is read live.
 */
declare const __NETKATA_MACHINE_TABLES__: Readonly<Record<ProfileName, readonly NodeTableEntry[]>>;
/** `true` in the bundle, where esbuild then drops the live path and with it xstate (a constant it can fold). */
declare const __NETKATA_HAS_MACHINE_TABLES__: boolean;

/** Read a machine's states and transitions (transitions.ts lists them from the compiled form). */
function machineNodes(profile: ProfileName): readonly NodeView[] {
  const table = typeof __NETKATA_HAS_MACHINE_TABLES__ !== 'undefined' ? __NETKATA_MACHINE_TABLES__[profile] : machineNodeTable(profile);
  return table.map((n) => ({
    key: n.key,
    entry: n.entry,
    exit: n.exit,
    transitions: new Map(n.transitions.map(([event, list]) => [event, list.map((t) => ({ guard: t.guard, target: t.target === undefined ? undefined : [{ key: t.target }], actions: t.actions, reenter: t.reenter }))])),
  }));
}

const cache = new Map<ProfileName, CompiledMachine>();

export function compileMachine(profile: ProfileName = 'rfc9293'): CompiledMachine {
  const hit = cache.get(profile);
  if (hit) return hit;
  const out: Record<string, CompiledState> = {};
  const states: TcpState[] = [];
  for (const node of machineNodes(profile)) {
    states.push(node.key as TcpState);
    const on = new Map<string, CompiledTransition[]>();
    for (const [event, list] of node.transitions) {
      on.set(
        event,
        list.map((t) => {
          const guardName = t.guard === undefined ? undefined : nameOf(t.guard);
          return {
            event,
            guardName,
            guard: guardName === undefined ? undefined : GUARDS[guardName],
            target: t.target?.[0]?.key as TcpState | undefined,
            actionNames: t.actions.map(nameOf),
            actions: t.actions.map(actionOf),
            reenter: t.reenter,
          };
        }),
      );
    }
    out[node.key] = { entry: node.entry.map(actionOf), exit: node.exit.map(actionOf), on };
  }
  const compiled = Object.assign(out, { profile, states }) as unknown as CompiledMachine;
  cache.set(profile, compiled);
  return compiled;
}

/** One running endpoint: its state and (mutable) TCB. */
export interface EngineEndpoint {
  state: TcpState;
  tcb: Tcb;
}

const INIT = { type: 'xstate.init' } as unknown as TcpEvent;

export function createEngineEndpoint(machine: CompiledMachine, input: TcbInput, fx: Effects): EngineEndpoint {
  // (No object spread here: V8 clones spread objects slowly and this runs once per flood SYN.)
  const ep: EngineEndpoint = { state: 'CLOSED', tcb: createTcb(input, machine.profile) };
  for (const a of machine.CLOSED.entry) a(ep.tcb, INIT, fx);
  return ep;
}

/**
 * Deliver one event. Returns the transition taken (undefined when no transition was enabled: the event
 * is ignored, as xstate ignores it).
 */
export function fire(machine: CompiledMachine, ep: EngineEndpoint, ev: TcpEvent, fx: Effects): CompiledTransition | undefined {
  const from = machine[ep.state];
  const list = from.on.get(ev.type);
  if (!list) return undefined;
  for (const t of list) {
    if (t.guard && !t.guard(ep.tcb, ev)) continue;
    if (t.target === undefined) {
      for (const a of t.actions) a(ep.tcb, ev, fx);
      return t;
    }
    const leaving = t.target !== ep.state || t.reenter;
    if (leaving) for (const a of from.exit) a(ep.tcb, ev, fx);
    for (const a of t.actions) a(ep.tcb, ev, fx);
    ep.state = t.target;
    if (leaving) for (const a of machine[t.target].entry) a(ep.tcb, ev, fx);
    return t;
  }
  return undefined;
}
