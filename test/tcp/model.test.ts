/**
 * Model-based test of the endpoint machine with xstate/graph: shortest paths reach every abstract
 * state of the graph form (explicit timeout events), one more step from each end state tries every
 * event the peer, the application or a timer could produce, and
 *  - every transition the machine declares is taken by some generated step, and
 *  - every state change along the way is a row of the RFC 9293 transition table
 *    (test/data/rfc9293-transitions.json, transcribed from figure 5 and section 3.10).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { transition as xTransition, type SnapshotFrom } from 'xstate';
import { createEndpointMachine } from '../../src/tcp/endpoint.machine.js';
import { compileMachine, fire, type CompiledTransition } from '../../src/tcp/engine.js';
import { listTransitions } from '../../src/tcp/transitions.js';
import type { Tcb, TcbInput, TcpEvent } from '../../src/tcp/tcb.js';
import { eventsFor } from './helpers/events.js';
import type { ProfileName } from '../../src/tcp/profile.js';
import type { TcpState } from '../../src/tcp/states.js';

interface Row {
  from: string;
  event: string;
  to: string;
  ref: string;
  rfc?: boolean;
  /** The row holds for this profile only (a named profile difference). */
  profile?: ProfileName;
}
const allRows: Row[] = JSON.parse(readFileSync(new URL('../data/rfc9293-transitions.json', import.meta.url), 'utf8')).transitions;
const rowsOf = (profile: ProfileName) => allRows.filter((r) => r.profile === undefined || r.profile === profile);

/** Abstract state: what decides which transitions are enabled, not the sequence numbers themselves. */
function serialize(s: { value: unknown; context: Tcb }): string {
  const t = s.context;
  return JSON.stringify([
    s.value,
    t.passive,
    t.keepalive,
    t.timers,
    Math.min(t.retransmits, 2),
    Math.min(t.probesSent, 2),
    t.sndUna !== t.sndNxt,
    t.finSent,
    t.sendQueue > 0,
    t.unread > 0,
    t.closePending,
    t.ooo.length > 0,
    t.finReceived,
  ]);
}

/** The RFC-table name of a state-changing transition of the machine. */
function rfcEvent(t: CompiledTransition): string {
  switch (t.event) {
    case 'PASSIVE_OPEN':
      return 'OPEN passive';
    case 'ACTIVE_OPEN':
      return 'OPEN active';
    case 'CLOSE':
      return t.guardName === 'closeWithUnreadData' ? 'CLOSE with unread data' : 'CLOSE';
    case 'TIME_WAIT_TIMEOUT':
      return 'timeout 2MSL';
    case 'FIN_WAIT_2_TIMEOUT':
      return 'FIN_WAIT_2 timeout';
    case 'KEEPALIVE_TIMEOUT':
      return 'keepalive give-up';
    case 'RETRANSMISSION_TIMEOUT':
      return t.guardName === 'retransmissionsExhaustedPassive' ? 'retransmission give-up (passive open)' : 'user timeout';
    case 'USER_TIMEOUT':
      return 'user timeout';
    case 'SEGMENT':
      return (
        {
          isSyn: 'rcv SYN',
          isSimultaneousSyn: 'rcv SYN',
          isSynAckAcceptable: 'rcv SYN,ACK',
          acksOurSyn: 'rcv ACK of SYN',
          acksOurSynWithFin: 'rcv ACK of SYN with FIN',
          acksOurSynClosePending: 'rcv ACK of SYN, CLOSE queued',
          acksOurSynClosePendingWithFin: 'rcv ACK of SYN with FIN, CLOSE queued',
          isSimultaneousSynAck: 'rcv SYN,ACK',
          isNewSynFromListen: 'rcv SYN (passive open)',
          isNewSynInTimeWait: 'rcv SYN above RCV.NXT',
          isUnacceptableWithAck: 'rcv ACK (timewait rescheduled)',
          hasAck: 'rcv ACK (timewait rescheduled)',
          acksOurFin: 'rcv ACK of FIN',
          finArrives: 'rcv FIN',
          isPeerFin: 'rcv FIN',
          finAcksOurFin: 'rcv FIN,ACK of FIN',
          isRstAcceptable: 'rcv RST',
          isRstExact: 'rcv RST',
          isRstAtFinSequence: 'rcv RST',
          isRstExactFromListen: 'rcv RST (passive open)',
          acksSynCookie: 'rcv ACK with valid SYN cookie',
          dataAfterClose: 'rcv data after close',
        } as Record<string, string>
      )[t.guardName ?? ''] ?? `SEGMENT ${t.guardName}`;
    default:
      return t.event;
  }
}

function key(t: { from: string; event: string; guard?: string | undefined; to: string }): string {
  return `${t.from} ${t.event}${t.guard ? `[${t.guard}]` : ''} -> ${t.to}`;
}

const INPUTS: TcbInput[] = [
  { isn: 100, config: { retries: 1, keepaliveProbes: 1 } },
  { isn: 100, config: { retries: 1, keepaliveProbes: 1, userTimeout: 5_000 } },
  { isn: 100, syncookies: true, config: { retries: 1, keepaliveProbes: 1 } },
  { isn: 100, appReads: false, config: { retries: 1, keepaliveProbes: 1 } },
];

function explore(profile: ProfileName) {
  const machine = createEndpointMachine(profile, 'explicit');
  const compiled = compileMachine(profile);
  const covered = new Set<string>();
  const changes: { from: string; to: string; t: CompiledTransition }[] = [];
  let paths = 0;
  const noop = { send() {}, startTimer() {}, cancelTimer() {} };
  for (const input of INPUTS) {
    const generated = getShortestPaths(machine, {
      input,
      events: (s: SnapshotFrom<typeof machine>) => eventsFor(s.context, String(s.value)),
      serializeState: (s: SnapshotFrom<typeof machine>) => serialize(s),
    });
    paths += generated.length;
    for (const path of generated) {
      // Replay the path's steps and one more step of every event from its end state.
      const replay: { state: SnapshotFrom<typeof machine>; event: TcpEvent }[] = path.steps
        .slice(1)
        .map((st, i) => ({ state: path.steps[i]!.state, event: st.event as TcpEvent }));
      for (const ev of eventsFor(path.state.context, String(path.state.value))) replay.push({ state: path.state, event: ev });
      for (const { state, event } of replay) {
        const from = String(state.value) as TcpState;
        const ep = { state: from, tcb: { ...state.context } };
        const t = fire(compiled, ep, event, noop);
        if (!t) continue;
        covered.add(key({ from, event: t.event, guard: t.guardName, to: t.target ?? from }));
        if (t.target !== undefined && (t.target !== from || t.reenter)) changes.push({ from, to: t.target, t });
        // The engine and xstate's own transition() agree on every generated step.
        const [next] = xTransition(machine, state, event);
        expect(String(next.value), `${from} ${JSON.stringify(event)}`).toBe(ep.state);
      }
    }
  }
  return { covered, changes, paths };
}

describe.each(['rfc9293', 'linux'] as const)('endpoint machine, profile %s, walked by xstate/graph', (profile) => {
  const { covered, changes, paths } = explore(profile);
  const table = rowsOf(profile);

  it('generates paths', () => {
    expect(paths).toBeGreaterThan(50);
  });

  it('covers every transition the machine declares', () => {
    const declared = listTransitions(profile).map((t) => key({ ...t }));
    const missing = declared.filter((k) => !covered.has(k));
    expect(missing).toEqual([]);
  });

  it('changes state only along rows of the RFC 9293 table (figure 5, section 3.10)', () => {
    const unknown = new Set<string>();
    for (const c of changes) {
      const event = rfcEvent(c.t);
      if (!table.some((r) => r.from === c.from && r.to === c.to && r.event === event)) unknown.add(`${c.from} --${event}--> ${c.to}`);
    }
    expect([...unknown]).toEqual([]);
  });

  it('gives up a passive open as the profile says: rfc9293 closes (3.10.8), linux keeps the listener', () => {
    const giveUps = new Set(
      changes.filter((c) => c.from === 'SYN_RECEIVED' && c.t.event === 'RETRANSMISSION_TIMEOUT').map((c) => `${c.t.guardName} -> ${c.to}`),
    );
    expect([...giveUps].sort()).toEqual(
      profile === 'linux'
        ? ['retransmissionsExhausted -> CLOSED', 'retransmissionsExhaustedPassive -> LISTEN']
        : ['retransmissionsExhausted -> CLOSED'],
    );
  });

  it('takes every RFC 9293 figure 5 transition', () => {
    const taken = new Set(changes.map((c) => `${c.from} ${rfcEvent(c.t)} ${c.to}`));
    const rfcRows = table.filter((r) => r.rfc !== false);
    expect(rfcRows.filter((r) => !taken.has(`${r.from} ${r.event} ${r.to}`)).map((r) => `${r.from} ${r.event} ${r.to}`)).toEqual([]);
  });
});
