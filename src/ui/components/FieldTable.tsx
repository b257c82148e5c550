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

/** Cells of the label column for these labels: the widest (CJK counted double) and two spaces. */
export function labelColumn(labels: readonly string[]): number {
  return Math.max(0, ...labels.map((l) => displayWidth(l))) + 2;
}

/** Label / value rows; the labels form one column as wide as the widest label (CJK counted double). */
export function FieldTable({ fields, wrap = 'wrap' }: FieldTableProps): React.JSX.Element {
  const labelWidth = labelColumn(fields.map((f) => f.label));
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
