/**
 * The endpoint machine's transitions, as the conformance check needs them, for the linux profile:
 * src/tcp/transitions.ts reads them from the machine itself; nothing is restated here.
 */
import { listTransitions } from '../tcp/transitions.js';
import { LINUX } from '../tcp/profile.js';
import type { ConformanceOptions, MachineTransition } from './conformance.js';

/** State-changing transitions (targetless ones and TIME_WAIT's re-entry change nothing we can see). */
export function linuxTransitions(): MachineTransition[] {
  return listTransitions('linux')
    .filter((t) => !t.internal && t.from !== t.to)
    .map((t) => ({ from: t.from, to: t.to, event: t.event, ...(t.guard ? { guard: t.guard } : {}) }));
}

export function linuxConformanceOptions(): ConformanceOptions {
  return {
    profile: 'linux',
    transitions: linuxTransitions(),
    timerMinimum: {
      TIME_WAIT_TIMEOUT: LINUX.timeWaitLength ?? 2 * LINUX.defaults.msl,
      FIN_WAIT_2_TIMEOUT: LINUX.defaults.finWait2Timeout,
      // Giving up needs several backed-off retransmissions: at least 3 (tcp_retries1) from TCP_RTO_MIN
      // (200 ms): 200 + 400 + 800 ms. Keepalive probing needs at least Node's 1 s idle.
      'RETRANSMISSION_TIMEOUT[retransmissionsExhausted]': 1400,
      'RETRANSMISSION_TIMEOUT[retransmissionsExhaustedPassive]': 1400,
      KEEPALIVE_TIMEOUT: 1000,
      // No experiment sets TCP_USER_TIMEOUT: the user timeout never fires on these sockets.
      USER_TIMEOUT: Number.POSITIVE_INFINITY,
    },
  };
}

/** Where Linux differs from RFC 9293 in ways these experiments can show; printed with every report. */
export const LINUX_DIFFERENCES: readonly { readonly id: string; readonly text: string }[] = [
  {
    id: 'rst-no-time-wait',
    text: 'An abort (SO_LINGER 0, or close() with unread data: RFC 1122 4.2.2.13) sends RST and frees the socket at once: CLOSED without FIN_WAIT or TIME_WAIT; the peer drops its socket on the RST with ECONNRESET.',
  },
  {
    id: 'time-wait-60s',
    text: 'TIME_WAIT lasts a fixed 60 s (TCP_TIMEWAIT_LEN), not 2*MSL, and is not tunable; /proc/net/tcp shows the time left (timer 3).',
  },
  {
    id: 'orphan-fin-wait-2',
    text: 'An orphaned FIN_WAIT_2 (the application closed its descriptor) is held as a timewait socket (inode 0, timer 3) for tcp_fin_timeout (60 s); RFC 9293 would wait for the FIN without limit.',
  },
  {
    id: 'listener-clones',
    text: 'The listener stays in LISTEN; each connection is a new socket cloned from it (SYN_RECV request socket, then ESTABLISHED). RFC 9293 describes one TCB that leaves LISTEN; the check follows that view for the server end.',
  },
];
