import { InputError, reason, type Reason } from '../errors.js';
import { bitsOf, formatAddress, parseCidr, type IpVersion, type ParsedCidr } from './parse.js';
import { summarizeToStrings } from './range.js';
import { subnet, type SubnetInfo } from './subnet.js';

/**
 * `netkata split`: cut a block into subnets.
 *  - `--prefix n`: every /n inside the parent.
 *  - `--count n`: n equal subnets; a prefix can only halve, so n is rounded up to a power of two
 *    (5 -> 8) and the result says so.
 *  - `--hosts a,b,c` (VLSM): largest need first, each gets the smallest block that holds it,
 *    allocated from the bottom of the parent. Blocks are powers of two taken in decreasing size,
 *    so each one starts aligned and the plan fits iff the sizes add up to at most the parent.
 *
 * IPv4 host sizing is the textbook one: a need of h hosts takes a block of at least h + 2
 * addresses (network and broadcast reserved), so 2 hosts get a /30. RFC 3021 would let a
 * point-to-point link use a /31; the text view points that out rather than planning it, because
 * a /31 only works where both ends support it. IPv6 blocks follow `subnet`'s reading of IPv6
 * (every address counts as a host, no broadcast), so h hosts take the smallest 2^k >= h.
 *
 * Output size is capped at MAX_SUBNETS so `split ::/0 --prefix 128` fails fast instead of hanging.
 */

export const MAX_SUBNETS = 65_536;

export type SplitMode =
  | { readonly kind: 'prefix'; readonly prefix: number }
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'hosts'; readonly hosts: readonly number[] };

export interface PlannedBlock {
  readonly address: bigint;
  readonly prefix: number;
  /** VLSM only: the need this block serves and its position in the --hosts list (1-based). */
  readonly hostsNeeded?: number;
  readonly need?: number;
}

export interface SplitPlan {
  readonly version: IpVersion;
  readonly parent: string;
  /** Set when the parent was written with host bits (`10.0.0.1/24`): what was typed. */
  readonly parentInput: string;
  readonly parentHostBits: boolean;
  readonly mode: SplitMode['kind'];
  /** --count: what was asked and how many subnets that became (a power of two). */
  readonly requested?: number;
  readonly produced: number;
  /** --prefix and --count: the new prefix length. */
  readonly prefix?: number;
  readonly blocks: readonly PlannedBlock[];
  /** VLSM: the parent's space left over, as a minimal CIDR list. */
  readonly free?: readonly string[];
}

export type SplitSubnet = SubnetInfo & { readonly hostsNeeded?: number; readonly need?: number };

export interface SplitResult extends Omit<SplitPlan, 'blocks'> {
  readonly subnets: readonly SplitSubnet[];
}

function tooMany(n: bigint | number, hint: Reason, input?: string): InputError {
  return new InputError(reason('splitTooMany', { count: n.toLocaleString('en-US'), max: MAX_SUBNETS.toLocaleString('en-US'), hint }), input);
}

/** Strict positive decimal integer (no sign, no leading zero, safe integer). */
function positiveInt(text: string, what: Reason): number {
  const t = text.trim();
  if (!/^[0-9]+$/.test(t)) throw new InputError(reason('notPositive', what), text);
  if (t.length > 1 && t.startsWith('0')) throw new InputError(reason('numberLeadingZero', what), text);
  const n = Number(t);
  if (!Number.isSafeInteger(n)) throw new InputError(reason('numberTooLarge', what), text);
  if (n === 0) throw new InputError(reason('numberZero', what), text);
  return n;
}

/** `--prefix` value: `26` or `/26`. */
export function parseSplitPrefix(text: string): number {
  const t = text.trim();
  const digits = t.startsWith('/') ? t.slice(1) : t;
  if (digits === '0') return 0;
  return positiveInt(digits, reason('splitWhatPrefix'));
}

/** `--count` value. */
export function parseSplitCount(text: string): number {
  return positiveInt(text, reason('splitWhatCount'));
}

/** `--hosts` value: comma-separated positive host counts, e.g. `50,20,10,2`. */
export function parseHostList(text: string): number[] {
  if (text.trim() === '') throw new InputError(reason('emptyHostList'), text);
  const parts = text.split(',');
  if (parts.length > MAX_SUBNETS) throw tooMany(parts.length, reason('splitFewerNeeds'), `${parts.length} needs`);
  return parts.map((p, i) => {
    if (p.trim() === '') throw new InputError(reason('emptyNeed', i + 1), text);
    return positiveInt(p, reason('splitWhatNeed', { k: i + 1, need: p.trim() }));
  });
}

/** Smallest k with 2^k >= n (n >= 1). */
function ceilLog2(n: bigint): number {
  let k = 0;
  while (1n << BigInt(k) < n) k++;
  return k;
}

export function planSplit(parentCidr: ParsedCidr, mode: SplitMode): SplitPlan {
  const { version } = parentCidr;
  const bits = bitsOf(version);
  const p = parentCidr.prefix;
  const hostBits = BigInt(bits - p);
  const size = 1n << hostBits;
  const network = parentCidr.address - (parentCidr.address % size);
  const parent = `${formatAddress(version, network)}/${p}`;
  const base = { version, parent, parentInput: parentCidr.input, parentHostBits: network !== parentCidr.address };

  const equal = (newPrefix: number, extra: { requested?: number }): SplitPlan => {
    const n = 1n << BigInt(newPrefix - p);
    const step = 1n << BigInt(bits - newPrefix);
    const blocks: PlannedBlock[] = [];
    for (let i = 0n; i < n; i++) blocks.push({ address: network + i * step, prefix: newPrefix });
    return { ...base, mode: mode.kind, ...extra, produced: blocks.length, prefix: newPrefix, blocks };
  };

  if (mode.kind === 'prefix') {
    const np = mode.prefix;
    if (np > bits) throw new InputError(reason('splitPrefixLonger', { prefix: np, version, bits }), `/${np}`);
    if (np < p) throw new InputError(reason('splitPrefixShorter', { prefix: np, parent: p }), `/${np}`);
    if (np - p > 16) throw tooMany(1n << BigInt(np - p), reason('splitLongerParent', { parent: p, prefix: np }), `${parent} --prefix ${np}`);
    return equal(np, {});
  }

  if (mode.kind === 'count') {
    const want = mode.count;
    if (want > MAX_SUBNETS) throw tooMany(want, reason('splitAskFewer'), `--count ${want}`);
    const k = ceilLog2(BigInt(want));
    if (p + k > bits) {
      throw new InputError(reason('splitCannotCut', { prefix: p, want, blocks: 2 ** k, more: k, left: bits - p }), String(want));
    }
    return equal(p + k, { requested: want });
  }

  // VLSM. Block size per need: IPv4 reserves network and broadcast (textbook), IPv6 does not.
  const needs = mode.hosts.map((h, i) => {
    const addresses = version === 4 ? BigInt(h) + 2n : BigInt(h);
    const k = ceilLog2(addresses);
    return { h, i, k };
  });
  // Largest block first; equal sizes keep the order they were given in.
  const order = [...needs].sort((a, b) => b.k - a.k || a.i - b.i);
  let total = 0n;
  for (const n of order) total += 1n << BigInt(n.k);
  if (total > size) {
    const missing = total - size;
    throw new InputError(
      reason('splitPlanTooBig', { total: total.toLocaleString('en-US'), parent, size: size.toLocaleString('en-US'), missing: missing.toLocaleString('en-US') }),
      mode.hosts.join(','),
    );
  }
  const blocks: PlannedBlock[] = [];
  let at = network;
  for (const n of order) {
    blocks.push({ address: at, prefix: bits - n.k, hostsNeeded: n.h, need: n.i + 1 });
    at += 1n << BigInt(n.k);
  }
  const last = network + size - 1n;
  const free = at <= last ? summarizeToStrings(version, at, last) : [];
  return { ...base, mode: 'hosts', produced: blocks.length, blocks, free };
}

/** `netkata split <cidr> (--prefix | --count | --hosts)`: the plan with a subnet object per block. */
export function split(parentText: string, mode: SplitMode): SplitResult {
  const cidr = parseCidr(parentText);
  if (cidr.zone !== undefined) throw new InputError(reason('splitZone'), parentText);
  const plan = planSplit(cidr, mode);
  const { blocks, ...rest } = plan;
  const subnets = blocks.map((b): SplitSubnet => {
    const text = `${formatAddress(plan.version, b.address)}/${b.prefix}`;
    const s = subnet({ version: plan.version, address: b.address, prefix: b.prefix, input: text });
    return b.hostsNeeded === undefined ? s : { ...s, hostsNeeded: b.hostsNeeded, need: b.need! };
  });
  return { ...rest, subnets };
}
