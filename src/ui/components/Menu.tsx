import { Box } from 'ink';
import { displayWidth, truncateCells } from '../../text-width.js';
import { useTheme } from '../theme.js';
import { Paint } from './Paint.js';

export interface MenuItem {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
}

export interface MenuProps {
  readonly items: readonly MenuItem[];
  readonly selected: number;
  /** Show descriptions beside labels (wide terminals) or not. */
  readonly showDescriptions?: boolean;
  /**
   * The menu's own width in cells: a description that does not fit beside the labels is cut here, to
   * whole characters, with `…`. Without it ink cuts it, which can leave a row one cell too wide when a
   * Chinese character straddles the edge (see truncateCells).
   */
  readonly width?: number;
}

/** The gap between the labels' column and the descriptions'. */
const GAP = 3;

/** Cells left for the descriptions in a menu `width` cells wide: the labels' column (with its `> `) and the gap go first. */
function descriptionWidth(items: readonly MenuItem[], width: number): number {
  const labels = Math.max(...items.map((i) => displayWidth(i.label))) + 2;
  return width - labels - GAP;
}

/**
 * A vertical list with one selected row, marked by `>` as well as colour. Labels and descriptions are
 * two columns (each row one line), so they align whatever the labels' display width (CJK included).
 */
export function Menu({ items, selected, showDescriptions = true, width }: MenuProps): React.JSX.Element {
  const theme = useTheme();
  const room = width === undefined || items.length === 0 ? undefined : descriptionWidth(items, width);
  return (
    <Box>
      <Box flexDirection="column" flexShrink={0}>
        {items.map((item, i) => {
          const on = i === selected;
          return (
            <Paint key={item.id} bold={on} color={on ? theme.current : undefined} inverse={on && !theme.color}>
              {on ? '> ' : '  '}
              {item.label}
            </Paint>
          );
        })}
      </Box>
      {showDescriptions ? (
        <Box flexDirection="column" marginLeft={GAP} flexShrink={1}>
          {items.map((item) => (
            <Paint key={item.id} color={theme.muted} wrap="truncate">
              {item.description === undefined ? ' ' : room === undefined ? item.description : truncateCells(item.description, room)}
            </Paint>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}

/**
 * The selected item's description when the menu cuts it (`…`) at `width` columns (the menu's own width:
 * the labels' column, its gap, the descriptions' column), else undefined: a screen shows it in full
 * below the menu, so a cut description can always be read (at 80 columns several were cut for good).
 */
export function cutDescription(items: readonly MenuItem[], selected: number, width: number): string | undefined {
  const item = items[selected];
  if (item?.description === undefined) return undefined;
  return displayWidth(item.description) > descriptionWidth(items, width) ? item.description : undefined;
}

/** Two rows below a menu: the selected item's description in full when the menu cuts it. */
export function MenuDetail({ text }: { readonly text: string | undefined }): React.JSX.Element {
  const theme = useTheme();
  return (
    <Box height={2} overflow="hidden">
      <Paint color={theme.muted} wrap="wrap">{text ?? ' '}</Paint>
    </Box>
  );
}
