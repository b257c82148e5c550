/** Text view of `netkata ip`. */
import type { Notation } from '../../addr/notation.js';
import type { Messages } from '../../i18n/en/index.js';
import { ip as EN } from '../../i18n/en/ip.js';
import { displayWidth, padEndCells } from '../../text-width.js';

/**
 * An IPv6 address's binary (eight groups of 16 bits, `:` between them) as two lines of four groups,
 * broken at a group boundary: 79 cells do not fit beside a label in 80 columns. The app shows it so too.
 */
export function ipv6BinaryHalves(binary: string): [string, string] {
  const groups = binary.split(':');
  return [groups.slice(0, 4).join(':'), groups.slice(4).join(':')];
}

export function renderNotationText(n: Notation, t: Messages['ip'] = EN): string {
  const rows: [string, string][] = [];
  if (n.version === 4) {
    rows.push(
      [t.address, n.address],
      [t.integer, String(n.integer)],
      [t.hex, n.hex],
      [t.binary, n.binary],
      [t.octets, n.octets.join(' ')],
      [t.ipv4Mapped, `${n.ipv4Mapped}${t.mappedHex(n.ipv4MappedHex)}`],
      [t.reverse, n.reverse],
    );
    if (n.multicastMac !== undefined) rows.push([t.groupMac, `${n.multicastMac}${t.groupMac4}`]);
  } else {
    rows.push([t.address, n.address], [t.expanded, n.expanded]);
    if (n.zone !== undefined) rows.push([t.zone, n.zone]);
    if (n.hexForm !== undefined) rows.push([t.hexForm, n.hexForm]);
    if (n.embeddedIPv4 !== undefined) rows.push([t.embedded, `${n.embeddedIPv4}${n.embeddedKind === undefined ? '' : t.embeddedKind(t.kinds[n.embeddedKind])}`]);
    rows.push([t.integer, n.integer], [t.hex, n.hex]);
    const [high, low] = ipv6BinaryHalves(n.binary);
    rows.push([t.binary, high], ['', low]);
    rows.push([t.reverse, n.reverse]);
    if (n.multicastMac !== undefined) rows.push([t.groupMac, `${n.multicastMac}${t.groupMac6}`]);
  }
  // 12 cells (the English layout: `ipv4-mapped` and one space); wider only when a label needs it.
  const width = Math.max(12, ...rows.map(([k]) => displayWidth(k) + 1));
  return rows.map(([k, v]) => `${padEndCells(k, width)}${v}`).join('\n');
}

export function renderNotationLine(n: Notation): string {
  return n.version === 4
    ? `${n.address}\t${n.integer}\t${n.hex}\t${n.binary}\t${n.reverse}`
    : `${n.address}\t${n.expanded}\t${n.reverse}`;
}
