/**
 * Reads the TCP segments out of the capture `lab --capture` makes (dumpcap -P: classic pcap). The decoding
 * is the replay's (src/replay/capture-decoder.ts: pcap and pcapng, every link type a Linux loopback
 * capture uses); this is its whole-file form for a capture small enough to hold. Checked against tshark's
 * reading of the same files (test/lab/capture.test.ts, test/replay/).
 */
import { CaptureDecoder } from '../replay/capture-decoder.js';
import type { CapturedSegment } from '../replay/packet.js';

export type { CapturedSegment } from '../replay/packet.js';

/** A captured segment also timed on the experiment's clock (`at`, ms since it started). */
export interface CapturedSegmentOnClock extends CapturedSegment {
  readonly at: number;
}

/** Every TCP segment of a capture held in memory, in file order (a record cut off at the end is left out). */
export function readPcapSegments(bytes: Uint8Array): CapturedSegment[] {
  const out: CapturedSegment[] = [];
  const d = new CaptureDecoder((s) => {
    out.push({ time: s.time, from: s.from, to: s.to, flags: s.flags, seq: s.seq, ack: s.ack, len: s.len, window: s.window });
  });
  d.push(bytes);
  d.end();
  return out;
}
