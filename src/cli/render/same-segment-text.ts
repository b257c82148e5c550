/**
 * Text view of `netkata same-segment`: both addresses ANDed with the mask, as a textbook writes it
 * (address, mask, rule, network), then part by part, then the verdict and what it means for delivery
 * (direct via ARP / neighbour discovery, or through the gateway).
 */
import type { SameSegment } from '../../addr/same-segment.js';
import { paint } from './paint.js';

export function renderSameSegmentText(r: SameSegment, color: boolean): string {
  const p = paint(color);
  const out: string[] = [];
  const v4 = r.version === 4;
  const unit = v4 ? 'octet' : 'group';
  const sep = v4 ? '.' : ':';
  const ip1 = r.zone1 === undefined ? r.ip1 : `${r.ip1}%${r.zone1}`;
  const ip2 = r.zone2 === undefined ? r.ip2 : `${r.ip2}%${r.zone2}`;
  out.push(`Same segment? ${p.bold(ip1)} and ${p.bold(ip2)} under mask ${r.mask} (/${r.prefix})`);
  out.push('');
  if (v4) {
    const row = (k: 'ip1' | 'ip2' | 'mask' | 'network1' | 'network2'): string => r.steps.map((s) => s[k].binary).join(sep);
    const w = 35;
    out.push(`             ${r.ip1.padEnd(w)}   ${r.ip2}`);
    out.push(`  address    ${row('ip1')}   ${row('ip2')}`);
    out.push(`  mask   AND ${row('mask')}   ${row('mask')}`);
    out.push(`             ${'-'.repeat(w)}   ${'-'.repeat(w)}`);
    out.push(`  network    ${row('network1')}   ${row('network2')}`);
    out.push(`             ${`= ${r.network1}`.padEnd(w)}   = ${r.network2}`);
    out.push('');
  }
  out.push(`  ${unit} by ${unit}:`);
  const w = v4 ? 3 : 4;
  for (const s of r.steps) {
    out.push(
      `    ${unit} ${String(s.part).padEnd(2)} ` +
        `${s.ip1.value.padStart(w)} AND ${s.mask.value.padStart(w)} = ${s.network1.value.padStart(w)}    ` +
        `${s.ip2.value.padStart(w)} AND ${s.mask.value.padStart(w)} = ${s.network2.value.padStart(w)}    ` +
        (s.same ? p.good('same') : p.bad('differ')),
    );
  }
  out.push('');
  if (r.reason === 'different-zones') {
    out.push(
      `  ${p.bad('no')}: the zones differ (${r.zone1} vs ${r.zone2}): a zone is one link (RFC 4007 section 6), so these ` +
        `are two links even though both networks are ${r.network1}.`,
    );
  } else if (r.sameSegment) {
    out.push(
      `  ${p.good('yes')}: both networks are ${r.network1}, so the hosts reach each other directly ` +
        `(${v4 ? 'ARP' : 'neighbour discovery'} finds the MAC), without the gateway.`,
    );
  } else {
    out.push(
      `  ${p.bad('no')}: the networks differ (${r.network1} vs ${r.network2}), so each host sends the ` +
        'packet to its default gateway, which routes it.',
    );
  }
  return out.join('\n');
}
