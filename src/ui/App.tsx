import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLatestState } from './use-latest-state.js';
import { Box, Text, useApp } from 'ink';
import { HelpOverlay } from './components/HelpOverlay.js';
import { KeyHints } from './components/KeyHints.js';
import { HomeScreen } from './home/HomeScreen.js';
import { LangContext, translate } from './i18n/strings.js';
import { KeyBusProvider } from './key-bus.js';
import { KeyContext, type KeyControl } from './key-context.js';
import type { Lang, ScreenProps } from './screen-props.js';
import { OWNS_ALL_KEYS, SCREENS, SCREEN_TITLE, type ScreenId } from './screens.js';
import { ThemeContext, type Theme } from './theme.js';
import { useKeys } from './use-keys.js';
import { useTerminalSize } from './use-terminal-size.js';
import { Paint } from './components/Paint.js';
import { loadScreens, loadedScreens } from './screen-modules.js';

export interface AppProps {
  readonly lang: Lang;
  readonly theme: Theme;
  /** Open this screen first (tests, and a future `netkata --screen`). */
  readonly initialScreen?: ScreenId | 'home';
}

/**
 * The frame: a title line, the current screen, and the keys every screen shares (`?` help, `q` quit,
 * Ctrl-C quit via ink). Screens get the room that is left and an onBack that returns home.
 */
export function App(props: AppProps): React.JSX.Element {
  return (
    <KeyBusProvider>
      <Frame {...props} />
    </KeyBusProvider>
  );
}

function Frame({ lang, theme, initialScreen = 'home' }: AppProps): React.JSX.Element {
  const { exit } = useApp();
  const size = useTerminalSize();
  const [screen, setScreen] = useState<ScreenId | 'home'>(initialScreen);
  const [homeSelected, getHomeSelected, setHomeSelected] = useLatestState(initialScreen === 'home' ? 0 : SCREENS.indexOf(initialScreen));
  const [help, getHelp, setHelp] = useLatestState(false);
  const [textEntry, setTextEntry] = useState(false);
  const [screens, setScreens] = useState(loadedScreens);
  useEffect(() => {
    if (screens === undefined) void loadScreens().then(setScreens);
  }, [screens]);

  const ownsAllKeys = screen !== 'home' && OWNS_ALL_KEYS.has(screen);
  useKeys(
    (input) => {
      if (getHelp()) {
        setHelp(false);
        return;
      }
      // `?` is never part of any input line, so it opens help even while a screen takes text.
      if (input === '?') setHelp(true);
      else if (input === 'q' && !textEntry) exit();
    },
    // A paste that contains `q` or `?` is text, not a command: the frame sees it whole.
    { isActive: !ownsAllKeys, global: true, splitPastes: false },
  );

  const keyControl = useMemo<KeyControl>(() => ({ active: !help, setTextEntry }), [help]);
  const onBack = useCallback(() => setScreen('home'), []);

  // One row is left free below the frame: ink redraws a frame shorter than the terminal in place,
  // while a frame of the full height makes it clear the whole screen on every update (flicker).
  const height = Math.max(size.height - 1, 10);
  const bodyHeight = height - 1;
  const t = (key: Parameters<typeof translate>[1]): string => translate(lang, key);
  const title = screen === 'home' ? t('appTagline') : t(SCREEN_TITLE[screen]);

  let body: React.JSX.Element;
  if (screen === 'home') {
    body = (
      <HomeScreen
        selected={homeSelected}
        getSelected={getHomeSelected}
        onSelect={setHomeSelected}
        onOpen={setScreen}
        width={size.width}
        height={bodyHeight}
      />
    );
  } else if (screens === undefined) {
    body = <Text>…</Text>;
  } else if (ownsAllKeys) {
    const props: ScreenProps = { lang, onBack, width: size.width, height: bodyHeight - 1 };
    body = (
      <Box flexDirection="column" height={bodyHeight}>
        <Box flexGrow={1} flexDirection="column" overflow="hidden">
          <screens.practice {...props} />
        </Box>
        <KeyHints hints={[{ keys: 'Esc', label: t('key.back') }, { keys: 'Ctrl-C', label: t('key.quit') }]} />
      </Box>
    );
  } else {
    const props: ScreenProps = { lang, onBack, width: size.width, height: bodyHeight };
    body =
      screen === 'calc' ? (
        <screens.calc {...props} />
      ) : screen === 'tcp' ? (
        <screens.tcp {...props} />
      ) : screen === 'lab' ? (
        <screens.lab {...props} />
      ) : screen === 'traffic' ? (
        <screens.traffic {...props} />
      ) : (
        <screens.concepts {...props} />
      );
  }

  return (
    <LangContext.Provider value={lang}>
      <ThemeContext.Provider value={theme}>
        <KeyContext.Provider value={keyControl}>
          <Box flexDirection="column" width={size.width} height={height}>
            <Box flexShrink={0}>
              <Paint bold color={theme.title}>
                {t('appTitle')}
              </Paint>
              <Paint color={theme.muted}> › </Paint>
              <Text bold>{title}</Text>
            </Box>
            {/* The screen stays mounted under the help overlay, so typed input survives `?`. */}
            <Box display={help ? 'none' : 'flex'} flexDirection="column" height={bodyHeight} overflow="hidden">
              {body}
            </Box>
            {help ? <HelpOverlay lang={lang} screen={screen} width={size.width} height={bodyHeight} /> : null}
          </Box>
        </KeyContext.Provider>
      </ThemeContext.Provider>
    </LangContext.Provider>
  );
}
