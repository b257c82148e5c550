/**
 * The app's "Real traffic" screens: a capture stepped through segment by segment, and this machine's
 * live sockets. The replay's and the watch's own words come from their sections (replay.ts, watch.ts);
 * state names, flags and seq/ack stay as they are in both languages.
 */
export const traffic = {
  choose: 'Real connections, state by state',
  capture: 'Open a capture',
  captureDesc: 'a pcap or pcapng file (.gz too): every connection through the endpoint machine',
  watch: 'Live sockets',
  watchDesc: "this machine's TCP sockets from /proc/net/tcp, checked against the endpoint machine",
  file: 'Capture file',
  filePrompt: 'path to a .pcap or .pcapng file, Enter to open',
  reading: 'reading the capture…',
  pick: 'Pick a connection, Enter to step through it',
  step: (k: number, n: number) => `segment ${k} of ${n}`,
  start: 'before the first segment: → or Space steps',
  /** Between a connection's final states and how it ended. */
  clauseSep: '; ',
  time: 'time',
  port: 'Port',
  portPrompt: 'a port number, Enter to filter (empty: every socket)',
  every: 'every socket of this machine',
  onPort: (port: number) => `sockets on port ${port}`,
  counts: (counts: string) => `now: ${counts}`,
  noTransition: 'no transition yet (the table is read twice a second)',
  noProcNet: 'no /proc/net/tcp here: live sockets need Linux',
};
