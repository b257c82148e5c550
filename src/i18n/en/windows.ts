import type { RoundEvent } from '../../tcp/bulk.js';
import type { Phase } from '../../tcp/congestion.js';

const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
};

/**
 * Window runs (`netkata tcp run <window scenario>`, src/cli/render/tcp-windows.ts) and the window view of
 * the simulator screen (src/ui/tcp/WindowView.tsx): flow and congestion control by round.
 */
export const windows = {
  round: (n: number, of: number) => `round ${n} of ${of}`,
  bar: (scale: number) => `sender's window when the round began (one cell = ${scale} units)`,
  sentAcked: 'sent, acknowledged',
  sentUnacked: 'sent, not acknowledged',
  usable: 'usable',
  notAllowed: 'not yet allowed',
  sent: (n: number) => `sent this round: ${n}`,
  plot: 'cwnd and ssthresh so far',
  next: 'next round',
  previous: 'previous round',
  back: 'back',

  /** The per-round table's column heads (cwnd, ssthresh and rwnd are symbols in both languages). */
  head: { round: 'round', flight: 'in flight', sent: 'sent', phase: 'phase', event: 'event' },
  phase: { 'slow-start': 'slow-start', avoidance: 'avoidance', recovery: 'recovery' } satisfies Record<Phase, string>,
  /** A congestion control variant: its name and the RFC that defines it, if one does (Tahoe has none). */
  variant: (name: string, rfc: string | undefined) => (rfc === undefined ? name : `${name} (${rfc})`),

  /** A round's events (src/tcp/bulk.ts RoundEvent), numbers in the run's unit. */
  event: {
    fastRetransmit: (ssthresh: number, cwnd: number) => `3 dup ACKs: fast retransmit, ssthresh ${ssthresh}, cwnd ${cwnd}`,
    partialAck: (cwnd: number) => `partial ACK: retransmit the next hole, cwnd ${cwnd}`,
    recoveryExit: (cwnd: number) => `recovery ends: cwnd = ssthresh = ${cwnd}`,
    timeout: (ssthresh: number, cwnd: number) => `timeout: ssthresh ${ssthresh}, cwnd ${cwnd}, slow start`,
    noFastRetransmit: (recover: number) => `3 dup ACKs not past recover (${recover}): no fast retransmit`,
    lost: (seq: number) => `lost seq ${seq}`,
    lostCount: (n: number) => `${n} lost`,
    dupAcks: (n: number) => `${n} dup ACK${n === 1 ? '' : 's'}`,
    zeroWindow: 'zero window: persist timer',
    probe: (seq: number) => `window probe seq ${seq}`,
    updateLost: 'window update lost',
    windowUpdate: (win: number) => `window update: rwnd ${win}`,
    done: 'all acknowledged',
  },
  /** Between two events of one round. */
  eventJoin: '; ',
  /** An event kind as a scenario's `expect: event` names it, in a failed expectation. */
  eventName: {
    timeout: 'timeout', 'fast-retransmit': 'fast-retransmit', 'partial-ack': 'partial-ack', 'recovery-exit': 'recovery-exit',
    'no-fast-retransmit': 'no-fast-retransmit', lost: 'lost', 'dup-acks': 'dup-acks', 'zero-window': 'zero-window', probe: 'probe',
    'update-lost': 'update-lost', 'window-update': 'window-update', done: 'done',
  } satisfies Record<RoundEvent['kind'], string>,
  eventNameJoin: ', ',

  /** What the profile says beside the run; the linux ones name what Linux does instead. */
  notes: {
    congestion: (variant: string, unit: string, iw: number) => `congestion control: ${variant}; unit: ${unit}; initial window ${iw}`,
    segments: 'segments',
    bytes: (mss: number) => `bytes (MSS ${mss})`,
    linuxCubic: (variant: string) => `linux: the default congestion control is CUBIC (RFC 9438; net.ipv4.tcp_congestion_control = cubic), not simulated here: this run uses ${variant}`,
    linuxIw: 'linux: initial window 10 segments (RFC 6928, TCP_INIT_CWND)',
    linuxPrr: 'linux: fast recovery sends by Proportional Rate Reduction (RFC 6937), not by inflating cwnd with each duplicate ACK',
    linuxProbe: 'linux: a zero-window probe is a segment with an old sequence number and no data (tcp_xmit_probe_skb), not one new byte',
  },

  /** The plot's legend: the two lines (by colour, or by order without colour) and the axes. */
  legend: {
    cwnd: (mark: string) => `cwnd ${mark}`,
    ssthresh: (mark: string) => `ssthresh ${mark}`,
    first: '(first line)',
    second: '(second line)',
    x: (step: number) => `x: round${step > 1 ? ` (every ${ordinal(step)})` : ''}`,
    y: (unit: 'segments' | 'bytes') => `y: ${unit === 'bytes' ? 'bytes' : 'segments'}`,
    join: '  ',
    axesJoin: ', ',
  },

  /** A failed expectation of the scenario (`expect:`), the verdict line under the plot. */
  failure: {
    ended: (round: number, rounds: number) => `round ${round}: the run ended after ${rounds} rounds`,
    field: (round: number, field: string, got: string, want: string) => `round ${round}: ${field} ${got}, expected ${want}`,
    noEvent: (round: number, event: string, events: string) => `round ${round}: no ${event} (events: ${events || 'none'})`,
    /** The scenario's field names (`expect:` keys) as the failure names them; cwnd, ssthresh, rwnd are symbols. */
    fields: { flight: 'flight', sent: 'sent', phase: 'phase' },
  },
  failLine: (failure: string) => `FAIL ${failure}`,
  finalFailed: (n: number) => `final: ${n} expectation(s) FAILED`,
  finalPassed: (complete: boolean) => `final: ${complete ? 'all data delivered and acknowledged' : 'data left after the last round'}; expectations passed`,
};
