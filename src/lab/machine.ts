/**
 * The endpoint machine's transitions, as the conformance check needs them, for the linux profile:
 * src/tcp/transitions.ts reads them from the machine itself; nothing is restated here.
 */
import { listTransitions } from '../tcp/transitions.js';
import { LINUX } from '../tcp/profile.js';
import type { ConformanceOptions, MachineTransition } from './conformance.js';
import { lab as labText } from '../i18n/en/lab.js';

export type LinuxDifference = keyof typeof labText.linux;

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

/**
 * Where Linux differs from RFC 9293 in ways these experiments can show; printed with every report. The
 * text is the message catalogue's (src/i18n/en/lab.ts `linux`, with its zh beside it); the JSON report
 * carries this English text.
 */
export const LINUX_DIFFERENCES: readonly { readonly id: LinuxDifference; readonly text: string }[] = (
  Object.keys(labText.linux) as LinuxDifference[]
).map((id) => ({ id, text: labText.linux[id] }));
