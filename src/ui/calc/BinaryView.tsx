import { Box, Text } from 'ink';
import { Paint } from '../components/Paint.js';
import { useTheme } from '../theme.js';
import { cutDottedBinary } from './bit-boundary.js';

export interface BinaryRow {
  readonly label: string;
  /** Dotted binary from src/addr. */
  readonly bits: string;
  /** The same value in dotted decimal, shown after the bits. */
  readonly text: string;
}

export interface BinaryViewProps {
  readonly title: string;
  readonly rows: readonly BinaryRow[];
  readonly prefix: number;
}

/** Rows of dotted binary with the network part and the host part split by `|` and coloured apart. */
export function BinaryView({ title, rows, prefix }: BinaryViewProps): React.JSX.Element {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      <Text bold>{title}</Text>
      <Box>
        <Box flexDirection="column" flexShrink={0} marginRight={2}>
          {rows.map((r) => (
            <Text key={r.label} dimColor>
              {r.label}
            </Text>
          ))}
        </Box>
        <Box flexDirection="column" flexShrink={0} marginRight={2}>
          {rows.map((r) => {
            const { network, host } = cutDottedBinary(r.bits, prefix);
            return (
              <Text key={r.label}>
                <Paint color={theme.network}>{network}</Paint>
                <Text bold>|</Text>
                <Paint color={theme.host}>{host}</Paint>
              </Text>
            );
          })}
        </Box>
        <Box flexDirection="column" flexShrink={1}>
          {rows.map((r) => (
            <Paint key={r.label} color={theme.muted} wrap="truncate">
              {r.text}
            </Paint>
          ))}
        </Box>
      </Box>
    </Box>
  );
}
