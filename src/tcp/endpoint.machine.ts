/**
 * The machine of one TCP endpoint: one TCB, the 11 states of RFC 9293 3.3.2 (figure 5) and the segment
 * processing of 3.10.7. Guards and actions are named as the RFC describes them and implemented in
 * tcb.ts; this file states which of them apply in which state.
 *
 * createEndpointMachine(profile, mode) builds one of two forms from the one config below:
 * - "scheduled" timers: starting a timer raises its timeout event after the delay named in
 *   setup({ delays }), so the machine runs by itself on xstate's clock (SimulatedClock in tests).
 * - "explicit" timers: starting a timer only marks it running in the context; the timeout events
 *   (RETRANSMISSION_TIMEOUT, ...) are sent from outside. xstate/graph walks this form, and the
 *   simulator's table engine (engine.ts) compiles it once per profile and runs it on its own virtual clock.
 */
import { setup } from 'xstate';
import {
  actions as tcbActions,
  createTcb,
  guards as tcbGuards,
  TIMER_DELAY,
  TIMER_EVENT,
  timerDelay,
  type Action,
  type ActionName,
  type Effects,
  type GuardName,
  type Tcb,
  type TcbInput,
  type TcpEvent,
  type TimerName,
} from './tcb.js';
import type { Segment } from './segment.js';
import { getProfile, type ProfileName } from './profile.js';
import type { TcpState } from './states.js';

export type { Tcb as TcpContext, TcbInput as TcpInput, TcpEvent } from './tcb.js';

export { TCP_STATES, isTcpState, type TcpState } from './states.js';

/** Emitted by the machine for every segment it sends. */
export interface SegmentEmitted {
  readonly type: 'segment';
  readonly segment: Segment;
}

export type TimerMode = 'scheduled' | 'explicit';

interface TransitionSpec {
  readonly target?: TcpState;
  readonly guard?: GuardName;
  readonly actions?: ActionName | readonly ActionName[];
  readonly reenter?: boolean;
}
type On = Partial<Record<TcpEvent['type'], TransitionSpec | readonly TransitionSpec[]>>;
interface StateSpec {
  readonly entry?: readonly ActionName[];
  readonly exit?: readonly ActionName[];
  readonly on: On;
}

// The first checks of RFC 9293 3.10.7.4 that every synchronized state shares, in the RFC's order:
// first (sequence number: a RST outside the window is dropped, any other unacceptable segment is ACKed),
// second (RST: exact resets, inexact draws an RFC 5961 challenge ACK), fourth (SYN: challenge ACK),
// fifth's opening ("if the ACK bit is off drop the segment"). What follows is each state's own.
const RST_OUT_OF_WINDOW: TransitionSpec = { guard: 'isRstOutOfWindow' };
const CHALLENGE_SYN: TransitionSpec = { guard: 'hasSyn', actions: 'sendChallengeAck' };
const UNACCEPTABLE: TransitionSpec = { guard: 'isUnacceptable', actions: 'ackUnacceptable' };
const RST_INEXACT: TransitionSpec = { guard: 'isRstInexact', actions: 'sendChallengeAck' };
const NO_ACK: TransitionSpec = { guard: 'hasNoAck' };
/** ESTABLISHED, FIN_WAIT_1/2, CLOSE_WAIT: a RST at RCV.NXT is "connection reset" for the application. */
const SYNC_CHECKS: readonly TransitionSpec[] = [
  RST_OUT_OF_WINDOW,
  CHALLENGE_SYN,
  UNACCEPTABLE,
  { guard: 'isRstExact', target: 'CLOSED', actions: 'signalReset' },
  RST_INEXACT,
  NO_ACK,
];
/** CLOSING, LAST_ACK: a RST at RCV.NXT closes without an error to report (the application closed). */
const CLOSING_CHECKS: readonly TransitionSpec[] = [
  RST_OUT_OF_WINDOW,
  CHALLENGE_SYN,
  UNACCEPTABLE,
  { guard: 'isRstExact', target: 'CLOSED' },
  RST_INEXACT,
  NO_ACK,
];
const RETRANSMIT: readonly TransitionSpec[] = [
  { guard: 'retransmissionsExhausted', target: 'CLOSED', actions: 'signalTimeout' },
  { actions: 'retransmit' },
];
// RFC 9293 3.10.8 USER TIMEOUT: "flush all queues, signal the user ... delete the TCB, enter CLOSED".
const USER_TIMEOUT: TransitionSpec = { target: 'CLOSED', actions: 'signalTimeout' };
const ABORT_WITH_RST: TransitionSpec = { target: 'CLOSED', actions: 'sendReset' };
// RFC 9293 3.10.2 SEND after CLOSE: "Return 'error: connection closing' and do not service request" (EPIPE).
const SEND_CLOSING: TransitionSpec = { actions: 'signalClosing' };

/** The states and transitions of RFC 9293 figure 5 and section 3.10, for one profile. */
export function endpointStates(profile: ProfileName = 'rfc9293'): Record<TcpState, StateSpec> {
  const p = getProfile(profile);
  // Linux answers data that arrives after close() with a RST (tcp_rcv_state_process); RFC 9293 keeps
  // receiving in FIN_WAIT_1/2 because its CLOSE only means "I have no more to send".
  const dataAfterClose: readonly TransitionSpec[] = p.resetOnDataAfterClose
    ? [{ guard: 'dataAfterClose', target: 'CLOSED', actions: 'sendResetForDataAfterClose' }]
    : [];
  // Linux tcp_close (RFC 1122 4.2.2.13): close() with unread received data resets the connection.
  const closeWithUnread: readonly TransitionSpec[] = p.resetOnCloseWithUnreadData
    ? [{ guard: 'closeWithUnreadData', target: 'CLOSED', actions: 'sendResetForDataAfterClose' }]
    : [];
  // Linux drops the unanswered request sock and its listener stays in LISTEN (inet_csk_reqsk_queue_prune);
  // RFC 9293 closes the connection that ran out of retries (profile.ts listenerSurvivesSynAckGiveUp).
  const synAckGiveUp: readonly TransitionSpec[] = p.listenerSurvivesSynAckGiveUp
    ? [{ guard: 'retransmissionsExhaustedPassive', target: 'LISTEN', actions: 'returnToListen' }]
    : [];
  // Linux tcp_check_req answers the peer's repeated SYN with the SYN,ACK again; RFC 9293's first check
  // finds it old and ACKs it (UNACCEPTABLE below).
  const duplicateSyn: readonly TransitionSpec[] = p.synAckOnDuplicateSyn ? [{ guard: 'isDuplicateSyn', actions: 'resendSynAck' }] : [];
  // RFC 9293 3.10.4: CLOSE in SYN_RECEIVED sends the FIN at once if nothing was sent or queued, else it
  // waits for ESTABLISHED; Linux always defers it (profile.ts deferCloseInSynReceived).
  const closeInSynReceived: readonly TransitionSpec[] = p.deferCloseInSynReceived
    ? [{ actions: 'queueClose' }]
    : [{ guard: 'nothingQueued', target: 'FIN_WAIT_1', actions: 'sendFin' }, { actions: 'queueClose' }];
  const keepalive: readonly TransitionSpec[] = [
    { guard: 'probesExhausted', target: 'CLOSED', actions: p.keepaliveRstOnGiveUp ? ['sendResetOnKeepaliveTimeout', 'signalTimeout'] : 'signalTimeout' },
    { actions: 'sendKeepaliveProbe' },
  ];
  const timeWaitSyn: readonly TransitionSpec[] = p.reopenFromTimeWait
    ? [{ guard: 'isNewSynInTimeWait', target: 'SYN_RECEIVED', actions: 'reopenFromTimeWait' }]
    : [];
  // TIME_WAIT: RFC 9293 restarts 2MSL only on the peer's FIN; Linux on any segment with ACK.
  const timeWaitOld: readonly TransitionSpec[] = p.timeWaitRestartOnAnyAck
    ? [{ guard: 'isUnacceptableWithAck', target: 'TIME_WAIT', reenter: true, actions: 'ackUnacceptable' }]
    : [];
  // Linux tcp_reset_check (profile rstAtFinSequence): after the peer's FIN, a RST at its number resets;
  // before the first check, which would drop it as just below the window.
  const rstAtFin = (actions?: ActionName): readonly TransitionSpec[] =>
    p.rstAtFinSequence ? [{ guard: 'isRstAtFinSequence', target: 'CLOSED', ...(actions ? { actions } : {}) }] : [];
  return {
    CLOSED: {
      entry: ['deleteTcb'],
      on: {
        PASSIVE_OPEN: { target: 'LISTEN' },
        ACTIVE_OPEN: { target: 'SYN_SENT', actions: 'sendSyn' },
        // RFC 9293 3.10.7.1: everything but a RST is answered with a RST.
        SEGMENT: [{ guard: 'isRst' }, { actions: 'sendResetForSegment' }],
      },
    },
    LISTEN: {
      on: {
        SEGMENT: [
          { guard: 'isRst' },
          { guard: 'acksSynCookie', target: 'ESTABLISHED', actions: 'acceptSynCookie' },
          { guard: 'isAck', actions: 'sendResetForAck' },
          { guard: 'isSynWithBacklogFullAndCookies', actions: 'sendSynCookie' },
          { guard: 'isSynWithBacklogFull' }, // dropped: no room for another half-open TCB
          { guard: 'isSyn', target: 'SYN_RECEIVED', actions: 'acceptSyn' },
        ],
        // RFC 9293 3.10.1: OPEN active on a listening TCB: "change the connection from passive to active".
        ACTIVE_OPEN: { target: 'SYN_SENT', actions: 'sendSyn' },
        // RFC 9293 3.10.2: SEND in LISTEN turns the passive open into an active one.
        SEND: { target: 'SYN_SENT', actions: ['queueData', 'sendSyn'] },
        CLOSE: { target: 'CLOSED' },
        ABORT: { target: 'CLOSED' },
      },
    },
    SYN_SENT: {
      on: {
        SEGMENT: [
          { guard: 'isRstAcceptable', target: 'CLOSED', actions: 'signalRefused' },
          { guard: 'isRst' },
          { guard: 'hasUnacceptableAck', actions: 'sendResetForAck' },
          { guard: 'isSynAckAcceptable', target: 'ESTABLISHED', actions: 'acceptSynAck' },
          { guard: 'isSimultaneousSyn', target: 'SYN_RECEIVED', actions: 'acceptSimultaneousSyn' },
          // "If neither of the SYN or RST bits is set, then drop the segment and return."
        ],
        RETRANSMISSION_TIMEOUT: [
          { guard: 'retransmissionsExhausted', target: 'CLOSED', actions: 'signalTimeout' },
          { actions: 'retransmitSyn' },
        ],
        USER_TIMEOUT: USER_TIMEOUT,
        SEND: { actions: 'queueData' },
        CLOSE: { target: 'CLOSED' },
        ABORT: { target: 'CLOSED' },
      },
    },
    SYN_RECEIVED: {
      on: {
        SEGMENT: [
          ...duplicateSyn,
          // Figure 7 line 6: the SYN,ACK of a simultaneous open (its SYN is old, its ACK is new).
          { guard: 'isSimultaneousSynAck', target: 'ESTABLISHED', actions: 'establish' },
          RST_OUT_OF_WINDOW,
          // Fourth check: from a passive OPEN, a new SYN returns the TCB to LISTEN.
          { guard: 'isNewSynFromListen', target: 'LISTEN', actions: 'returnToListen' },
          CHALLENGE_SYN,
          UNACCEPTABLE,
          // Second check: a passive OPEN returns to LISTEN, an active one was refused.
          { guard: 'isRstExactFromListen', target: 'LISTEN', actions: 'returnToListen' },
          { guard: 'isRstExact', target: 'CLOSED', actions: 'signalRefused' },
          RST_INEXACT,
          NO_ACK,
          { guard: 'hasBadAckInSynReceived', actions: 'sendResetForAck' },
          { guard: 'acksOurSynClosePendingWithFin', target: 'CLOSING', actions: 'establishThenClose' },
          { guard: 'acksOurSynClosePending', target: 'FIN_WAIT_1', actions: 'establishThenClose' },
          { guard: 'acksOurSynWithFin', target: 'CLOSE_WAIT', actions: 'establish' },
          { guard: 'acksOurSyn', target: 'ESTABLISHED', actions: 'establish' },
        ],
        RETRANSMISSION_TIMEOUT: [
          ...synAckGiveUp,
          // RFC 9293 3.8.3 R2 / 3.10.8 user timeout: the connection is closed (CLOSED, TCB deleted).
          { guard: 'retransmissionsExhausted', target: 'CLOSED', actions: 'signalTimeout' },
          { actions: 'retransmitSynAck' },
        ],
        USER_TIMEOUT: USER_TIMEOUT,
        // RFC 9293 3.10.2: "Queue the data for transmission after entering ESTABLISHED state."
        SEND: { actions: 'queueData' },
        CLOSE: closeInSynReceived,
        ABORT: ABORT_WITH_RST,
      },
    },
    ESTABLISHED: {
      entry: ['startKeepalive'],
      exit: ['stopKeepalive'],
      on: {
        SEGMENT: [...SYNC_CHECKS, { guard: 'finArrives', target: 'CLOSE_WAIT', actions: 'processSegment' }, { actions: 'processSegment' }],
        SEND: { actions: 'sendData' },
        CLOSE: [...closeWithUnread, { target: 'FIN_WAIT_1', actions: 'sendFin' }],
        ABORT: ABORT_WITH_RST,
        SET_KEEPALIVE: { actions: ['enableKeepalive', 'startKeepalive'] },
        RETRANSMISSION_TIMEOUT: RETRANSMIT,
        USER_TIMEOUT: USER_TIMEOUT,
        KEEPALIVE_TIMEOUT: keepalive,
      },
    },
    FIN_WAIT_1: {
      on: {
        SEGMENT: [
          ...SYNC_CHECKS,
          ...dataAfterClose,
          { guard: 'finAcksOurFin', target: 'TIME_WAIT', actions: 'processSegment' },
          { guard: 'finArrives', target: 'CLOSING', actions: 'processSegment' },
          { guard: 'acksOurFin', target: 'FIN_WAIT_2', actions: 'processSegment' },
          { actions: 'processSegment' },
        ],
        ABORT: ABORT_WITH_RST,
        SEND: SEND_CLOSING,
        RETRANSMISSION_TIMEOUT: RETRANSMIT,
        USER_TIMEOUT: USER_TIMEOUT,
      },
    },
    FIN_WAIT_2: {
      ...(p.finWait2TimerWhenOrphaned ? { entry: ['startFinWait2Timer'], exit: ['cancelFinWait2Timer'] } : {}),
      on: {
        SEGMENT: [
          ...SYNC_CHECKS,
          ...dataAfterClose,
          { guard: 'finArrives', target: 'TIME_WAIT', actions: 'processSegment' },
          { actions: 'processSegment' },
        ],
        ABORT: ABORT_WITH_RST,
        SEND: SEND_CLOSING,
        ...(p.finWait2TimerWhenOrphaned ? { FIN_WAIT_2_TIMEOUT: { guard: 'isOrphaned', target: 'CLOSED' } } : {}),
      },
    },
    CLOSE_WAIT: {
      entry: ['startKeepalive'],
      exit: ['stopKeepalive'],
      on: {
        SEGMENT: [...rstAtFin('signalReset'), ...SYNC_CHECKS, { actions: 'processSegment' }],
        SEND: { actions: 'sendData' },
        CLOSE: [...closeWithUnread, { target: 'LAST_ACK', actions: 'sendFin' }],
        ABORT: ABORT_WITH_RST,
        SET_KEEPALIVE: { actions: ['enableKeepalive', 'startKeepalive'] },
        RETRANSMISSION_TIMEOUT: RETRANSMIT,
        USER_TIMEOUT: USER_TIMEOUT,
        KEEPALIVE_TIMEOUT: keepalive,
      },
    },
    CLOSING: {
      on: {
        SEGMENT: [...rstAtFin(), ...CLOSING_CHECKS, { guard: 'acksOurFin', target: 'TIME_WAIT', actions: 'processSegment' }, { actions: 'processSegment' }],
        ABORT: { target: 'CLOSED' },
        SEND: SEND_CLOSING,
        RETRANSMISSION_TIMEOUT: RETRANSMIT,
        USER_TIMEOUT: USER_TIMEOUT,
      },
    },
    LAST_ACK: {
      on: {
        SEGMENT: [...rstAtFin(), ...CLOSING_CHECKS, { guard: 'acksOurFin', target: 'CLOSED' }, { actions: 'processSegment' }],
        ABORT: { target: 'CLOSED' },
        SEND: SEND_CLOSING,
        RETRANSMISSION_TIMEOUT: RETRANSMIT,
        USER_TIMEOUT: USER_TIMEOUT,
      },
    },
    TIME_WAIT: {
      entry: ['startTimeWaitTimer'],
      exit: ['cancelTimeWaitTimer'],
      on: {
        SEGMENT: [
          ...timeWaitSyn,
          RST_OUT_OF_WINDOW,
          CHALLENGE_SYN,
          // RFC 9293 3.10.7.4 fifth and eighth checks: the peer's FIN again is acknowledged and restarts 2MSL.
          { guard: 'isPeerFin', target: 'TIME_WAIT', reenter: true, actions: 'ackFinAgain' },
          ...timeWaitOld,
          UNACCEPTABLE,
          { guard: 'isRstExact', target: 'CLOSED' },
          RST_INEXACT,
          NO_ACK,
          ...(p.timeWaitRestartOnAnyAck ? [{ guard: 'hasAck' as const, target: 'TIME_WAIT' as const, reenter: true }] : []),
        ],
        ABORT: { target: 'CLOSED' },
        SEND: SEND_CLOSING,
        TIME_WAIT_TIMEOUT: { target: 'CLOSED' },
      },
    },
  };
}

export const GUARDS: Readonly<Record<string, (t: Tcb, ev: TcpEvent) => boolean>> = tcbGuards;
export const ACTIONS: Readonly<Record<string, Action>> = tcbActions;

const TYPES = {
  context: {} as Tcb,
  events: {} as TcpEvent,
  input: {} as TcbInput | undefined,
  emitted: {} as SegmentEmitted,
};
/** The delays of setup(), named as the timers they time (RFC 9293 3.8.1, 3.10.8; RFC 1122 4.2.3.6). */
const DELAYS = {
  RTO: ({ context }: { context: Tcb }) => timerDelay('retransmission', context),
  TIME_WAIT_LENGTH: ({ context }: { context: Tcb }) => timerDelay('timeWait', context),
  FIN_WAIT_2_TIMEOUT: ({ context }: { context: Tcb }) => timerDelay('finWait2', context),
  KEEPALIVE_TIME: ({ context }: { context: Tcb }) => timerDelay('keepalive', context),
  USER_TIMEOUT_LENGTH: ({ context }: { context: Tcb }) => timerDelay('user', context),
} satisfies Record<(typeof TIMER_DELAY)[TimerName], unknown>;
// Pure: a bundle that compiles its engine from the built-in tables (engine.ts) leaves xstate out.
const typedSetup = /* @__PURE__ */ setup({ types: TYPES, delays: DELAYS });

/** Run one action on a copy of the context, collecting its effects (what enqueueActions then enqueues). */
function runAction(name: ActionName, context: Tcb, event: TcpEvent) {
  const draft: Tcb = { ...context };
  const segments: Segment[] = [];
  const timerOps: [op: 'start' | 'cancel', name: TimerName][] = [];
  const fx: Effects = {
    send: (s) => segments.push(s),
    startTimer: (n) => timerOps.push(['start', n]),
    cancelTimer: (n) => timerOps.push(['cancel', n]),
  };
  tcbActions[name](draft, event, fx);
  return { draft, segments, timerOps };
}

function xstateActions(mode: TimerMode) {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(tcbActions) as ActionName[]) {
    out[name] = typedSetup.enqueueActions(({ context, event, enqueue }) => {
      const { draft, segments, timerOps } = runAction(name, context, event);
      enqueue.assign(() => draft);
      for (const segment of segments) enqueue.emit({ type: 'segment', segment });
      if (mode === 'explicit') return;
      for (const [op, timer] of timerOps) {
        // Starting a running timer restarts it: cancel the scheduled event first.
        enqueue.cancel(timer);
        // The delay is named (setup's delays) and resolved against the context assigned just above.
        if (op === 'start') enqueue.raise({ type: TIMER_EVENT[timer] }, { id: timer, delay: TIMER_DELAY[timer] });
      }
    });
  }
  return out;
}

/** The xstate config (states, transitions by guard and action name) of one profile. */
export function endpointConfig(profile: ProfileName = 'rfc9293') {
  const states: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(endpointStates(profile))) {
    const on: Record<string, unknown> = {};
    for (const [type, t] of Object.entries(spec.on)) {
      const list = (Array.isArray(t) ? t : [t]) as readonly TransitionSpec[];
      on[type] = list.map((x) => ({
        ...(x.target ? { target: x.target } : {}),
        ...(x.guard ? { guard: x.guard } : {}),
        ...(x.actions ? { actions: x.actions } : {}),
        ...(x.reenter ? { reenter: true } : {}),
      }));
    }
    states[name] = { ...(spec.entry ? { entry: spec.entry } : {}), ...(spec.exit ? { exit: spec.exit } : {}), on };
  }
  return {
    id: 'tcp',
    initial: 'CLOSED',
    context: ({ input }: { input: TcbInput | undefined }) => createTcb(input ?? {}, profile),
    states,
  };
}

/** Build the endpoint machine of a profile, in one of its two timer forms. */
export function createEndpointMachine(profile: ProfileName = 'rfc9293', mode: TimerMode = 'scheduled') {
  const guards: Record<string, (a: { context: Tcb; event: TcpEvent }) => boolean> = {};
  for (const [name, g] of Object.entries(GUARDS)) guards[name] = ({ context, event }) => g(context, event);
  return setup({
    types: TYPES,
    guards,
    // The record is built in a loop from tcb.ts's actions; each entry is typedSetup.enqueueActions(...).
    actions: xstateActions(mode) as Record<string, ReturnType<typeof typedSetup.enqueueActions>>,
    delays: DELAYS,
  }).createMachine(
    // The config is built from data (endpointStates); its guard and action names are checked there
    // against GuardName/ActionName, so xstate's literal inference has nothing more to check.
    endpointConfig(profile) as never,
  );
}

export type EndpointMachine = ReturnType<typeof createEndpointMachine>;
