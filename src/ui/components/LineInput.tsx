import { Box, Text } from 'ink';
import { displayWidth } from '../text-width.js';
import { useTheme } from '../theme.js';
import { Paint } from './Paint.js';

export interface LineInputProps {
  readonly label: string;
  readonly value: string;
  readonly focused: boolean;
  readonly placeholder?: string;
  readonly labelWidth?: number;
}

/**
 * One input line. Editing lives in the screen (see `editLine`); this only draws the text and a block
 * cursor, so a screen with several lines keeps every value when focus moves.
 */
export function LineInput({ label, value, focused, placeholder, labelWidth }: LineInputProps): React.JSX.Element {
  const theme = useTheme();
  return (
    <Box>
      <Box width={labelWidth ?? displayWidth(label) + 4} flexShrink={0}>
        <Paint bold={focused} color={focused ? theme.current : undefined}>
          {focused ? '> ' : '  '}
          {label}
        </Paint>
      </Box>
      <Text wrap="truncate-start">
        {value}
        {focused ? <Text inverse> </Text> : null}
        {value === '' && placeholder !== undefined ? <Paint color={theme.muted}> {placeholder}</Paint> : null}
      </Text>
    </Box>
  );
}
