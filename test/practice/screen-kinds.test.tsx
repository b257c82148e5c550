/** A new exam kind in the app: a "choose two" valid-host question from the package's banks, answered on the practice screen. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { render, settle } from '../helpers/settle.js';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPool } from '../../src/practice/pool-files.js';
import { buildSession } from '../../src/practice/session.js';
import { ProgressStore } from '../../src/practice/store.js';
import { PracticeScreen } from '../../src/ui/practice/PracticeScreen.js';
import { reference } from './reference-answer.js';

// Waits for React to finish what a key started (test/helpers/settle.ts), not a fixed number of turns.
const tick = settle;
const dirs: string[] = [];
afterEach(() => {
  cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('PracticeScreen with the package banks', () => {
  it('asks a "choose two" valid-host question and grades the two right numbers as correct', async () => {
    const pool = loadPool(undefined, undefined, 'subnet');
    let seed = 1;
    const first = (s: number) => buildSession(pool, { seed: s, count: 1, topic: 'subnet' })[0]!;
    while (seed < 500 && !(first(seed).source === 'subnet.valid-host' && first(seed).prompt.en.includes('choose two'))) seed++;
    const q = first(seed);
    expect(q.source).toBe('subnet.valid-host');
    const dir = mkdtempSync(join(tmpdir(), 'netkata-screen-kinds-'));
    dirs.push(dir);
    const { stdin, lastFrame } = render(
      <PracticeScreen lang="zh" onBack={() => {}} width={100} height={30} store={new ProgressStore(dir)} pool={pool} seed={seed} count={1} topic="subnet" />,
    );
    await tick();
    expect(lastFrame()).toMatch(/哪两个是子网 .* 中的有效主机地址？（选两项）/);
    for (const c of reference(q)) { stdin.write(c); await tick(); }
    stdin.write('\r');
    await tick();
    expect(lastFrame()).toMatch(/✓ 正确/);
  });
});
