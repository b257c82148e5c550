/**
 * Reads the TCP segments out of a classic pcap file (what `dumpcap -P` writes): the global header in
 * either byte order, microsecond or nanosecond timestamps, and the link types a Linux loopback capture
 * uses (Ethernet, raw IP, Linux cooked v1 and v2). IPv4 and IPv6 (no extension headers) carrying TCP;
 * every other packet is skipped. Checked against tshark's reading of the same files (test/lab/capture).
 */
import { InputError, reason } from '../errors.js';
import { LINKTYPE_RAW } from '../tcp/pcap.js';
import { formatIPv6, formatSocketAddress } from './procnet.js';

export interface CapturedSegment {
  /** Capture time, ms since the Unix epoch (fractional). */
  readonly time: number;
  /** `127.0.0.1:5555` or `[::1]:5555`, as the observer names socket addresses. */
  readonly from: string;
  readonly to: string;
  /** TCP flag bits (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, ...). */
  readonly flags: number;
  readonly seq: number;
  readonly ack: number;
  /** Payload bytes. */
  readonly len: number;
  readonly window: number;
}

/** A captured segment also timed on the experiment's clock (`at`, ms since it started). */
export interface CapturedSegmentOnClock extends CapturedSegment {
  readonly at: number;
}

const LINKTYPE_ETHERNET = 1;
const LINKTYPE_LINUX_SLL = 113;
const LINKTYPE_LINUX_SLL2 = 276;

/** The network-layer offset inside a packet of this link type, or -1 when it carries no IP. */
function ipOffset(linktype: number, dv: DataView, o: number, caplen: number): number {
  switch (linktype) {
    case LINKTYPE_RAW:
      return o;
    case LINKTYPE_ETHERNET: {
      if (caplen < 14) return -1;
      const type = dv.getUint16(o + 12);
      return type === 0x0800 || type === 0x86dd ? o + 14 : -1;
    }
    case LINKTYPE_LINUX_SLL: {
      if (caplen < 16) return -1;
      const type = dv.getUint16(o + 14);
      return type === 0x0800 || type === 0x86dd ? o + 16 : -1;
    }
    case LINKTYPE_LINUX_SLL2: {
      if (caplen < 20) return -1;
      const type = dv.getUint16(o);
      return type === 0x0800 || type === 0x86dd ? o + 20 : -1;
    }
    default:
      return -1;
  }
}

/** Every TCP segment of a classic pcap file, in file order. */
export function readPcapSegments(bytes: Uint8Array): CapturedSegment[] {
  if (bytes.length < 24) throw new InputError(reason('pcapShort'));
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = dv.getUint32(0, true);
  let le: boolean;
  let nano: boolean;
  if (magic === 0xa1b2c3d4 || magic === 0xa1b23c4d) { le = true; nano = magic === 0xa1b23c4d; }
  else if (magic === 0xd4c3b2a1 || magic === 0x4d3cb2a1) { le = false; nano = magic === 0x4d3cb2a1; }
  else if (magic === 0x0a0d0d0a) throw new InputError(reason('pcapng'));
  else throw new InputError(reason('pcapMagic'));
  const linktype = dv.getUint32(20, le) & 0x0fffffff;
  if (![LINKTYPE_ETHERNET, LINKTYPE_RAW, LINKTYPE_LINUX_SLL, LINKTYPE_LINUX_SLL2].includes(linktype)) {
    throw new InputError(`pcap link type ${linktype} is not one netkata reads (Ethernet, raw IP, Linux cooked)`);
  }
  const out: CapturedSegment[] = [];
  let o = 24;
  while (o + 16 <= bytes.length) {
    const sec = dv.getUint32(o, le);
    const frac = dv.getUint32(o + 4, le);
    const caplen = dv.getUint32(o + 8, le);
    const data = o + 16;
    o = data + caplen;
    if (o > bytes.length) break; // a packet cut off by the end of the file (capture stopped mid-write)
    const time = sec * 1000 + (nano ? frac / 1e6 : frac / 1e3);
    const ip = ipOffset(linktype, dv, data, caplen);
    if (ip < 0) continue;
    const end = data + caplen;
    const version = bytes[ip]! >> 4;
    let tcp: number;
    let tcpLength: number; // header and payload, from the IP header (the capture may cut the payload)
    let src: string; // address text as the observer writes it (procnet.ts), so the two match
    let dst: string;
    if (version === 4) {
      if (ip + 20 > end || bytes[ip + 9] !== 6) continue;
      const ihl = (bytes[ip]! & 0x0f) * 4;
      tcp = ip + ihl;
      tcpLength = dv.getUint16(ip + 2) - ihl;
      src = bytes.subarray(ip + 12, ip + 16).join('.');
      dst = bytes.subarray(ip + 16, ip + 20).join('.');
    } else if (version === 6) {
      if (ip + 40 > end || bytes[ip + 6] !== 6) continue;
      tcp = ip + 40;
      tcpLength = dv.getUint16(ip + 4);
      src = formatIPv6(bytes.subarray(ip + 8, ip + 24));
      dst = formatIPv6(bytes.subarray(ip + 24, ip + 40));
    } else continue;
    if (tcp + 20 > end || tcpLength < 20) continue;
    const dataOffset = (bytes[tcp + 12]! >> 4) * 4;
    out.push({
      time,
      from: formatSocketAddress({ address: src, port: dv.getUint16(tcp) }),
      to: formatSocketAddress({ address: dst, port: dv.getUint16(tcp + 2) }),
      seq: dv.getUint32(tcp + 4),
      ack: dv.getUint32(tcp + 8),
      flags: bytes[tcp + 13]!,
      window: dv.getUint16(tcp + 14),
      len: Math.max(0, tcpLength - dataOffset),
    });
  }
  return out;
}
