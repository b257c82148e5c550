/**
 * The app's live-sockets screen fed tables in the kernel's own format (test/helpers/proc-net-table.ts,
 * as net/ipv4/tcp_ipv4.c prints them) through its table reader, on a test clock and test-driven
 * intervals, so every read is one the test chose. What it must show is what the test wrote: the
 * transitions between the tables, the counts, the CLOSE_WAIT warning, and RFC 9293's diagram, which
 * has no arrow from ESTABLISHED back to SYN_SENT (the screen must call that step a violation).
 */
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseProcNet } from '../../src/lab/procnet.js';
import { displayWidth } from '../../src/text-width.js';
import { LangContext } from '../../src/ui/i18n/strings.js';
import type { Lang } from '../../src/ui/screen-props.js';
import { themeFor, ThemeContext } from '../../src/ui/theme.js';
import { WatchView } from '../../src/ui/traffic/WatchView.js';
import { PILE_UP } from '../../src/watch/watch.js';
import { HEADER, line } from '../helpers/proc-net-table.js';
import { KEY, tick, withHelpers, type Rendered } from './helpers.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const ESTABLISHED = 0x01;
const SYN_SENT = 0x02;
const CLOSE_WAIT = 0x08;

/** A table source and a clock the test moves; each `read` is one interval of the screen. */
function feed(lang: Lang, width: number, height: number, initial: string[]): { app: Rendered; set: (rows: string[]) => void; read: (at: number) => Promise<void> } {
  let rows = initial;
  let clock = 0;
  // Parsed as a little-endian machine writes the table (the lines are written that way), on any CPU.
  const readTable = () => parseProcNet(HEADER + rows.join(''), 4, 'LE');
  const app = withHelpers(render(
    <LangContext.Provider value={lang}>
      <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>
        <WatchView lang={lang} width={width} height={height} onBack={() => {}} readTable={readTable} intervalMs={500} now={() => clock} />
      </ThemeContext.Provider>
    </LangContext.Provider>,
  ));
  return {
    app,
    set: (r) => (rows = r),
    read: async (at) => {
      clock = at;
      vi.advanceTimersByTime(500);
      await tick();
      await tick();
    },
  };
}

const within = (app: Rendered, width: number, height: number): void => {
  const lines = app.frame().split('\n');
  expect(lines.length).toBeLessThanOrEqual(height);
  for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(width);
};

describe('live sockets screen', () => {
  it('shows transitions with their times, counts, the CLOSE_WAIT pile-up and a step with no path (ESTABLISHED -> SYN_SENT); 80x22', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { app, set, read } = feed('en', 80, 22, [line(0, 8080, 40000, ESTABLISHED, 11)]);
    await read(0); // the first read was the mount's; this one sees the same table
    // Already there at the first read: counted, not listed as a transition (as `netkata watch` prints it).
    expect(app.frame()).toContain('every socket of this machine · now: ESTABLISHED 1');
    expect(app.frame()).toContain('no transition yet');
    set([line(0, 8080, 40000, CLOSE_WAIT, 11), line(1, 8080, 40002, ESTABLISHED, 12)]);
    await read(1250);
    expect(app.frame()).toContain('    1.250 s  127.0.0.1:8080 > 127.0.0.1:40000  ESTABLISHED -> CLOSE_WAIT');
    expect(app.frame()).toContain('    1.250 s  127.0.0.1:8080 > 127.0.0.1:40002  new ESTABLISHED');
    expect(app.frame()).toMatch(/now: (CLOSE_WAIT 1, ESTABLISHED 1|ESTABLISHED 1, CLOSE_WAIT 1)/);
    expect(app.frame()).toContain('every sequence is a path of the endpoint machine (linux profile): 2 sockets');
    // Back to SYN_SENT: no arrow of RFC 9293's diagram leaves ESTABLISHED for it.
    set([line(0, 8080, 40000, CLOSE_WAIT, 11), line(1, 8080, 40002, SYN_SENT, 12)]);
    await read(2000);
    expect(app.frame()).toContain('    2.000 s  127.0.0.1:8080 > 127.0.0.1:40002  ESTABLISHED -> SYN_SENT');
    expect(app.frame()).toContain('1 step the endpoint machine (linux profile) has no path for:');
    // The watch grants every socket an open, a close and an abort at any time; this step needs a second open.
    expect(app.frame().replace(/\n +/g, ' ')).toMatch(/2\.000 s +127\.0\.0\.1:8080 127\.0\.0\.1:40002: ESTABLISHED -> SYN_SENT needs the application to resetAndDestroy \+ connect first/);
    expect(app.frame()).not.toContain('Infinity');
    // CLOSE_WAIT piles up: one short of the threshold, no warning; at it, the warning.
    const n = PILE_UP.CLOSE_WAIT!;
    const waiting = Array.from({ length: n }, (_, i) => line(i, 8080, 41000 + i, CLOSE_WAIT, 100 + i));
    set(waiting.slice(0, n - 1));
    await read(3000);
    await read(3250); // the two sockets of before are gone after a second read without them
    expect(app.frame()).not.toContain('warning');
    expect(app.frame()).toContain(`now: CLOSE_WAIT ${n - 1}`);
    set(waiting);
    await read(3500);
    expect(app.frame().replace(/\n +/g, ' ')).toContain(`warning: ${n} sockets in CLOSE_WAIT: the peer has closed and the application has not`);
    within(app, 80, 22);
    // Twenty more connections: the transitions no longer fit 22 rows; the newest show, with the indicator, and ↑ scrolls back.
    set([...waiting, ...Array.from({ length: 20 }, (_, i) => line(n + i, 8080, 42000 + i, ESTABLISHED, 200 + i))]);
    await read(4000);
    expect(app.frame()).toContain('    4.000 s  127.0.0.1:8080 > 127.0.0.1:42019  new ESTABLISHED');
    within(app, 80, 22);
    const indicator = /↑ +rows (\d+)-(\d+) of (\d+)/;
    expect(app.frame()).toMatch(indicator);
    const [, firstRow, , total] = indicator.exec(app.frame())!.map(Number);
    await app.press(KEY.up, KEY.up);
    expect(app.frame()).toContain(`rows ${firstRow! - 2}-`);
    expect(app.frame()).toContain(`of ${total}`);
    app.unmount();
    expect(vi.getTimerCount()).toBe(0); // leaving the screen cleared its interval
  });

  it('a port typed on screen filters the sockets; a bad port is one line', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { app, set, read } = feed('en', 120, 38, [line(0, 8080, 40000, ESTABLISHED, 11), line(1, 9090, 40001, ESTABLISHED, 12)]);
    await read(0);
    expect(app.frame()).toContain('now: ESTABLISHED 2');
    await app.press('9090', KEY.enter);
    expect(app.frame()).toContain('sockets on port 9090 · now: ESTABLISHED 1');
    // No frame, however briefly drawn, labels the last filter's counts with the new port.
    const stale = app.frames.map((f) => stripVTControlCharacters(f)).filter((f) => f.includes('on port 9090') && f.includes('ESTABLISHED 2'));
    expect(stale).toEqual([]);
    set([line(0, 8080, 40000, CLOSE_WAIT, 11), line(1, 9090, 40001, CLOSE_WAIT, 12)]);
    await read(500);
    expect(app.frame()).toContain('127.0.0.1:9090 > 127.0.0.1:40001  ESTABLISHED -> CLOSE_WAIT');
    expect(app.frame()).not.toContain('127.0.0.1:8080');
    await app.press(KEY.ctrlU, '70000', KEY.enter);
    const errors = app.frame().split('\n').filter((l) => l.includes('✗'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/✗ 70000: /);
    within(app, 120, 38);
  });

  it('under zh: counts, warning and verdict in Chinese, state names as RFC 9293 writes them, within 80 columns', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { app, set, read } = feed('zh', 80, 22, []);
    set([line(0, 8080, 40002, ESTABLISHED, 12)]);
    await read(500); // new since the watch began: it opened once already
    set([line(0, 8080, 40002, SYN_SENT, 12), ...Array.from({ length: PILE_UP.CLOSE_WAIT! }, (_, i) => line(i + 1, 8080, 41000 + i, CLOSE_WAIT, 100 + i))]);
    await read(1000);
    expect(app.frame()).toMatch(/本机全部套接字 · 当前：CLOSE_WAIT 5、SYN_SENT 1/);
    expect(app.frame()).toContain(`警告：${PILE_UP.CLOSE_WAIT} 个套接字处于 CLOSE_WAIT`);
    expect(app.frame()).toContain('端点状态机（linux 配置）中找不到路径的 1 步：');
    expect(app.frame()).toContain('ESTABLISHED -> SYN_SENT');
    within(app, 80, 22);
  });

  it('leaves no timer behind: every interval it started is cleared when it unmounts, and no read follows', async () => {
    // Spies, not fake timers: the screen's own setInterval handles, real ones, checked one by one (a
    // cleared interval is what lets the process exit: Node keeps running while a ref'd timer is active).
    const started: unknown[] = [];
    const cleared = new Set<unknown>();
    const realSet = globalThis.setInterval;
    const realClear = globalThis.clearInterval;
    vi.spyOn(globalThis, 'setInterval').mockImplementation(((fn: () => void, ms: number) => {
      const h = realSet(fn, ms);
      started.push(h);
      return h;
    }) as typeof setInterval);
    vi.spyOn(globalThis, 'clearInterval').mockImplementation(((h: NodeJS.Timeout) => {
      cleared.add(h);
      realClear(h);
    }) as typeof clearInterval);
    let reads = 0;
    const app = withHelpers(render(
      <WatchView lang="en" width={80} height={22} onBack={() => {}} readTable={() => (reads++, [])} intervalMs={5} />,
    ));
    for (let i = 0; i < 200 && reads < 3; i++) await new Promise((r) => setTimeout(r, 5));
    expect(reads).toBeGreaterThanOrEqual(3); // its interval ran
    expect(started.length).toBeGreaterThan(0);
    app.unmount();
    await tick();
    vi.restoreAllMocks();
    const after = reads;
    await new Promise((r) => setTimeout(r, 30));
    expect(reads).toBe(after); // no read after leaving
    for (const h of started) expect(cleared.has(h)).toBe(true);
    expect(started.every((h) => (h as { _destroyed?: boolean })._destroyed === true)).toBe(true);
  });
});
