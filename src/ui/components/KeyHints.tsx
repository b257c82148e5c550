import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { Paint } from './Paint.js';

export interface KeyHint {
  readonly keys: string;
  readonly label: string;
}

export interface KeyHintsProps {
  readonly hints: readonly KeyHint[];
}

/** The bottom line of every screen: which keys do what, always visible. */
export function KeyHints({ hints }: KeyHintsProps): React.JSX.Element {
  const theme = useTheme();
  return (
    <Box flexWrap="wrap" columnGap={2}>
      {hints.map((h) => (
        <Text key={h.keys + h.label} wrap="truncate">
          <Text bold>{h.keys}</Text>
          <Paint color={theme.muted}> {h.label}</Paint>
        </Text>
      ))}
    </Box>
  );
}
