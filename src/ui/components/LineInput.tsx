import { Box, Text } from 'ink';
import { foldLine } from '../../fold.js';
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
  /**
   * Columns the line may use. With it, a placeholder too long for the line is folded onto rows under
   * the field (lineInputRows says how many) instead of being cut at its start.
   */
  readonly width?: number;
}

/** The placeholder as the rows it takes beside the label and cursor at `width` columns. */
function placeholderRows(label: string, placeholder: string, width: number, labelWidth?: number): string[] {
  return foldLine(placeholder, Math.max(8, width - (labelWidth ?? displayWidth(label) + 4) - 2), 0);
}

/** Terminal rows the line takes: one, or more while an empty field shows a long placeholder. */
export function lineInputRows(label: string, value: string, placeholder: string | undefined, width: number, labelWidth?: number): number {
  return value === '' && placeholder !== undefined ? placeholderRows(label, placeholder, width, labelWidth).length : 1;
}

/**
 * One input line. Editing lives in the screen (see `editLine`); this only draws the text and a block
 * cursor, so a screen with several lines keeps every value when focus moves.
 */
export function LineInput({ label, line, focused, placeholder, labelWidth, width }: LineInputProps): React.JSX.Element {
  const theme = useTheme();
  const labelBox = (
    <Box width={labelWidth ?? displayWidth(label) + 4} flexShrink={0}>
      <Paint bold={focused} color={focused ? theme.current : undefined}>
        {focused ? '> ' : '  '}
        {label}
      </Paint>
    </Box>
  );
  if (line.value === '' && placeholder !== undefined && width !== undefined) {
    const rows = placeholderRows(label, placeholder, width, labelWidth);
    return (
      <Box>
        {labelBox}
        <Box flexDirection="column" flexShrink={0}>
          {rows.map((r, i) => (
            <Text key={i} wrap="truncate">
              {i === 0 ? (focused ? <Text inverse> </Text> : ' ') : ' '}
              <Paint color={theme.muted}> {r}</Paint>
            </Text>
          ))}
        </Box>
      </Box>
    );
  }
  return (
    <Box>
      {labelBox}
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
