import { Box, Text } from 'ink';
import { displayWidth } from '../text-width.js';
import { useTheme } from '../theme.js';
import type { StringKey } from '../i18n/strings.js';
import { Paint } from './Paint.js';

export interface KeyHint {
  readonly keys: string;
  readonly label: string;
}

/** The keys of a menu screen (home, scenario picker). */
export function menuHints(t: (key: StringKey) => string): KeyHint[] {
  return [
    { keys: '↑/↓', label: t('key.move') },
    { keys: 'Enter', label: t('key.open') },
    { keys: 'Esc', label: t('key.back') },
    { keys: '?', label: t('key.help') },
    { keys: 'q', label: t('key.quit') },
  ];
}

export interface KeyHintsProps {
  readonly hints: readonly KeyHint[];
}

/**
 * Rows the hints take at this width (they wrap as whole items, two spaces apart), so a screen can
 * give the rest to its content.
 */
export function hintRows(hints: readonly KeyHint[], width: number): number {
  let rows = 1;
  let used = 0;
  for (const h of hints) {
    const w = displayWidth(`${h.keys} ${h.label}`);
    if (used > 0 && used + 2 + w > width) {
      rows++;
      used = w;
    } else used += (used > 0 ? 2 : 0) + w;
  }
  return rows;
}

/** The bottom line of every screen: which keys do what, always visible. */
export function KeyHints({ hints }: KeyHintsProps): React.JSX.Element {
  const theme = useTheme();
  return (
    <Box flexWrap="wrap" columnGap={2} flexShrink={0}>
      {hints.map((h) => (
        <Text key={h.keys + h.label} wrap="truncate">
          <Text bold>{h.keys}</Text>
          <Paint color={theme.muted}> {h.label}</Paint>
        </Text>
      ))}
    </Box>
  );
}
