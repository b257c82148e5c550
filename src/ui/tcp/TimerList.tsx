import { Box, Text } from 'ink';
import type { TimerInfo } from '../../tcp/simulation.js';
import { formatTime } from '../../tcp/ladder.js';
import { EN, type TcpMessages } from '../../tcp/step-text.js';
import { padEndCells } from '../../text-width.js';
import { Paint } from '../components/Paint.js';
import { useTheme } from '../theme.js';

export interface TimerListProps {
  readonly title: string;
  readonly empty: string;
  readonly timers: readonly TimerInfo[];
  readonly tags: Readonly<Record<string, string>>;
  readonly max: number;
  /** Timer names in the app's language (default English). */
  readonly messages?: TcpMessages;
}

/** What each timer is called in the textbooks (English). */
export const TIMER_LABEL: Readonly<Record<TimerInfo['timer'], string>> = EN.screen.timer;

/** Running timers with their remaining virtual time, soonest first (as the snapshot orders them). */
export function TimerList({ title, empty, timers, tags, max, messages = EN }: TimerListProps): React.JSX.Element {
  const theme = useTheme();
  const shown = timers.slice(0, Math.max(0, max));
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text bold>{title}</Text>
      {timers.length === 0 ? <Text dimColor>{empty}</Text> : null}
      {shown.map((t, i) => (
        <Text key={i} wrap="truncate">
          <Text bold>{tags[t.endpoint] ?? t.endpoint} </Text>
          {padEndCells(messages.screen.timer[t.timer], 10)}
          <Paint color={theme.timer}> {formatTime(t.remaining)}</Paint>
        </Text>
      ))}
      {timers.length > shown.length ? <Text dimColor>+{timers.length - shown.length}</Text> : null}
    </Box>
  );
}
