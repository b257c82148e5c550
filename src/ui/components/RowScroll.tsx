import { Box, Text } from 'ink';
import { foldLine } from '../../fold.js';
import type { Lang } from '../screen-props.js';
import { scrollIndicator } from '../scroll-indicator.js';
import { padEndCells } from '../../text-width.js';
import { useTheme } from '../theme.js';
import { Paint } from './Paint.js';

/** A piece of one terminal row in one style. */
export interface Span {
  readonly text: string;
  readonly color?: string | undefined;
  readonly bold?: boolean;
  readonly dim?: boolean;
}

/** One terminal row: never wider than the width it was folded to, so it takes exactly one row. */
export type Row = readonly Span[];

/**
 * A line of text as the rows it takes at `width` cells (src/fold.ts: measured with displayWidth, CJK
 * counted double), every row in one style. ink would wrap a long <Text> itself, but then a screen
 * cannot count its rows, and in a box of fixed height yoga shrinks the wrapped texts and rows vanish.
 */
export function foldRows(text: string, width: number, style: Omit<Span, 'text'> = {}, hang = 2): Row[] {
  return foldLine(text, Math.max(1, width), hang).map((t) => [{ ...style, text: t }]);
}

/** A cell of a table row: its text folds within `width` cells (the last cell takes what is left of the line). */
export interface Cell extends Span {
  readonly width?: number;
}

/**
 * One table row as terminal rows: each cell's text folded to its column (no hanging indent), the
 * columns padded to their widths by displayWidth, so wrapped text stays under its column.
 */
export function tableRows(cells: readonly Cell[], width: number): Row[] {
  const fixed = cells.slice(0, -1).reduce((n, c) => n + (c.width ?? 0), 0);
  const widths = cells.map((c, i) => (i === cells.length - 1 ? Math.max(8, c.width ?? width - fixed) : c.width ?? 0));
  const folded = cells.map((c, i) => (c.text === '' ? [''] : foldLine(c.text, Math.max(1, widths[i]!), 0)));
  const n = Math.max(...folded.map((f) => f.length));
  const out: Row[] = [];
  for (let r = 0; r < n; r++) {
    out.push(
      cells.map((c, i) => {
        const t = folded[i]![r] ?? '';
        const { width: _w, ...style } = c;
        return { ...style, text: i === cells.length - 1 ? t : padEndCells(t, widths[i]!) };
      }),
    );
  }
  return out;
}

/** How many rows of content fit in `height` rows: all of them, or one less for the scroll indicator. */
export function scrollRoom(total: number, height: number): number {
  return total > height ? Math.max(1, height - 1) : Math.max(1, height);
}

/** The first row shown: `top` kept within the rows there are. */
export function clampTop(top: number, total: number, room: number): number {
  return Math.max(0, Math.min(top, total - room));
}

export interface RowScrollProps {
  readonly rows: readonly Row[];
  /** The first row to show (clamp it with clampTop). */
  readonly first: number;
  /** Rows available, the indicator's included. */
  readonly height: number;
  readonly lang: Lang;
}

/**
 * Rows from `first`, as many as fit in `height`, each exactly one terminal row; when they do not all
 * fit, the app's scroll indicator under them.
 */
export function RowScroll({ rows, first, height, lang }: RowScrollProps): React.JSX.Element {
  const theme = useTheme();
  const room = scrollRoom(rows.length, height);
  return (
    <Box flexDirection="column" flexShrink={0}>
      {rows.slice(first, first + room).map((row, i) => (
        <Text key={i} wrap="truncate">
          {row.length === 0 || row.every((s) => s.text === '') ? ' ' : null}
          {row.map((s, j) => (
            <Paint key={j} color={s.color} bold={s.bold === true} dimColor={s.dim === true}>
              {s.text}
            </Paint>
          ))}
        </Text>
      ))}
      {rows.length > room ? <Paint color={theme.muted}>{scrollIndicator(first, room, rows.length, lang)}</Paint> : null}
    </Box>
  );
}
