/** Text view of `netkata classify`. */
import type { Classification, RangeRef } from '../../addr/classify.js';
import type { Messages } from '../../i18n/en/index.js';
import { classify as EN } from '../../i18n/en/classify.js';
import { displayWidth, padEndCells } from '../../text-width.js';
import { paint } from './paint.js';

type Text = Messages['classify'];

function rangeLines(ranges: readonly RangeRef[], indent: string, t: Text): string[] {
  if (ranges.length === 0) return [`${indent}${t.noRange}`];
  const w = Math.max(...ranges.map((r) => r.cidr.length));
  const n = Math.max(...ranges.map((r) => r.name.length));
  return ranges.map((r) => `${indent}${r.cidr.padEnd(w)}  ${r.name.padEnd(n)}  ${r.rfc}`);
}

export function renderClassifyText(c: Classification, color: boolean, t: Text = EN): string {
  const p = paint(color);
  const yes = (b: boolean): string => (b ? p.good(t.yes) : p.bad(t.no));
  const width = Math.max(10, ...[t.scope, t.global, t.private, t.teredo].map((l) => displayWidth(l) + 2));
  const label = (s: string): string => padEndCells(s, width);
  const out: string[] = [];
  out.push(`${p.bold(c.address)}${c.zone === undefined ? '' : `%${c.zone}`}  (IPv${c.version})`);
  out.push(`  ${label(t.scope)}${t.scopes[c.scope]}`);
  // Why a wrapped address is not global: its IPv4 address is not, or (::ffff:0:0/96) the registry's entry
  // for the wrapper itself says so while its IPv4 address is global.
  const embeddedNote = c.embedded === undefined || c.global ? ''
    : !c.embedded.global ? t.embeddedNotGlobal({ address: c.embedded.address, scope: t.scopes[c.embedded.scope] })
    : c.ranges[0] !== undefined ? t.wrapperNotGlobal(c.ranges[0]) : '';
  out.push(`  ${label(t.global)}${yes(c.global)}${embeddedNote}`);
  out.push(`  ${label(t.private)}${yes(c.private)}`);
  out.push(`  ${t.ranges}`);
  out.push(...rangeLines(c.ranges, '    ', t));
  if (c.embedded !== undefined) {
    const e = c.embedded;
    out.push(`  ${t.embedded({ kind: t.kinds[e.kind], address: e.address, scope: t.scopes[e.scope], global: yes(e.global), private: yes(e.private) })}`);
    out.push(...rangeLines(e.ranges, '    ', t));
  }
  if (c.teredo !== undefined) {
    const r = c.teredo;
    out.push(`  ${label(t.teredo)}${t.teredoParts({ server: r.server, client: r.client, port: r.clientPort, flags: `0x${r.flags.toString(16).padStart(4, '0')}` })}`);
  }
  return out.join('\n');
}

export function renderClassifyLine(c: Classification): string {
  return `${c.address}\t${c.scope}\tglobal=${c.global}\tprivate=${c.private}${c.embeddedIPv4 === undefined ? '' : `\tembedded=${c.embeddedIPv4}`}`;
}
