/**
 * Text view of `netkata same-segment`: both addresses ANDed with the mask, as a textbook writes it
 * (address, mask, rule, network), then part by part, then the verdict and what it means for delivery
 * (direct via ARP / neighbour discovery, or through the gateway).
 */
import type { SameSegment } from '../../addr/same-segment.js';
import type { Messages } from '../../i18n/en/index.js';
import { sameSegment as EN } from '../../i18n/en/same-segment.js';
import { displayWidth, padEndCells, wrapCells } from '../../text-width.js';
import { paint } from './paint.js';

type Text = Messages['sameSegment'];

/**
 * `width`: the widest line wanted (the zh output keeps to 80 columns: the two binary blocks go one
 * under the other when side by side would not fit, and the verdict is wrapped); undefined keeps
 * every line whole, as the English output always has.
 */
export function renderSameSegmentText(r: SameSegment, color: boolean, t: Text = EN, width?: number): string {
  const p = paint(color);
  const out: string[] = [];
  const v4 = r.version === 4;
  const ip1 = r.zone1 === undefined ? r.ip1 : `${r.ip1}%${r.zone1}`;
  const ip2 = r.zone2 === undefined ? r.ip2 : `${r.ip2}%${r.zone2}`;
  const title = t.title({ ip1: p.bold(ip1), ip2: p.bold(ip2), mask: r.mask, prefix: r.prefix });
  out.push(...(width === undefined ? [title] : wrapCells(title, width, '  ')));
  out.push('');
  if (v4) {
    const row = (k: 'ip1' | 'ip2' | 'mask' | 'network1' | 'network2'): string => r.steps.map((s) => s[k].binary).join('.');
    const w = 35;
    // The label column: `address`, `network`, and `mask AND` (the operator beside the mask row).
    const col = Math.max(11, displayWidth(t.address) + 2, displayWidth(t.network) + 2, displayWidth(t.mask) + displayWidth(t.and) + 2);
    const label = (s: string): string => padEndCells(s, col);
    const maskLabel = `${padEndCells(t.mask, col - displayWidth(t.and) - 1)}${t.and} `;
    const blank = ' '.repeat(col);
    const block = (cols: readonly { ip: string; address: string; network: string; net: string }[]): string[] => {
      const join = (cells: readonly string[]): string => cells.join('   ');
      return [
        `  ${blank}${join(cols.map((c, i) => (i < cols.length - 1 ? c.ip.padEnd(w) : c.ip)))}`,
        `  ${label(t.address)}${join(cols.map((c) => c.address))}`,
        `  ${maskLabel}${join(cols.map(() => row('mask')))}`,
        `  ${blank}${join(cols.map(() => '-'.repeat(w)))}`,
        `  ${label(t.network)}${join(cols.map((c) => c.network))}`,
        `  ${blank}${join(cols.map((c, i) => (i < cols.length - 1 ? `= ${c.net}`.padEnd(w) : `= ${c.net}`)))}`,
      ];
    };
    const one = { ip: r.ip1, address: row('ip1'), network: row('network1'), net: r.network1 };
    const two = { ip: r.ip2, address: row('ip2'), network: row('network2'), net: r.network2 };
    if (width === undefined || 2 + col + 2 * w + 3 <= width) out.push(...block([one, two]), '');
    else out.push(...block([one]), '', ...block([two]), '');
  }
  out.push(`  ${v4 ? t.octetByOctet : t.groupByGroup}`);
  const w = v4 ? 3 : 4;
  const partLabel = v4 ? t.octet : t.group;
  // Room for a two-digit part number, as wide in every row.
  const partWidth = displayWidth(partLabel('00')) + 1;
  for (const s of r.steps) {
    out.push(
      `    ${padEndCells(partLabel(String(s.part)), partWidth)}` +
        `${s.ip1.value.padStart(w)} AND ${s.mask.value.padStart(w)} = ${s.network1.value.padStart(w)}    ` +
        `${s.ip2.value.padStart(w)} AND ${s.mask.value.padStart(w)} = ${s.network2.value.padStart(w)}    ` +
        (s.same ? p.good(t.same) : p.bad(t.differ)),
    );
  }
  out.push('');
  let verdict: string;
  if (r.reason === 'different-zones') {
    verdict = `  ${p.bad(t.no)}${t.zonesDiffer({ zone1: r.zone1 ?? '', zone2: r.zone2 ?? '', network: r.network1 })}`;
  } else if (r.sameSegment) {
    verdict = `  ${p.good(t.yes)}${t.sameNetwork({ network: r.network1, v4 })}`;
  } else {
    verdict = `  ${p.bad(t.no)}${t.differentNetworks({ network1: r.network1, network2: r.network2 })}`;
  }
  out.push(...(width === undefined ? [verdict] : wrapCells(verdict, width, '  ')));
  return out.join('\n');
}
