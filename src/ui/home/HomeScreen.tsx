import { Box } from 'ink';
import { KeyHints, menuHints } from '../components/KeyHints.js';
import { cutDescription, Menu, MenuDetail } from '../components/Menu.js';
import { useT } from '../i18n/strings.js';
import { SCREENS, SCREEN_DESCRIPTION, SCREEN_TITLE, type ScreenId } from '../screens.js';
import { useTheme } from '../theme.js';
import { useKeys } from '../use-keys.js';
import { Paint } from '../components/Paint.js';

export interface HomeScreenProps {
  readonly selected: number;
  /** The selection as the previous key left it (keys can arrive faster than renders). */
  readonly getSelected: () => number;
  readonly onSelect: (index: number) => void;
  readonly onOpen: (screen: ScreenId) => void;
  readonly width: number;
  readonly height: number;
}

export function HomeScreen({ selected, getSelected, onSelect, onOpen, width, height }: HomeScreenProps): React.JSX.Element {
  const t = useT();
  const theme = useTheme();
  const n = SCREENS.length;
  useKeys(
    (input, key) => {
      if (key.upArrow || input === 'k') onSelect((getSelected() + n - 1) % n);
      else if (key.downArrow || input === 'j' || key.tab) onSelect((getSelected() + 1) % n);
      else if (key.return) onOpen(SCREENS[getSelected()]!);
      else if (/^[1-9]$/.test(input) && Number(input) <= n) onOpen(SCREENS[Number(input) - 1]!);
    },
  );
  const items = SCREENS.map((id, i) => ({
    id,
    label: `${i + 1} ${t(SCREEN_TITLE[id])}`,
    description: t(SCREEN_DESCRIPTION[id]),
  }));
  const roomy = height >= 20;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box flexDirection="column" flexGrow={1} paddingX={1} paddingTop={roomy ? 1 : 0}>
        <Box>
          <Menu items={items} selected={selected} showDescriptions={width >= 60} width={width - 2} />
        </Box>
        {width >= 60 ? <Box marginTop={1}><MenuDetail text={cutDescription(items, selected, width - 2)} /></Box> : null}
        <Box marginTop={1}>
          <Paint color={theme.muted}>{t('home.hint')}</Paint>
        </Box>
      </Box>
      <KeyHints hints={menuHints(t)} />
    </Box>
  );
}
