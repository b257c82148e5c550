import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { render, settle } from '../helpers/settle.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { poolOf } from '../../src/practice/bank.js';
import { parseBank } from '../../src/practice/bank-parse.js';
import { ProgressStore } from '../../src/practice/store.js';
import { PracticeScreen } from '../../src/ui/practice/PracticeScreen.js';

const BANK = `name: t
title: T
topic: osi
questions:
  - id: layer
    prompt: Which layer does IP work at?
    choices: [network, transport]
    answer: network
    explain: IP routes packets between networks.
    zh: { prompt: IP 工作在哪一层?, choices: [网络层, 传输层], explain: IP 在网络之间路由分组。 }
  - id: probes
    prompt: How many keepalive probes does Linux send?
    answer: 9
    check: integer
    explain: tcp_keepalive_probes defaults to 9.
    zh: { prompt: Linux 发送几次保活探测?, explain: tcp_keepalive_probes 默认是 9。 }
`;
const pool = poolOf([parseBank(BANK, 't.yaml')]);

// Waits for React to finish what a key started (test/helpers/settle.ts), not a fixed number of turns.
const tick = settle;
const dirs: string[] = [];
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function type(stdin: { write: (s: string) => void }, text: string): Promise<void> {
  for (const c of text) { stdin.write(c); await tick(); }
}

describe('PracticeScreen', () => {
  it('picks a topic, grades typed answers with the explanation, saves progress, and Esc goes back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netkata-screen-'));
    dirs.push(dir);
    const onBack = vi.fn();
    const { stdin, lastFrame } = render(
      <PracticeScreen lang="en" onBack={onBack} width={80} height={24} store={new ProgressStore(dir)} pool={pool} seed={1} count={2} />,
    );
    await tick();
    expect(lastFrame()).toMatch(/Practice: pick a topic/);
    await tick();
    stdin.write('\r'); // "all topics" is first
    await tick();
    await tick();
    const first = lastFrame()!;
    expect(first).toMatch(/\[1\/2\] osi/);
    const isLayer = /Which layer/.test(first);
    // Choices come in a seeded order; a layer question labels them with letters (a typed number is
    // the layer): answer by the letter the screen shows for "network".
    const letter = /([a-z])\) network/.exec(first)?.[1];
    await type(stdin, isLayer ? letter! : '9');
    stdin.write('\r');
    await tick();
    expect(lastFrame()).toMatch(/✓ correct/);
    expect(lastFrame()).toMatch(isLayer ? /IP routes packets/ : /defaults to 9/);
    stdin.write('\r');
    await tick();
    expect(lastFrame()).toMatch(/\[2\/2\]/);
    // An answer that cannot be read is asked again with a note and not recorded.
    await type(stdin, 'wrong');
    stdin.write('\r');
    await tick();
    expect(lastFrame()).toMatch(/could not read that answer/);
    expect(lastFrame()).toMatch(/\[2\/2\]/);
    // Then a readable wrong answer: the transport layer (4) or 7 probes.
    await type(stdin, isLayer ? '7' : '4');
    stdin.write('\r');
    await tick();
    expect(lastFrame()).toMatch(/✗ wrong: the answer is/);
    stdin.write('\r');
    await tick();
    expect(lastFrame()).toMatch(/Score: 1\/2 \(50%\)/);
    const saved = JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')) as { topics: { osi: { answered: number; correct: number } } };
    expect(saved.topics.osi).toMatchObject({ answered: 2, correct: 1 });
    stdin.write('\u001b');
    await tick();
    await tick();
    expect(onBack).toHaveBeenCalled();
  });

  it('speaks Chinese with lang zh', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netkata-screen-'));
    dirs.push(dir);
    const { lastFrame } = render(
      <PracticeScreen lang="zh" onBack={() => {}} width={80} height={24} store={new ProgressStore(dir)} pool={pool} seed={1} count={1} topic="osi" />,
    );
    await tick();
    expect(lastFrame()).toMatch(/IP 工作在哪一层|Linux 发送几次保活探测/);
  });

  it('without a seed, asks first what FSRS has due in the stored progress (on the store\'s clock)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netkata-screen-'));
    dirs.push(dir);
    const t0 = new Date('2026-03-02T08:00:00Z');
    let now = t0;
    const store = new ProgressStore(dir, () => {}, () => now);
    const probes = pool.fixed.find((q) => q.id === 't/probes')!;
    store.record(probes, false); // missed: due again after FSRS's first learning step, 1 min
    store.save();
    now = new Date(t0.getTime() + 2 * 60_000);
    // Whatever seed is drawn, the due question comes first.
    for (const r of [0.1, 0.7]) {
      vi.spyOn(Math, 'random').mockReturnValue(r);
      const { lastFrame, unmount } = render(
        <PracticeScreen lang="en" onBack={() => {}} width={80} height={24} store={store} pool={pool} count={2} topic="all" />,
      );
      await tick();
      expect(lastFrame()).toMatch(/\[1\/2\] osi · t\/probes/);
      unmount();
    }
  });

  it('Esc in the middle of a session shows the score so far; Esc again goes back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netkata-screen-'));
    dirs.push(dir);
    const onBack = vi.fn();
    const { stdin, lastFrame } = render(
      <PracticeScreen lang="zh" onBack={onBack} width={80} height={24} store={new ProgressStore(dir)} pool={pool} seed={1} count={2} topic="osi" />,
    );
    await tick();
    const first = lastFrame()!;
    const letter = /([a-z])\) 网络层/.exec(first)?.[1];
    await type(stdin, /哪一层/.test(first) ? letter! : '9');
    stdin.write('\r');
    await tick();
    stdin.write('\u001b');
    await tick();
    await tick();
    expect(onBack).not.toHaveBeenCalled();
    expect(lastFrame()).toMatch(/得分：1\/1（100%）/);
    stdin.write('\u001b');
    await tick();
    await tick();
    expect(onBack).toHaveBeenCalled();
  });
});

describe('the practice screen speaks the app\'s one key style', () => {
  it('the topic menu marks the row with > (as home does), moves with ↑/↓, and shows the hints; answers show theirs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netkata-practice-'));
    dirs.push(dir);
    const { lastFrame, stdin } = render(
      <PracticeScreen lang="en" onBack={() => {}} width={80} height={24} store={new ProgressStore(dir)} pool={pool} seed={1} count={1} />,
    );
    await tick();
    const f = lastFrame() ?? '';
    expect(f).toMatch(/^> all topics/m);
    expect(f).not.toContain('❯');
    expect(f).toMatch(/↑\/↓ move/);
    stdin.write('\u001b[B'); // down: the first real topic
    await tick();
    expect(lastFrame()).toMatch(/^> subnet/m);
    stdin.write('\u001b[A');
    await tick();
    stdin.write('\r');
    await tick();
    expect(lastFrame()).toMatch(/Enter answer .*Esc score so far/);
  });
});
