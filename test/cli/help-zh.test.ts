/**
 * `--help` in Chinese (issue 13): under zh, every command's help (the program's and each command's and
 * subcommand's, walked from buildProgram itself, so a command added later is checked too) is Chinese:
 * every line of text and every item's description (an option, an argument, a subcommand, an experiment)
 * holds Chinese characters, and no line is wider than 80 terminal columns measured with string-width
 * (UAX #11 widths, the measure ink uses), where commander alone counts `.length` and would let a
 * Chinese line run to twice its width. The flags and command names in an item's term stay as typed.
 * The English help is what commander prints with the English catalogue, Chinese-free; docs/cli.md's
 * tests (test/docs/) check its options. The last cases run bin/netkata.js: the locale and --lang choose
 * the help's language there, as for any other output.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { zhProgramHelp } from '../../src/cli/help-zh.js';

const bin = fileURLToPath(new URL('../../bin/netkata.js', import.meta.url));
const HAN = /[\u3400-\u9fff]/;

/** The program and every command below it as [path, command], without commander's `help` commands. */
function commandsOf(cmd: Command, prefix = 'netkata'): [string, Command][] {
  return [[prefix, cmd], ...cmd.commands.filter((c) => c.name() !== 'help').flatMap((c) => commandsOf(c, `${prefix} ${c.name()}`))];
}

/** What `--help` writes for `cmd`: the help and the text added after it (lab's experiments, practice's --lang). */
function helpOf(cmd: Command, columns?: number): string {
  let out = '';
  cmd.configureOutput({ writeOut: (s) => { out += s; }, ...(columns === undefined ? {} : { getOutHelpWidth: () => columns }) });
  cmd.outputHelp();
  return out;
}

/**
 * The help as items: an item line (`  <term>  <description>`) with the lines indented under its
 * description joined to it, and every other paragraph (usage, a heading, the description, a note, its
 * lines joined) as an item with no term.
 */
function itemsOf(text: string): { term: string; text: string; lines: string[] }[] {
  const items: { term: string; text: string; lines: string[] }[] = [];
  let column = -1;
  for (const line of text.split('\n')) {
    if (line.trim() === '') { column = -1; continue; }
    const item = /^( {2}\S+(?: \S+)*? {2,})(\S.*)$/.exec(line);
    if (column > 0 && line.length > column && line.slice(0, column).trim() === '') {
      const last = items.at(-1)!;
      last.text += line.slice(column);
      last.lines.push(line);
    } else if (item !== null) {
      column = item[1]!.length;
      items.push({ term: item[1]!.trim(), text: item[2]!, lines: [line] });
    } else if (column === 0) {
      // The next line of a paragraph (the command's description, wrapped).
      const last = items.at(-1)!;
      last.text += line;
      last.lines.push(line);
    } else {
      column = 0;
      items.push({ term: '', text: line, lines: [line] });
    }
  }
  return items;
}

describe('--help in Chinese', () => {
  const zhCommands = commandsOf(buildProgram(zhProgramHelp(stringWidth)));
  const enCommands = new Map(commandsOf(buildProgram()));

  it('walks every command (a walk that found nothing would test nothing)', () => {
    expect(zhCommands.map(([p]) => p)).toEqual(expect.arrayContaining(['netkata', 'netkata subnet', 'netkata tcp', 'netkata tcp run', 'netkata lab', 'netkata practice', 'netkata exam']));
    expect(zhCommands.map(([p]) => p)).toEqual([...enCommands.keys()]);
  });

  describe.each(zhCommands.map(([path, cmd]) => [path, cmd] as const))('%s --help', (path, cmd) => {
    const text = helpOf(cmd);
    const items = itemsOf(text);

    it('starts with 用法：, no space after the full-width colon', () => {
      expect(text.startsWith(`用法：${path} `)).toBe(true);
    });

    it('has Chinese in every line of text and in every item’s description', () => {
      expect(items.length).toBeGreaterThan(2);
      const english = items.filter((i) => !HAN.test(i.text)).map((i) => i.lines.join('\n'));
      expect(english).toEqual([]);
    });

    it('has the same items as the English help (the same options, arguments and commands)', () => {
      const terms = (t: string) => itemsOf(t).map((i) => i.term).filter((x) => x !== '');
      expect(terms(text)).toEqual(terms(helpOf(enCommands.get(path)!)));
    });

    it('is no wider than 80 columns (string-width), in a wider terminal too', () => {
      expect(text.split('\n').filter((l) => stringWidth(l) > 80)).toEqual([]);
      expect(helpOf(cmd, 160).split('\n').filter((l) => stringWidth(l) > 80)).toEqual([]);
    });

    it('the English help of the same command has no Chinese in it', () => {
      expect(HAN.test(helpOf(enCommands.get(path)!))).toBe(false);
    });
  });

  it('wraps Chinese by display columns: a description wider than its column breaks between characters', () => {
    const lab = zhCommands.find(([p]) => p === 'netkata lab')![1];
    const capture = itemsOf(helpOf(lab)).find((i) => i.term === '--capture [file]')!;
    expect(capture.lines.length).toBeGreaterThan(1);
    // Commander's own wrap (.length, spaces only) would leave this line near 110 columns.
    for (const l of capture.lines) expect(stringWidth(l)).toBeLessThanOrEqual(80);
  });
});

describe('--help from bin/netkata.js', () => {
  function netkata(args: readonly string[], locale: string): { code: number | null; stdout: string; stderr: string } {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: locale };
    delete env['LC_ALL'];
    delete env['LC_MESSAGES'];
    const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input: '', env, timeout: 20_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it.each([
    [['tcp', 'run', '--help'], 'zh_CN.UTF-8', '用法：netkata tcp run '],
    [['--lang', 'zh', 'subnet', '--help'], 'C.UTF-8', '用法：netkata subnet '],
    [['help', 'lab'], 'zh_CN.UTF-8', '用法：netkata lab '],
    [['tcp', 'help', 'states'], 'zh_CN.UTF-8', '用法：netkata tcp states '],
    [['--lang', 'en', 'practice', '--help'], 'zh_CN.UTF-8', 'Usage: netkata practice '],
  ])('%j under LANG=%s starts %j', (args, locale, start) => {
    const r = netkata(args, locale);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(start)).toBe(true);
    const zh = start.startsWith('用法');
    expect(HAN.test(r.stdout)).toBe(zh);
    if (zh) expect(r.stdout.split('\n').filter((l) => stringWidth(l) > 80)).toEqual([]);
  });

  it('netkata without a terminal under zh prints the Chinese error line alone (no usage), exit 2', () => {
    for (const [args, locale] of [[[], 'zh_CN.UTF-8'], [['--lang', 'zh'], 'C.UTF-8']] as const) {
      const r = netkata(args, locale);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('netkata: 交互模式需要终端（试试 netkata --help）\n');
    }
  });
});
