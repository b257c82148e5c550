/**
 * One captured packet -> its TCP segment, or nothing: the link layer (by the capture's link type), then
 * IPv4 or IPv6, then the TCP header. Checked field for field against tshark on real loopback captures
 * (test/replay/capture-read.test.ts). Pure: no files, no streams.
 *
 * Lengths come from the IP header (total length / payload length), not from the captured bytes: a
 * capture cut with a snap length (dumpcap -s) or an Ethernet frame padded to 60 bytes still gives
 * tshark's tcp.len.
 */
import { formatIPv6, formatSocketAddress } from '../lab/procnet.js';

/** A TCP segment as the lab and the replay read it. */
export interface CapturedSegment {
  /** Capture time, ms since the Unix epoch (fractional; `sec`/`nsec` hold it exactly where they exist). */
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
  /** The raw 16-bit window field, unscaled. */
  readonly window: number;
}

/** A segment with where it sat in the file: the frame number (tshark's frame.number) and its exact time. */
export interface DecodedSegment extends CapturedSegment {
  readonly frame: number;
  /** Capture time: whole seconds since the epoch and nanoseconds (tshark's frame.time_epoch). */
  readonly sec: number;
  readonly nsec: number;
  /**
   * netkata's own capture (`tcp run --pcap`) says its sender sent it and it never arrived: a pcapng
   * packet comment that starts with DROPPED_COMMENT (src/tcp/pcap.ts segmentComment). Absent otherwise.
   */
  readonly dropped?: true;
}

/** The start of the packet comment `tcp run --pcap` writes on a segment the link lost or a down host never took. */
export const DROPPED_COMMENT = 'netkata: DROPPED';

// Link types (https://www.tcpdump.org/linktypes.html).
export const LINK = {
  NULL: 0, // BSD loopback: a 4-byte address family in the byte order of the machine that captured
  ETHERNET: 1,
  RAW_12: 12, // DLT_RAW on most BSDs, written as is by some tools
  RAW_14: 14, // DLT_RAW on OpenBSD
  RAW: 101,
  LOOP: 108, // OpenBSD loopback: the address family in network byte order
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
} as const;

const SUPPORTED = new Set<number>(Object.values(LINK));
export const isSupportedLinkType = (t: number): boolean => SUPPORTED.has(t);

const ETH_IPV4 = 0x0800;
const ETH_IPV6 = 0x86dd;
/** 802.1Q, 802.1ad (QinQ) and the older 0x9100 tag: 4 bytes each, then the real type. */
const isVlan = (t: number): boolean => t === 0x8100 || t === 0x88a8 || t === 0x9100;

/** BSD address families for IPv6 (NetBSD/OpenBSD 24, FreeBSD 28, macOS 30, Linux 10). */
const AF_INET6 = new Set([10, 24, 28, 30]);

/** The offset of the IP header and its version (4 or 6), or -1 when the packet carries no IP. */
function ipStart(link: number, b: Uint8Array, o: number, end: number): number {
  const u16 = (at: number): number => (b[at]! << 8) | b[at + 1]!;
  /** After an EtherType at `at`: past VLAN tags to IPv4/IPv6, else -1. */
  const byType = (at: number): number => {
    while (at + 2 <= end && isVlan(u16(at))) at += 4;
    if (at + 2 > end) return -1;
    const t = u16(at);
    return t === ETH_IPV4 || t === ETH_IPV6 ? at + 2 : -1;
  };
  switch (link) {
    case LINK.RAW:
    case LINK.RAW_12:
    case LINK.RAW_14:
    case LINK.IPV4:
    case LINK.IPV6:
      return o;
    case LINK.ETHERNET:
      return byType(o + 12);
    case LINK.LINUX_SLL:
      // 16 bytes; the protocol is the last field (an EtherType for IP).
      return byType(o + 14);
    case LINK.LINUX_SLL2: {
      // 20 bytes, the protocol first.
      if (o + 20 > end) return -1;
      const t = u16(o);
      return t === ETH_IPV4 || t === ETH_IPV6 ? o + 20 : -1;
    }
    case LINK.NULL:
    case LINK.LOOP: {
      if (o + 4 > end) return -1;
      let fam = link === LINK.LOOP
        ? ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0
        : (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
      // DLT_NULL is in the capturing host's order: a value with high bits set was written big-endian
      // (libpcap and Wireshark swap it the same way).
      if (link === LINK.NULL && (fam & 0xffff0000) !== 0) fam = ((fam >>> 24) | ((fam >>> 8) & 0xff00)) >>> 0;
      return fam === 2 || AF_INET6.has(fam) ? o + 4 : -1;
    }
    default:
      return -1;
  }
}

// IPv6 extension headers RFC 8200 4.1 lists (and AH, RFC 4302) that a TCP header can follow.
const HOP_BY_HOP = 0;
const ROUTING = 43;
const FRAGMENT = 44;
const AH = 51;
const DEST_OPTS = 60;
const MOBILITY = 135;
const HIP = 139;
const SHIM6 = 140;
const EXT_8 = new Set([HOP_BY_HOP, ROUTING, DEST_OPTS, MOBILITY, HIP, SHIM6]);

/**
 * The TCP segment in a packet, or undefined (not IP, not TCP, a non-first fragment, a header cut off by
 * the capture's snap length).
 */
export function decodePacket(
  link: number,
  b: Uint8Array,
  o: number,
  caplen: number,
  frame: number,
  sec: number,
  nsec: number,
): DecodedSegment | undefined {
  const end = o + caplen;
  const ip = ipStart(link, b, o, end);
  if (ip < 0 || ip >= end) return undefined;
  const u16 = (at: number): number => (b[at]! << 8) | b[at + 1]!;
  const u32 = (at: number): number => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
  const version = b[ip]! >> 4;
  let tcp: number;
  let tcpLength: number; // header and payload, from the IP header
  let src: string;
  let dst: string;
  if (version === 4) {
    if (ip + 20 > end) return undefined;
    const ihl = (b[ip]! & 0x0f) * 4;
    if (ihl < 20 || b[ip + 9] !== 6) return undefined;
    // RFC 791: a fragment offset other than 0 carries no TCP header.
    if ((u16(ip + 6) & 0x1fff) !== 0) return undefined;
    tcp = ip + ihl;
    tcpLength = u16(ip + 2) - ihl;
    src = `${b[ip + 12]}.${b[ip + 13]}.${b[ip + 14]}.${b[ip + 15]}`;
    dst = `${b[ip + 16]}.${b[ip + 17]}.${b[ip + 18]}.${b[ip + 19]}`;
  } else if (version === 6) {
    if (ip + 40 > end) return undefined;
    let next = b[ip + 6]!;
    let at = ip + 40;
    tcpLength = u16(ip + 4);
    // RFC 8200 4: walk the extension headers to the upper layer.
    for (;;) {
      if (next === 6) break;
      if (at + 8 > end) return undefined;
      let size: number;
      if (EXT_8.has(next)) size = (b[at + 1]! + 1) * 8;
      else if (next === AH) size = (b[at + 1]! + 2) * 4;
      else if (next === FRAGMENT) {
        if ((u16(at + 2) & 0xfff8) !== 0) return undefined; // not the first fragment
        size = 8;
      } else return undefined;
      next = b[at]!;
      at += size;
      tcpLength -= size;
    }
    tcp = at;
    src = formatIPv6(b.subarray(ip + 8, ip + 24));
    dst = formatIPv6(b.subarray(ip + 24, ip + 40));
  } else return undefined;
  if (tcp + 20 > end || tcpLength < 20) return undefined;
  const dataOffset = (b[tcp + 12]! >> 4) * 4;
  return {
    frame,
    sec,
    nsec,
    time: sec * 1000 + nsec / 1e6,
    from: formatSocketAddress({ address: src, port: u16(tcp) }),
    to: formatSocketAddress({ address: dst, port: u16(tcp + 2) }),
    seq: u32(tcp + 4),
    ack: u32(tcp + 8),
    flags: b[tcp + 13]!,
    window: u16(tcp + 14),
    len: Math.max(0, tcpLength - dataOffset),
  };
}
