import { InputError, quoteInput, reason } from '../errors.js';
import { bitsOf, formatAddress, formatIPv4, parseCidrLine, scanIPv4, type IpVersion } from './parse.js';
import { parseRange, summarizeBig, summarizeV4 } from './range.js';

/**
 * `netkata aggregate`: the minimal list of CIDRs that covers exactly the union of the input, the
 * job of Python's `ipaddress.collapse_addresses` (our reference for the vectors). Input lines are
 * CIDRs (`10.0.0.0/8`, `10.0.0.0/255.0.0.0`, `10.0.0.0 255.0.0.0`), bare addresses (a /32 or
 * /128) and inclusive ranges (`10.0.0.1-10.0.0.9`), IPv4 and IPv6 mixed; `#` starts a comment.
 *
 * Method: every input becomes an interval; sort by start, merge overlapping or adjacent
 * intervals, and cut each merged interval into CIDRs greedily (range.ts). A CIDR cannot span a
 * gap between merged intervals, so the concatenation is minimal.
 *
 * Host bits: `10.0.0.1/8` is not a network address. Python's `ip_network(strict=True)` rejects
 * it; here it is read as its network (10.0.0.0/8), counted in `hostBitsSet` and named in the
 * text output, because route lists in the wild carry such entries and the intent is clear.
 * `strict: true` (the CLI's `--strict`) rejects them instead, like Python.
 *
 * Speed: IPv4 lines of the plain forms are scanned in place (no per-line strings) into a
 * typed arrays of (network, host bits), radix-sorted and merged on numbers; the text output is
 * written as bytes. Everything else (IPv6, ranges, masks, comments, errors) takes the generic bigint path.
 * `aggregateGeneric` runs every line through the generic path; the differential tests hold the
 * two equal on seeded random input.
 */

export interface AggregateOptions {
  /** Reject CIDRs with host bits set, as Python's strict=True does. */
  readonly strict?: boolean;
  /** Where the text came from, for error messages (`routes.txt:7: ...`). */
  readonly source?: string;
}

export interface AggregateResult {
  /** Number of entries read (blank and comment lines excluded). */
  readonly input: number;
  /** The minimal CIDR list, IPv4 first then IPv6, each in address order. */
  readonly output: readonly string[];
  /** How many CIDR entries had host bits set and were read as their network. */
  readonly hostBitsSet: number;
  /** The first such entry, for the text view. */
  readonly hostBitsExample?: { readonly line: number; readonly input: string; readonly network: string };
}

export interface Interval {
  readonly version: IpVersion;
  readonly start: bigint;
  readonly end: bigint;
}

export interface AggregateEntry extends Interval {
  /** Set when a CIDR was written with host bits (`10.0.0.1/8`): the network it was read as. */
  readonly hostBitsNetwork?: string;
}

/**
 * Parse one input line. Returns null for a blank or comment line; throws InputError (with the
 * offending text as its input) for anything else that is not a CIDR, address or range.
 */
export function parseAggregateLine(rawLine: string, strict = false): AggregateEntry | null {
  const hash = rawLine.indexOf('#');
  const line = (hash === -1 ? rawLine : rawLine.slice(0, hash)).trim();
  if (line === '') return null;
  // A NUL never occurs in text: this is a binary file read as lines. Say so, without echoing its bytes.
  if (line.includes('\u0000')) throw new InputError(reason('aggregateNul'), quoteInput(line, 24));
  if (line.length > 200) throw new InputError(reason('aggregateLong'), quoteInput(line, 40));
  if (line.includes('%')) throw new InputError(reason('aggregateZone'), line);
  if (line.includes('-')) return parseRange(line);
  const c = parseCidrLine(line, 'expected one CIDR, address or start-end range per line');
  const hostBits = BigInt(bitsOf(c.version) - c.prefix);
  const size = 1n << hostBits;
  const network = c.address - (c.address % size);
  const end = network + size - 1n;
  if (network === c.address) return { version: c.version, start: network, end };
  const shown = `${formatAddress(c.version, network)}/${c.prefix}`;
  if (strict) throw new InputError(reason('hostBitsStrict', shown), line);
  return { version: c.version, start: network, end, hostBitsNetwork: shown };
}

function withLine(e: unknown, source: string, lineNo: number): unknown {
  if (!(e instanceof InputError)) return e;
  if (e.reason === undefined || e.input === undefined) return new InputError(e.parseMessage, `${source}:${lineNo}`);
  return new InputError(reason('withInput', { input: e.input === '' ? '""' : e.input, why: e.reason }), `${source}:${lineNo}`);
}

/** Sort and merge intervals of one version (bigint), then cut into CIDRs. */
function mergeBig(version: IpVersion, list: Interval[], out: string[]): void {
  if (list.length === 0) return;
  list.sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
  let s = list[0]!.start;
  let e = list[0]!.end;
  const flush = (): void => {
    if (version === 4) summarizeV4(Number(s), Number(e), (a, p) => out.push(`${formatIPv4(a)}/${p}`));
    else summarizeBig(version, s, e, (a, p) => out.push(`${formatAddress(version, a)}/${p}`));
  };
  for (let i = 1; i < list.length; i++) {
    const it = list[i]!;
    if (it.start <= e + 1n) {
      if (it.end > e) e = it.end;
    } else {
      flush();
      s = it.start;
      e = it.end;
    }
  }
  flush();
}

/** A growable list of IPv4 blocks: network address and host-bit count (32 - prefix). */
class KeyBuffer {
  starts = new Uint32Array(1024);
  bits = new Uint8Array(1024);
  n = 0;
  push(network: number, hostBits: number): void {
    if (this.n === this.starts.length) {
      const starts = new Uint32Array(this.n * 2);
      starts.set(this.starts);
      this.starts = starts;
      const bits = new Uint8Array(this.n * 2);
      bits.set(this.bits);
      this.bits = bits;
    }
    this.starts[this.n] = network;
    this.bits[this.n++] = hostBits;
  }
}

/**
 * The blocks sorted by network address: an LSD radix sort in two 16-bit passes, carrying the host
 * bits along. A comparison sort of the same million keys (Float64Array.prototype.sort) was a third of
 * `aggregate`'s run; merging needs only the starts in order (ties in any order: the merge keeps the
 * larger end).
 */
function sortBlocks(buf: KeyBuffer): { starts: Uint32Array; bits: Uint8Array } {
  const n = buf.n;
  let starts = buf.starts.subarray(0, n);
  let bits = buf.bits.subarray(0, n);
  let toStarts = new Uint32Array(n);
  let toBits = new Uint8Array(n);
  const count = new Uint32Array(65536);
  for (const shift of [0, 16]) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[(starts[i]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const v = starts[i]!;
      const j = count[(v >>> shift) & 0xffff]!++;
      toStarts[j] = v;
      toBits[j] = bits[i]!;
    }
    [starts, toStarts] = [toStarts, starts];
    [bits, toBits] = [toBits, bits];
  }
  return { starts, bits };
}

function mergeKeys(buf: KeyBuffer, emit: (address: number, prefix: number) => void): void {
  if (buf.n === 0) return;
  const { starts, bits } = sortBlocks(buf);
  let curS = -1;
  let curE = -1;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    const e = s + 2 ** bits[i]! - 1;
    if (curS < 0) {
      curS = s;
      curE = e;
    } else if (s <= curE + 1) {
      if (e > curE) curE = e;
    } else {
      summarizeV4(curS, curE, emit);
      curS = s;
      curE = e;
    }
  }
  summarizeV4(curS, curE, emit);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/** The input read: IPv4 intervals as keys, IPv6 ones as bigint intervals, and the counts. */
interface Collected {
  readonly v4: KeyBuffer;
  readonly v6: Interval[];
  readonly input: number;
  readonly hostBitsSet: number;
  readonly example: AggregateResult['hostBitsExample'];
}

/** The CLI's entry: IPv4 fast path plus the generic path for everything else. */
export function aggregate(text: string, options: AggregateOptions = {}): AggregateResult {
  const c = collect(text, options);
  const output: string[] = [];
  mergeKeys(c.v4, (a, p) => output.push(`${formatIPv4(a)}/${p}`));
  mergeBig(6, c.v6, output);
  const { input, hostBitsSet, example } = c;
  return example === undefined ? { input, output, hostBitsSet } : { input, output, hostBitsSet, hostBitsExample: example };
}

export interface AggregateText extends Omit<AggregateResult, 'output'> {
  /** The CIDR list as text, one per line, each line ending in a newline: `aggregate`'s output joined. */
  readonly text: string;
  /** The same text as ASCII bytes, for writing out without making the string. */
  readonly bytes: Uint8Array;
  /** Number of CIDRs in `text`. */
  readonly count: number;
}

/**
 * `aggregate` for the text output: the IPv4 CIDRs are written as ASCII bytes into one buffer instead
 * of one string each. For a million-line input of mostly unmergeable prefixes, the per-CIDR strings
 * and their garbage collection were half of the run (bench/addr-aggregate-iprange.bench.js).
 */
export function aggregateText(text: string, options: AggregateOptions = {}): AggregateText {
  const c = collect(text, options);
  const w = new AsciiLines(Math.max(1024, c.v4.n * 19));
  let count = 0;
  mergeKeys(c.v4, (a, p) => {
    w.cidr4(a, p);
    count++;
  });
  const v6: string[] = [];
  mergeBig(6, c.v6, v6);
  count += v6.length;
  if (v6.length > 0) w.ascii(`${v6.join('\n')}\n`);
  const bytes = w.bytesOut();
  const { input, hostBitsSet } = c;
  return {
    input,
    count,
    hostBitsSet,
    ...(c.example === undefined ? {} : { hostBitsExample: c.example }),
    bytes,
    get text() {
      return new TextDecoder().decode(bytes);
    },
  };
}

/** Lines of ASCII text in a growable byte buffer. */
class AsciiLines {
  private bytes: Uint8Array;
  private n = 0;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }

  /** `a.b.c.d/p\n` (19 bytes at most). */
  cidr4(address: number, prefix: number): void {
    if (this.n + 19 > this.bytes.length) {
      const bigger = new Uint8Array(this.bytes.length * 2);
      bigger.set(this.bytes.subarray(0, this.n));
      this.bytes = bigger;
    }
    this.octet(address >>> 24);
    this.bytes[this.n++] = 46;
    this.octet((address >>> 16) & 255);
    this.bytes[this.n++] = 46;
    this.octet((address >>> 8) & 255);
    this.bytes[this.n++] = 46;
    this.octet(address & 255);
    this.bytes[this.n++] = 47;
    this.octet(prefix);
    this.bytes[this.n++] = 10;
  }

  /** 0..255 in decimal, no leading zeros. */
  private octet(v: number): void {
    if (v >= 100) this.bytes[this.n++] = 48 + Math.floor(v / 100);
    if (v >= 10) this.bytes[this.n++] = 48 + (Math.floor(v / 10) % 10);
    this.bytes[this.n++] = 48 + (v % 10);
  }

  /** ASCII text (IPv6 CIDRs). */
  ascii(text: string): void {
    for (let i = 0; i < text.length; i++) {
      if (this.n === this.bytes.length) {
        const bigger = new Uint8Array(this.bytes.length * 2);
        bigger.set(this.bytes);
        this.bytes = bigger;
      }
      this.bytes[this.n++] = text.charCodeAt(i);
    }
  }

  bytesOut(): Uint8Array {
    return this.bytes.subarray(0, this.n);
  }
}

function collect(text: string, options: AggregateOptions): Collected {
  const strict = options.strict === true;
  const source = options.source ?? 'line';
  const v4 = new KeyBuffer();
  const v6: Interval[] = [];
  let input = 0;
  let hostBitsSet = 0;
  let example: AggregateResult['hostBitsExample'];
  const len = text.length;
  let pos = 0;
  let lineNo = 0;
  while (pos <= len) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = len;
    lineNo++;
    let ls = pos;
    let le = nl;
    pos = nl + 1;
    while (le > ls && isBlank(text.charCodeAt(le - 1))) le--;
    while (ls < le && isBlank(text.charCodeAt(ls))) ls++;
    if (ls === le) continue;

    // Fast path: only digits, dots and at most one "/".
    let slash = -1;
    let simple = true;
    for (let i = ls; i < le; i++) {
      const c = text.charCodeAt(i);
      if (c === 47) {
        if (slash !== -1) { simple = false; break; }
        slash = i;
      } else if (c !== 46 && (c < 48 || c > 57)) {
        simple = false;
        break;
      }
    }
    if (simple) {
      const addr = scanIPv4(text, ls, slash === -1 ? le : slash);
      let prefix = -1;
      if (slash === -1) prefix = 32;
      else {
        const plen = le - slash - 1;
        const d0 = text.charCodeAt(slash + 1) - 48;
        if (plen === 1) prefix = d0;
        else if (plen === 2 && d0 !== 0) {
          const p = d0 * 10 + (text.charCodeAt(slash + 2) - 48);
          if (p <= 32) prefix = p;
        }
      }
      if (addr >= 0 && prefix >= 0) {
        const hostBits = 32 - prefix;
        const size = 2 ** hostBits;
        const network = addr - (addr % size);
        if (network === addr) {
          v4.push(network, hostBits);
          input++;
          continue;
        }
        if (!strict) {
          hostBitsSet++;
          if (example === undefined) {
            example = { line: lineNo, input: text.slice(ls, le), network: `${formatIPv4(network)}/${prefix}` };
          }
          v4.push(network, hostBits);
          input++;
          continue;
        }
        // strict: fall through so the generic parser raises the error
      }
    }

    let entry: AggregateEntry | null;
    try {
      entry = parseAggregateLine(text.slice(ls, le), strict);
    } catch (e) {
      throw withLine(e, source, lineNo);
    }
    if (entry === null) continue;
    input++;
    if (entry.hostBitsNetwork !== undefined) {
      hostBitsSet++;
      if (example === undefined) example = { line: lineNo, input: text.slice(ls, le).replace(/#.*$/, '').trim(), network: entry.hostBitsNetwork };
    }
    if (entry.version === 4) summarizeV4(Number(entry.start), Number(entry.end), (a, p) => v4.push(a, 32 - p));
    else v6.push(entry);
  }
  return { v4, v6, input, hostBitsSet, example };
}

/** Reference path: every line through `parseAggregateLine` and bigint merging. */
export function aggregateGeneric(text: string, options: AggregateOptions = {}): AggregateResult {
  const strict = options.strict === true;
  const source = options.source ?? 'line';
  const lists: Record<IpVersion, Interval[]> = { 4: [], 6: [] };
  let input = 0;
  let hostBitsSet = 0;
  let example: AggregateResult['hostBitsExample'];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let entry: AggregateEntry | null;
    try {
      entry = parseAggregateLine(lines[i]!, strict);
    } catch (e) {
      throw withLine(e, source, i + 1);
    }
    if (entry === null) continue;
    input++;
    if (entry.hostBitsNetwork !== undefined) {
      hostBitsSet++;
      if (example === undefined) example = { line: i + 1, input: lines[i]!.replace(/#.*$/, '').trim(), network: entry.hostBitsNetwork };
    }
    lists[entry.version].push(entry);
  }
  const output: string[] = [];
  mergeBig(4, lists[4], output);
  mergeBig(6, lists[6], output);
  return example === undefined ? { input, output, hostBitsSet } : { input, output, hostBitsSet, hostBitsExample: example };
}

