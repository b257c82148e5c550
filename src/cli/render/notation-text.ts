/** Text view of `netkata ip`. */
import type { Notation } from '../../addr/notation.js';

export function renderNotationText(n: Notation): string {
  const rows: [string, string][] = [];
  if (n.version === 4) {
    rows.push(
      ['address', n.address],
      ['integer', String(n.integer)],
      ['hex', n.hex],
      ['binary', n.binary],
      ['octets', n.octets.join(' ')],
      ['ipv4-mapped', `${n.ipv4Mapped}  (${n.ipv4MappedHex})`],
      ['reverse', n.reverse],
    );
    if (n.multicastMac !== undefined) rows.push(['group MAC', `${n.multicastMac}  (01:00:5e + the low 23 bits; RFC 1112 6.4)`]);
  } else {
    rows.push(['address', n.address], ['expanded', n.expanded]);
    if (n.zone !== undefined) rows.push(['zone', n.zone]);
    if (n.hexForm !== undefined) rows.push(['hex form', n.hexForm]);
    if (n.embeddedIPv4 !== undefined) rows.push(['embedded', `${n.embeddedIPv4} (${n.embeddedKind ?? ''})`]);
    rows.push(['integer', n.integer], ['hex', n.hex]);
    const groups = n.binary.split(':');
    rows.push(['binary', groups.slice(0, 4).join(':')], ['', groups.slice(4).join(':')]);
    rows.push(['reverse', n.reverse]);
    if (n.multicastMac !== undefined) rows.push(['group MAC', `${n.multicastMac}  (33:33 + the low 32 bits; RFC 2464 7)`]);
  }
  return rows.map(([k, v]) => `${k.padEnd(12)}${v}`).join('\n');
}

export function renderNotationLine(n: Notation): string {
  return n.version === 4
    ? `${n.address}\t${n.integer}\t${n.hex}\t${n.binary}\t${n.reverse}`
    : `${n.address}\t${n.expanded}\t${n.reverse}`;
}
