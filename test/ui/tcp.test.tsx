import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { cleanup, render } from 'ink-testing-library';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readScenarioFiles } from '../../src/practice/store.js';
import { parseTcpScenario } from '../../src/scenario/tcp.js';
import { ThemeContext, themeFor } from '../../src/ui/theme.js';
import { SimSession } from '../../src/ui/tcp/sim-session.js';
import { builtinScenarioDir, listBuiltinScenarios, loadScenarioFile } from '../../src/cli/scenario-files.js';
import { SimulatorView } from '../../src/ui/tcp/SimulatorView.js';
import { KEY, renderApp, tick, type Rendered, withHelpers } from './helpers.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const scenario = (name: string) =>
  parseTcpScenario(readFileSync(join(builtinScenarioDir(), `${name}.yaml`), 'utf8'), `scenarios/tcp/${name}.yaml`);

/** The state row marked for each endpoint column (C = client, S = server). */
function marked(frame: string): { C?: string; S?: string } {
  const out: { C?: string; S?: string } = {};
  for (const line of frame.split('\n')) {
    const m = /([A-Z_0-9]{4,12})\s+(●|x)?\s?(●|x)?\s*$/.exec(line.slice(-22));
    if (!m) continue;
    const cols = line.slice(-22);
    const idx = cols.indexOf(m[1]!);
    const after = cols.slice(idx + 13);
    if (after[0] === '●' || after[0] === 'x') out.C = m[1];
    if (after[2] === '●' || after[2] === 'x') out.S = m[1];
  }
  return out;
}

function renderSim(name: string): Rendered {
  return withHelpers(
    render(
      <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>
        <SimulatorView scenario={scenario(name)} width={80} height={22} onBack={() => {}} playInterval={700} />
      </ThemeContext.Provider>,
    ),
  );
}

describe('TCP simulator screen', () => {
  it('lists the built-in scenarios and opens one from the TCP screen', async () => {
    const app = renderApp({ screen: 'tcp' });
    await tick();
    expect(app.frame()).toContain('Choose a scenario');
    for (let i = 0; i < 30 && !app.frame().includes('> handshake'); i++) await app.press(KEY.down);
    expect(app.frame()).toContain('> handshake');
    await app.press(KEY.enter);
    expect(app.frame()).toContain('The three-way handshake');
    expect(app.frame()).toMatch(/step 0\/\d+/);
    await app.press(KEY.escape);
    expect(app.frame()).toContain('Choose a scenario');
  });

  it('the scenario list longer than the screen says which rows show and that there are more', async () => {
    const { readdirSync } = await import('node:fs');
    const yamls = (d: string) => readdirSync(new URL(`../../scenarios/${d}/`, import.meta.url)).filter((f) => f.endsWith('.yaml')).length;
    const total = yamls('tcp') + yamls('window');
    const app = renderApp({ screen: 'tcp' });
    await tick();
    expect(app.frame()).toMatch(new RegExp(` ↓ rows 1-\\d+ of ${total}`));
    for (let i = 0; i < total; i++) await app.press(KEY.down);
    expect(app.frame()).toMatch(new RegExp(`↑  rows \\d+-${total} of ${total}`));
    expect(app.frame().split('\n').length).toBeLessThanOrEqual(24);
  });

  it('steps the handshake forward: the ladder grows and both endpoints are marked in the state list', async () => {
    const app = renderSim('handshake');
    await tick();
    expect(marked(app.frame())).toEqual({ C: 'CLOSED', S: 'LISTEN' });
    await app.press(KEY.right, KEY.right); // expect, open client
    let f = app.frame();
    expect(f).toMatch(/0ms\s+SYN_SENT\s+─+ SYN seq=1000 ─+· ·/); // in flight: no arrival yet
    expect(marked(f)).toEqual({ C: 'SYN_SENT', S: 'LISTEN' });
    expect(f).toMatch(/C RTO\s+1000ms/); // the SYN's retransmission timer, full RTO left
    await app.press(KEY.right, KEY.right); // expect, advance 10ms
    f = app.frame();
    expect(marked(f)).toEqual({ C: 'SYN_SENT', S: 'SYN_RECEIVED' });
    expect(f).toMatch(/C RTO\s+990ms/);
    await app.press(KEY.right, KEY.right); // expect, settle
    f = app.frame();
    // RFC 9293 figure 6: SYN seq=ISN, SYN,ACK acknowledges ISN+1, the final ACK completes it.
    expect(f).toMatch(/0ms\s+SYN_SENT\s+─+ SYN seq=1000 ─+▶ SYN_RECEIVED/);
    expect(f).toMatch(/10ms\s+ESTABLISHED\s+◀─+ SYN,ACK.* SYN_RECEIVED/);
    expect(f).toMatch(/20ms\s+ESTABLISHED\s+─+ ACK.*▶ ESTABLISHED/);
    expect(marked(f)).toEqual({ C: 'ESTABLISHED', S: 'ESTABLISHED' });
    expect(f).toContain('no timer running');
  });

  it('steps back by replaying the run to the previous step', async () => {
    const app = renderSim('handshake');
    await tick();
    await app.press(KEY.right, KEY.right, KEY.right, KEY.right);
    const atFour = app.frame();
    await app.press(KEY.right);
    expect(app.frame()).not.toBe(atFour);
    await app.press(KEY.left);
    expect(app.frame()).toBe(atFour);
    await app.press(KEY.left, KEY.left);
    expect(marked(app.frame())).toEqual({ C: 'SYN_SENT', S: 'LISTEN' });
  });

  it('injects a drop and the machine retransmits after the RTO; a crash marks the host', async () => {
    const app = renderSim('handshake');
    await tick();
    await app.press(KEY.right, KEY.right, KEY.right); // expect, open, expect (SYN in flight)
    // The hints say what each key does: d c a x on the selected endpoint, Tab to select the other one.
    expect(app.frame()).toMatch(/d c a x +drop next\/close\/abort\/crash client/);
    expect(app.frame()).toMatch(/Tab +act on server/);
    await app.press('\t');
    expect(app.frame()).toMatch(/d c a x +drop next\/close\/abort\/crash server/);
    expect(app.frame()).toMatch(/Tab +act on client/);
    await app.press('d'); // act on the server, drop its next segment (the SYN,ACK)
    expect(app.frame()).toContain('injected: drop from=server');
    await app.press(KEY.right, KEY.right, KEY.right); // advance 10ms, expect, settle
    const f = app.frame();
    expect(f).toMatch(/10ms\s+✗ lost─+ SYN,ACK ─+ SYN_RECEIVED/);
    // RFC 9293 3.8.1: the unacknowledged SYN,ACK is sent again after the RTO (1 s): at 1010ms
    expect(f).toMatch(/1010ms\s+ESTABLISHED\s+◀─+ SYN,ACK/);
    expect(marked(f)).toEqual({ C: 'ESTABLISHED', S: 'ESTABLISHED' });
    await app.press('x'); // crash the server
    expect(marked(app.frame()).S).toBe('CLOSED');
    expect(app.frame()).toMatch(/CLOSED\s+x/);
  });

  it('plays and pauses on Space (one step per interval of wall time)', async () => {
    const app = withHelpers(
      render(
        <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>
          <SimulatorView scenario={scenario('time-wait')} width={80} height={22} onBack={() => {}} playInterval={5} />
        </ThemeContext.Provider>,
      ),
    );
    await tick();
    await app.press(' ');
    expect(app.frame()).toContain('▶ playing');
    const stepOf = (): number => Number(/step (\d+)\//.exec(app.frame())![1]);
    for (let i = 0; i < 400 && stepOf() < 3; i++) await tick();
    expect(stepOf()).toBeGreaterThanOrEqual(3);
    await app.press(' ');
    expect(app.frame()).toContain('paused');
    const paused = stepOf();
    for (let i = 0; i < 20; i++) await tick();
    expect(stepOf()).toBe(paused);
  });

  it('the next-step line of an ask step shows its prompt, never its answer or choices', async () => {
    const app = renderSim('abort');
    await tick();
    const nextLine = (): string => app.frame().split('\n').find((l) => l.startsWith('next:')) ?? '';
    for (let i = 0; i < 20 && !nextLine().startsWith('next: ask'); i++) await app.press(KEY.right);
    const line = nextLine();
    expect(line).toMatch(/^next: ask After an abort, which side is in TIME_WAIT/);
    expect(line).not.toMatch(/answer|neither|the client|zh=/);
  });

  it('shows TIME_WAIT with its 2MSL timer counting down in virtual time', async () => {
    const app = renderSim('time-wait');
    await tick();
    await app.press(...Array<string>(7).fill(KEY.right)); // through the expect TIME_WAIT
    expect(marked(app.frame())).toEqual({ C: 'TIME_WAIT', S: 'CLOSED' });
    // msl 30s: TIME_WAIT lasts 2*MSL = 60s from the moment the client entered it (its ladder row).
    const ms = (t: string): number => (t.endsWith('ms') ? Number(t.slice(0, -2)) : Number(t.slice(0, -1)) * 1000);
    const now = (): number => ms(/time (\S+)/.exec(app.frame())![1]!);
    const left = (): number => ms(/C 2MSL\s+(\S+)/.exec(app.frame())![1]!);
    // The row's time is when the server's FIN was sent; it reached the client one link delay (10ms) later.
    const entered = ms(/^(\S+)\s+TIME_WAIT/m.exec(app.frame())![1]!) + 10;
    expect(now() + left()).toBe(entered + 60_000);
    const before = left();
    await app.press(KEY.right); // advance 59s
    expect(left()).toBe(before - 59_000);
    await app.press(KEY.right, KEY.right, KEY.right); // expect, advance 1s (the timer fires), expect
    expect(marked(app.frame())).toEqual({ C: 'CLOSED', S: 'CLOSED' });
    expect(app.frame()).toContain('no timer running');
  });
});

describe('scenario files', () => {
  it('every built-in scenario loads and its list entry has a title', () => {
    const list = listBuiltinScenarios();
    expect(list.length).toBeGreaterThan(0);
    for (const e of list) {
      expect(e.error, e.file).toBeUndefined();
      expect(e.title.length).toBeGreaterThan(0);
    }
  });

  it('built-in scenarios are the *.yaml files of scenarios/tcp, as practice reads them; a broken one is listed with its error', () => {
    const root = mkdtempSync(join(tmpdir(), 'netkata-scenarios-'));
    try {
      mkdirSync(join(root, 'tcp'));
      writeFileSync(join(root, 'tcp', 'hs.yaml'), readFileSync(join(builtinScenarioDir(), 'handshake.yaml'), 'utf8'));
      writeFileSync(join(root, 'tcp', 'bad.yaml'), 'name: bad\n');
      writeFileSync(join(root, 'tcp', 'other.yml'), readFileSync(join(builtinScenarioDir(), 'handshake.yaml'), 'utf8'));
      const list = listBuiltinScenarios(root);
      expect(list.map((e) => [e.file, e.scenario?.name ?? e.name, e.error === undefined])).toEqual([
        [join(root, 'tcp', 'bad.yaml'), 'bad', false],
        [join(root, 'tcp', 'hs.yaml'), 'handshake', true],
      ]);
      expect(list[0]!.error).toMatch(/^scenarios\/tcp\/bad\.yaml/);
      expect(readScenarioFiles('tcp', root).map((f) => f.file)).toEqual(['scenarios/tcp/bad.yaml', 'scenarios/tcp/hs.yaml']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a missing file is an InputError, shown inline on the TCP screen', async () => {
    expect(() => loadScenarioFile('no/such/file.yaml')).toThrow(/no such file/);
    const app = renderApp({ screen: 'tcp' });
    await tick();
    await app.press(KEY.up); // wraps to the file line
    await app.press('nope.yaml', KEY.enter);
    expect(app.frame()).toContain('✗ nope.yaml: no such file');
  });

  it('a session replays deterministically: back then forward gives the same snapshot', () => {
    const s = new SimSession(scenario('lost-final-ack'));
    for (let i = 0; i < 9; i++) s.forward();
    const a = JSON.stringify(s.view().snapshot);
    s.back();
    s.forward();
    expect(JSON.stringify(s.view().snapshot)).toBe(a);
  });
});

describe('scenario ask steps in the simulator', () => {
  // The question, its choices and its answer come from the scenario file itself (read here with yaml).
  const file = parse(readFileSync(join(builtinScenarioDir(), 'abort.yaml'), 'utf8')) as { steps: Record<string, { prompt: string; choices: string[]; answer: string }>[] };
  const askIndex = file.steps.findIndex((s) => 'ask' in s);
  const ask = file.steps[askIndex]!.ask!;

  async function toTheQuestion(app: Rendered): Promise<void> {
    for (let i = 0; i < askIndex; i++) await app.press(KEY.right);
    expect(app.frame()).toContain(`step ${askIndex}/`);
  }

  it('asks the question with its choices and does not step over it until answered', async () => {
    const app = renderSim('abort');
    await toTheQuestion(app);
    expect(app.frame()).toContain(`? ${ask.prompt}`);
    for (const [i, c] of ask.choices.entries()) expect(app.frame()).toContain(`${'abc'[i]}) ${c}`);
    await app.press(KEY.right, 'n');
    expect(app.frame()).toContain(`step ${askIndex}/`); // still waiting
    expect(app.frame()).toMatch(/^> n +\(Enter answer\)/m); // `n` is a letter of the answer here, not "step"
  });

  it('shows the verdict: the right answer is correct, a wrong one names the answer; then the run goes on', async () => {
    const app = renderSim('abort');
    await toTheQuestion(app);
    await app.press(...'neither'.split(''), KEY.enter);
    expect(app.frame()).toContain('✓ correct');
    await app.press(KEY.right);
    expect(app.frame()).toContain(`step ${askIndex + 1}/`);

    const wrong = renderSim('abort');
    await toTheQuestion(wrong);
    await wrong.press('b', KEY.enter);
    expect(wrong.frame()).toContain(`✗ wrong: the answer is ${ask.answer}`);
  });
});

describe('a failed expectation at 80 columns', () => {
  it('wraps to show every field that differed, none cut off', async () => {
    // Wrong on purpose: after the handshake both ends are ESTABLISHED (RFC 9293 figure 6), not these.
    const yaml = [
      'name: wrong-expectations',
      'title: Wrong expectations',
      'steps:',
      '  - open: client',
      '  - settle: true',
      '  - expect: { client: TIME_WAIT, server: CLOSE_WAIT }',
    ].join('\n');
    const app = withHelpers(render(
      <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>
        <SimulatorView scenario={parseTcpScenario(yaml, 'wrong.yaml')} width={80} height={22} onBack={() => {}} />
      </ThemeContext.Provider>,
    ));
    await app.press(KEY.right, KEY.right, KEY.right);
    const text = app.frame().split('\n').map((l) => l.trimEnd()).join(' ');
    expect(text).toContain('client TIME_WAIT≠ESTABLISHED');
    expect(text).toContain('server CLOSE_WAIT≠ESTABLISHED');
    expect(app.frame().split('\n').length).toBeLessThanOrEqual(22);
  });
});
