/**
 * The simulator screen in Chinese (LangContext 'zh'), rendered with ink-testing-library at 80x24: the
 * scenario list and the run show the files' zh titles, the next step, the last step, injected events,
 * timers and ask prompts in Chinese, nothing English but RFC state names, flags, the fields textbooks
 * print (seq=, ack=), endpoint names and key caps, and nothing wider than 80 cells (string-width).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { parse } from 'yaml';
import { parseTcpScenario } from '../../src/scenario/tcp.js';
import { ThemeContext, themeFor } from '../../src/ui/theme.js';
import { LangContext } from '../../src/ui/i18n/strings.js';
import { builtinScenarioDir } from '../../src/cli/scenario-files.js';
import { SimulatorView } from '../../src/ui/tcp/SimulatorView.js';
import { zhFindings } from '../practice/zh-text.js';
import { KEY, renderApp, tick, type Rendered, withHelpers } from './helpers.js';

afterEach(() => cleanup());

const file = (name: string) => readFileSync(join(builtinScenarioDir(), `${name}.yaml`), 'utf8');
const zhTitle = (name: string) => (parse(file(name)) as { zh: { title: string } }).zh.title;

function renderSim(name: string): Rendered {
  return withHelpers(
    render(
      <LangContext.Provider value="zh">
        <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>
          <SimulatorView scenario={parseTcpScenario(file(name), `scenarios/tcp/${name}.yaml`)} width={80} height={24} onBack={() => {}} playInterval={700} />
        </ThemeContext.Provider>
      </LangContext.Provider>,
    ),
  );
}

const STATES = ['CLOSED', 'LISTEN', 'SYN_SENT', 'SYN_RECEIVED', 'ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSE_WAIT', 'CLOSING', 'LAST_ACK', 'TIME_WAIT'];
const KEPT = new Set([...STATES, 'SYN', 'ACK', 'FIN', 'RST', 'PSH', 'seq', 'ack', 'len', 'client', 'server', 'RTO', 'MSL', 'ISN', 'Space', 'Tab', 'Esc', 'Enter', 'RFC']);

/** What a zh frame must not have: English words, over-wide lines, half-width punctuation in Chinese text. */
function problems(frame: string): string[] {
  const lines = frame.split('\n');
  // A word cut short at the line's end (`LISTE…`) is a name cut, not English text.
  const english = (frame.replace(/[A-Za-z_0-9]+…/g, '…').match(/(?<![A-Za-z0-9_.])[A-Za-z][A-Za-z_0-9]+/g) ?? []).filter((w) => !KEPT.has(w));
  const wide = lines.filter((l) => stringWidth(l) > 80);
  const typo = lines.flatMap((l) => l.split(/ {2,}| ?[─-]{2,}[▶>]? ?/).filter((p) => /[\u3400-\u9fff]/.test(p)).flatMap((p) => zhFindings(p).map((f) => `${f.rule} at "${f.at}"`)));
  return [...english.map((w) => `English "${w}"`), ...wide.map((l) => `wider than 80: ${l}`), ...typo, ...(lines.length > 24 ? [`${lines.length} lines`] : [])];
}

describe('TCP simulator screen in Chinese', () => {
  it('lists the scenarios by their zh titles', async () => {
    const app = renderApp({ lang: 'zh', screen: 'tcp' });
    await tick();
    for (let i = 0; i < 40 && !app.frame().includes('> handshake'); i++) await app.press(KEY.down);
    expect(app.frame()).toMatch(new RegExp(`> handshake +${zhTitle('handshake')}`));
    expect(app.frame()).not.toContain('The three-way handshake');
    await app.press(KEY.enter);
    expect(app.frame()).toMatch(new RegExp(`步骤 0/\\d+ · 时间 0ms · ${zhTitle('handshake')}`));
  });

  it.each(['lost-syn', 'handshake', 'time-wait'])('%s: every frame of the run is Chinese, within 80x24', async (name) => {
    const app = renderSim(name);
    await tick();
    const steps = parseTcpScenario(file(name), name).steps;
    expect(app.frame().split('\n')[0]).toContain(zhTitle(name));
    for (let i = 0; i <= steps.length; i++) {
      expect(problems(app.frame()), `step ${i}`).toEqual([]);
      if (i < steps.length && 'ask' in steps[i]!) {
        // The ask step waits for an answer: its zh prompt, then the zh verdict.
        // (ink wraps it: compared without the white space a wrap takes or leaves)
        const flat = (t: string) => t.replace(/\s+/g, '');
        expect(flat(app.frame())).toContain(flat(`问：${(steps[i] as { ask: { zh: { prompt: string } } }).ask.zh.prompt}`));
        await app.press(...(steps[i] as { ask: { zh: { answer: string } } }).ask.zh.answer.split(''), KEY.enter);
        expect(problems(app.frame()), `answer ${i}`).toEqual([]);
      }
      await app.press(KEY.right);
    }
    expect(app.frame()).toContain('场景结束');
  });

  it('the next step, the last step and an injected drop read in Chinese', async () => {
    const app = renderSim('lost-syn');
    await tick();
    expect(app.frame()).toMatch(/^下一步：链路丢弃 client 发出的下一个 SYN 报文段/m);
    await app.press(KEY.right, KEY.right);
    expect(app.frame()).toMatch(/（步骤：client 主动打开（发起连接））/);
    expect(app.frame()).toMatch(/0ms +SYN_SENT +─+ SYN seq=1000 ─+✗ 丢失/);
    await app.press('d');
    expect(app.frame()).toMatch(/已注入：链路丢弃 client 发出的下一个报文段/);
    expect(app.frame()).toMatch(/C RTO/);
    expect(problems(app.frame())).toEqual([]);
  });
});
