/**
 * Every terminal session in docs/*.md runs and prints what the doc shows: fenced blocks whose first line
 * is `$ netkata ...` (```console, or ```sample for a lab run whose times and ports vary), read and
 * compared as the README's are (test/helpers/sessions.ts: `...` elides lines or text). Needs dist/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { built, checkBlock, hasDumpcap, hasProcNet, isRoot, root, scratchDir, sessionBlocks } from '../helpers/sessions.js';

const scratch = scratchDir('netkata-docs-');
afterAll(() => scratch.dispose());

const docs = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).sort();
const blocksOf = new Map(docs.map((f) => [f, sessionBlocks(readFileSync(join(root, 'docs', f), 'utf8'), 'netkata')]));

describe('the docs have examples', () => {
  it('docs/cli.md shows sessions for most commands (a doc without them would test nothing)', () => {
    const cli = blocksOf.get('cli.md') ?? [];
    expect(cli.length).toBeGreaterThanOrEqual(15);
    const commands = new Set(cli.flatMap((b) => b.commands).map((c) => /(?:^|\| )netkata (tcp \w+|[a-z-]+)/.exec(c.shell)?.[1]));
    for (const name of ['subnet', 'same-segment', 'classify', 'ip', 'split', 'aggregate', 'range', 'port', 'mac', 'tcp run', 'tcp list', 'tcp states', 'lab', 'practice', 'exam']) {
      expect(commands, `no example of netkata ${name} in docs/cli.md`).toContain(name);
    }
  });
  it('every fenced block that starts with `$ netkata` is a console or sample block', () => {
    for (const [file, blocks] of blocksOf) {
      for (const b of blocks) expect(['console', 'sample'], `docs/${file}:${b.line}`).toContain(b.fence);
    }
  });
});

describe.skipIf(!built)('docs examples run as shown (skips where dist/ is not built)', () => {
  for (const [file, blocks] of blocksOf) {
    for (const block of blocks) {
      const needsLab = block.commands.some((c) => / lab (?!list)/.test(c.shell));
      const needsCapture = block.commands.some((c) => c.shell.includes('--capture'));
      const skip = (needsLab && !hasProcNet) || (needsCapture && !(isRoot && hasDumpcap));
      const title = block.commands.map((c) => c.shell.replace(/^.*?netkata /, '')).join(' ; ').slice(0, 100);
      it.skipIf(skip)(`docs/${file}:${block.line}: ${title}${needsLab ? ' (skips without /proc/net/tcp)' : ''}${needsCapture ? ' (skips unless root with dumpcap)' : ''}`, () => {
        checkBlock(block, `docs/${file}`, scratch.dir, 'netkata');
      });
    }
  }
});
