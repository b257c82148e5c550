/**
 * `netkata tcp replay`: a capture's connections through the endpoint machine. State names, flags and
 * seq/ack stay as they are in both languages (as the ladder of `tcp run` keeps them).
 */
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const replay = {
  heading: (file: string, format: string, frames: number, segments: number, connections: number, profile: string) =>
    `${file}: ${format}, ${plural(frames, 'frame')}, ${plural(segments, 'TCP segment')}, ${plural(connections, 'connection')} (${profile} profile)`,
  truncated: (bytes: number) => `the last record is cut off (${bytes} bytes of it in the file): left out`,
  gzipTruncated: 'the gzip stream ends early: what came out of it was read',
  selected: (n: number, of: number) => `${n} of ${of} connections match`,
  summary: 'Connections',
  connection: (id: number, a: string, b: string) => `#${id}  ${a} -> ${b}`,
  segments: (aToB: number, bToA: number) => `${plural(aToB + bToA, 'segment')} (${aToB} -> / ${bToA} <-)`,
  ended: { fin: 'ended: FIN', rst: 'ended: RST', open: 'still open', timeout: 'timed out (no answer to its retransmissions)' },
  states: (a: string, b: string) => `a ${a}, b ${b}`,
  unknownState: '? (no reply captured)',
  midStream: 'the capture starts mid-connection: both ends started in ESTABLISHED',
  anomalyCounts: (list: string) => `anomalies: ${list}`,
  /** Segments netkata's own capture (`tcp run --pcap`) marks as dropped. */
  dropped: (n: number) => `${plural(n, 'segment')} dropped (netkata's capture comment): sent, never delivered`,
  /** The end of a dropped segment's arrow, as the ladder of `tcp run` draws it. */
  lost: 'X lost',
  count: (n: number, name: string) => `${n} ${name}`,
  listSep: ', ',
  /** Between the end states and how the connection ended. */
  clauseSep: '; ',
  anomaly: {
    retransmission: 'retransmission',
    'out-of-order': 'out of order',
    'lost-segment': 'gap (previous segment not captured)',
    'duplicate-ack': 'duplicate ACK',
    'zero-window': 'zero window',
    rst: 'RST',
    impossible: 'not possible for the machine',
  },
  impossible: (end: string, state: string, rule: string) => `${end} in ${state} cannot take it (${rule})`,
  ladderHeading: (id: number, a: string, b: string) => `#${id}  a = ${a}   b = ${b}`,
  columns: { time: 'time (s)', a: 'a', segment: 'segment', b: 'b' },
  calls: (list: string) => `calls: ${list}`,
  moreRows: (n: number) => `... ${n} more segments (counted above, not drawn)`,
  laddersOmitted: (n: number) => `${n} connections: pick one with --connection N, --port or --host to see its ladder`,
  mermaidOne: (n: number) => `--mermaid draws one connection (${n} match): pick it with --connection N`,
  noConnection: 'no connection matches',
};
