/**
 * Terminal sessions written in Markdown (the README's and docs/*.md's examples), read and run so that the
 * text cannot drift from the product. A session block is a fenced block whose first line is a `$ `
 * command and that runs netkata (`invocation`: `npx netkata` in the README, `netkata` in docs/). Each `$ `
 * line is run (the invocation -> the built bin, through sh, in a scratch directory that has the
 * repository's `scenarios/`, NO_COLOR set, stderr merged into stdout) and the lines below it, up to the
 * next `$ ` line, must be its output:
 * - a line that is only `...` stands for any number of lines (none included);
 * - `...` inside a line stands for any text;
 * - a command shown without output must exit 0.
 * A block fenced as ```sample is an example run of the real socket lab, whose times, ports and
 * passing states the poll happens to catch vary from run to run: its commands are run and the lines
 * that start with a capital letter at column 0 (section titles) must appear in that order, numbers in
 * them standing for any number. `# ` after two spaces on a `$ ` line is a comment; `sudo ` is dropped
 * when we are root already. Needs dist/ (npm test builds it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export const root = join(import.meta.dirname, '..', '..');
export const bin = join(root, 'bin', 'netkata.js');
export const built = existsSync(join(root, 'dist', 'cli', 'main.js'));
export const isRoot = process.getuid?.() === 0;
export const hasDumpcap = spawnSync('dumpcap', ['--version'], { stdio: 'ignore' }).status === 0;
/** python3 runs (the io-models experiment serves with the tutorials' Python servers). */
export const hasPython3 = spawnSync('python3', ['-I', '-S', '-c', '0'], { stdio: 'ignore' }).status === 0;
export const hasProcNet = existsSync('/proc/net/tcp');

export interface Command {
  readonly line: number;
  readonly shell: string;
  readonly expected: readonly string[];
}
export interface Block {
  readonly line: number;
  readonly fence: string;
  readonly sample: boolean;
  readonly commands: readonly Command[];
}

/** `netkata` as a command word: at the start of a command line or after a space, a pipe, `;`, `&&` or `(`. */
function invocationRegex(invocation: string): RegExp {
  const word = invocation.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s|;&(])${word}(?= |$)`, 'g');
}

/** The session blocks of a Markdown text, in order. */
export function sessionBlocks(markdown: string, invocation = 'npx netkata'): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  const runs = invocationRegex(invocation);
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\w*)/.exec(lines[i]!);
    if (fence === null) continue;
    let end = i + 1;
    while (end < lines.length && !lines[end]!.startsWith('```')) end++;
    const body = lines.slice(i + 1, end);
    if (body[0]?.startsWith('$ ') === true && body.some((l) => l.startsWith('$ ') && new RegExp(runs.source).test(l.slice(2)))) {
      const commands: Command[] = [];
      body.forEach((text, k) => {
        if (text.startsWith('$ ')) commands.push({ line: i + 2 + k, shell: text.slice(2).replace(/\s{2,}#\s.*$/, ''), expected: [] });
        else (commands.at(-1)!.expected as string[]).push(text.trimEnd());
      });
      for (const c of commands) while (c.expected.at(-1) === '') (c.expected as string[]).pop();
      blocks.push({ line: i + 1, fence: fence[1]!, sample: fence[1] === 'sample', commands });
    }
    i = end;
  }
  return blocks;
}

export function lineRegex(expected: string): RegExp {
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

/** A scratch directory holding a link to the repository's scenarios/; `dispose` removes it. */
export function scratchDir(prefix: string): { readonly dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  symlinkSync(join(root, 'scenarios'), join(dir, 'scenarios'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export function runShell(shell: string, scratch: string, invocation = 'npx netkata'): { code: number | null; out: string[] } {
  let command = shell.replace(invocationRegex(invocation), (_, before: string) => `${before}node ${JSON.stringify(bin)}`);
  if (isRoot) command = command.replaceAll('sudo ', '');
  const r = spawnSync('sh', ['-c', `(${command}) 2>&1`], {
    cwd: scratch,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', NETKATA_HOME: join(scratch, 'home'), LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  });
  return { code: r.status, out: r.stdout.replace(/\n$/, '').split('\n').map((l) => l.trimEnd()) };
}

/** Run every command of a block and compare with what the Markdown shows (`file` names it in failures). */
export function checkBlock(block: Block, file: string, scratch: string, invocation = 'npx netkata'): void {
  for (const c of block.commands) {
    const r = runShell(c.shell, scratch, invocation);
    const where = `${file}:${c.line}: $ ${c.shell}`;
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
      expect(fits(c.expected, r.out), `${where}\n--- ${file} shows:\n${c.expected.join('\n')}\n--- got:\n${r.out.join('\n')}`).toBe(true);
    }
  }
}
