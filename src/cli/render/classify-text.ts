/** Text view of `netkata classify`. */
import type { Classification, RangeRef } from '../../addr/classify.js';
import { paint } from './paint.js';

function rangeLines(ranges: readonly RangeRef[], indent: string): string[] {
  if (ranges.length === 0) return [`${indent}(no special-purpose block)`];
  const w = Math.max(...ranges.map((r) => r.cidr.length));
  const n = Math.max(...ranges.map((r) => r.name.length));
  return ranges.map((r) => `${indent}${r.cidr.padEnd(w)}  ${r.name.padEnd(n)}  ${r.rfc}`);
}

export function renderClassifyText(c: Classification, color: boolean): string {
  const p = paint(color);
  const yes = (b: boolean): string => (b ? p.good('yes') : p.bad('no'));
  const out: string[] = [];
  out.push(`${p.bold(c.address)}${c.zone === undefined ? '' : `%${c.zone}`}  (IPv${c.version})`);
  out.push(`  scope     ${c.scope}`);
  out.push(`  global    ${yes(c.global)}${c.embedded !== undefined && !c.embedded.global ? `  (its IPv4 ${c.embedded.address} is ${c.embedded.scope})` : ''}`);
  out.push(`  private   ${yes(c.private)}`);
  out.push('  ranges, most specific first:');
  out.push(...rangeLines(c.ranges, '    '));
  if (c.embedded !== undefined) {
    const e = c.embedded;
    out.push(`  embedded IPv4 (${e.kind}): ${e.address}  scope ${e.scope}, global ${yes(e.global)}, private ${yes(e.private)}`);
    out.push(...rangeLines(e.ranges, '    '));
  }
  if (c.teredo !== undefined) {
    const t = c.teredo;
    out.push(`  teredo    server ${t.server}, client ${t.client} port ${t.clientPort}, flags 0x${t.flags.toString(16).padStart(4, '0')}`);
  }
  return out.join('\n');
}

export function renderClassifyLine(c: Classification): string {
  return `${c.address}\t${c.scope}\tglobal=${c.global}\tprivate=${c.private}${c.embeddedIPv4 === undefined ? '' : `\tembedded=${c.embeddedIPv4}`}`;
}
