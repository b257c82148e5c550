import { Box, Text } from 'ink';
import type { PortInfo } from '../../addr/port.js';
import { FieldTable } from '../components/FieldTable.js';
import { aliasNote } from '../../addr/port.js';
import { messages } from '../../i18n/index.js';
import { useLang, useT } from '../i18n/strings.js';

export interface PortViewProps {
  readonly value: PortInfo;
  readonly height: number;
}

export function PortView({ value: p, height }: PortViewProps): React.JSX.Element {
  const t = useT();
  const lang = useLang();
  const rows = p.matches.flatMap((m) =>
    m.services.length === 0 ? [{ port: m.port, text: '-' }] : m.services.map((s) => ({ port: m.port, text: `${s.name}/${s.protocol}  ${s.description}` })),
  );
  const room = Math.max(1, height - 5);
  return (
    <Box flexDirection="column">
      <FieldTable
        fields={[
          { label: t('field.port'), value: p.matches.map((m) => String(m.port)).join(', '), bold: true },
          { label: t('field.range'), value: t(`portRange.${p.range}`) },
          ...(p.alias !== undefined ? [{ label: t('field.alias'), value: `${p.alias.name}: ${aliasNote(messages(lang).port.aliasNotes, p.alias.name)}` }] : []),
        ]}
      />
      <Box marginTop={1} flexDirection="column">
        <Text bold>{t('field.services')}</Text>
        {rows.slice(0, room).map((r, i) => (
          <Text key={i} wrap="truncate">
            <Text dimColor>{String(r.port).padStart(5)} </Text>
            {r.text}
          </Text>
        ))}
        {rows.length > room ? <Text dimColor>… {rows.length - room} {t('field.more')}</Text> : null}
      </Box>
    </Box>
  );
}
