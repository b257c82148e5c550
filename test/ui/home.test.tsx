import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEY, renderApp, tick } from './helpers.js';

afterEach(() => cleanup());

describe('home screen', () => {
  it('lists the six areas and shows the keys on screen', async () => {
    const app = renderApp();
    await tick();
    const f = app.frame();
    for (const item of ['Calculators', 'TCP simulator', 'Socket lab', 'Practice', 'Concepts', 'Real traffic']) expect(f).toContain(item);
    expect(f).toMatch(/↑\/↓ move/);
    expect(f).toContain('Enter open');
    expect(f).toContain('Esc back');
    expect(f).toContain('? help');
    expect(f).toContain('q quit');
    expect(f).toContain('> 1 Calculators');
  });

  it('moves the selection with the arrows and opens the selected screen with Enter; Esc comes back', async () => {
    const app = renderApp();
    await tick();
    await app.press(KEY.down);
    expect(app.frame()).toContain('> 2 TCP simulator');
    await app.press(KEY.down, KEY.down, KEY.down);
    expect(app.frame()).toContain('> 5 Concepts');
    await app.press(KEY.down);
    expect(app.frame()).toContain('> 6 Real traffic');
    await app.press(KEY.down);
    expect(app.frame()).toContain('> 1 Calculators'); // wraps around
    await app.press(KEY.up, KEY.up);
    expect(app.frame()).toContain('> 5 Concepts');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('netkata › Concepts');
    await app.press(KEY.escape);
    expect(app.frame()).toContain('> 5 Concepts'); // selection kept on return
  });

  it('opens the practice and lab screens owned by other issues and leaves them with Esc via onBack', async () => {
    const app = renderApp();
    await tick();
    await app.press('4');
    expect(app.frame()).toContain('netkata › Practice');
    expect(app.frame()).toContain('Ctrl-C quit');
  });

  it('the lab screen in the app: arrows choose, ? shows its keys, Esc goes home', async () => {
    const app = renderApp({ screen: 'lab' });
    for (let i = 0; i < 50 && !app.frame().includes('> handshake'); i++) await tick();
    expect(app.frame()).toContain('netkata › Socket lab');
    expect(app.frame()).toContain('> handshake');
    await app.press(KEY.down);
    expect(app.frame()).toContain('> close ');
    await app.press('k');
    expect(app.frame()).toContain('> handshake');
    await app.press('?');
    expect(app.frame()).toContain('choose an experiment');
    expect(app.frame()).not.toContain('> handshake');
    await app.press('j'); // closes help, does not move the selection
    expect(app.frame()).toContain('> handshake');
    await app.press(KEY.escape);
    expect(app.frame()).toContain('a terminal lab for network fundamentals');
  });

  it('shows the help overlay on ? and closes it on any key, keeping the screen underneath', async () => {
    const app = renderApp({ screen: 'calc' });
    await tick();
    await app.press('1', '0');
    await app.press('?');
    expect(app.frame()).toContain('Keys');
    expect(app.frame()).toContain('choose a calculator');
    expect(app.frame()).not.toContain('> subnet');
    await app.press('x'); // closes help, is not typed
    expect(app.frame()).toContain('> subnet  10');
    expect(app.frame()).not.toContain('Keys');
  });

  it('speaks Simplified Chinese with lang zh', async () => {
    const app = renderApp({ lang: 'zh' });
    await tick();
    const f = app.frame();
    expect(f).toContain('计算器');
    expect(f).toContain('TCP 模拟器');
    expect(f).toContain('概念');
    expect(f).toContain('退出');
  });
});
