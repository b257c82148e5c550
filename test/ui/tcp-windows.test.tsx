/**
 * The window view of the TCP screen: a window scenario steps round by round, with the sender's window
 * over the sequence space and the cwnd plot. The bar's cells are checked against RFC 5681 arithmetic
 * worked out here (the textbook run's recovery round: 16 segments outstanding, cwnd inflated to
 * 8 + 3 + 12 = 23, so 7 usable).
 */
import { readFileSync } from 'node:fs';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { windowBar } from '../../src/cli/render/tcp-windows.js';
import { parseWindowScenario } from '../../src/scenario/window.js';
import { runWindowScenario } from '../../src/tcp/window-run.js';
import { ThemeContext, themeFor } from '../../src/ui/theme.js';
import { WindowView } from '../../src/ui/tcp/WindowView.js';
import { LangContext } from '../../src/ui/i18n/strings.js';
import stringWidth from 'string-width';
import { messages } from '../../src/i18n/index.js';
import { KEY, renderApp, tick, withHelpers } from './helpers.js';

afterEach(() => cleanup());

const textbookScenario = () => parseWindowScenario(readFileSync(new URL('../../scenarios/window/textbook-reno.yaml', import.meta.url), 'utf8'), 'textbook-reno.yaml');
const textbook = () => runWindowScenario(textbookScenario());

describe('the sender\'s window bar', () => {
  it('at the start of a loss-free round everything is acknowledged and cwnd is usable', () => {
    const run = textbook();
    const r13 = run.rounds[12]!; // cwnd 24, nothing outstanding when the round begins
    const bar = windowBar(r13, 60);
    expect(bar.unacked).toBe(0);
    expect(bar.usable * bar.scale).toBeGreaterThanOrEqual(24);
    expect(bar.acked + bar.unacked + bar.usable + bar.blocked).toBe(60);
  });

  it('in the recovery round 16 segments are outstanding and the inflated cwnd 8 + 3 + 12 = 23 leaves 7 usable', () => {
    const run = textbook();
    const r23 = run.rounds[22]!;
    const bar = windowBar(r23, 60);
    expect(bar.scale).toBe(1);
    expect([bar.unacked, bar.usable]).toEqual([16, 8 + 3 + 12 - 16]);
  });
});

describe('window view', () => {
  it('steps rounds with the arrow keys and shows the round\'s numbers, events, bar legend and plot', async () => {
    const app = withHelpers(render(
      <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>
        <WindowView run={textbook()} width={80} height={30} onBack={() => {}} />
      </ThemeContext.Provider>,
    ));
    await tick();
    expect(app.frame()).toContain('round 1 of 26');
    expect(app.frame()).toContain('█ sent, acknowledged  ▓ sent, not acknowledged  ░ usable  · not yet allowed');
    for (let i = 0; i < 12; i++) await app.press(KEY.right);
    expect(app.frame()).toMatch(/round 13 of 26 +cwnd 24 +ssthresh 16/);
    expect(app.frame()).toContain('timeout: ssthresh 12, cwnd 1');
    expect(app.frame()).toMatch(/24 ┼/);
    await app.press(KEY.left);
    expect(app.frame()).toMatch(/round 12 of 26 +cwnd 23/);
  });

  it('under zh: the round\'s numbers, phase and events in Chinese textbook terms, every line within the width', async () => {
    const app = withHelpers(render(
      <LangContext.Provider value="zh">
        <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>
          <WindowView run={runWindowScenario({ ...textbookScenario(), title: textbookScenario().titleZh! }, messages('zh').windows)} width={80} height={30} onBack={() => {}} />
        </ThemeContext.Provider>
      </LangContext.Provider>,
    ));
    await tick();
    for (let i = 0; i < 12; i++) await app.press(KEY.right);
    // Round 13 of the textbook run (RFC 5681 3.1): all 24 segments lost, the timer expires, ssthresh 12, cwnd 1.
    expect(app.frame()).toMatch(/第 13 轮（共 26 轮） +cwnd 24 +ssthresh 16 +rwnd 1000 +在途数据 24 +拥塞避免/);
    expect(app.frame()).toContain('丢失 24 个报文段；超时重传：ssthresh 12，cwnd 1');
    expect(app.frame()).toContain('教科书中的拥塞窗口变化');
    expect(app.frame()).not.toMatch(/avoidance|timeout|in flight|lost|first line|round|cell/);
    for (const l of app.frame().split('\n')) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    for (let i = 0; i < 9; i++) await app.press(KEY.right);
    expect(app.frame()).toMatch(/第 22 轮.*拥塞避免/);
    expect(app.frame()).toContain('3 个重复确认：快重传，ssthresh 8，cwnd 11');
  });

  it('opens from the TCP screen\'s list, after the TCP scenarios, and Esc returns to the list', async () => {
    const app = renderApp({ screen: 'tcp' });
    await tick();
    // Up from the first item: the file input, then the last window scenario (sorted by name).
    await app.press(KEY.up, KEY.up);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('A full receive buffer: zero window, persist timer and window probes');
    expect(app.frame()).toContain('round 1 of 9');
    await app.press(KEY.escape);
    expect(app.frame()).toContain('Choose a scenario');
  });

  it('under zh the list and the opened run show the file\'s zh title', async () => {
    const app = renderApp({ screen: 'tcp', lang: 'zh' });
    await tick();
    await app.press(KEY.up, KEY.up);
    expect(app.frame()).toContain('接收缓存已满：零窗口、持续计时器与窗口探测');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('接收缓存已满：零窗口、持续计时器与窗口探测');
    expect(app.frame()).toContain('第 1 轮（共 9 轮）');
    expect(app.frame()).toMatch(/在途数据 1 +慢开始/);
    expect(app.frame()).toContain('本轮开始时发送方的窗口（每格 = 1 个单位）');
  });
});
