/**
 * TCP segments as the simulator models them: real 32-bit sequence and acknowledgement numbers, the
 * control bits with their header values (RFC 9293 3.1), and a payload length (the bytes themselves are
 * not modelled).
 */

export const FIN = 0x01;
export const SYN = 0x02;
export const RST = 0x04;
export const PSH = 0x08;
export const ACK = 0x10;

/** A segment on the wire between two endpoints. `flags` is the header's control-bit byte. */
export interface Segment {
  readonly seq: number;
  readonly ack: number;
  readonly flags: number;
  readonly len: number;
  /** The window field (RFC 9293 3.1); absent from segments read where it was not recorded: no limit. */
  readonly win?: number;
}

const NAMES: readonly (readonly [number, string])[] = [
  [FIN, 'FIN'],
  [SYN, 'SYN'],
  [RST, 'RST'],
  [PSH, 'PSH'],
  [ACK, 'ACK'],
];

/** `SYN,ACK`, `FIN,ACK`, `PSH,ACK`: the order tshark's info column uses (lowest bit first). */
export function flagsString(flags: number): string {
  if (flags >= 0 && flags < 32) return FLAG_STRINGS[flags]!;
  const out: string[] = [];
  for (const [bit, name] of NAMES) if (flags & bit) out.push(name);
  return out.join(',');
}
const FLAG_STRINGS: readonly string[] = Array.from({ length: 32 }, (_, f) =>
  NAMES.filter(([bit]) => f & bit).map(([, n]) => n).join(','),
);

/** Inverse of flagsString; undefined for an unknown flag name. Order and spaces do not matter. */
export function parseFlags(text: string): number | undefined {
  let flags = 0;
  for (const part of text.split(',')) {
    const name = part.trim().toUpperCase();
    const hit = NAMES.find(([, n]) => n === name);
    if (!hit) return undefined;
    flags |= hit[0];
  }
  return flags;
}

/** Sequence space taken by a segment: its data plus one for SYN and one for FIN (RFC 9293 3.4). */
export function segmentLength(seg: Segment): number {
  return seg.len + (seg.flags & SYN ? 1 : 0) + (seg.flags & FIN ? 1 : 0);
}

/** A SYN without ACK or RST: an active open's first segment. */
export function isSynOnly(seg: Segment): boolean {
  return (seg.flags & (SYN | ACK | RST)) === SYN;
}

/** Sequence number arithmetic modulo 2^32 (RFC 9293 3.4). */
export function seqAdd(a: number, n: number): number {
  return (a + n) >>> 0;
}
export function seqDiff(a: number, b: number): number {
  return (a - b) | 0;
}
export function seqLt(a: number, b: number): boolean {
  return seqDiff(a, b) < 0;
}
export function seqLe(a: number, b: number): boolean {
  return seqDiff(a, b) <= 0;
}
