/** Timers of one TCB. Each fires its own event (`<NAME>_TIMEOUT`) and is restarted by starting it again. */
export const TIMERS = ['retransmission', 'timeWait', 'finWait2', 'keepalive', 'user'] as const;
export type TimerName = (typeof TIMERS)[number];
export const TIMER_BIT: Readonly<Record<TimerName, number>> = { retransmission: 1, timeWait: 2, finWait2: 4, keepalive: 8, user: 16 };
export const TIMER_EVENT = {
  retransmission: 'RETRANSMISSION_TIMEOUT',
  timeWait: 'TIME_WAIT_TIMEOUT',
  finWait2: 'FIN_WAIT_2_TIMEOUT',
  keepalive: 'KEEPALIVE_TIMEOUT',
  user: 'USER_TIMEOUT',
} as const satisfies Record<TimerName, string>;
/** Delay names as declared in setup({ delays }). */
export const TIMER_DELAY = {
  retransmission: 'RTO',
  timeWait: 'TIME_WAIT_LENGTH',
  finWait2: 'FIN_WAIT_2_TIMEOUT',
  keepalive: 'KEEPALIVE_TIME',
  user: 'USER_TIMEOUT_LENGTH',
} as const satisfies Record<TimerName, string>;
