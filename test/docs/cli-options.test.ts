/**
 * docs/cli.md documents every command and every option `--help` lists, and no option that does not
 * exist. The truth is the commander program itself (buildProgram, walked with commander's own Help, which
 * is what `--help` prints), read at test time: an option added to a command fails this test until the doc
 * has it. Each command has a section `### netkata <command>` up to the next heading; an option of the
 * program (the global options: `--lang`, `--no-color`, `--version`, `--help`) is documented once, under
 * `### Global options`, and counts as documented for every command that also lists it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { mentions, section } from '../helpers/markdown.js';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'cli.md'), 'utf8');

/** The option's name as a reader types it: `--json`, `--no-color`, or `-V` for one without a long form. */
const flagOf = (o: Option): string => o.long ?? o.short!;

/** Every command below `cmd` as [path, command], in help order, without commander's `help` command. */
function commandsOf(cmd: Command, prefix = ''): [string, Command][] {
  const help = cmd.createHelp();
  return help.visibleCommands(cmd).filter((c) => c.name() !== 'help').flatMap((c) => {
    const path = `${prefix}${c.name()}`;
    return [[path, c] as [string, Command], ...commandsOf(c, `${path} `)];
  });
}

const program = buildProgram();
const globalOptions = program.createHelp().visibleOptions(program);
const globalFlags = new Set(globalOptions.map(flagOf));
const commands = commandsOf(program);

describe('docs/cli.md and the options --help lists', () => {
  it('walks the real program (a walk that found nothing would test nothing)', () => {
    expect(commands.map(([p]) => p)).toEqual(expect.arrayContaining(['subnet', 'tcp run', 'lab', 'practice', 'exam']));
    expect(globalFlags).toEqual(new Set(['--version', '--no-color', '--lang', '--help', ...globalFlags]));
  });

  const globals = section(doc, 'Global options');
  it.each(globalOptions.map((o) => [flagOf(o)]))('global option %s is under "### Global options"', (flag) => {
    expect(globals, 'docs/cli.md has no "### Global options" section').toBeDefined();
    expect(mentions(globals!, flag), `${flag} is not documented under ### Global options`).toBe(true);
  });

  for (const [path, cmd] of commands) {
    describe(`netkata ${path}`, () => {
      const text = section(doc, `netkata ${path}`);
      it('has a section', () => {
        expect(text, `docs/cli.md has no "### netkata ${path}" section`).toBeDefined();
      });
      const options = cmd.createHelp().visibleOptions(cmd).map(flagOf);
      it.each(options.map((f) => [f]))('documents %s', (flag) => {
        const documented = mentions(text ?? '', flag) || (globalFlags.has(flag) && mentions(globals ?? '', flag));
        expect(documented, `netkata ${path} ${flag} is not in its docs/cli.md section`).toBe(true);
      });
      it('names no option the command does not have', () => {
        const own = new Set([...options, ...globalFlags]);
        const named = [...(text ?? '').matchAll(/`(?:[^`\n]*[ ,])?(--[a-z][a-z0-9-]*)(?=[` ,<[=])/g)].map((m) => m[1]!);
        // Options of another command named in passing are written with it: `netkata practice --stats`.
        const foreign = named.filter((f) => !own.has(f) && !new RegExp(`\`netkata [^\`]*${f}`).test(text ?? ''));
        expect(foreign, `docs/cli.md "### netkata ${path}" names options netkata ${path} does not have`).toEqual([]);
      });
    });
  }
});
