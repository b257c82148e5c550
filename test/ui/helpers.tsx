import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { App } from '../../src/ui/App.js';
import { loadScreens } from '../../src/ui/screen-modules.js';

// The app loads its screens after the first frame; tests drive them at once, so load them first.
await loadScreens();
import type { Lang } from '../../src/ui/screen-props.js';
import type { ScreenId } from '../../src/ui/screens.js';
import { themeFor } from '../../src/ui/theme.js';

export const KEY = {
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  enter: '\r',
  escape: '\u001b',
  tab: '\t',
  backspace: '\u007f',
  ctrlU: '\u0015',
  // xterm's Home and End (tmux sends these: send-keys Home End, read with od -c)
  home: '\u001b[H',
  end: '\u001b[F',
} as const;

/** One macrotask, then one more: React 19 schedules the render after the input event; ink flushes a lone Esc on setImmediate. */
export async function tick(): Promise<void> {
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setTimeout(r, 0));
}

export type Rendered = ReturnType<typeof render> & { readonly frame: () => string; readonly press: (...keys: string[]) => Promise<void> };

/** Render the whole app (NO_COLOR theme so frames compare as text) and return helpers. */
export function renderApp(options: { lang?: Lang; screen?: ScreenId | 'home' } = {}): Rendered {
  const r = render(<App lang={options.lang ?? 'en'} theme={themeFor({ NO_COLOR: '1' })} initialScreen={options.screen ?? 'home'} />);
  return withHelpers(r);
}

export function withHelpers(r: ReturnType<typeof render>): Rendered {
  const frame = (): string => stripVTControlCharacters(r.lastFrame() ?? '');
  // Each key is its own read, as from a person at a keyboard, with the frame settled in between.
  const press = async (...keys: string[]): Promise<void> => {
    for (const k of keys) {
      const before = r.lastFrame();
      r.stdin.write(k);
      await tick();
      // A lone Esc could be the start of an escape sequence: ink waits one more turn before emitting it.
      if (k === KEY.escape) await tick();
      // Under load React may render a few turns later: wait (a bounded number of turns) for the frame
      // the key produces, then one more turn for anything it schedules. A key that changes nothing
      // simply uses up the turns.
      for (let i = 0; i < 25 && r.lastFrame() === before; i++) await tick();
      await tick();
    }
  };
  return Object.assign(r, { frame, press });
}

/** Type text in one read (as a paste arrives); the input line takes it whole. */
export async function type(r: Rendered, text: string): Promise<void> {
  await r.press(text);
}

/** Type text one character per read (as a person does), so every intermediate frame is rendered. */
export async function typeEach(r: Rendered, text: string): Promise<void> {
  await r.press(...text.split(''));
}
