/**
 * Deterministic simulation of TCP endpoints over a faulty link, in virtual time.
 *
 * API for the app, the lab and practice:
 *   const sim = new Simulation(parseTcpScenario(text, file), { profile: 'linux' }); // profile optional
 *   sim.step()            // run the next scenario step; returns its StepResult (undefined when done):
 *                         // { index, at, action, verb, states, ok, failures, segments: [first, last),
 *                         //   transitions (named endpoints' state changes), injected, note? }
 *   sim.inject(step)      // run any step now, between scenario steps: { drop: { from: 'client' } },
 *                         // { close: 'server' }, { abort: 'client' }, { crash: 'server' }, { advance: 1000 } ...
 *   sim.snapshot()        // SimSnapshot: now, next, done, endpoints (state, crashed, backlog, accepted,
 *                         // TCB), timers [{ endpoint, remote, timer, due, remaining }], segments so far
 *                         // (dropped ones marked, with the sender's and receiver's states), steps, failures
 *   sim.states()          // { client: 'ESTABLISHED', ... }; sim.transitions(): every named state change
 *   sim.run()             // run all remaining steps; sim.result(): RunResult, the `tcp run --json` document
 *   runScenario(scenario) // new Simulation(scenario).run()
 *   describeStep(step)    // `drop from=client flags=ACK`
 * The same scenario always gives the same run (no wall clock, no randomness), so "step back" in the app
 * is: build a new Simulation and step it to where you want to be.
 *
 * Model: each named endpoint is a host with one main TCB (RFC 9293's single-TCB view, SCENARIOS.md);
 * half-open connections from `flood` sources (and connections from a third named endpoint to a host
 * whose main TCB is taken) are extra TCBs of the same machine, counted in `backlog`. Every TCB runs the
 * endpoint machine through the table engine (engine.ts), whose timers this class schedules on its
 * event queue. Receivers acknowledge every segment with data at once (no delayed ACKs) and keep no
 * out-of-order queue (a segment beyond a gap is answered with a duplicate ACK and dropped).
 */
import { compileMachine, createEngineEndpoint, fire, type CompiledMachine, type CompiledTransition, type EngineEndpoint } from './engine.js';
import { EventQueue } from './event-queue.js';
import { ACK, flagsString, isSynOnly, parseFlags, seqDiff, SYN, type Segment } from './segment.js';
import { TIMER_EVENT, TIMERS, timerDelay, type Effects, type TcpEvent, type TimerName } from './tcb.js';
import type { ProfileName, TcpConfig } from './profile.js';
import type { TcpState } from './states.js';
import type { ExpectSpec, InjectSpec, TcpScenario, TcpStep } from '../scenario/tcp.js';
import { EXPECT_KEYS, stepVerb } from '../scenario/tcp-steps.js';
import type { Failure, RunResult, SegmentRecord, SimSnapshot, SimulationOptions, StepResult, TimerInfo, TransitionRecord } from './run-record.js';
import { callNoteText, describeStep, guardVerdict, sendReason, sendReasonText, sentSpecText, sentText, verdictText, type CallNote, type ReceiveVerdict } from './step-text.js';

export type { EndpointSnapshot, Failure, RunResult, SegmentRecord, SimSnapshot, SimulationOptions, StepResult, TimerInfo, TransitionRecord } from './run-record.js';
export { describeStep, formatDuration } from './step-text.js';

interface TimerEntry {
  readonly due: number;
  readonly gen: number;
}

interface Conn {
  readonly host: Host;
  readonly main: boolean;
  remote: string | undefined;
  readonly ep: EngineEndpoint;
  readonly timers: Map<TimerName, TimerEntry>;
  readonly fx: Effects;
  alive: boolean;
}

interface Host {
  readonly name: string;
  readonly index: number;
  readonly isn: number;
  /** packetdrill-style: no TCB of its own; it speaks through inject steps and answers nothing. */
  readonly scripted: boolean;
  /** The TCP settings of this host's TCBs (the scenario's, with the endpoint's own window). */
  readonly config: Partial<TcpConfig>;
  /** Connections its main TCB has started (a later one takes its ISN from the clock, RFC 6528). */
  opened: number;
  readonly backlog: number;
  readonly syncookies: boolean;
  readonly reads: boolean;
  listening: boolean;
  crashed: boolean;
  accepted: number;
  /** TCBs of this host in SYN_RECEIVED reached from LISTEN (the backlog in use), kept up to date by deliver(). */
  halfOpen: number;
  main: Conn;
  readonly extra: Map<string, Conn>;
  /**
   * One LISTEN TCB shared by every SYN that finds the backlog full (created on first use): LISTEN answers
   * such a SYN without a state change (a cookie SYN,ACK, or nothing), so no TCB of its own is needed.
   */
  listener: Conn | undefined;
}

interface Fault {
  readonly kind: 'drop' | 'duplicate' | 'reorder';
  readonly from: string | undefined;
  readonly flags: number | undefined;
  /** drop only: the relative (or absolute) sequence number to match. */
  readonly seq: number | undefined;
  readonly absolute: boolean;
  remaining: number;
  /** reorder: how many later segments from the same sender overtake the held one. */
  readonly overtakers: number;
}

interface Held {
  readonly rec: SegmentRecord;
  readonly seg: Segment;
  /** Segments from the same sender still to overtake it. */
  overtakers: number;
  item: Arrival | undefined;
}

interface Arrival {
  readonly at: number;
  readonly order: number;
  readonly kind: 'arrive';
  readonly rec: SegmentRecord;
  readonly seg: Segment;
  cancelled: boolean;
}
interface TimerFire {
  readonly at: number;
  readonly order: number;
  readonly kind: 'timer';
  readonly conn: Conn;
  readonly timer: TimerName;
  readonly gen: number;
}
interface FloodTick {
  readonly at: number;
  readonly order: number;
  readonly kind: 'flood';
  readonly host: Host;
  readonly start: number;
  readonly sent: number;
  readonly total: number;
}
type Item = Arrival | TimerFire | FloodTick;

/** Spoofed SYNs of a `flood` step leave one every 10 µs of virtual time (100,000 per second). */
const FLOOD_INTERVAL = 0.01;

const DAY = 86_400_000;

/** The event each timer fires (shared: events are never changed). */
const TIMEOUT = Object.fromEntries(TIMERS.map((name) => [name, { type: TIMER_EVENT[name] }])) as Readonly<Record<TimerName, TcpEvent>>;

function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Simulation {
  readonly scenario: TcpScenario;
  readonly profile: ProfileName;
  private readonly machine: CompiledMachine;
  private readonly tcpConfig: Partial<TcpConfig>;
  private readonly hosts = new Map<string, Host>();
  private readonly hostList: Host[] = [];
  private readonly queue = new EventQueue<Item>();
  private order = 0;
  private gen = 0;
  private now_ = 0;
  private next_ = 0;
  private inFlight = 0;
  private rtxRunning = 0;
  private readonly faults: Fault[] = [];
  private readonly held: Held[] = [];
  private readonly log: SegmentRecord[] = [];
  private readonly results: StepResult[] = [];
  private readonly failures: Failure[] = [];
  private readonly transitionsLog: TransitionRecord[] = [];
  private lastExpectSegment = 0;
  private currentStep = 0;
  private spoofCount = 0;
  private eventNo = 0;
  private pendingSent: SegmentRecord[] = [];
  private readonly recordFlood: boolean;
  private readonly settleLimit: number;
  /** Segments sent and state transitions taken, for the benchmarks. */
  counters = { segments: 0, transitions: 0, events: 0, machineEvents: 0 };

  constructor(scenario: TcpScenario, options: SimulationOptions = {}) {
    this.scenario = scenario;
    this.profile = options.profile ?? scenario.config.profile;
    this.machine = compileMachine(this.profile);
    this.recordFlood = options.recordFlood ?? true;
    this.settleLimit = options.settleLimit ?? DAY;
    const c = scenario.config;
    this.tcpConfig = {
      msl: c.msl,
      rto: c.rto,
      rtoFixed: c.rtoFixed,
      userTimeout: c.userTimeout,
      ...(c.mss === undefined ? {} : { mss: c.mss }),
      ...(c.window === undefined ? {} : { rcvBuf: c.window }),
      // Unset: the profile's own SYN, SYN,ACK and data counts (profile.ts).
      ...(c.retries === undefined ? {} : { retries: c.retries }),
      finWait2Timeout: c.finWait2Timeout,
      keepaliveIdle: c.keepalive.idle,
      keepaliveInterval: c.keepalive.interval,
      keepaliveProbes: c.keepalive.probes,
    };
    scenario.endpoints.forEach((spec, index) => {
      const host = {
        name: spec.name,
        index,
        isn: spec.isn,
        scripted: spec.scripted ?? false,
        config: spec.window === undefined ? this.tcpConfig : { ...this.tcpConfig, rcvBuf: spec.window },
        opened: 0,
        backlog: spec.backlog,
        syncookies: spec.syncookies,
        reads: spec.reads ?? true,
        listening: false,
        crashed: false,
        accepted: 0,
        halfOpen: 0,
        extra: new Map<string, Conn>(),
        listener: undefined,
      } as Omit<Host, 'main'> as Host;
      host.main = this.newConn(host, true, undefined, spec.isn);
      this.hosts.set(spec.name, host);
      this.hostList.push(host);
      if (spec.listen && !host.scripted) {
        host.listening = true;
        this.deliver(host.main, { type: 'PASSIVE_OPEN' });
      }
    });
  }

  get now(): number {
    return this.now_;
  }
  get done(): boolean {
    return this.next_ >= this.scenario.steps.length;
  }
  /** Index of the next scenario step. */
  get next(): number {
    return this.next_;
  }

  /** Run the next scenario step. */
  step(): StepResult | undefined {
    if (this.done) return undefined;
    const index = this.next_++;
    return this.exec(this.scenario.steps[index]!, index, false);
  }

  /** Run a step that is not in the scenario, now (the app's "drop the next segment", "crash server"...). */
  inject(step: TcpStep): StepResult {
    this.validateInjected(step);
    return this.exec(step, this.results.length, true);
  }

  run(): RunResult {
    while (!this.done) this.step();
    return this.result();
  }

  /** Each named endpoint's state (a crashed host has lost its TCB: CLOSED). */
  states(): Record<string, TcpState> {
    const out: Record<string, TcpState> = {};
    // A scripted endpoint has no TCB, so no state (the snapshot marks it `scripted`).
    for (const h of this.hostList) if (!h.scripted) out[h.name] = h.crashed ? 'CLOSED' : h.main.ep.state;
    return out;
  }

  snapshot(): SimSnapshot {
    const timers: TimerInfo[] = [];
    for (const h of this.hostList) {
      for (const c of [h.main, ...h.extra.values()]) {
        for (const [timer, t] of c.timers) {
          timers.push({ endpoint: h.name, remote: c.remote, timer, due: t.due, remaining: t.due - this.now_ });
        }
      }
    }
    timers.sort((a, b) => a.due - b.due);
    return {
      scenario: this.scenario.name,
      profile: this.profile,
      delay: this.scenario.config.delay,
      now: this.now_,
      next: this.next_,
      done: this.done,
      endpoints: this.hostList.map((h) => ({
        name: h.name,
        state: h.crashed ? 'CLOSED' : h.main.ep.state,
        crashed: h.crashed,
        scripted: h.scripted,
        listening: h.listening,
        backlog: h.halfOpen,
        accepted: h.accepted,
        tcb: { ...h.main.ep.tcb },
      })),
      timers,
      segments: this.log.map((r) => ({ ...r })),
      inFlight: this.inFlight + this.held.length,
      steps: [...this.results],
      failures: [...this.failures],
    };
  }

  /** Half-open connections an endpoint holds now (cheaper than snapshot() for benchmarks). */
  halfOpenCount(endpoint: string): number {
    return this.host(endpoint).halfOpen;
  }

  /** The transitions named endpoints took so far. */
  transitions(): readonly TransitionRecord[] {
    return this.transitionsLog;
  }

  result(): RunResult {
    return {
      scenario: this.scenario.name,
      title: this.scenario.title,
      profile: this.profile,
      passed: this.failures.length === 0,
      steps: this.results
        .filter((r) => !r.injected)
        .map((r) => ({ index: r.index, at: r.at, action: r.action, states: { ...r.states }, ok: r.ok })),
      segments: this.log.map((r) => ({
        at: r.at,
        from: r.from,
        to: r.to,
        flags: r.flags,
        seq: r.seq,
        ack: r.ack,
        len: r.len,
        win: r.win,
        dropped: r.dropped,
        ...(r.dropped && r.reason !== undefined ? { reason: r.reason } : {}),
        ...(r.why === undefined ? {} : { why: r.why }),
        ...(r.verdict === undefined ? {} : { verdict: r.verdict }),
        ...(r.arrivedAt === undefined ? {} : { arrivedAt: r.arrivedAt }),
      })),
      failures: [...this.failures],
      final: this.states(),
    };
  }

  /** Names of every endpoint the log mentions, named ones first (for pcap addresses). */
  endpointNames(): string[] {
    return this.hostList.map((h) => h.name);
  }

  // ---------------------------------------------------------------- steps

  private validateInjected(step: TcpStep): void {
    const verb = stepVerb(step);
    const v = (step as Record<string, unknown>)[verb];
    const check = (name: unknown) => {
      if (typeof name === 'string' && !this.hosts.has(name)) throw new RangeError(`unknown endpoint "${name}"`);
    };
    if (typeof v === 'string') check(v);
    else if (v && typeof v === 'object') {
      check((v as { from?: unknown }).from);
      check((v as { to?: unknown }).to);
    }
  }

  private exec(step: TcpStep, index: number, injected: boolean): StepResult {
    this.currentStep = index;
    const firstSeg = this.log.length;
    const firstTransition = this.transitionsLog.length;
    const failures: Failure[] = [];
    const verb = stepVerb(step);
    let note: CallNote | undefined;
    switch (verb) {
      case 'listen': {
        const h = this.host((step as { listen: string }).listen);
        h.listening = true;
        note = this.call(h, { type: 'PASSIVE_OPEN' });
        break;
      }
      case 'open': {
        const o = (step as { open: string | { from: string; to?: string; isn?: number } }).open;
        const from = typeof o === 'string' ? o : o.from;
        const to = typeof o === 'string' ? this.other(o) : (o.to ?? this.other(o.from));
        const h = this.host(from);
        if (!h.crashed) {
          h.main.remote = to;
          // RFC 9293 3.10.1: an OPEN on a listening TCB makes it active; this host no longer listens.
          h.listening = false;
          if (h.main.ep.state === 'CLOSED' || h.main.ep.state === 'LISTEN') this.chooseIsn(h, to, typeof o === 'string' ? undefined : o.isn);
        }
        note = this.call(h, { type: 'ACTIVE_OPEN' });
        break;
      }
      case 'shutdown': {
        const o = (step as { shutdown: string | { endpoint: string; how?: 'wr' | 'rd' | 'rdwr' } }).shutdown;
        const name = typeof o === 'string' ? o : o.endpoint;
        const how = typeof o === 'string' ? 'wr' : (o.how ?? 'wr');
        // SHUT_RD has no segment and no RFC 9293 call: nothing is sent (Linux sends nothing either).
        note = how === 'rd' ? { kind: 'shutdownRd' } : this.call(this.host(name), { type: 'CLOSE', half: true });
        break;
      }
      case 'reboot':
        this.reboot(this.host((step as { reboot: string }).reboot));
        break;
      case 'inject':
        this.injectSegment((step as { inject: InjectSpec }).inject);
        break;
      case 'send': {
        const s = (step as { send: { from: string; bytes: number } }).send;
        const h = this.host(s.from);
        if (h.main.remote === undefined && !h.crashed) h.main.remote = this.other(s.from);
        note = this.call(h, { type: 'SEND', bytes: s.bytes });
        break;
      }
      case 'close':
        note = this.call(this.host((step as { close: string }).close), { type: 'CLOSE' });
        break;
      case 'abort':
        note = this.call(this.host((step as { abort: string }).abort), { type: 'ABORT' });
        break;
      case 'keepalive':
        note = this.call(this.host((step as { keepalive: string }).keepalive), { type: 'SET_KEEPALIVE' });
        break;
      case 'crash':
        this.crash(this.host((step as { crash: string }).crash));
        break;
      case 'drop':
      case 'duplicate':
      case 'reorder': {
        const f = (step as Record<string, { from?: string; flags?: string; count?: number }>)[verb]!;
        const d = f as { seq?: number; absolute?: boolean };
        this.faults.push({
          kind: verb,
          from: f.from,
          flags: f.flags === undefined ? undefined : parseFlags(f.flags),
          seq: d.seq,
          absolute: d.absolute === true,
          remaining: verb === 'reorder' ? 1 : (f.count ?? 1),
          overtakers: verb === 'reorder' ? (f.count ?? 1) : 0,
        });
        break;
      }
      case 'flood': {
        const f = (step as { flood: { to: string; syns: number } }).flood;
        this.flood(this.host(f.to), f.syns);
        break;
      }
      case 'advance':
        this.advance((step as { advance: number }).advance);
        break;
      case 'settle':
        this.settle();
        break;
      case 'expect':
        failures.push(...this.check((step as { expect: ExpectSpec }).expect, index));
        this.lastExpectSegment = this.log.length;
        break;
      case 'ask':
        break;
    }
    this.failures.push(...failures);
    const result: StepResult = {
      index,
      at: this.now_,
      action: describeStep(step),
      step,
      verb,
      states: this.states(),
      down: this.hostList.filter((h) => h.crashed).map((h) => h.name),
      ok: failures.length === 0,
      segments: [firstSeg, this.log.length],
      transitions: this.transitionsLog.slice(firstTransition),
      injected,
      failures,
      ...(note === undefined ? {} : { note: callNoteText(note), noteCode: note }),
    };
    this.results.push(result);
    return result;
  }

  private check(e: ExpectSpec, step: number): Failure[] {
    const out: Failure[] = [];
    const states = this.states();
    const fail = (field: string, expected: unknown, actual: unknown) => out.push({ step, field, expected: String(expected), actual: String(actual) });
    for (const [k, v] of Object.entries(e)) {
      if (EXPECT_KEYS.has(k)) continue;
      if (states[k] !== v) fail(k, v, states[k]);
    }
    if (e.sent) {
      const named = new Set(this.hosts.keys());
      const actual = this.log.slice(this.lastExpectSegment).filter((r) => named.has(r.from) && named.has(r.to));
      // Each entry is compared on the fields it pins; the whole list must match in order and length.
      const expected = e.sent.map((x) => sentSpecText(x));
      const got = actual.map((r, i) => sentText(r, e.sent![i]));
      if (got.join('; ') !== expected.join('; ')) fail('sent', expected.join('; '), got.join('; '));
    }
    for (const [k, n] of Object.entries(e.backlog ?? {})) if (this.host(k).halfOpen !== n) fail(`backlog.${k}`, n, this.host(k).halfOpen);
    for (const [k, n] of Object.entries(e.accepted ?? {})) if (this.host(k).accepted !== n) fail(`accepted.${k}`, n, this.host(k).accepted);
    for (const [k, v] of Object.entries(e.error ?? {})) {
      const actual = this.host(k).main.ep.tcb.error || 'none';
      if (actual !== v) fail(`error.${k}`, v, actual);
    }
    for (const [k, n] of Object.entries(e.read ?? {})) {
      const t = this.host(k).main.ep.tcb;
      const actual = t.bytesReceived - t.unread;
      if (actual !== n) fail(`read.${k}`, n, actual);
    }
    for (const [k, v] of Object.entries(e.eof ?? {})) {
      const actual = this.host(k).main.ep.tcb.finReceived;
      if (actual !== v) fail(`eof.${k}`, v, actual);
    }
    return out;
  }

  // ---------------------------------------------------------------- time

  /** Move virtual time forward by `ms`, processing everything due. */
  advance(ms: number): void {
    const until = this.now_ + ms;
    for (let item = this.queue.peek(); item && item.at <= until; item = this.queue.peek()) this.process(this.queue.pop()!);
    this.now_ = until;
  }

  /** Process events until nothing is in flight and no retransmission is pending (SCENARIOS.md `settle`). */
  settle(): void {
    const limit = this.now_ + this.settleLimit;
    while (this.inFlight > 0 || this.held.length > 0 || this.rtxRunning > 0) {
      const item = this.queue.pop();
      if (!item || item.at > limit) {
        if (item) this.queue.push(item);
        break;
      }
      this.process(item);
    }
  }

  private process(item: Item): void {
    this.counters.events++;
    if (item.at > this.now_) this.now_ = item.at;
    if (item.kind === 'flood') {
      this.inFlight--;
      this.floodTick(item);
      return;
    }
    if (item.kind === 'arrive') {
      this.inFlight--;
      if (!item.cancelled) this.arrive(item.rec, item.seg);
      return;
    }
    const conn = item.conn;
    const t = conn.timers.get(item.timer);
    if (!conn.alive || conn.host.crashed || !t || t.gen !== item.gen) return;
    this.dropTimer(conn, item.timer);
    this.deliver(conn, TIMEOUT[item.timer]);
  }

  // ---------------------------------------------------------------- hosts and TCBs

  private host(name: string): Host {
    const h = this.hosts.get(name);
    if (!h) throw new RangeError(`unknown endpoint "${name}"`);
    return h;
  }

  private other(name: string): string {
    const h = this.hostList.find((x) => x.name !== name);
    if (!h) throw new RangeError(`no endpoint other than "${name}"`);
    return h.name;
  }

  private newConn(host: Host, main: boolean, remote: string | undefined, isn: number): Conn {
    const conn = { host, main, remote, timers: new Map<TimerName, TimerEntry>(), alive: true } as Omit<Conn, 'ep' | 'fx'> as Conn;
    const fx: Effects = {
      send: (seg) => this.transmit(conn, seg),
      startTimer: (name) => this.startTimer(conn, name),
      cancelTimer: (name) => this.dropTimer(conn, name),
      now: () => this.now_,
    };
    (conn as { fx: Effects }).fx = fx;
    (conn as { ep: EngineEndpoint }).ep = createEngineEndpoint(
      this.machine,
      { isn, syncookies: host.syncookies, appReads: host.reads, config: host.config },
      fx,
    );
    return conn;
  }

  private newListener(host: Host): Conn {
    const conn = this.newConn(host, false, undefined, host.isn);
    fire(this.machine, conn.ep, { type: 'PASSIVE_OPEN' }, conn.fx);
    return conn;
  }

  private startTimer(conn: Conn, name: TimerName): void {
    if (!conn.timers.has(name) && name === 'retransmission') this.rtxRunning++;
    const gen = ++this.gen;
    const due = this.now_ + timerDelay(name, conn.ep.tcb);
    conn.timers.set(name, { due, gen });
    this.queue.push({ at: due, order: this.order++, kind: 'timer', conn, timer: name, gen });
  }

  private dropTimer(conn: Conn, name: TimerName): void {
    if (conn.timers.delete(name) && name === 'retransmission') this.rtxRunning--;
  }

  /** Send one event to a TCB, recording the named endpoint's transition and the senders' states. */
  /** An application call on a named endpoint; returns a note when it had no effect. */
  private call(h: Host, ev: TcpEvent): CallNote | undefined {
    if (h.crashed) return { kind: 'crashed', host: h.name, event: ev.type };
    const state = h.main.ep.state;
    const t = this.deliverWith(h.main, ev);
    if (t === undefined) return { kind: 'noTransition', event: ev.type, state };
    if (t.actionNames.includes('signalClosing')) return { kind: 'closing', event: ev.type, state };
    return undefined;
  }

  private deliver(conn: Conn, ev: TcpEvent): boolean {
    return this.deliverWith(conn, ev) !== undefined;
  }

  /** Send one event to a TCB; returns the transition taken (undefined: none was enabled). */
  private deliverWith(conn: Conn, ev: TcpEvent): CompiledTransition | undefined {
    const from = conn.ep.state;
    const wasHalfOpen = from === 'SYN_RECEIVED' && conn.ep.tcb.passive;
    const t = fire(this.machine, conn.ep, ev, conn.fx);
    this.counters.machineEvents++;
    if (t && t.target !== undefined) this.counters.transitions++;
    const to = conn.ep.state;
    const sent = this.pendingSent.length;
    const isHalfOpen = to === 'SYN_RECEIVED' && conn.ep.tcb.passive;
    if (wasHalfOpen !== isHalfOpen) conn.host.halfOpen += isHalfOpen ? 1 : -1;
    const why = t === undefined ? undefined : sendReason(t, conn.ep.tcb);
    for (const rec of this.pendingSent) {
      rec.fromState = to;
      if (why !== undefined) {
        rec.why = sendReasonText(why);
        rec.whyCode = why;
      }
    }
    this.pendingSent.length = 0;
    if (conn.main && t && (from !== to || t.reenter)) {
      this.transitionsLog.push({
        at: this.now_,
        endpoint: conn.host.name,
        from,
        to,
        event: ev.type,
        ...(t.guardName ? { guard: t.guardName } : {}),
        ...(ev.type === 'SEGMENT' ? { segment: flagsString(ev.seg.flags) } : {}),
        sent,
        order: this.eventNo++,
      });
    }
    if (from !== to && to === 'ESTABLISHED' && conn.ep.tcb.passive) conn.host.accepted++;
    if (conn.main && to === 'LISTEN' && from !== 'LISTEN') conn.remote = undefined;
    if (!conn.main && (to === 'CLOSED' || to === 'LISTEN') && conn !== conn.host.listener) this.forget(conn);
    return t;
  }

  private forget(conn: Conn): void {
    conn.alive = false;
    for (const name of [...conn.timers.keys()]) this.dropTimer(conn, name);
    if (conn.remote !== undefined) conn.host.extra.delete(conn.remote);
  }

  private crash(h: Host): void {
    h.crashed = true;
    h.halfOpen = 0;
    for (const c of [h.main, ...h.extra.values()]) for (const name of [...c.timers.keys()]) this.dropTimer(c, name);
    for (const c of [...h.extra.values()]) this.forget(c);
  }

  /** A crashed host boots again: no TCBs, its ports as its configuration says (listening again if it listened). */
  private reboot(h: Host): void {
    if (!h.crashed) this.crash(h);
    h.crashed = false;
    h.main.alive = false;
    h.main = this.newConn(h, true, undefined, h.isn);
    h.opened = 1; // the next connection takes its ISN from the clock
    h.listening = this.scenario.endpoints[h.index]!.listen && !h.scripted;
    if (h.listening) this.deliver(h.main, { type: 'PASSIVE_OPEN' });
  }

  /**
   * The ISS of a new connection of a host's main TCB: the one the step gives, the endpoint's `isn` for its
   * first connection, and for later ones RFC 6528's ISN = M + F(connection id, secret): M the 4 µs clock
   * (virtual time), F a hash of the two endpoints and the scenario's isnSeed.
   */
  private chooseIsn(h: Host, remote: string, isn: number | undefined): void {
    const t = h.main.ep.tcb;
    if (isn !== undefined) t.iss = isn >>> 0;
    else if (h.opened > 0) t.iss = this.clockIsn(h.name, remote);
    else t.iss = h.isn;
    t.sndUna = t.sndNxt = t.iss;
    h.opened++;
  }

  private clockIsn(host: string, remote: string): number {
    return (Math.floor(this.now_ * 250) + fnv(`${this.scenario.config.isnSeed}|${host}|${remote}`)) >>> 0;
  }

  /** An inject step: a segment from `from` (its seq relative to its ISN, ack to the receiver's) onto the link. */
  private injectSegment(x: InjectSpec): void {
    const from = this.host(x.from);
    const to = x.to ?? this.other(x.from);
    const flags = parseFlags(x.flags) ?? 0;
    const fromIsn = this.isnOf(from);
    const toIsn = this.isnOf(this.host(to));
    const relSeq = x.seq ?? 0;
    const relAck = x.ack ?? 0;
    const seg: Segment = {
      seq: x.absolute ? relSeq >>> 0 : (fromIsn + relSeq) >>> 0,
      ack: flags & ACK ? (x.absolute ? relAck >>> 0 : (toIsn + relAck) >>> 0) : 0,
      flags,
      len: x.len ?? 0,
      win: x.win ?? 65_535,
    };
    this.send(x.from, to, seg, from.main.ep.state, false, { injected: true });
  }

  /** The ISN relative numbers count from: a scripted host's `isn`, else its main TCB's ISS. */
  private isnOf(h: Host): number {
    return h.scripted ? h.isn : h.main.ep.tcb.iss;
  }

  /**
   * Spoofed SYNs are generated lazily, one per FLOOD_INTERVAL, so that memory holds the backlog and the
   * segments in flight, not the whole flood.
   */
  private flood(h: Host, syns: number): void {
    this.inFlight++;
    this.queue.push({ at: this.now_, order: this.order++, kind: 'flood', host: h, start: this.now_, sent: 0, total: syns });
  }

  private floodTick(t: FloodTick): void {
    const src = `spoof-${++this.spoofCount}`;
    const seg: Segment = { seq: fnv(src), ack: 0, flags: SYN, len: 0 };
    this.send(src, t.host.name, seg, 'CLOSED', true);
    const sent = t.sent + 1;
    if (sent < t.total) {
      this.inFlight++;
      const next: FloodTick = { at: t.start + sent * FLOOD_INTERVAL, order: this.order++, kind: 'flood', host: t.host, start: t.start, sent, total: t.total };
      this.queue.push(next);
    }
  }

  // ---------------------------------------------------------------- the link

  private transmit(conn: Conn, seg: Segment): void {
    if (conn.host.crashed || conn.host.scripted) return;
    const to = conn.remote ?? this.other(conn.host.name);
    const t = conn.ep.tcb;
    // ack relative to the receiver's ISN (packetdrill's numbers): a named receiver's, else our IRS.
    const peer = this.hosts.get(to);
    const relAck = seqDiff(seg.ack, peer ? this.isnOf(peer) : t.irs);
    this.send(conn.host.name, to, seg, conn.ep.state, !peer, { relSeq: seqDiff(seg.seq, t.iss), relAck });
  }

  private send(
    from: string,
    to: string,
    seg: Segment,
    fromState: TcpState,
    flood: boolean,
    extra: { injected?: boolean; relSeq?: number; relAck?: number } = {},
  ): void {
    this.counters.segments++;
    const relSeq = extra.relSeq ?? (extra.injected ? seqDiff(seg.seq, this.isnOf(this.host(from))) : seg.seq);
    const relAck = extra.relAck ?? (extra.injected && this.hosts.has(to) ? seqDiff(seg.ack, this.isnOf(this.host(to))) : seg.ack);
    const rec: SegmentRecord = {
      index: this.log.length,
      at: this.now_,
      from,
      to,
      flags: flagsString(seg.flags),
      seq: seg.seq,
      ack: seg.ack,
      len: seg.len,
      win: seg.win ?? 0,
      relSeq,
      relAck,
      ...(extra.injected ? { injected: true } : {}),
      dropped: false,
      fromState,
      step: this.currentStep,
      flood,
      order: this.eventNo++,
    };
    if (!flood || this.recordFlood) this.log.push(rec);
    // The sender's state after the event that sent it: set when that event is done (an injected
    // segment has no such event; a scripted sender has no state).
    if (!flood && !extra.injected) this.pendingSent.push(rec);
    const delay = this.scenario.config.delay;
    if (!flood) {
      // An injected segment is the script's own: link faults apply to what the endpoints send.
      const fault = extra.injected ? undefined : this.matchFault(from, seg, relSeq);
      if (fault?.kind === 'drop') {
        rec.dropped = true;
        rec.reason = 'link';
        return;
      }
      for (const h of this.held) {
        if (h.rec.from === from && h.overtakers > 0 && --h.overtakers === 0) {
          // The held segment now arrives just after this one.
          this.schedule(rec, seg, this.now_ + delay);
          if (h.item) h.item.cancelled = true;
          this.schedule(h.rec, h.seg, this.now_ + delay + 1);
          this.held.splice(this.held.indexOf(h), 1);
          return;
        }
      }
      if (fault?.kind === 'reorder') {
        // Held back until `overtakers` later segments from the same sender passed it, or 4 delays at most.
        const held: Held = { rec, seg, overtakers: fault.overtakers, item: undefined };
        held.item = this.schedule(rec, seg, this.now_ + 4 * Math.max(delay, 1));
        this.held.push(held);
        return;
      }
      if (fault?.kind === 'duplicate') {
        rec.duplicated = true;
        this.schedule(rec, seg, this.now_ + delay);
        this.schedule(rec, seg, this.now_ + delay + 1);
        return;
      }
    }
    this.schedule(rec, seg, this.now_ + delay);
  }

  private schedule(rec: SegmentRecord, seg: Segment, at: number): Arrival {
    const item: Arrival = { at, order: this.order++, kind: 'arrive', rec, seg, cancelled: false };
    this.inFlight++;
    this.queue.push(item);
    return item;
  }

  private matchFault(from: string, seg: Segment, relSeq: number): Fault | undefined {
    for (let i = 0; i < this.faults.length; i++) {
      const f = this.faults[i]!;
      if (f.from !== undefined && f.from !== from) continue;
      if (f.flags !== undefined && f.flags !== seg.flags) continue;
      if (f.seq !== undefined && (f.absolute ? seg.seq !== f.seq >>> 0 : relSeq !== f.seq)) continue;
      if (--f.remaining <= 0) this.faults.splice(i, 1);
      return f;
    }
    return undefined;
  }

  private arrive(rec: SegmentRecord, seg: Segment): void {
    const held = this.held.find((h) => h.rec === rec);
    if (held) this.held.splice(this.held.indexOf(held), 1);
    const host = this.hosts.get(rec.to);
    if (!host) return; // a flood source: unreachable, nobody answers
    if (host.crashed) {
      rec.dropped = true;
      rec.reason = 'host down';
      return;
    }
    rec.arrivedAt = this.now_;
    rec.arrivalOrder = this.eventNo++;
    rec.arrivalStep = this.currentStep;
    if (host.scripted) return; // a script reads what arrives; it answers only through inject steps
    const conn = this.connFor(host, rec.from, seg);
    if (!conn) return;
    const backlogFull = host.halfOpen >= host.backlog;
    // Only LISTEN reads the cookie (a cookie SYN,ACK, or the ACK that answers one).
    const listening = host.listening;
    const ev: TcpEvent = host.syncookies && conn.ep.state === 'LISTEN'
      ? { type: 'SEGMENT', seg, backlogFull, listening, cookie: fnv(`${host.name}|${rec.from}|cookie`) }
      : { type: 'SEGMENT', seg, backlogFull, listening };
    const t = this.deliverWith(conn, ev);
    const verdict: ReceiveVerdict | undefined = t === undefined ? { kind: 'ignoredIn', state: rec.toState ?? conn.ep.state } : guardVerdict(t.guardName);
    if (verdict) {
      rec.verdict = verdictText(verdict);
      rec.verdictCode = verdict;
    }
    rec.toState = conn.ep.state;
    if (!conn.main && (!conn.alive || conn === host.listener)) rec.toState = host.main.ep.state;
  }

  /** Demultiplex: the main TCB if it belongs to this peer (or is free), else an extra TCB. */
  private connFor(host: Host, from: string, seg: Segment): Conn | undefined {
    const main = host.main;
    const named = this.hosts.has(from);
    if (named && (main.remote === from || (main.remote === undefined && (main.ep.state === 'LISTEN' || main.ep.state === 'CLOSED')))) {
      main.remote = from;
      // A listening host serves a new connection per SYN: its main TCB, closed after an earlier
      // connection, is listening again (the socket that listen() made never stopped).
      if (main.ep.state === 'CLOSED' && host.listening && isSynOnly(seg)) {
        this.deliver(main, { type: 'PASSIVE_OPEN' });
        main.remote = from;
      }
      if (main.ep.state === 'LISTEN' && isSynOnly(seg)) this.chooseIsn(host, from, undefined);
      return main;
    }
    const existing = host.extra.get(from);
    if (existing) return existing;
    // A SYN when the backlog is full stays in LISTEN (answered with a cookie or dropped): the shared
    // listener takes it, so a flood does not build (and discard) a TCB per spoofed SYN.
    if (host.listening && isSynOnly(seg) && host.halfOpen >= host.backlog) {
      const listener = (host.listener ??= this.newListener(host));
      listener.remote = from;
      return listener;
    }
    // A new connection to a host whose main TCB is taken: a TCB of its own, from LISTEN if the host
    // listens (flood SYNs land here), else a CLOSED one that answers with a RST.
    // Its own connection, its own ISN from the RFC 6528 clock (as every later connection of a host).
    const conn = this.newConn(host, false, from, this.clockIsn(host.name, from));
    if (host.listening && seg.flags & (SYN | ACK)) {
      fire(this.machine, conn.ep, { type: 'PASSIVE_OPEN' }, conn.fx);
    }
    host.extra.set(from, conn);
    return conn;
  }
}


export function createSimulation(scenario: TcpScenario, options: SimulationOptions = {}): Simulation {
  return new Simulation(scenario, options);
}

export function runScenario(scenario: TcpScenario, options: SimulationOptions = {}): RunResult {
  return new Simulation(scenario, options).run();
}

