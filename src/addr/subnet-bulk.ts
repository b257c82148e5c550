/**
 * Per-line subnet for bulk `--stdin`: `a.b.c.d/n` lines take the uint32 scanner and the direct JSON
 * serializer; anything else (masks, IPv6, errors) goes through `parseCidr` and `subnet`, so a line gives
 * the same answer and the same error either way (test/addr/subnet-diff.test.ts checks this).
 */
import { InputError } from '../errors.js';
import { parseCidr, scanIPv4, type ParsedCidr } from './parse.js';
import { subnet, subnetJsonLineIPv4, type SubnetInfo } from './subnet.js';

/** `n` in 0..32 written without a leading zero, from `start` to the end of `line`; else -1. */
function scanPrefix(line: string, start: number): number {
  const len = line.length - start;
  if (len === 1) {
    const d = line.charCodeAt(start) - 48;
    return d >= 0 && d <= 9 ? d : -1;
  }
  if (len === 2) {
    const d1 = line.charCodeAt(start) - 48;
    const d2 = line.charCodeAt(start + 1) - 48;
    if (d1 < 1 || d1 > 3 || d2 < 0 || d2 > 9) return -1;
    const n = d1 * 10 + d2;
    return n <= 32 ? n : -1;
  }
  return -1;
}

/** One input line: `cidr`, `address mask` (whitespace separated), or a bare address. */
export function parseCidrLine(line: string): ParsedCidr {
  const parts = line.trim().split(/\s+/);
  if (parts.length === 1) return parseCidr(parts[0]!);
  if (parts.length === 2) return parseCidr(parts[0]!, parts[1]!);
  throw new InputError('expected <address>[/<prefix>] or <address> <mask>', line);
}

export function subnetOfLine(line: string): SubnetInfo {
  return subnet(parseCidrLine(line));
}

/** The JSON Lines record for one input line (throws InputError for a bad one). */
export function subnetJsonLine(line: string): string {
  const slash = line.indexOf('/');
  if (slash > 0) {
    const address = scanIPv4(line, 0, slash);
    if (address >= 0) {
      const prefix = scanPrefix(line, slash + 1);
      // Only digits, dots and "/" got here, so the input needs no JSON escaping.
      if (prefix >= 0) return subnetJsonLineIPv4(address, prefix, `"${line}"`);
    }
  }
  return JSON.stringify(subnetOfLine(line));
}
