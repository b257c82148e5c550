import type { MacInfo, MulticastGroups } from '../../addr/mac.js';
import { FieldTable } from '../components/FieldTable.js';
import { fill, useT } from '../i18n/strings.js';
import { useTheme } from '../theme.js';

export interface MacViewProps {
  readonly value: MacInfo;
}

function groupsText(g: MulticastGroups): string {
  if (g.family === 6) return `…:${g.low32} (${g.example}, …)`;
  const a = g.addresses ?? [];
  return `${a[0]}, ${a[1]}, … ${a.at(-1)} (${a.length})`;
}

export function MacView({ value: m }: MacViewProps): React.JSX.Element {
  const t = useT();
  const theme = useTheme();
  const yesNo = (b: boolean): string => (b ? t('yes') : t('no'));
  return (
    <FieldTable
      fields={[
        { label: t('field.mac'), value: m.mac, bold: true },
        { label: t('field.oui'), value: m.oui, color: theme.network },
        { label: t('field.nic'), value: m.nic, color: theme.host },
        { label: t('field.multicast'), value: yesNo(m.multicast) + (m.broadcast ? fill(t('note.after'), { note: t('mac.broadcast') }) : '') },
        { label: t('field.local'), value: yesNo(m.local) },
        { label: t('field.eui64'), value: m.eui64 },
        { label: t('field.linkLocal'), value: m.linkLocalIPv6 },
        ...(m.multicastGroups === undefined ? [] : [{ label: t('field.groups'), value: groupsText(m.multicastGroups) }]),
      ]}
    />
  );
}
