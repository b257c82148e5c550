/** `netkata watch`: the live view of this machine's TCP sockets (src/watch/). */
export const watch = {
  start: (sockets: number, states: string, what: string) => `netkata watch: ${sockets} TCP socket${sockets === 1 ? '' : 's'} ${what}${states ? ` (${states})` : ''}; Ctrl-C for the summary`,
  everything: 'on this machine',
  port: (port: number) => `on port ${port}`,
  pid: (pid: number) => `of process ${pid} and its children`,
  portPid: (port: number, pid: number) => `on port ${port} of process ${pid} and its children`,
  appears: 'new',
  gone: 'gone',
  pileUp: (count: number, state: string) =>
    state === 'CLOSE_WAIT'
      ? `warning: ${count} sockets in CLOSE_WAIT: the peer has closed and the application has not (a leak if they stay)`
      : `warning: ${count} sockets in ${state}: many short connections closed from this side`,
  summary: (seconds: string, reads: number) => `summary after ${seconds} s (${reads} reads of /proc/net/tcp)`,
  followed: (n: number, transitions: number) => `sockets followed: ${n}, transitions: ${transitions}`,
  now: 'now',
  /** After a label (`now: `) and between the counts of the states. */
  labelSep: ': ',
  listSep: ', ',
  none: 'none',
  conformanceOk: (n: number) => `every sequence is a path of the endpoint machine (linux profile): ${n} socket${n === 1 ? '' : 's'}`,
  conformanceBad: (n: number) => `${n} step${n === 1 ? '' : 's'} the endpoint machine (linux profile) has no path for:`,
  noSuchProcess: 'no such process (or not one this user may read)',
  violations: (n: number) => `watch: ${n} step(s) the endpoint machine has no path for`,
};
