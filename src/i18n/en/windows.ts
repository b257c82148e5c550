/** The window view of the simulator screen (src/ui/tcp/WindowView.tsx): flow and congestion control by round. */
export const windows = {
  round: (n: number, of: number) => `round ${n} of ${of}`,
  bar: 'sender\'s window when the round began',
  sentAcked: 'sent, acknowledged',
  sentUnacked: 'sent, not acknowledged',
  usable: 'usable',
  notAllowed: 'not yet allowed',
  scale: (n: number) => `one cell = ${n} units`,
  sent: (n: number) => `sent this round: ${n}`,
  plot: 'cwnd and ssthresh so far',
  next: 'next round',
  previous: 'previous round',
  back: 'back',
};
