/**
 * The framing of capture files, fed in chunks of any size (a stream): classic pcap (libpcap's format,
 * either byte order, microsecond or nanosecond magic) and pcapng (draft-ietf-opsawg-pcapng: sections in
 * either byte order, several Interface Description Blocks each with its link type, if_tsresol and
 * if_tsoffset, Enhanced, Simple and obsolete Packet Blocks; every other block is skipped, and of an
 * Enhanced Packet Block's options only netkata's own drop comment is read). Only one record
 * is ever held (the bytes of a record cut across two chunks), so memory does not grow with the file.
 * Pure: the caller reads the file (read-capture.ts).
 */
import { InputError, reason, type Reason } from '../errors.js';
import { decodePacket, DROPPED_COMMENT, isSupportedLinkType, type DecodedSegment } from './packet.js';

/** The largest record accepted: beyond it the length field is taken as damage, not a packet (Wireshark caps blocks at 16 MiB too). */
const MAX_RECORD = 16 * 1024 * 1024;

const PCAP_US = 0xa1b2c3d4;
const PCAP_NS = 0xa1b23c4d;
const PCAPNG_SHB = 0x0a0d0d0a;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const IDB = 1;
/** The opt_comment option (code 1) of an EPB (draft-ietf-opsawg-pcapng 3.5): UTF-8, not zero-terminated. */
const OPT_COMMENT = 1;
const DROPPED_BYTES = new TextEncoder().encode(DROPPED_COMMENT);
const OBSOLETE_PB = 2;
const SPB = 3;
const EPB = 6;

interface Interface {
  readonly link: number;
  readonly snaplen: number;
  /** Timestamp units per second (if_tsresol: 10^n, or 2^n with the high bit set; default 10^6). */
  readonly units: bigint;
  /** if_tsoffset: seconds added to every timestamp. */
  readonly offset: bigint;
}

export type CaptureFormat = 'pcap' | 'pcapng';

export interface DecoderEnd {
  readonly format: CaptureFormat;
  /** Records read (tshark's frame count). */
  readonly frames: number;
  /** Bytes of a last record cut off by the end of the file (0: the file ends on a record's end). */
  readonly truncatedBytes: number;
}

const bad = (why: Reason): InputError => new InputError(why);

export class CaptureDecoder {
  private buf: Uint8Array = new Uint8Array(0);
  private dv = new DataView(this.buf.buffer);
  private pos = 0;
  private format: CaptureFormat | undefined;
  private le = true;
  private nano = false;
  private link = -1;
  private interfaces: Interface[] = [];
  private frames = 0;
  private seenBytes = 0;

  constructor(private readonly onSegment: (s: DecodedSegment) => void) {}

  /** Decode what `chunk` completes; throws InputError on a file that is not (or no longer) a capture. */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.seenBytes += chunk.length;
    const rest = this.buf.length - this.pos;
    if (rest === 0) this.buf = chunk;
    else {
      const joined = new Uint8Array(rest + chunk.length);
      joined.set(this.buf.subarray(this.pos));
      joined.set(chunk, rest);
      this.buf = joined;
    }
    this.pos = 0;
    this.dv = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    if (this.format === undefined && !this.readFileHeader()) return;
    if (this.format === 'pcap') this.pcapRecords();
    else this.pcapngBlocks();
  }

  end(): DecoderEnd {
    if (this.format === undefined) {
      throw bad(reason(this.seenBytes === 0 ? 'captureEmpty' : 'captureShort'));
    }
    return { format: this.format, frames: this.frames, truncatedBytes: this.buf.length - this.pos };
  }

  /** The first bytes: which format, and for pcap the global header. False: not enough bytes yet. */
  private readFileHeader(): boolean {
    if (this.buf.length < 4) return false;
    const magic = this.dv.getUint32(0, true);
    if (magic === PCAPNG_SHB) {
      this.format = 'pcapng';
      return true;
    }
    if (this.buf.length < 24) {
      if ([PCAP_US, PCAP_NS].some((m) => m === magic || m === this.dv.getUint32(0, false))) return false;
      throw bad(reason('captureNeither'));
    }
    if (magic === PCAP_US || magic === PCAP_NS) this.le = true;
    else if (this.dv.getUint32(0, false) === PCAP_US || this.dv.getUint32(0, false) === PCAP_NS) this.le = false;
    else throw bad(reason('captureNeither'));
    this.nano = this.dv.getUint32(0, this.le) === PCAP_NS;
    // The upper bits of the link-type field carry FCS flags (pcap-linktype); the type is the low 28.
    this.link = this.dv.getUint32(20, this.le) & 0x0fffffff;
    if (!isSupportedLinkType(this.link)) throw unknownLink(this.link);
    this.format = 'pcap';
    this.pos = 24;
    return true;
  }

  private pcapRecords(): void {
    const { buf, dv, le } = this;
    let o = this.pos;
    while (o + 16 <= buf.length) {
      const caplen = dv.getUint32(o + 8, le);
      if (caplen > MAX_RECORD) throw bad(reason('pcapRecordDamaged', { at: this.offsetOf(o), caplen }));
      if (o + 16 + caplen > buf.length) break;
      const sec = dv.getUint32(o, le);
      const frac = dv.getUint32(o + 4, le);
      const frame = ++this.frames;
      const s = decodePacket(this.link, buf, o + 16, caplen, frame, sec, this.nano ? frac : frac * 1000);
      o += 16 + caplen;
      if (s) this.onSegment(s);
    }
    this.pos = o;
  }

  /** File offset of a buffer offset (for error messages). */
  private offsetOf(o: number): number {
    return this.seenBytes - (this.buf.length - o);
  }

  private pcapngBlocks(): void {
    const { buf, dv } = this;
    let o = this.pos;
    while (o + 12 <= buf.length) {
      let type = dv.getUint32(o, this.le);
      if (type === PCAPNG_SHB || dv.getUint32(o, !this.le) === PCAPNG_SHB) {
        // A new section: its byte-order magic sets the order of everything up to the next one.
        const magic = dv.getUint32(o + 8, true);
        if (magic === BYTE_ORDER_MAGIC) this.le = true;
        else if (dv.getUint32(o + 8, false) === BYTE_ORDER_MAGIC) this.le = false;
        else throw bad(reason('captureNoMagic', this.offsetOf(o)));
        type = PCAPNG_SHB;
      }
      const len = dv.getUint32(o + 4, this.le);
      if (len < 12 || len % 4 !== 0 || len > MAX_RECORD) throw bad(reason('pcapngBlockDamaged', { at: this.offsetOf(o), len }));
      if (o + len > buf.length) break;
      if (dv.getUint32(o + len - 4, this.le) !== len) throw bad(reason('pcapngLengthsDiffer', this.offsetOf(o)));
      if (type === PCAPNG_SHB) this.interfaces = [];
      else if (type === IDB) this.interfaceBlock(o, len);
      else if (type === EPB || type === OBSOLETE_PB || type === SPB) this.packetBlock(type, o, len);
      o += len;
    }
    this.pos = o;
  }

  private interfaceBlock(o: number, len: number): void {
    const { dv, le } = this;
    if (len < 20) throw bad(reason('pcapngIfaceDamaged', this.offsetOf(o)));
    const link = dv.getUint16(o + 8, le);
    if (!isSupportedLinkType(link)) throw unknownLink(link);
    let units = 1_000_000n;
    let offset = 0n;
    // Options: code, length, value padded to 4 bytes; opt_endofopt (0) ends them.
    for (let p = o + 16; p + 4 <= o + len - 4; ) {
      const code = dv.getUint16(p, le);
      const olen = dv.getUint16(p + 2, le);
      if (code === 0) break;
      if (code === 9 && olen >= 1) {
        const r = this.buf[p + 4]!;
        units = r & 0x80 ? 1n << BigInt(r & 0x7f) : 10n ** BigInt(r);
      } else if (code === 14 && olen >= 8) offset = dv.getBigInt64(p + 4, le);
      p += 4 + ((olen + 3) & ~3);
    }
    this.interfaces.push({ link, snaplen: dv.getUint32(o + 12, le), units, offset });
  }

  private packetBlock(type: number, o: number, len: number): void {
    const { dv, le } = this;
    const frame = ++this.frames;
    let iface: Interface | undefined;
    let data: number;
    let caplen: number;
    let sec = 0;
    let nsec = 0;
    if (type === SPB) {
      // No interface field: the first interface; no timestamp (tshark shows the epoch).
      iface = this.interfaces[0];
      data = o + 12;
      const orig = dv.getUint32(o + 8, le);
      caplen = Math.min(orig, len - 16, iface && iface.snaplen > 0 ? iface.snaplen : Number.POSITIVE_INFINITY);
    } else {
      iface = this.interfaces[type === EPB ? dv.getUint32(o + 8, le) : dv.getUint16(o + 8, le)];
      if (len < 32) throw bad(reason('pcapngPacketDamaged', this.offsetOf(o)));
      caplen = dv.getUint32(o + 20, le);
      data = o + 28;
      if (data + caplen > o + len - 4) throw bad(reason('pcapngPacketLength', { at: this.offsetOf(o), caplen }));
      if (iface) {
        const ts = (BigInt(dv.getUint32(o + 12, le)) << 32n) | BigInt(dv.getUint32(o + 16, le));
        const whole = ts / iface.units;
        sec = Number(whole + iface.offset);
        nsec = Number(((ts - whole * iface.units) * 1_000_000_000n) / iface.units);
      }
    }
    if (!iface) throw bad(reason('pcapngNoIface', this.offsetOf(o)));
    const s = decodePacket(iface.link, this.buf, data, caplen, frame, sec, nsec);
    if (!s) return;
    this.onSegment(type === EPB && this.droppedComment(data + ((caplen + 3) & ~3), o + len - 4) ? { ...s, dropped: true } : s);
  }

  /**
   * Whether an EPB's options, from `p` to `end`, hold a comment netkata's own capture writes on a segment
   * that was sent and never delivered (`netkata: DROPPED (link): ...`, src/tcp/pcap.ts). Only that
   * prefix: any other comment says nothing the replay acts on.
   */
  private droppedComment(p: number, end: number): boolean {
    const { buf, dv, le } = this;
    while (p + 4 <= end) {
      const code = dv.getUint16(p, le);
      const olen = dv.getUint16(p + 2, le);
      if (code === 0 || p + 4 + olen > end) return false;
      if (code === OPT_COMMENT && olen >= DROPPED_BYTES.length) {
        let same = true;
        for (let i = 0; same && i < DROPPED_BYTES.length; i++) same = buf[p + 4 + i] === DROPPED_BYTES[i];
        if (same) return true;
      }
      p += 4 + ((olen + 3) & ~3);
    }
    return false;
  }
}

function unknownLink(link: number): InputError {
  return bad(reason('linkType', link));
}
