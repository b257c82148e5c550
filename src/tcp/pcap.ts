/**
 * Segments -> capture files Wireshark and tshark open: IPv4 + TCP packets (LINKTYPE_RAW; the payload
 * as zero bytes) with correct IPv4 and TCP checksums (RFC 791, RFC 9293 3.1), so they read back the
 * same flags, sequence and acknowledgement numbers and lengths. Named endpoint i is 127.0.0.(i+1), port
 * 40000+i; flood source `spoof-k` is 127.1.x.y. Segments appear at the time they were sent (a capture
 * at the sender), dropped ones included. Two containers: classic pcap (`toPcap`, what the lab's reader
 * takes) and pcapng (`toPcapng`, what `tcp run --pcap` writes), whose per-packet comment
 * (draft-ietf-opsawg-pcapng section 4.3, epb opt_comment) marks a segment the link lost or delivered
 * twice: a classic pcap record has no field that could say so. The caller writes the file.
 */
import { parseFlags } from './segment.js';
import type { SegmentRecord } from './simulation.js';

/** The fields of a simulation's segment record that a capture needs. */
export type PcapSegment = Pick<SegmentRecord, 'at' | 'from' | 'to' | 'flags' | 'seq' | 'ack' | 'len'>;

export interface Address {
  readonly ip: readonly [number, number, number, number];
  readonly port: number;
}

export const LINKTYPE_RAW = 101;

/** Address of an endpoint: named ones by their index, `spoof-k` flood sources in 127.1.0.0/16. */
export function addressOf(name: string, named: readonly string[]): Address {
  const i = named.indexOf(name);
  if (i >= 0) return { ip: [127, 0, 0, (i + 1) & 255], port: 40000 + i };
  const k = Number(/(\d+)$/.exec(name)?.[1] ?? 0);
  return { ip: [127, 1, (k >> 8) & 255, k & 255], port: 1024 + (k % 60000) };
}

function sum16(bytes: Uint8Array, start: number, end: number, acc: number): number {
  for (let i = start; i < end; i += 2) acc += (bytes[i]! << 8) | (i + 1 < end ? bytes[i + 1]! : 0);
  return acc;
}
function fold(acc: number): number {
  while (acc > 0xffff) acc = (acc & 0xffff) + (acc >>> 16);
  return ~acc & 0xffff;
}

/** A dropped segment's record also says why (`link` or `host down`) and whether it was duplicated. */
export type PcapngSegment = PcapSegment & Partial<Pick<SegmentRecord, 'dropped' | 'reason' | 'duplicated'>>;

/** The IPv4 + TCP packet of segment `s`, the `n`th of the capture (its IP identification). */
function writePacket(buf: Uint8Array, ip: number, s: PcapSegment, n: number, named: readonly string[]): void {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const total = 40 + s.len;
  const src = addressOf(s.from, named);
  const dst = addressOf(s.to, named);
  buf[ip] = 0x45;
  dv.setUint16(ip + 2, total);
  dv.setUint16(ip + 4, (n + 1) & 0xffff);
  dv.setUint16(ip + 6, 0x4000); // DF
  buf[ip + 8] = 64;
  buf[ip + 9] = 6;
  buf.set(src.ip, ip + 12);
  buf.set(dst.ip, ip + 16);
  dv.setUint16(ip + 10, fold(sum16(buf, ip, ip + 20, 0)));
  const tcp = ip + 20;
  dv.setUint16(tcp, src.port);
  dv.setUint16(tcp + 2, dst.port);
  dv.setUint32(tcp + 4, s.seq >>> 0);
  dv.setUint32(tcp + 8, s.ack >>> 0);
  buf[tcp + 12] = 5 << 4;
  buf[tcp + 13] = parseFlags(s.flags) ?? 0;
  dv.setUint16(tcp + 14, 65535);
  // Pseudo-header (RFC 9293 3.1): source, destination, zero, protocol 6, TCP length.
  let acc = sum16(buf, ip + 12, ip + 20, 0) + 6 + (20 + s.len);
  acc = sum16(buf, tcp, tcp + 20 + s.len, acc);
  dv.setUint16(tcp + 16, fold(acc));
}

export function toPcap(segments: readonly PcapSegment[], named: readonly string[]): Uint8Array {
  let size = 24;
  for (const s of segments) size += 16 + 40 + s.len;
  const buf = new Uint8Array(size);
  const dv = new DataView(buf.buffer);
  // Global header, little-endian: magic, version 2.4, thiszone, sigfigs, snaplen, network.
  dv.setUint32(0, 0xa1b2c3d4, true);
  dv.setUint16(4, 2, true);
  dv.setUint16(6, 4, true);
  dv.setUint32(16, 262144, true);
  dv.setUint32(20, LINKTYPE_RAW, true);
  let off = 24;
  segments.forEach((s, n) => {
    const total = 40 + s.len;
    dv.setUint32(off, Math.floor(s.at / 1000), true);
    dv.setUint32(off + 4, Math.round((s.at % 1000) * 1000), true);
    dv.setUint32(off + 8, total, true);
    dv.setUint32(off + 12, total, true);
    writePacket(buf, off + 16, s, n, named);
    off += 16 + total;
  });
  return buf;
}

/** What the capture's per-packet comment says about a segment, if anything. */
export function segmentComment(s: PcapngSegment): string | undefined {
  if (s.dropped === true) return `netkata: DROPPED (${s.reason ?? 'link'}): sent, never delivered`;
  if (s.duplicated === true) return 'netkata: DUPLICATED: the link delivered this segment twice';
  return undefined;
}

const pad4 = (n: number): number => (n + 3) & ~3;

/**
 * pcapng (draft-ietf-opsawg-pcapng): a Section Header Block, one Interface Description Block
 * (LINKTYPE_RAW, default microsecond timestamps) and an Enhanced Packet Block per segment, little-endian.
 * A dropped or duplicated segment's EPB carries an opt_comment (code 1), which Wireshark shows as the
 * packet comment and filters on as `frame.comment`.
 */
export function toPcapng(segments: readonly PcapngSegment[], named: readonly string[]): Uint8Array {
  const encoder = new TextEncoder();
  const comments = segments.map((s) => {
    const c = segmentComment(s);
    return c === undefined ? undefined : encoder.encode(c);
  });
  const SHB = 28;
  const IDB = 20;
  let size = SHB + IDB;
  segments.forEach((s, n) => {
    const c = comments[n];
    size += 32 + pad4(40 + s.len) + (c === undefined ? 0 : 4 + pad4(c.length) + 4);
  });
  const buf = new Uint8Array(size);
  const dv = new DataView(buf.buffer);
  // Section Header Block: type, length, byte-order magic, version 1.0, section length -1 (unknown).
  dv.setUint32(0, 0x0a0d0d0a, true);
  dv.setUint32(4, SHB, true);
  dv.setUint32(8, 0x1a2b3c4d, true);
  dv.setUint16(12, 1, true);
  dv.setUint16(14, 0, true);
  dv.setInt32(16, -1, true);
  dv.setInt32(20, -1, true);
  dv.setUint32(24, SHB, true);
  // Interface Description Block: type 1, length, link type, reserved, snaplen, no options.
  dv.setUint32(SHB, 1, true);
  dv.setUint32(SHB + 4, IDB, true);
  dv.setUint16(SHB + 8, LINKTYPE_RAW, true);
  dv.setUint32(SHB + 12, 262144, true);
  dv.setUint32(SHB + 16, IDB, true);
  let off = SHB + IDB;
  segments.forEach((s, n) => {
    const total = 40 + s.len;
    const c = comments[n];
    const len = 32 + pad4(total) + (c === undefined ? 0 : 4 + pad4(c.length) + 4);
    const micros = Math.round(s.at * 1000);
    dv.setUint32(off, 6, true); // Enhanced Packet Block
    dv.setUint32(off + 4, len, true);
    dv.setUint32(off + 8, 0, true); // interface 0
    dv.setUint32(off + 12, Math.floor(micros / 2 ** 32), true);
    dv.setUint32(off + 16, micros % 2 ** 32, true);
    dv.setUint32(off + 20, total, true);
    dv.setUint32(off + 24, total, true);
    writePacket(buf, off + 28, s, n, named);
    let o = off + 28 + pad4(total);
    if (c !== undefined) {
      dv.setUint16(o, 1, true); // opt_comment
      dv.setUint16(o + 2, c.length, true);
      buf.set(c, o + 4);
      o += 4 + pad4(c.length);
      o += 4; // opt_endofopt: code 0, length 0 (already zero)
    }
    dv.setUint32(o, len, true);
    off += len;
  });
  return buf;
}
