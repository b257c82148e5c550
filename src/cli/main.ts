import { Command, CommanderError } from 'commander';
import leven, { closestMatch } from 'leven';
import { InputError } from '../errors.js';
import { EXIT, exitCodeFor, exitState, writeError } from './io.js';
import { cliLang, setCliLang, t, withInput } from './text.js';
import { resolveLang, type Lang } from '../i18n/lang.js';
import { registerAddressCommands } from './commands/addr.js';
import { registerAddressExtraCommands } from './commands/addr-extra.js';
import { registerTcpCommands } from './commands/tcp.js';
import { registerLabCommands } from './commands/lab.js';
import { registerVerifyCommands } from './commands/verify.js';
import { registerWatchCommands } from './commands/watch.js';
import { registerPracticeCommands } from './commands/practice.js';
import { VERSION } from './version.js';
import { help as enHelp } from '../i18n/en/help.js';
import type { ProgramHelp } from './help-zh.js';

// Command modules register their argv shape here and import their heavy code (ink, react, yaml)
// only inside their actions, so `netkata subnet` loads none of it. Commander's `.command()` copies the
// program's exitOverride and output settings to every subcommand it creates (copyInheritedSettings),
// so they are set once, on the program, before any command is registered: the help option, the help
// command and the help's configuration (under zh, help-zh.ts) too.

/** The program, its help in English unless told otherwise (`run` passes the zh help under zh). */
export function buildProgram(help: ProgramHelp = { lang: 'en', text: enHelp }): Command {
  const h = help.text;
  const program = new Command('netkata')
    .description(h.program.description)
    .version(VERSION, '-V, --version', h.version)
    .helpOption('-h, --help', h.helpOption)
    .helpCommand('help [command]', h.helpCommand)
    .option('--no-color', h.program.noColor)
    .option('--lang <lang>', h.program.lang)
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      // Commander's own usage errors become our one-line form (exit 2 below).
      outputError: (str) => writeError(commanderLine(str.replace(/^error:\s*/, '').trim())),
    });
  if (help.configuration !== undefined) program.configureHelp(help.configuration);
  program.hook('preAction', async (_program, cmd) => {
    if (cmd.optsWithGlobals()['color'] === false) process.env['NO_COLOR'] = '1';
    // Resolved once for every command: a bad --lang is one line (exit 2) before the command runs.
    const option = cmd.optsWithGlobals()['lang'] as string | undefined;
    let lang: Lang;
    try {
      lang = resolveLang(option);
    } catch (e) {
      // lang.ts speaks English; the error line is in the language of the locale (earlyLang).
      if (e instanceof InputError) throw new InputError(t().cli.unknownLanguage, `--lang ${option}`);
      throw e;
    }
    await setCliLang(lang);
  });
  registerAddressCommands(program, h);
  registerAddressExtraCommands(program, h);
  registerTcpCommands(program, h);
  registerLabCommands(program, h, help.lang === 'zh');
  registerVerifyCommands(program, h);
  registerWatchCommands(program, h);
  registerPracticeCommands(program, h);
  // A command group answers a missing or unknown subcommand itself, in one line: commander would print
  // a whole usage screen (`netkata tcp`) or, for the program, whose action starts the app, call an
  // unknown command "too many arguments". Set after registering: `.command()` copies settings at creation.
  for (const group of [program, ...program.commands.filter((c) => c.commands.length > 0)]) {
    group.allowExcessArguments(true);
    group.helpCommand(true); // commander drops its implicit `help` command from a command with an action
  }
  for (const group of program.commands.filter((c) => c.commands.length > 0)) {
    group.action(() => {
      if (group.args.length > 0) throw unknownCommand(group, group.args[0]!);
      throw new InputError(t().cli.whichOne(subcommandNames(group).join(', ')), group.name());
    });
  }
  program.action(async (opts: { lang?: string }) => {
    if (program.args.length > 0) throw unknownCommand(program, program.args[0]!);
    // Bad input's contract (docs/cli.md): one line on stderr, exit 2; the line points to --help.
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      writeError(t().cli.needsTerminal);
      exitState.code = EXIT.usage;
      return;
    }
    const { startApp } = await import('../ui/start.js');
    await startApp({ lang: opts.lang });
  });
  return program;
}

function subcommandNames(group: Command): string[] {
  return group.commands.map((c) => c.name()).filter((n) => n !== 'help');
}

/**
 * `netkata subent`: say it is not a command and name the nearest one: a command the word begins
 * (`prac` -> practice), else one it is with two neighbouring letters swapped (`subent`), else the closest by Levenshtein distance when at most 3 edits and at most two
 * thirds of the longer word (so `ls` suggests nothing, while `subent` and `tpc` do).
 */
function unknownCommand(group: Command, word: string): InputError {
  const names = subcommandNames(group);
  const prefixed = names.filter((n) => n.startsWith(word));
  // Two neighbouring letters swapped is the commonest slip, and costs 2 in plain Levenshtein distance.
  const swapped = names.filter((n) => n.length === word.length && [...n].some((_, i) => i > 0 && n === word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1)));
  let near: string | undefined = prefixed.length === 1 ? prefixed[0] : swapped[0];
  if (near === undefined) {
    const best = closestMatch(word, names, { maxDistance: 3 });
    if (best !== undefined && leven(word, best) * 3 <= Math.max(word.length, best.length) * 2) near = best;
  }
  const where = group.parent === null ? 'netkata' : `netkata ${group.name()}`;
  const c = t().cli;
  const hint = near === undefined ? c.listThem(where) : c.didYouMeanCommand(near);
  return new InputError(`${group.parent === null ? c.notCommand : c.notGroupCommand(group.name())}${hint}`, word);
}

/**
 * Commander's usage errors in the chosen language: it gives us only its English text, so the kinds a
 * user meets are read back from it (commander 14's wording, lib/command.js); any other stays English.
 */
function commanderLine(message: string): string {
  if (cliLang() === 'en') return message;
  const c = t().cli;
  const near = /\s*\(Did you mean (?:one of )?(.+)\?\)$/.exec(message);
  const hint = near === null ? '' : c.didYouMean(near[1]!);
  const text = near === null ? message : message.slice(0, near.index);
  let m: RegExpExecArray | null;
  if ((m = /^unknown option '([^']+)'$/.exec(text))) return withInput(m[1], `${c.unknownOption}${hint}`);
  if ((m = /^missing required argument '([^']+)'$/.exec(text))) return c.missingArgument(m[1]!);
  if ((m = /^option '([^']+)' argument missing$/.exec(text))) return withInput(m[1], c.optionMissingArgument);
  if ((m = /^too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(text))) {
    return withInput(m[1], c.tooManyArguments({ expected: Number(m[2]), got: Number(m[3]) }));
  }
  return message;
}

/**
 * The language for what commander reports before any action runs (an unknown option, a missing
 * argument): --lang read from argv as the preAction hook will read it, else the locale. A bad --lang
 * value is left to the hook, which reports it.
 */
function earlyLang(argv: readonly string[]): Lang {
  const end = argv.indexOf('--');
  const args = end === -1 ? argv : argv.slice(0, end);
  let option: string | undefined;
  args.forEach((a, i) => {
    if (a === '--lang') option = args[i + 1];
    else if (a.startsWith('--lang=')) option = a.slice('--lang='.length);
  });
  try {
    return resolveLang(option);
  } catch {
    return resolveLang(undefined);
  }
}

/**
 * The zh help, measured with string-width when the command line asks for help. Its module start costs
 * about 100 ms (Intl.Segmenter, its regexes: `node -e "import('string-width')"` against `node -e 0`),
 * which no other zh command should pay; help shown without being asked (`netkata` without a terminal)
 * is measured by text-width.ts, which agrees with it on the help's characters.
 */
async function zhHelp(argv: readonly string[]): Promise<ProgramHelp> {
  const end = argv.indexOf('--');
  const args = end === -1 ? argv : argv.slice(0, end);
  const asked = args.some((a) => a === '--help' || a === '-h' || a === 'help');
  const [{ zhProgramHelp }, measure] = await Promise.all([
    import('./help-zh.js'),
    asked ? import('string-width').then((m) => m.default) : undefined,
  ]);
  return zhProgramHelp(measure);
}

export async function run(argv: readonly string[]): Promise<number> {
  exitState.code = 0;
  const lang = earlyLang(argv);
  await setCliLang(lang);
  const program = buildProgram(lang === 'zh' ? await zhHelp(argv) : undefined);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitState.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.ok;
      if (e.code === 'commander.help' && e.exitCode === 0) return EXIT.ok; // `netkata help [command]`
      return EXIT.usage;
    }
    return exitCodeFor(e);
  }
}
