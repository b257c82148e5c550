import { Box, Text } from 'ink';
import type { Classification } from '../../addr/classify.js';
import { FieldTable, type Field } from '../components/FieldTable.js';
import { fill, useT } from '../i18n/strings.js';
import { useTheme } from '../theme.js';

export interface ClassifyViewProps {
  readonly value: Classification;
  readonly height: number;
}

export function ClassifyView({ value: c, height }: ClassifyViewProps): React.JSX.Element {
  const t = useT();
  const theme = useTheme();
  const yesNo = (b: boolean): string => (b ? t('yes') : t('no'));
  const fields: Field[] = [
    { label: t('field.address'), value: c.address + (c.zone !== undefined ? `%${c.zone}` : '') },
    { label: t('field.scope'), value: t(`scope.${c.scope}`), bold: true },
    { label: t('field.global'), value: yesNo(c.global), color: c.global ? theme.ok : theme.error },
    { label: t('field.private'), value: yesNo(c.private) },
  ];
  if (c.embedded !== undefined) {
    fields.push({
      label: t('field.embedded'),
      value: fill(t('classify.embedded'), {
        address: c.embedded.address,
        kind: t(`embedding.${c.embedded.kind}`),
        scope: t(`scope.${c.embedded.scope}`),
        global: yesNo(c.embedded.global),
      }),
    });
  }
  const room = Math.max(1, height - fields.length - 2);
  const ranges = c.ranges.slice(0, room);
  return (
    <Box flexDirection="column">
      <FieldTable fields={fields} />
      <Box marginTop={1} flexDirection="column">
        <Text bold>{t('field.ranges')}</Text>
        {c.ranges.length === 0 ? <Text dimColor>{t('field.none')}</Text> : null}
        {ranges.map((r) => (
          <Text key={r.cidr} wrap="truncate">
            {r.cidr.padEnd(20)} {r.name} <Text dimColor>({r.rfc})</Text>
          </Text>
        ))}
      </Box>
    </Box>
  );
}
