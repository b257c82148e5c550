/**
 * A `lab --capture` report as the simulator's ladder draws it: per connection (client left, server
 * right), each captured segment with, for each end, the machine's state after it (the replay the
 * segment check made, src/lab/segment-check.ts) and the kernel's state as /proc read it before the
 * connection's next segment. Whether the two disagree is the check's verdict (its mismatches), not
 * decided here: a poll may see a state a little before or after a segment (the clocks' window).
 */
import { RECEIVED, type LabSegment, type SocketReplay } from '../../lab/segment-check.js';
import type { LabReport } from '../../lab/runner.js';
import type { LadderSegment } from '../tcp/Ladder.js';

export interface LadderConnection {
  readonly client: string;
  readonly server: string;
  readonly segments: LadderSegment[];
}

/** An end's machine states, one segment at a time: the replay's events consumed in order. */
class MachineCursor {
  private next = 0;
  private state = '?'; // an end the check did not replay (no events) stays unknown
  constructor(private readonly events: SocketReplay['events']) {}
  /** After a segment the end sent: its calls and own sends up to that moment (not a later segment it received). */
  sent(at: number): string {
    while (this.next < this.events.length && this.events[this.next]!.at <= at && !this.events[this.next]!.event.startsWith(RECEIVED)) {
      this.state = this.events[this.next++]!.state;
    }
    return this.state;
  }
  /** After a segment the end received: everything up to and including its `received` event. */
  received(): string {
    while (this.next < this.events.length) {
      const e = this.events[this.next++]!;
      this.state = e.state;
      if (e.event.startsWith(RECEIVED)) break;
    }
    return this.state;
  }
}

/** Sequence numbers relative to each sender's ISN, as formatCapture prints them (and Wireshark shows them). */
function relative(segments: readonly LabSegment[]): (s: LabSegment) => { seq: number; ack: number } {
  const isn = new Map<string, number>();
  for (const s of segments) if (s.flags.includes('SYN') && !isn.has(s.from)) isn.set(s.from, s.seq);
  const rel = (n: number, base: number | undefined): number => (base === undefined ? n : (n - base) >>> 0);
  return (s) => ({ seq: rel(s.seq, isn.get(s.from)), ack: rel(s.ack, isn.get(s.to)) });
}

export function captureLadder(report: Pick<LabReport, 'connections' | 'observations' | 'capture'>): LadderConnection[] {
  const cap = report.capture;
  if (!cap) return [];
  const rel = relative(cap.segments);
  return report.connections.map(({ client, server }) => {
    const ends = new Set([client, server]);
    // The replay orders ties by capture order: a stable sort by time keeps it.
    const own = cap.segments
      .filter((s) => s.fromSocket !== undefined && s.toSocket !== undefined && ends.has(s.fromSocket) && ends.has(s.toSocket))
      .map((s, i) => ({ s, i }))
      .sort((x, y) => x.s.at - y.s.at || x.i - y.i)
      .map((x) => x.s);
    const cursors = new Map([...ends].map((e) => [e, new MachineCursor(cap.check.sockets.find((k) => k.socket === e)?.events ?? [])]));
    const segments = own.map((s, index): LadderSegment => {
      const from = s.fromSocket!;
      const to = s.toSocket!;
      const until = own[index + 1]?.at ?? Number.POSITIVE_INFINITY;
      const kernel = (socket: string): string | undefined =>
        report.observations.filter((o) => o.socket === socket && o.at >= s.at && o.at < until).at(-1)?.state;
      const differs = (socket: string): boolean => cap.check.mismatches.some((m) => m.socket === socket && m.at >= s.at && m.at < until);
      const at = Math.round(s.at * 1000) / 1000;
      return {
        index, at, from, to, flags: s.flags, ...rel(s), len: s.len,
        dropped: false, arrivedAt: at, flood: false,
        fromState: cursors.get(from)!.sent(s.at),
        toState: cursors.get(to)!.received(),
        fromKernel: kernel(from) ?? '·',
        toKernel: kernel(to) ?? '·',
        fromDiffers: differs(from),
        toDiffers: differs(to),
      };
    });
    return { client, server, segments };
  });
}
