import { Box, Text } from 'ink';
import { displayWidth } from '../text-width.js';
import { Paint } from './Paint.js';

export interface Field {
  readonly label: string;
  readonly value: string;
  readonly color?: string | undefined;
  readonly bold?: boolean;
}

export interface FieldTableProps {
  readonly fields: readonly Field[];
  /** Wrap long values under their column (default) or cut them at the edge. */
  readonly wrap?: 'wrap' | 'truncate';
}

/** Label / value rows; the labels form one column as wide as the widest label (CJK counted double). */
export function FieldTable({ fields, wrap = 'wrap' }: FieldTableProps): React.JSX.Element {
  const labelWidth = Math.max(0, ...fields.map((f) => displayWidth(f.label))) + 2;
  return (
    <Box flexDirection="column">
      {fields.map((f, i) => (
        <Box key={i}>
          <Box width={labelWidth} flexShrink={0}>
            <Text dimColor>{f.label}</Text>
          </Box>
          <Box flexShrink={1}>
            <Paint color={f.color} bold={f.bold === true} wrap={wrap}>
              {f.value}
            </Paint>
          </Box>
        </Box>
      ))}
    </Box>
  );
}
