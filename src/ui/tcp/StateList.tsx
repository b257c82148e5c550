import { Box, Text } from 'ink';
import { TCP_STATES } from '../../tcp/endpoint.machine.js';
import type { EndpointSnapshot } from '../../tcp/simulation.js';
import { Paint } from '../components/Paint.js';
import { useTheme } from '../theme.js';

export interface StateListProps {
  readonly title: string;
  readonly endpoints: readonly Pick<EndpointSnapshot, 'name' | 'state' | 'crashed'>[];
  /** The endpoint the inject keys act on (underlined in the header). */
  readonly selected?: string;
}

/** One letter (or more, if two names share it) per endpoint, for the narrow columns. */
export function endpointTags(names: readonly string[]): Record<string, string> {
  for (let n = 1; n <= 6; n++) {
    const tags = names.map((x) => x.slice(0, n).toUpperCase());
    if (new Set(tags).size === tags.length) return Object.fromEntries(names.map((x, i) => [x, tags[i]!]));
  }
  return Object.fromEntries(names.map((x, i) => [x, String(i + 1)]));
}

/**
 * The machine's eleven states (TCP_STATES, from the endpoint machine), one column per endpoint: `●` marks
 * where each endpoint is now, and the row is highlighted. A crashed host shows `x` (its TCB is gone).
 */
export function StateList({ title, endpoints, selected }: StateListProps): React.JSX.Element {
  const theme = useTheme();
  const tags = endpointTags(endpoints.map((e) => e.name));
  const colWidth = Math.max(...Object.values(tags).map((t) => t.length)) + 1;
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Box>
        <Box width={13} flexShrink={0}>
          <Text bold>{title}</Text>
        </Box>
        {endpoints.map((e) => (
          <Box key={e.name} width={colWidth} flexShrink={0}>
            <Text bold underline={e.name === selected}>
              {tags[e.name]}
            </Text>
          </Box>
        ))}
      </Box>
      {TCP_STATES.map((s) => {
        const here = endpoints.filter((e) => e.state === s);
        const on = here.length > 0;
        return (
          <Box key={s}>
            <Box width={13} flexShrink={0}>
              <Paint color={on ? theme.current : undefined} bold={on} dimColor={!on}>
                {s}
              </Paint>
            </Box>
            {endpoints.map((e) => (
              <Box key={e.name} width={colWidth} flexShrink={0}>
                <Paint color={e.crashed ? theme.dropped : theme.current} bold>
                  {e.state === s ? (e.crashed ? 'x' : '●') : ' '}
                </Paint>
              </Box>
            ))}
          </Box>
        );
      })}
    </Box>
  );
}
