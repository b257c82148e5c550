/**
 * A start-up shortcut for the common address one-liners: `subnet`, `classify` and `ip` with positional
 * arguments and only `--json`, `--stdin` or `--no-color`. These run the very same actions as the
 * commander program, without loading commander or building the other commands' definitions, which
 * measured as most of netkata's start-up above `node -e 0`.
 *
 * Anything else (another command, --help, an option with a value, too many arguments) returns
 * undefined and the caller runs the full program, so usage errors and help keep one source.
 * Wiring (bin/netkata.js): `const code = await runAddressDirect(argv); if (code === undefined) ... run(argv)`.
 */
import { exitCodeFor, exitState } from '../io.js';
import { resolveLang } from '../../i18n/lang.js';
import { setCliLang } from '../text.js';
import { classifyAction, ipAction, subnetAction } from './addr.js';

const FLAGS = new Set(['--json', '--stdin', '--no-color']);
const MAX_POSITIONAL: Readonly<Record<string, number>> = { subnet: 2, classify: 1, ip: 1 };

export async function runAddressDirect(argv: readonly string[]): Promise<number | undefined> {
  const [command, ...rest] = argv;
  if (command === undefined) return undefined;
  const max = MAX_POSITIONAL[command];
  if (max === undefined) return undefined;
  const positional: string[] = [];
  const flags = new Set<string>();
  for (const a of rest) {
    if (a.startsWith('-')) {
      if (!FLAGS.has(a)) return undefined;
      flags.add(a);
    } else {
      positional.push(a);
    }
  }
  if (positional.length > max) return undefined;
  if (flags.has('--no-color')) process.env['NO_COLOR'] = '1';
  // The locale chooses the language here (--lang is an option with a value: the full program takes it).
  await setCliLang(resolveLang(undefined));
  const opts = { json: flags.has('--json'), stdin: flags.has('--stdin') };
  exitState.code = 0;
  try {
    if (command === 'subnet') await subnetAction(positional[0], positional[1], opts);
    else if (command === 'classify') await classifyAction(positional[0], opts);
    else await ipAction(positional[0], opts);
    return exitState.code;
  } catch (e) {
    return exitCodeFor(e);
  }
}
