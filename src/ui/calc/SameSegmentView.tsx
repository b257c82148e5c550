import { Box, Text } from 'ink';
import type { AndStep, PartValue, SameSegment } from '../../addr/same-segment.js';
import { Paint } from '../components/Paint.js';
import { useT } from '../i18n/strings.js';
import { useTheme, type Theme } from '../theme.js';
import { displayWidth } from '../text-width.js';

export interface SameSegmentViewProps {
  readonly value: SameSegment;
}

type RowKey = 'ip1' | 'mask' | 'network1' | 'ip2' | 'network2';

/**
 * The textbook check, row by row from src/addr's `steps`: each address, the mask, and their bitwise AND
 * (octets in binary for IPv4, 16-bit groups in hex for IPv6), then whether each part agrees.
 */
export function SameSegmentView({ value: r }: SameSegmentViewProps): React.JSX.Element {
  const t = useT();
  const theme = useTheme();
  const v4 = r.version === 4;
  const rows: readonly { key: RowKey; label: string; text: string; op?: string }[] = [
    { key: 'ip1', label: 'ip1', text: r.ip1 },
    { key: 'mask', label: t('same.mask'), text: `${r.mask} (/${r.prefix})`, op: 'AND' },
    { key: 'network1', label: '= ' + t('field.network'), text: r.network1 },
    { key: 'ip2', label: 'ip2', text: r.ip2 },
    { key: 'mask', label: t('same.mask'), text: `${r.mask} (/${r.prefix})`, op: 'AND' },
    { key: 'network2', label: '= ' + t('field.network'), text: r.network2 },
  ];
  const labelWidth = Math.max(...rows.map((x) => displayWidth(x.label))) + 2;
  const cell = (p: PartValue): string => (v4 ? p.binary : p.value.padStart(4, '0'));
  return (
    <Box flexDirection="column">
      <Paint bold color={r.sameSegment ? theme.ok : theme.error}>
        {r.sameSegment ? '✓ ' + t('same.yes') : '✗ ' + t('same.no')}
      </Paint>
      <Box marginTop={1} flexDirection="column">
        <Text bold>{t('same.steps')}</Text>
        {rows.map((row, i) => (
          <Box key={i}>
            <Box width={labelWidth} flexShrink={0}>
              <Text dimColor>{row.label}</Text>
            </Box>
            {r.steps.map((s) => (
              <Box key={s.part} marginRight={v4 ? 2 : 1} flexShrink={0}>
                <Part step={s} row={row.key} text={cell(s[row.key])} v4={v4} theme={theme} />
              </Box>
            ))}
            <Paint color={theme.muted} wrap="truncate">
              {row.text}
            </Paint>
          </Box>
        ))}
        <Box>
          <Box width={labelWidth} flexShrink={0}>
            <Text dimColor>1 = 2 ?</Text>
          </Box>
          {r.steps.map((s) => (
            <Box key={s.part} width={(v4 ? 8 : 4) + (v4 ? 2 : 1)} flexShrink={0}>
              <Paint color={s.same ? theme.ok : theme.error}>{s.same ? '=' : '≠ x'}</Paint>
            </Box>
          ))}
        </Box>
      </Box>
    </Box>
  );
}

function Part(props: {
  readonly step: AndStep;
  readonly row: RowKey;
  readonly text: string;
  readonly v4: boolean;
  readonly theme: Theme;
}): React.JSX.Element {
  const { step, row, text, v4, theme } = props;
  if (!v4) {
    const full = /^f+$/.test(step.mask.value) && step.mask.value.length === 4;
    const none = /^0+$/.test(step.mask.value);
    return <Paint color={full ? theme.network : none ? theme.host : undefined}>{text}</Paint>;
  }
  // Colour each bit by the mask bit above it: 1 = network part, 0 = host part.
  const maskBits = step.mask.binary;
  const cut = maskBits.indexOf('0') === -1 ? maskBits.length : maskBits.indexOf('0');
  return (
    <Text bold={row === 'network1' || row === 'network2'}>
      <Paint color={theme.network}>{text.slice(0, cut)}</Paint>
      <Paint color={theme.host}>{text.slice(cut)}</Paint>
    </Text>
  );
}
