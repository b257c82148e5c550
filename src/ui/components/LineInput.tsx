import { Box, Text } from 'ink';
import { displayWidth } from '../text-width.js';
import { useTheme } from '../theme.js';
import type { Line } from './edit-line.js';
import { Paint } from './Paint.js';

export interface LineInputProps {
  readonly label: string;
  readonly line: Line;
  readonly focused: boolean;
  readonly placeholder?: string;
  readonly labelWidth?: number;
}

/**
 * One input line. Editing lives in the screen (see `editLine`); this only draws the text and a block
 * cursor, so a screen with several lines keeps every value when focus moves.
 */
export function LineInput({ label, line, focused, placeholder, labelWidth }: LineInputProps): React.JSX.Element {
  const theme = useTheme();
  return (
    <Box>
      <Box width={labelWidth ?? displayWidth(label) + 4} flexShrink={0}>
        <Paint bold={focused} color={focused ? theme.current : undefined}>
          {focused ? '> ' : '  '}
          {label}
        </Paint>
      </Box>
      <LineText line={line} focused={focused} placeholder={placeholder} />
    </Box>
  );
}

/** A line's text with its cursor drawn (inverse) on the character it stands before, or after the text. */
export function LineText({ line, focused, placeholder }: { readonly line: Line; readonly focused: boolean; readonly placeholder?: string | undefined }): React.JSX.Element {
  const theme = useTheme();
  const chars = [...line.value];
  const at = Math.max(0, Math.min(line.cursor, chars.length));
  const under = chars[at];
  return (
    <Text wrap="truncate-start">
      {focused ? chars.slice(0, at).join('') : line.value}
      {focused ? <Text inverse>{under ?? ' '}</Text> : null}
      {focused && under !== undefined ? chars.slice(at + 1).join('') : null}
      {line.value === '' && placeholder !== undefined ? <Paint color={theme.muted}> {placeholder}</Paint> : null}
    </Text>
  );
}
