/**
 * The README's examples are tests, so the README cannot drift from the product. Every fenced block
 * whose first line is a `$ ` command, and that runs `npx netkata`, is read as a terminal session and run
 * (test/helpers/sessions.ts says how: `...` elides, ```sample blocks check section titles only).
 * Needs dist/ (npm test builds it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { built, checkBlock, fits, hasDumpcap, hasProcNet, isRoot, root, scratchDir, sessionBlocks } from './helpers/sessions.js';

export { fits, sessionBlocks };

const scratch = scratchDir('netkata-readme-');
afterAll(() => scratch.dispose());

const blocks = sessionBlocks(readFileSync(join(root, 'README.md'), 'utf8'));

describe('the README parser', () => {
  it('finds the session blocks (a README without them would test nothing)', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    expect(blocks.flatMap((b) => b.commands).length).toBeGreaterThanOrEqual(25);
  });
  it('a `...` line elides lines; `...` in a line elides text; anything else must match whole lines', () => {
    expect(fits(['a', '...', 'd'], ['a', 'b', 'c', 'd'])).toBe(true);
    expect(fits(['a', '...', 'd'], ['a', 'd'])).toBe(true);
    expect(fits(['a', 'x ... z'], ['a', 'x y z'])).toBe(true);
    expect(fits(['a', 'd'], ['a', 'b', 'd'])).toBe(false);
    expect(fits(['a'], ['a', 'extra'])).toBe(false);
    expect(fits(['a (b)'], ['a (b) '.trimEnd()])).toBe(true);
    expect(fits(['a.b'], ['axb'])).toBe(false);
  });
});

describe.skipIf(!built)('README examples run as shown (skips where dist/ is not built)', () => {
  for (const block of blocks) {
    const needsLab = block.commands.some((c) => / lab (?!list)/.test(c.shell));
    const needsCapture = block.commands.some((c) => c.shell.includes('--capture'));
    const skip = (needsLab && !hasProcNet) || (needsCapture && !(isRoot && hasDumpcap));
    it.skipIf(skip)(`README.md:${block.line}: ${block.commands.map((c) => c.shell.replace(/^.*npx /, '')).join(' ; ').slice(0, 100)}${needsCapture ? ' (skips unless root with dumpcap)' : ''}`, () => {
      checkBlock(block, 'README.md', scratch.dir);
    });
  }
});
