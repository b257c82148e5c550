/**
 * Per-line subnet for bulk `--stdin --json`. A line of the form `a.b.c.d/n` is scanned from the input
 * bytes and its JSON record is written straight into the output bytes: no strings, no objects, so a
 * million lines cost about a second. Anything else (masks, IPv6, whitespace, errors) returns -1 and the
 * caller takes `subnetJsonLine`, i.e. `parseCidr` + `subnet` + `JSON.stringify`. test/addr/subnet-diff
 * proves that for seeded random input the bytes equal `JSON.stringify(subnet(parseCidr(line)))` and that
 * the byte scanner accepts exactly the lines the strict parser accepts in that form.
 */
import { ipv4RangeBits, ipv4RangesFromBits } from './classify.js';
import { binaryIPv4, formatIPv4, maskFromPrefix, OCTET_BITS, parseCidrLine } from './parse.js';
import { ipv4Hosts, subnet, type SubnetInfo } from './subnet.js';

export function subnetOfLine(line: string): SubnetInfo {
  return subnet(parseCidrLine(line));
}

/** The JSON Lines record for one input line, the general way (throws InputError for a bad one). */
export function subnetJsonLine(line: string): string {
  return JSON.stringify(subnetOfLine(line));
}

// ---------------------------------------------------------------- byte path

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

// The record is written eight or four bytes at a time through a DataView (unaligned little-endian
// stores, compiled to single machine stores). A piece is stored whole even when shorter than its last
// word; the position advances by its true length and the next piece overwrites the spare bytes. There
// are no data-dependent byte loops left (the byte-at-a-time version's short copy loops were its cost).
//
// Eight-byte words are carried as float64 (a BigInt would allocate): a word of bytes below 0x7f (which
// `frag` enforces) and zero padding never has a NaN bit pattern (all exponent bits set needs a top byte
// of 0x7f or 0xff), and finite doubles are loaded and stored bit for bit. test/addr/subnet-diff checks the output bytes against JSON.stringify.
// Measured in bench/addr-subnet-bulk.bench.js (quoted in issue 2's note).

/** A constant piece of the record as little-endian 8-byte words, and its length in bytes. */
interface Frag {
  readonly words: Float64Array;
  /** words.length as a plain number: reading a typed array's length in the copy loop cost more than the copy */
  readonly count: number;
  readonly length: number;
}

function frag(s: string): Frag {
  if (!/^[\x20-\x7e]*$/.test(s)) throw new Error(`subnet-bulk: a record piece must be printable ASCII: ${s}`);
  const count = Math.ceil(s.length / 8);
  const bytes = new Uint8Array(count * 8);
  bytes.set(ascii(s));
  const dv = new DataView(bytes.buffer);
  const words = Float64Array.from({ length: count }, (_, k) => dv.getFloat64(k * 8, true));
  return { words, count, length: s.length };
}

/** Little-endian word of up to four ASCII characters. */
function word(s: string): number {
  let w = 0;
  for (let k = s.length - 1; k >= 0; k--) w = (w << 8) | s.charCodeAt(k);
  return w >>> 0;
}

// "d." / "dd." / "ddd." for each octet value, as one word, and its length.
const OCT = new Uint32Array(256);
const OCT_LEN = new Uint8Array(256);
// "bbbbbbbb" for each octet value as one 8-byte word.
const BIN = new Float64Array(256);
for (let v = 0; v < 256; v++) {
  OCT[v] = word(`${v}.`);
  OCT_LEN[v] = `${v}.`.length;
  BIN[v] = frag(OCTET_BITS[v]!).words[0]!;
}

/**
 * Everything that depends only on the prefix, pre-serialized. A record is
 *   lead[0] dot lead[1] dot ... lead[n-1] dot | counts+class+ranges | bin(address) binMask bin(network) END
 * with the dotted quads address, address, network, network, broadcast (not for /31, /32), first, last.
 */
interface PrefixParts {
  /** `{"version":4,"input":"`, `/24","address":"`, `","prefix":24,"network":"`, `","cidr":"`,
   * `/24","netmask":"255.255.255.0","wildcard":"0.0.0.255","broadcast":"`, `","firstHost":"`,
   * `","lastHost":"`. For /31 and /32 the broadcast is `null` and the first host follows it directly. */
  readonly lead: readonly Frag[];
  readonly counts: string; // ","hostCount":254,"addressCount":256,"class":"
  readonly binMask: Frag; // ","netmask":"1111...","network":"
  /** counts, class letter, ranges and `"binary":{"address":"`, per class (A..E) and set of special blocks */
  readonly tails: readonly Map<number, Frag>[];
}

const BY_PREFIX: readonly PrefixParts[] = Array.from({ length: 33 }, (_, p) => {
  const mask = maskFromPrefix(p);
  const hosts = ipv4Hosts(0, ~mask >>> 0, p).count;
  const cidrTail = `/${p}","netmask":"${formatIPv4(mask)}","wildcard":"${formatIPv4(~mask >>> 0)}","broadcast":`;
  const lead = ['{"version":4,"input":"', `/${p}","address":"`, `","prefix":${p},"network":"`, '","cidr":"'];
  if (p >= 31) lead.push(`${cidrTail}null,"firstHost":"`);
  else lead.push(`${cidrTail}"`, '","firstHost":"');
  lead.push('","lastHost":"');
  return {
    lead: lead.map(frag),
    counts: `","hostCount":${hosts},"addressCount":${2 ** (32 - p)},"class":"`,
    binMask: frag(`","netmask":"${binaryIPv4(mask)}","network":"`),
    tails: Array.from({ length: 5 }, () => new Map<number, Frag>()),
  };
});

const F_END = frag('"}}');

function tailFrag(parts: PrefixParts, address: number): Frag {
  const top = address >>> 24;
  const cls = top < 128 ? 0 : top < 192 ? 1 : top < 224 ? 2 : top < 240 ? 3 : 4;
  const bits = ipv4RangeBits(address);
  const cache = parts.tails[cls]!;
  let f = cache.get(bits);
  if (f === undefined) {
    const names = JSON.stringify(ipv4RangesFromBits(bits).map((r) => r.name));
    f = frag(`${parts.counts}${'ABCDE'[cls]}","ranges":${names},"binary":{"address":"`);
    cache.set(bits, f);
  }
  return f;
}

/** The dotted quads of one record, in order. */
const DOTS = new Uint32Array(7);

let viewTarget: Uint8Array | undefined;
let view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
/** A DataView over `out`, made again only when the caller hands over another buffer. */
function viewOf(out: Uint8Array): DataView<ArrayBufferLike> {
  if (out !== viewTarget) {
    view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    viewTarget = out;
  }
  return view;
}

function put(dv: DataView<ArrayBufferLike>, pos: number, f: Frag): number {
  const w = f.words;
  const n = f.count;
  for (let k = 0; k < n; k++) dv.setFloat64(pos + k * 8, w[k]!, true);
  return pos + f.length;
}

/** Dotted decimal: four word stores, each octet with its dot; the last dot is left for the next piece to overwrite. */
function putDot(dv: DataView<ArrayBufferLike>, pos: number, v: number): number {
  let o = v >>> 24;
  dv.setUint32(pos, OCT[o]!, true);
  pos += OCT_LEN[o]!;
  o = (v >>> 16) & 255;
  dv.setUint32(pos, OCT[o]!, true);
  pos += OCT_LEN[o]!;
  o = (v >>> 8) & 255;
  dv.setUint32(pos, OCT[o]!, true);
  pos += OCT_LEN[o]!;
  o = v & 255;
  dv.setUint32(pos, OCT[o]!, true);
  return pos + OCT_LEN[o]! - 1;
}

/** Dotted binary: always 35 bytes. */
function putBin(dv: DataView<ArrayBufferLike>, pos: number, v: number): number {
  dv.setFloat64(pos, BIN[v >>> 24]!, true);
  dv.setUint8(pos + 8, 46);
  dv.setFloat64(pos + 9, BIN[(v >>> 16) & 255]!, true);
  dv.setUint8(pos + 17, 46);
  dv.setFloat64(pos + 18, BIN[(v >>> 8) & 255]!, true);
  dv.setUint8(pos + 26, 46);
  dv.setFloat64(pos + 27, BIN[v & 255]!, true);
  return pos + 35;
}

/** Strict dotted decimal from bytes [start, end) to uint32, or -1 (same rules as `scanIPv4`). */
export function scanIPv4Bytes(src: Uint8Array, start: number, end: number): number {
  let value = 0;
  let octets = 0;
  let i = start;
  while (i < end) {
    const first = src[i]!;
    if (first < 48 || first > 57) return -1;
    let octet = first - 48;
    let digits = 1;
    i++;
    while (i < end) {
      const c = src[i]!;
      if (c < 48 || c > 57) break;
      if (first === 48) return -1;
      octet = octet * 10 + (c - 48);
      if (++digits > 3) return -1;
      i++;
    }
    if (octet > 255) return -1;
    value = value * 256 + octet;
    octets++;
    if (i === end) break;
    if (src[i] !== 46 || octets === 4) return -1;
    i++;
    if (i === end) return -1;
  }
  return octets === 4 ? value : -1;
}

/** `n` in 0..32 without a leading zero in bytes [start, end), or -1. */
function scanPrefixBytes(src: Uint8Array, start: number, end: number): number {
  const len = end - start;
  if (len === 1) {
    const d = src[start]! - 48;
    return d >= 0 && d <= 9 ? d : -1;
  }
  if (len === 2) {
    const d1 = src[start]! - 48;
    const d2 = src[start + 1]! - 48;
    if (d1 < 1 || d1 > 3 || d2 < 0 || d2 > 9) return -1;
    const n = d1 * 10 + d2;
    return n <= 32 ? n : -1;
  }
  return -1;
}

/** Room an encoded record can need: the longest line the byte path accepts gives under 600 bytes. */
export const MAX_ENCODED_RECORD = 1024;

/**
 * Writes the JSON record (no newline) for the line in src[start, end) at out[pos] and returns the new
 * position, or -1 when the line is not exactly `a.b.c.d/n` (the caller then takes `subnetJsonLine`).
 * The caller guarantees MAX_ENCODED_RECORD bytes of room: the record is under 600 bytes, and the word
 * stores may leave up to 7 spare bytes after the returned position.
 */
export function encodeSubnetJsonLine(src: Uint8Array, start: number, end: number, out: Uint8Array, pos: number): number {
  if (end - start > 18) return -1; // 255.255.255.255/32 is the longest
  let slash = -1;
  for (let k = start; k < end; k++) {
    if (src[k] === 47) { slash = k; break; }
  }
  if (slash <= start) return -1;
  const address = scanIPv4Bytes(src, start, slash);
  if (address < 0) return -1;
  const prefix = scanPrefixBytes(src, slash + 1, end);
  if (prefix < 0) return -1;
  const parts = BY_PREFIX[prefix]!;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const network = (address & mask) >>> 0;
  const broadcast = (network | ~mask) >>> 0;
  let first: number;
  let last: number;
  if (prefix === 32) { first = network; last = network; }
  else if (prefix === 31) { first = network; last = broadcast; }
  else { first = network + 1; last = broadcast - 1; }

  const dots = DOTS;
  dots[0] = address; // a line the scanner accepts is canonical: the input is the address written back
  dots[1] = address;
  dots[2] = network;
  dots[3] = network;
  let n = 4;
  if (prefix < 31) dots[n++] = broadcast;
  dots[n++] = first;
  dots[n++] = last;
  const dv = viewOf(out);
  const lead = parts.lead;
  let p = pos;
  for (let k = 0; k < n; k++) {
    p = put(dv, p, lead[k]!);
    p = putDot(dv, p, dots[k]!);
  }
  p = put(dv, p, tailFrag(parts, address));
  p = putBin(dv, p, address);
  p = put(dv, p, parts.binMask);
  p = putBin(dv, p, network);
  return put(dv, p, F_END);
}
