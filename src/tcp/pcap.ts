/**
 * Segments -> classic pcap bytes (LINKTYPE_RAW: each packet is an IPv4 header, a TCP header and the
 * payload as zero bytes), with correct IPv4 and TCP checksums (RFC 791, RFC 9293 3.1), so Wireshark and
 * tshark read back the same flags, sequence and acknowledgement numbers and lengths. Named endpoint i
 * is 127.0.0.(i+1), port 40000+i; flood source `spoof-k` is 127.1.x.y. Segments appear at the time they
 * were sent (a capture at the sender), dropped ones included. The caller writes the file.
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
    off += 16;
    const ip = off;
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
    off = tcp + 20 + s.len;
  });
  return buf;
}
