/**
 * A start-up shortcut for `netkata lab list` (issue 14): in English, with or without `--json`, the list
 * the build wrote (dist/bundle/lab-list.json, src/cli/lab-list.ts), printed by the same code as the
 * commander program's, from one small CommonJS file. Anything else (another language, which reads the
 * Chinese titles from scenarios/lab/, --help, any other option, no built list) returns undefined and the
 * full program runs. Wiring: bin/netkata.js, as for addr-direct.ts.
 */
import { resolveLang } from '../../i18n/lang.js';
import { exitCodeFor, exitState, writeJson, writeOut } from '../io.js';
import { builtLabList, labListText } from '../lab-list.js';

export function runLabListDirect(argv: readonly string[]): number | undefined {
  if (argv[0] !== 'lab' || argv[1] !== 'list' || argv.length > 3 || (argv.length === 3 && argv[2] !== '--json')) return undefined;
  let lang;
  try {
    lang = resolveLang(undefined);
  } catch {
    return undefined;
  }
  if (lang !== 'en') return undefined;
  const built = builtLabList();
  if (built === undefined) return undefined;
  exitState.code = 0;
  try {
    if (argv[2] === '--json') writeJson({ experiments: built });
    else writeOut(labListText(built));
    return exitState.code;
  } catch (e) {
    return exitCodeFor(e);
  }
}
