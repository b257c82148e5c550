import { Box, Text } from 'ink';
import type { SubnetInfo } from '../../addr/subnet.js';
import { FieldTable, type Field } from '../components/FieldTable.js';
import { Paint } from '../components/Paint.js';
import { fill, useT } from '../i18n/strings.js';
import { useTheme } from '../theme.js';
import { BinaryView } from './BinaryView.js';
import { cutExpandedHex } from './bit-boundary.js';

export interface SubnetViewProps {
  readonly value: SubnetInfo;
  readonly width: number;
}

/** The subnet object of src/addr/subnet.ts, with the binary rows that show where the network ends. */
export function SubnetView({ value: s, width }: SubnetViewProps): React.JSX.Element {
  const t = useT();
  const theme = useTheme();
  const ranges = s.ranges.length > 0 ? s.ranges.join(', ') : t('field.none');
  if (s.version === 6) {
    const cut = cutExpandedHex(s.expanded, s.prefix);
    const fields: Field[] = [
      { label: t('field.address'), value: s.address + (s.zone !== undefined ? `%${s.zone}` : '') },
      { label: t('field.cidr'), value: s.cidr, color: theme.network, bold: true },
      { label: t('field.network'), value: s.network, color: theme.network },
      { label: t('field.lastAddress'), value: s.lastAddress },
      { label: t('field.addressCount'), value: s.addressCount },
      { label: t('field.ranges'), value: ranges },
    ];
    return (
      <Box flexDirection="column">
        <FieldTable fields={fields} />
        <Box marginTop={1} flexDirection="column">
          <Text bold>
            {t('field.expanded')}
            {fill(t('note.after'), { note: `/${s.prefix}` })}
          </Text>
          <Text>
            <Paint color={theme.network}>{cut.network}</Paint>
            <Text bold>|</Text>
            <Paint color={theme.host}>{cut.host}</Paint>
            {cut.inside ? <Paint color={theme.muted}>{'  ' + t('subnet.boundaryInside').replace('{prefix}', String(s.prefix))}</Paint> : null}
          </Text>
        </Box>
      </Box>
    );
  }
  const none = t('field.none');
  const fields: Field[] = [
    { label: t('field.address'), value: s.address },
    { label: t('field.network'), value: s.network, color: theme.network, bold: true },
    { label: t('field.cidr'), value: s.cidr },
    { label: t('field.netmask'), value: `${s.netmask}  (/${s.prefix})` },
    { label: t('field.wildcard'), value: s.wildcard },
    { label: t('field.broadcast'), value: s.broadcast ?? none + fill(t('note.after'), { note: `/${s.prefix}` }), color: theme.host, bold: true },
    { label: t('field.firstHost'), value: s.firstHost },
    { label: t('field.lastHost'), value: s.lastHost },
    { label: t('field.hostCount'), value: String(s.hostCount) },
    { label: t('field.addressCount'), value: String(s.addressCount) },
    { label: t('field.class'), value: s.class },
    { label: t('field.ranges'), value: ranges },
  ];
  const binary = (
    <BinaryView
      title={t('field.binary')}
      prefix={s.prefix}
      rows={[
        { label: t('field.address'), bits: s.binary.address, text: s.address },
        { label: t('field.netmask'), bits: s.binary.netmask, text: s.netmask },
        { label: t('field.network'), bits: s.binary.network, text: s.network },
      ]}
    />
  );
  // Side by side when there is room (fields ~34 columns, binary ~60), else stacked.
  return width >= 110 ? (
    <Box columnGap={4}>
      <FieldTable fields={fields} />
      {binary}
    </Box>
  ) : (
    <Box flexDirection="column">
      <FieldTable fields={fields} />
      <Box marginTop={1}>{binary}</Box>
    </Box>
  );
}

