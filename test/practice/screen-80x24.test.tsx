import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { Box, Text } from 'ink';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { grade, verdictLines } from '../../src/practice/grade.js';
import { loadPool } from '../../src/practice/pool-files.js';
import { shownId } from '../../src/practice/question.js';
import { buildSession } from '../../src/practice/session.js';
import { ProgressStore } from '../../src/practice/store.js';
import { PracticeScreen } from '../../src/ui/practice/PracticeScreen.js';
import { render, settle } from '../helpers/settle.js';

const dirs: string[] = [];
afterEach(() => {
  cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('practice at 80x24', () => {
  it('an explanation longer than the screen keeps every wrapped row of its trace, reachable by scrolling', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netkata-80x24-'));
    dirs.push(dir);
    const pool = loadPool();
    const options = { seed: 3328894669, count: 4, topic: 'tcp' as const };
    const questions = buildSession(pool, options);
    const q = questions[3]!;
    expect(shownId(q)).toBe('tcp.scenario#10'); // "After an abort, which side is in TIME_WAIT?"
    // The app's frame for a screen that owns all keys at 80x24: 22 rows, the screen in 21 and a hint row.
    const r = render(
      <Box flexDirection="column" width={80} height={22}>
        <Box flexGrow={1} flexDirection="column" overflow="hidden">
          <PracticeScreen lang="en" onBack={() => {}} width={80} height={21} store={new ProgressStore(dir)} pool={pool} {...options} />
        </Box>
        <Text>Esc back</Text>
      </Box>,
    );
    Object.defineProperty(r.stdout, 'columns', { value: 80, configurable: true });
    r.stdout.emit('resize');
    await settle();
    const frame = (): string => stripVTControlCharacters(r.lastFrame() ?? '');
    const press = async (k: string): Promise<void> => {
      r.stdin.write(k);
      await settle();
    };
    for (let i = 0; i < 3; i++) {
      await press('1');
      await press('\r');
      await press('\r');
    }
    expect(frame()).toContain('[4/4]');
    await press('1');
    await press('\r');
    const frames: string[] = [];
    for (let i = 0; i < 25; i++) {
      const f = frame();
      for (const line of f.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
      frames.push(f);
      await press('\u001b[B');
    }
    const seen = frames.map(flat);
    // Every line of the verdict (the trace rows with their states), whole in some frame.
    for (const line of verdictLines(grade(q, '1'), 'en')) {
      expect(seen.some((f) => f.includes(flat(line))), line).toBe(true);
    }
  }, 30_000);
});
