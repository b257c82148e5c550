import { Box } from 'ink';
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
}

/**
 * A vertical list with one selected row, marked by `>` as well as colour. Labels and descriptions are
 * two columns (each row one line), so they align whatever the labels' display width (CJK included).
 */
export function Menu({ items, selected, showDescriptions = true }: MenuProps): React.JSX.Element {
  const theme = useTheme();
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
        <Box flexDirection="column" marginLeft={3} flexShrink={1}>
          {items.map((item) => (
            <Paint key={item.id} color={theme.muted} wrap="truncate">
              {item.description ?? ' '}
            </Paint>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
