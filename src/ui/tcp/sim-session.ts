/**
 * A simulator run the app can walk backwards: the list of what the user did (scenario steps taken and
 * events injected), and a Simulation that is the replay of that list. Runs are deterministic (virtual
 * clock, no randomness), so "step back" is "replay all but the last action" on a fresh Simulation.
 * All TCP behaviour lives in src/tcp; this only records and replays.
 */
import type { TcpScenario, TcpStep } from '../../scenario/tcp.js';
import { Simulation, type SimSnapshot, type StepResult } from '../../tcp/simulation.js';

export type SessionAction =
  | { readonly kind: 'step' }
  /** An event the user injected (drop the next segment, close, abort, crash) or a time advance after the scenario ended. */
  | { readonly kind: 'inject'; readonly step: TcpStep };

export interface SessionView {
  readonly snapshot: SimSnapshot;
  /** The result of the last action, if any. */
  readonly last: StepResult | undefined;
  /** Scenario steps taken so far / in all. */
  readonly stepsTaken: number;
  readonly stepsTotal: number;
}

/** Upper bound on a replay: a long play session must not make step-back slower and slower without end. */
const MAX_ACTIONS = 10_000;

export class SimSession {
  private sim: Simulation;
  private actions: SessionAction[] = [];
  private lastResult: StepResult | undefined;

  constructor(readonly scenario: TcpScenario) {
    this.sim = new Simulation(scenario);
  }

  view(): SessionView {
    return {
      snapshot: this.sim.snapshot(),
      last: this.lastResult,
      stepsTaken: this.sim.next,
      stepsTotal: this.scenario.steps.length,
    };
  }

  /**
   * One step forward: the next scenario step; once the scenario is over, let time run on to what is
   * still pending (segments in flight, then the next timer), so injected events play out too.
   * Returns false when there is nothing left to happen.
   */
  forward(): boolean {
    if (!this.sim.done) return this.apply({ kind: 'step' });
    const pending = this.pendingAfterEnd();
    return pending === undefined ? false : this.apply({ kind: 'inject', step: pending });
  }

  /** Whether `forward` would do anything. */
  canForward(): boolean {
    return !this.sim.done || this.pendingAfterEnd() !== undefined;
  }

  /** Inject an event now (between scenario steps). */
  inject(step: TcpStep): boolean {
    return this.apply({ kind: 'inject', step });
  }

  /** Undo the last action by replaying the others from the start. */
  back(): boolean {
    if (this.actions.length === 0) return false;
    this.replay(this.actions.slice(0, -1));
    return true;
  }

  restart(): void {
    this.replay([]);
  }

  private pendingAfterEnd(): TcpStep | undefined {
    const snap = this.sim.snapshot();
    if (snap.inFlight > 0) return { settle: true };
    const next = snap.timers[0];
    // Advance exactly to the earliest timer so its expiry (TIME_WAIT ending, a retransmission) is one step.
    return next === undefined ? undefined : { advance: Math.max(1, next.remaining) };
  }

  private apply(action: SessionAction): boolean {
    if (this.actions.length >= MAX_ACTIONS) return false;
    const result = action.kind === 'step' ? this.sim.step() : this.sim.inject(action.step);
    if (result === undefined) return false;
    this.actions.push(action);
    this.lastResult = result;
    return true;
  }

  private replay(actions: readonly SessionAction[]): void {
    this.sim = new Simulation(this.scenario);
    this.actions = [];
    this.lastResult = undefined;
    for (const a of actions) this.apply(a);
  }
}
