import { Command, CommanderError } from 'commander';
import { EXIT, exitCodeFor, exitState, writeError } from './io.js';
import { registerAddressCommands } from './commands/addr.js';
import { registerAddressExtraCommands } from './commands/addr-extra.js';
import { registerTcpCommands } from './commands/tcp.js';
import { registerLabCommands } from './commands/lab.js';
import { registerPracticeCommands } from './commands/practice.js';
import { VERSION } from './version.js';

// Command modules register their argv shape here and import their heavy code (ink, react, yaml)
// only inside their actions, so `netkata subnet` loads none of it. Commander's `.command()` copies the
// program's exitOverride and output settings to every subcommand it creates (copyInheritedSettings),
// so they are set once, on the program, before any command is registered.

export function buildProgram(): Command {
  const program = new Command('netkata')
    .description('A terminal lab for network fundamentals: calculators, a TCP simulator, a socket lab, practice.')
    .version(VERSION, '-V, --version')
    .option('--no-color', 'no ANSI colours (NO_COLOR is honoured too)')
    .option('--lang <lang>', 'language of the app and practice: en or zh')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      // Commander's own usage errors become our one-line form (exit 2 below).
      outputError: (str) => writeError(str.replace(/^error:\s*/, '')),
    });
  program.hook('preAction', (cmd) => {
    if (cmd.optsWithGlobals()['color'] === false) process.env['NO_COLOR'] = '1';
  });
  registerAddressCommands(program);
  registerAddressExtraCommands(program);
  registerTcpCommands(program);
  registerLabCommands(program);
  registerPracticeCommands(program);
  program.action(async (opts: { lang?: string }) => {
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      process.stderr.write(program.helpInformation());
      writeError('interactive mode needs a terminal (try netkata --help)');
      exitState.code = EXIT.usage;
      return;
    }
    const { startApp } = await import('../ui/start.js');
    await startApp({ lang: opts.lang });
  });
  return program;
}

export async function run(argv: readonly string[]): Promise<number> {
  exitState.code = 0;
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitState.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.ok;
      // `netkata tcp` without a subcommand: commander shows the help on stderr as a usage error.
      if (e.code === 'commander.help') {
        if (e.exitCode === 0) return EXIT.ok;
        writeError(`${argv.filter((a) => !a.startsWith('-')).join(' ')}: which one? a subcommand is missing (usage above)`);
        return EXIT.usage;
      }
      return EXIT.usage;
    }
    return exitCodeFor(e);
  }
}
