import { Box, Text } from 'ink';
import type { SplitResult } from '../../addr/split.js';
import { Paint } from '../components/Paint.js';
import { useT } from '../i18n/strings.js';
import { useTheme } from '../theme.js';

export interface SplitViewProps {
  readonly value: SplitResult;
  readonly height: number;
}

/** The subnets src/addr/split.ts planned, as many as fit, then how many more. */
export function SplitView({ value: r, height }: SplitViewProps): React.JSX.Element {
  const t = useT();
  const theme = useTheme();
  const room = Math.max(1, height - 3 - (r.free !== undefined && r.free.length > 0 ? 1 : 0));
  const shown = r.subnets.length > room ? r.subnets.slice(0, room - 1) : r.subnets;
  return (
    <Box flexDirection="column">
      <Text>
        <Text dimColor>{t('field.parent')} </Text>
        <Text bold>{r.parent}</Text>
        <Text dimColor>
          {'  '}
          {t('field.subnets')} {r.produced}
          {r.prefix !== undefined ? ` × /${r.prefix}` : ''}
        </Text>
      </Text>
      <Box marginTop={1} flexDirection="column">
        {shown.map((s, i) => (
          <Text key={s.cidr} wrap="truncate">
            <Text dimColor>{String(i + 1).padStart(3)} </Text>
            <Paint color={theme.network}>{s.cidr.padEnd(20)}</Paint>
            {' '}
            {s.firstHost} - {s.lastHost}
            <Text dimColor>
              {'  '}
              {t('field.hostCount')} {String(s.hostCount)}
              {s.hostsNeeded !== undefined ? ` (≥ ${s.hostsNeeded})` : ''}
            </Text>
          </Text>
        ))}
        {shown.length < r.subnets.length ? (
          <Text dimColor>
            {'    … '}
            {r.subnets.length - shown.length} {t('field.more')}
          </Text>
        ) : null}
        {r.free !== undefined && r.free.length > 0 ? <Text dimColor>{t('field.free')}: {r.free.join(', ')}</Text> : null}
      </Box>
    </Box>
  );
}
