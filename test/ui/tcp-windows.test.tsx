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
import { KEY, renderApp, tick, withHelpers } from './helpers.js';

afterEach(() => cleanup());

const textbook = () => runWindowScenario(parseWindowScenario(readFileSync(new URL('../../scenarios/window/textbook-reno.yaml', import.meta.url), 'utf8'), 'textbook-reno.yaml'));

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
});
