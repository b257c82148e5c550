/**
 * The README's examples are tests, so the README cannot drift from the product. Every fenced block
 * whose first line is a `$ ` command, and that runs `npx netkata`, is read as a terminal session: each `$ `
 * line is run (`npx netkata` -> the built bin, through sh, in a scratch directory that has the
 * repository's `scenarios/`, NO_COLOR set, stderr merged into stdout) and the lines below it, up to the
 * next `$ ` line, must be its output:
 * - a line that is only `...` stands for any number of lines (none included);
 * - `...` inside a line stands for any text;
 * - a command shown without output must exit 0.
 * A block fenced as ```sample is an example run of the real socket lab, whose times, ports and
 * passing states the poll happens to catch vary from run to run: its commands are run and the lines
 * that start with a capital letter at column 0 (section titles) must appear in that order, numbers in
 * them standing for any number. `# ` after two spaces on a `$ `
 * line is a comment; `sudo ` is dropped when we are root already. Needs dist/ (npm test builds it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'netkata.js');
const built = existsSync(join(root, 'dist', 'cli', 'main.js'));
const isRoot = process.getuid?.() === 0;
const hasDumpcap = spawnSync('dumpcap', ['--version'], { stdio: 'ignore' }).status === 0;
const hasProcNet = existsSync('/proc/net/tcp');

interface Command {
  readonly line: number;
  readonly shell: string;
  readonly expected: readonly string[];
}
interface Block {
  readonly line: number;
  readonly sample: boolean;
  readonly commands: readonly Command[];
}

/** The README's session blocks, in order. */
export function sessionBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\w*)/.exec(lines[i]!);
    if (fence === null) continue;
    let end = i + 1;
    while (end < lines.length && !lines[end]!.startsWith('```')) end++;
    const body = lines.slice(i + 1, end);
    if (body[0]?.startsWith('$ ') === true && body.some((l) => /^\$ .*npx netkata/.test(l))) {
      const commands: Command[] = [];
      body.forEach((text, k) => {
        if (text.startsWith('$ ')) commands.push({ line: i + 2 + k, shell: text.slice(2).replace(/\s{2,}#\s.*$/, ''), expected: [] });
        else (commands.at(-1)!.expected as string[]).push(text.trimEnd());
      });
      for (const c of commands) while (c.expected.at(-1) === '') (c.expected as string[]).pop();
      blocks.push({ line: i + 1, sample: fence[1] === 'sample', commands });
    }
    i = end;
  }
  return blocks;
}

function lineRegex(expected: string): RegExp {
  const parts = expected.split('...').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`);
}

/** Does `actual` fit `expected`, a line `...` eliding any number of lines? (Backtracking; blocks are short.) */
export function fits(expected: readonly string[], actual: readonly string[]): boolean {
  const go = (e: number, a: number): boolean => {
    if (e === expected.length) return a === actual.length;
    if (expected[e]!.trim() === '...') {
      for (let k = a; k <= actual.length; k++) if (go(e + 1, k)) return true;
      return false;
    }
    return a < actual.length && lineRegex(expected[e]!).test(actual[a]!) && go(e + 1, a + 1);
  };
  return go(0, 0);
}

const scratch = mkdtempSync(join(tmpdir(), 'netkata-readme-'));
symlinkSync(join(root, 'scenarios'), join(scratch, 'scenarios'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(shell: string): { code: number | null; out: string[] } {
  let command = shell.replaceAll('npx netkata', `node ${JSON.stringify(bin)}`);
  if (isRoot) command = command.replaceAll('sudo ', '');
  const r = spawnSync('sh', ['-c', `${command} 2>&1`], {
    cwd: scratch,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', NETKATA_HOME: join(scratch, 'home'), LANG: 'C.UTF-8' },
  });
  return { code: r.status, out: r.stdout.replace(/\n$/, '').split('\n').map((l) => l.trimEnd()) };
}

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
      for (const c of block.commands) {
        const r = run(c.shell);
        const where = `README.md:${c.line}: $ ${c.shell}`;
        if (block.sample) {
          const headings = c.expected.filter((l) => /^[A-Z]/.test(l));
          let at = 0;
          for (const h of headings) {
            const found = r.out.findIndex((l, k) => k >= at && lineRegex(h.replace(/\d+(\.\d+)?/g, '...')).test(l));
            expect(found, `${where}\nheading not found in order: ${h}\n--- got:\n${r.out.join('\n')}`).toBeGreaterThanOrEqual(0);
            at = found + 1;
          }
        } else if (c.expected.length === 0) {
          expect(r.code, `${where}\n--- got:\n${r.out.join('\n')}`).toBe(0);
        } else {
          expect(fits(c.expected, r.out), `${where}\n--- README shows:\n${c.expected.join('\n')}\n--- got:\n${r.out.join('\n')}`).toBe(true);
        }
      }
    });
  }
});
