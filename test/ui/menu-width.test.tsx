// A menu row never takes more cells than the screen has: ink cuts a description that does not fit with
// `…`, and a row one cell too wide loses that `…` at the terminal's edge (the zh scenario list at 80
// columns: "…主动关闭方一直等待对" with no mark that it was cut). Cells are counted by string-width, what
// ink and terminals count (East Asian wide characters take two), not by the code under test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { messages } from '../../src/i18n/index.js';
import { ProgressStore } from '../../src/practice/store.js';
import { TOPICS } from '../../src/practice/question.js';
import { HomeScreen } from '../../src/ui/home/HomeScreen.js';
import { PracticeScreen } from '../../src/ui/practice/PracticeScreen.js';
import { TcpScreen } from '../../src/ui/tcp/TcpScreen.js';
import { TrafficScreen } from '../../src/ui/traffic/TrafficScreen.js';
import { LangContext, translate } from '../../src/ui/i18n/strings.js';
import { SCREENS, SCREEN_DESCRIPTION, SCREEN_TITLE } from '../../src/ui/screens.js';
import { ThemeContext, themeFor } from '../../src/ui/theme.js';
import { listBuiltinScenarios } from '../../src/cli/scenario-files.js';
import type { Lang } from '../../src/ui/screen-props.js';
import { KEY, tick, withHelpers } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const WIDTHS = [80, 120] as const;
const LANGS = ['en', 'zh'] as const;

/**
 * `screen` rendered on a terminal `columns` wide. ink-testing-library's stdout says 100 columns
 * whatever the screen's width prop: the root box, and a screen without a box of its own width (the
 * practice topic menu), was laid out at 100. Set as test/ui/calculators.test.tsx sets it, before the
 * screen's first frame.
 */
function renderAt(lang: Lang, columns: number, screen: React.JSX.Element): ReturnType<typeof withHelpers> {
  const app = withHelpers(render(<></>));
  Object.defineProperty(app.stdout, 'columns', { value: columns, configurable: true });
  app.stdout.emit('resize');
  app.rerender(
    <LangContext.Provider value={lang}>
      <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>{screen}</ThemeContext.Provider>
    </LangContext.Provider>,
  );
  expect(app.stdout.columns).toBe(columns);
  return app;
}

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
        const app = renderAt(lang, width, <TcpScreen lang={lang} onBack={() => undefined} width={width} height={22} />);
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
          const app = renderAt(lang, width, <HomeScreen selected={selected} getSelected={() => selected} onSelect={() => undefined} onOpen={() => undefined} width={width} height={22} />);
          await tick();
          checkRows(app.frame(), width, items);
          app.unmount();
        }
      });
    }
  }
});

// The traffic screen's menu (descriptions from 60 columns) and the practice topic menu: before, they
// left the cut to ink, and the zh traffic menu was one cell too wide at 60-74 columns (61-75 cells).
describe('traffic and practice menus fit every width from 60 to 79 columns', () => {
  const NARROW = Array.from({ length: 20 }, (_, i) => 60 + i);
  for (const lang of LANGS) {
    it(`traffic, ${lang}`, async () => {
      const m = messages(lang).traffic;
      const items = [{ label: m.capture, description: m.captureDesc }, { label: m.watch, description: m.watchDesc }];
      let cut = 0;
      for (const width of NARROW) {
        for (const down of [0, 1]) {
          const app = renderAt(lang, width, <TrafficScreen lang={lang} onBack={() => undefined} width={width} height={20} />);
          await tick();
          if (down) await app.press(KEY.down);
          expect(app.frame()).toContain(m.capture);
          cut += checkRows(app.frame(), width, items);
          app.unmount();
        }
      }
      expect(cut).toBeGreaterThan(0);
    });

    it(`practice topics, ${lang}`, async () => {
      const items = TOPICS.map((v) => ({ label: v, description: translate(lang, `practice.topic.${v}`) }));
      for (const width of NARROW) {
        const dir = mkdtempSync(join(tmpdir(), 'netkata-menu-'));
        dirs.push(dir);
        const app = renderAt(lang, width, <PracticeScreen lang={lang} onBack={() => undefined} width={width} height={24} store={new ProgressStore(dir)} />);
        await tick();
        expect(app.frame()).toContain(translate(lang, 'practice.all'));
        checkRows(app.frame(), width, items);
        app.unmount();
      }
    });
  }
});
