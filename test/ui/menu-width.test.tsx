// A menu row never takes more cells than the screen has: ink cuts a description that does not fit with
// `…`, and a row one cell too wide loses that `…` at the terminal's edge (the zh scenario list at 80
// columns: "…主动关闭方一直等待对" with no mark that it was cut). Cells are counted by string-width, what
// ink and terminals count (East Asian wide characters take two), not by the code under test.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { HomeScreen } from '../../src/ui/home/HomeScreen.js';
import { TcpScreen } from '../../src/ui/tcp/TcpScreen.js';
import { LangContext, translate } from '../../src/ui/i18n/strings.js';
import { SCREENS, SCREEN_DESCRIPTION, SCREEN_TITLE } from '../../src/ui/screens.js';
import { ThemeContext, themeFor } from '../../src/ui/theme.js';
import { listBuiltinScenarios } from '../../src/cli/scenario-files.js';
import type { Lang } from '../../src/ui/screen-props.js';
import { KEY, tick, withHelpers } from './helpers.js';

afterEach(() => cleanup());

const WIDTHS = [80, 120] as const;
const LANGS = ['en', 'zh'] as const;

/** Every row of `frame` fits in `width` cells; the rows with a menu label whose description is not there whole end with `…`. */
function checkRows(frame: string, width: number, entries: readonly { label: string; description: string }[]): number {
  const rows = frame.split('\n');
  for (const row of rows) expect(stringWidth(row), row).toBeLessThanOrEqual(width);
  let cut = 0;
  for (const { label, description } of entries) {
    const row = rows.find((r) => new RegExp(`^\\s*(> )?\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s{3}`).test(r));
    if (row === undefined || row.trimEnd().endsWith(description)) continue;
    cut++;
    expect(row.trimEnd(), description).toMatch(/…$/);
  }
  return cut;
}

describe('menu rows fit the screen, and a cut description ends with …', () => {
  for (const lang of LANGS) {
    for (const width of WIDTHS) {
      it(`TCP scenario list, ${lang}, ${width} columns`, async () => {
        const app = withHelpers(render(
          <LangContext.Provider value={lang}>
            <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>
              <TcpScreen lang={lang} onBack={() => undefined} width={width} height={22} />
            </ThemeContext.Provider>
          </LangContext.Provider>,
        ));
        await tick();
        const scenarios = listBuiltinScenarios().map((s) => ({ label: s.name, description: lang === 'zh' ? (s.scenario?.titleZh ?? s.title) : s.title }));
        let cut = 0;
        // Scroll through the whole list: every scenario's row is on screen at some point.
        for (let i = 0; i < scenarios.length; i++) {
          cut += checkRows(app.frame(), width, scenarios);
          await app.press(KEY.down);
        }
        if (width === 80) expect(cut).toBeGreaterThan(0);
      });

      it(`home, ${lang}, ${width} columns`, async () => {
        const items = SCREENS.map((id, i) => ({ label: `${i + 1} ${translate(lang, SCREEN_TITLE[id])}`, description: translate(lang, SCREEN_DESCRIPTION[id]) }));
        for (let selected = 0; selected < SCREENS.length; selected++) {
          const app = withHelpers(render(
            <LangContext.Provider value={lang}>
              <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>
                <HomeScreen selected={selected} getSelected={() => selected} onSelect={() => undefined} onOpen={() => undefined} width={width} height={22} />
              </ThemeContext.Provider>
            </LangContext.Provider>,
          ));
          await tick();
          checkRows(app.frame(), width, items);
          app.unmount();
        }
      });
    }
  }
});
