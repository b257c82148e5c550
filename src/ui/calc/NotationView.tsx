import type { Notation } from '../../addr/notation.js';
import { ipv6BinaryHalves } from '../../cli/render/notation-text.js';
import { foldDomainName } from '../../fold.js';
import { FieldTable, labelColumn, type Field } from '../components/FieldTable.js';
import { messages } from '../../i18n/index.js';
import { useLang, useT } from '../i18n/strings.js';

export interface NotationViewProps {
  readonly value: Notation;
  readonly width: number;
}

/**
 * The reverse-DNS name as the rows it takes in `width` cells, broken after a dot only (ink would cut
 * it at the edge: `…2.ip6` / `.arpa`, or mid-label). An ip6.arpa name (RFC 3596 2.5: 32 nibbles,
 * 72 characters) that does not fit goes on two rows cut at the 64-bit boundary, the reversed
 * interface identifier (RFC 4291 2.5.1) and then the /64 prefix with ip6.arpa, as the binary's two
 * rows are cut in the middle; each half folds at its dots again if the width asks for it.
 */
function reverseRows(n: Notation, width: number): string[] {
  if (n.reverse.length <= width) return [n.reverse];
  if (n.version === 6) {
    const half = 16 * 2; // 16 nibbles and their dots
    return [...foldDomainName(n.reverse.slice(0, half), width), ...foldDomainName(n.reverse.slice(half), width)];
  }
  return foldDomainName(n.reverse, width);
}

export function NotationView({ value: n, width }: NotationViewProps): React.JSX.Element {
  const t = useT();
  const ip = messages(useLang()).ip;
  const fields: Field[] =
    n.version === 4
      ? [
          { label: t('field.address'), value: n.address, bold: true },
          { label: t('field.integer'), value: String(n.integer) },
          { label: t('field.hex'), value: n.hex },
          { label: t('field.bits'), value: n.binary },
          { label: t('field.octets'), value: n.octets.join(' ') },
          { label: t('field.mapped'), value: n.ipv4Mapped },
          { label: t('field.reverse'), value: n.reverse },
          ...(n.multicastMac !== undefined ? [{ label: t('field.groupMac'), value: n.multicastMac }] : []),
        ]
      : [
          { label: t('field.address'), value: n.address, bold: true },
          { label: t('field.expanded'), value: n.expanded },
          { label: t('field.integer'), value: n.integer },
          { label: t('field.hex'), value: n.hex },
          // Two rows of four groups, as `netkata ip` prints them, instead of ink wrapping it mid-group.
          ...ipv6BinaryHalves(n.binary).map((value, i) => ({ label: i === 0 ? t('field.bits') : '', value })),
          { label: t('field.reverse'), value: n.reverse },
          ...(n.zone !== undefined ? [{ label: t('field.zone'), value: n.zone }] : []),
          // The note as `netkata ip` prints it (the ip catalogue's format: full-width brackets in Chinese).
          ...(n.embeddedIPv4 !== undefined
            ? [{ label: t('field.embedded'), value: `${n.embeddedIPv4}${n.embeddedKind !== undefined ? ip.embeddedKind(ip.kinds[n.embeddedKind]) : ''}` }]
            : []),
          ...(n.multicastMac !== undefined ? [{ label: t('field.groupMac'), value: n.multicastMac }] : []),
        ];
  // The labels decide the value column's width; the reverse name takes the rows it needs in it.
  const valueWidth = width - labelColumn(fields.map((f) => f.label));
  const rows = fields.flatMap((f) =>
    f.label === t('field.reverse') ? reverseRows(n, valueWidth).map((value, i) => ({ label: i === 0 ? f.label : '', value })) : [f],
  );
  return <FieldTable fields={rows} />;
}
