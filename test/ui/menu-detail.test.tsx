// A menu cuts a description that does not fit beside the labels (`…`); the selected one is then shown in
// full below the menu, so no description is out of reach at 80 columns (a new user found the home
// screen's and the scenario list's cut for good). The texts compared are the screens' own data: the
// catalogue's screen descriptions, the scenario files' titles.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { HomeScreen } from '../../src/ui/home/HomeScreen.js';
import { TcpScreen } from '../../src/ui/tcp/TcpScreen.js';
import { translate } from '../../src/ui/i18n/strings.js';
import { SCREENS, SCREEN_DESCRIPTION } from '../../src/ui/screens.js';
import { ThemeContext, themeFor } from '../../src/ui/theme.js';
import { listBuiltinScenarios } from '../../src/cli/scenario-files.js';
import { KEY, tick, withHelpers } from './helpers.js';

afterEach(() => cleanup());
/** The frame's text with lines joined: a description wrapped below the menu reads as one. */
const flat = (f: string): string => f.replace(/\s+/g, ' ');

describe('a cut menu description is shown in full for the selected item', () => {
  it('home at 80 columns: every area\'s description is readable when selected', async () => {
    let selected = 0;
    const el = (): React.JSX.Element => (
      <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>
        <HomeScreen selected={selected} getSelected={() => selected} onSelect={() => undefined} onOpen={() => undefined} width={80} height={22} />
      </ThemeContext.Provider>
    );
    const app = withHelpers(render(el()));
    for (let i = 0; i < SCREENS.length; i++) {
      selected = i;
      app.rerender(el());
      await tick();
      const description = translate('en', SCREEN_DESCRIPTION[SCREENS[i]!]);
      expect(flat(app.frame())).toContain(flat(description));
    }
    expect(app.frame()).toContain('…'); // some are cut in the menu itself
  });

  it('TCP scenario list at 80 columns: each scenario\'s title is readable when selected', async () => {
    const app = withHelpers(render(
      <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>
        <TcpScreen lang="en" onBack={() => undefined} width={80} height={22} />
      </ThemeContext.Provider>,
    ));
    await tick();
    const titles = listBuiltinScenarios().map((s) => s.title);
    let seenCut = 0;
    for (let i = 0; i < titles.length; i++) {
      const f = app.frame();
      const title = titles[i]!;
      if (!f.includes(title)) seenCut++;
      expect(flat(f), title).toContain(flat(title));
      await app.press(KEY.down);
    }
    expect(seenCut).toBeGreaterThan(0);
  });
});
