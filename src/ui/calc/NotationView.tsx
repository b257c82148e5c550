import type { Notation } from '../../addr/notation.js';
import { ipv6BinaryHalves } from '../../cli/render/notation-text.js';
import { FieldTable, type Field } from '../components/FieldTable.js';
import { useT } from '../i18n/strings.js';

export interface NotationViewProps {
  readonly value: Notation;
}

export function NotationView({ value: n }: NotationViewProps): React.JSX.Element {
  const t = useT();
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
          ...(n.embeddedIPv4 !== undefined
            ? [{ label: t('field.embedded'), value: `${n.embeddedIPv4}${n.embeddedKind !== undefined ? ` (${t(`embedding.${n.embeddedKind}`)})` : ''}` }]
            : []),
          ...(n.multicastMac !== undefined ? [{ label: t('field.groupMac'), value: n.multicastMac }] : []),
        ];
  return <FieldTable fields={fields} />;
}
