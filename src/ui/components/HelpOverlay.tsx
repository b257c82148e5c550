import { Box, Text } from 'ink';
import { translate } from '../i18n/strings.js';
import type { Lang } from '../screen-props.js';
import { SCREEN_TITLE, type ScreenId } from '../screens.js';
import { useTheme } from '../theme.js';
import { COLOUR_LEGEND, GLOBAL_KEYS, SCREEN_KEYS, type HelpRow } from './help-keys.js';
import { Paint } from './Paint.js';

export interface HelpOverlayProps {
  readonly lang: Lang;
  readonly screen: ScreenId | 'home';
  readonly width: number;
  readonly height: number;
}

/** The `?` overlay: the keys that work everywhere, the current screen's keys, what the colours mean. */
export function HelpOverlay({ lang, screen, width, height }: HelpOverlayProps): React.JSX.Element {
  const theme = useTheme();
  const own = screen === 'home' ? undefined : SCREEN_KEYS[screen];
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1} overflow="hidden">
      <Paint bold color={theme.title}>
        {translate(lang, 'help.title')}
      </Paint>
      <Rows rows={GLOBAL_KEYS} lang={lang} />
      {own !== undefined && screen !== 'home' ? (
        <Box flexDirection="column" marginTop={1} flexShrink={0}>
          <Text bold>{translate(lang, SCREEN_TITLE[screen])}</Text>
          <Rows rows={own} lang={lang} />
        </Box>
      ) : null}
      <Box marginTop={1} flexShrink={0}>
        <Paint color={theme.muted}>{translate(lang, COLOUR_LEGEND)}</Paint>
      </Box>
      <Box flexGrow={1} />
      <Paint color={theme.muted}>{translate(lang, 'help.close')}</Paint>
    </Box>
  );
}

function Rows({ rows, lang }: { readonly rows: readonly HelpRow[]; readonly lang: Lang }): React.JSX.Element {
  return (
    <Box flexShrink={0}>
      <Box flexDirection="column" flexShrink={0} marginRight={2}>
        {rows.map((r) => (
          <Text key={r.keys} bold>
            {r.keys}
          </Text>
        ))}
      </Box>
      <Box flexDirection="column">
        {rows.map((r) => (
          <Text key={r.keys} wrap="truncate">
            {translate(lang, r.what)}
          </Text>
        ))}
      </Box>
    </Box>
  );
}
