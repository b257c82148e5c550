/**
 * A capture file for the app's capture screen: the same reader and replay as `netkata tcp replay`
 * (src/replay), read twice: once for the summary (no rows kept, so a large file stays in bounded
 * memory), then again for the one connection the student picks, with its rows (as `--connection N`).
 */
import { InputError, reason } from '../../errors.js';
import { messages, type Lang } from '../../i18n/index.js';
import { readCapture, type CaptureRead } from '../../replay/read-capture.js';
import { Replay, type ConnectionReport, type LadderRow } from '../../replay/replay.js';
import type { LadderSegment } from '../tcp/Ladder.js';

/** Rows kept for the stepped connection (the CLI's ROW_LIMIT): past it they are counted, not drawn. */
export const ROW_LIMIT = 1000;

export interface CaptureSummary {
  readonly file: string;
  readonly read: CaptureRead;
  readonly segments: number;
  readonly connections: readonly ConnectionReport[];
}

export async function readSummary(file: string): Promise<CaptureSummary> {
  const replay = new Replay({ profile: 'linux', keepRows: () => false, rowLimit: 0 });
  let segments = 0;
  const read = await readCapture(file, (s) => {
    segments++;
    replay.push(s);
  });
  return { file, read, segments, connections: replay.finish() };
}

export async function readConnection(file: string, id: number): Promise<ConnectionReport> {
  const replay = new Replay({ profile: 'linux', keepRows: (c) => c.id === id, rowLimit: ROW_LIMIT });
  await readCapture(file, (s) => replay.push(s));
  const c = replay.finish()[id];
  if (!c) throw new InputError(reason('replayConnectionGone', id), file); // the file changed between the two reads
  return c;
}

/** Milliseconds from the connection's first segment (the ladder's time column). */
function msSince(r: Pick<LadderRow, 'sec' | 'nsec'>, t0: { readonly sec: number; readonly nsec: number }): number {
  return Math.round(((r.sec - t0.sec) * 1e6 + (r.nsec - t0.nsec) / 1e3)) / 1e3;
}

/**
 * The connection's first `upTo` rows as the simulator's ladder draws segments: a on the left, b on the
 * right, each end's state after the segment (`?` while an end has not shown itself), seq and ack
 * relative to each end's ISN as Wireshark shows them, and the row's anomalies as the arrow's reason. A
 * segment netkata's own capture marks as dropped is drawn lost.
 */
export function ladderSegments(c: ConnectionReport, upTo: number, lang: Lang): LadderSegment[] {
  const m = messages(lang).replay;
  return (c.rows ?? []).slice(0, upTo).map((r, index) => {
    const [from, to] = r.dir === 0 ? ['a', 'b'] : ['b', 'a'];
    const named = r.anomalies.filter((a) => a !== 'impossible').map((a) => m.anomaly[a]);
    const at = msSince(r, c.first);
    return {
      index, at, from, to, flags: r.flags, seq: r.relSeq, ack: r.relAck, len: r.len,
      // netkata's own capture says it never arrived: drawn lost, as the simulator's ladder draws it.
      dropped: r.dropped === true, arrivedAt: at, flood: false,
      fromState: r.states[r.dir] ?? '?',
      toState: r.states[r.dir === 0 ? 1 : 0] ?? '?',
      ...(named.length ? { why: named.join(m.listSep) } : {}),
    };
  });
}

/** What the row says beyond its arrow: the application calls inferred, the anomalies, and what an end could not take. */
export function rowNotes(r: LadderRow, lang: Lang): string[] {
  const m = messages(lang).replay;
  const out: string[] = [];
  if (r.calls.length) out.push(m.calls(r.calls.join(m.listSep)));
  const named = r.anomalies.filter((a) => a !== 'impossible').map((a) => m.anomaly[a]);
  if (r.impossible) named.push(m.impossible(r.dir === 0 ? 'b' : 'a', r.impossible.state, r.impossible.rule));
  if (named.length) out.push(`! ${named.join(m.listSep)}`);
  return out;
}
