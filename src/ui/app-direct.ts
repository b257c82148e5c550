/**
 * A start-up shortcut for the app (issue 14: the first frame): `netkata` with no command, only `--lang`
 * (`--lang x` or `--lang=x`) and `--no-color`, at a terminal, starts the app as the commander program's
 * own action does (src/cli/main.ts), without loading commander or building every command's definition
 * first. Anything else (a command, --help, --version, an unknown option, a bad --lang, stdin or stdout
 * not a terminal) returns undefined and the full program answers, so help and errors keep one source.
 * Wiring: bin/netkata.js imports dist/bundle/app.js, an entry of the same split build as main.js (one
 * copy of every module both use).
 */
import { exitCodeFor, exitState } from '../cli/io.js';
import { setCliLang } from '../cli/text.js';
import { resolveLang } from '../i18n/lang.js';

/** The options `netkata` alone takes, as commander reads them, or undefined for anything else. */
export function appArgs(argv: readonly string[]): { lang?: string; color: boolean } | undefined {
  let lang: string | undefined;
  let color = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--no-color') color = false;
    else if (a === '--lang') {
      const v = argv[++i];
      if (v === undefined || v.startsWith('-')) return undefined;
      lang = v;
    } else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
    else return undefined;
  }
  return { ...(lang !== undefined ? { lang } : {}), color };
}

export async function runAppDirect(argv: readonly string[]): Promise<number | undefined> {
  const args = appArgs(argv);
  if (args === undefined || !process.stdin.isTTY || !process.stdout.isTTY) return undefined;
  let lang;
  try {
    lang = resolveLang(args.lang);
  } catch {
    return undefined; // a bad --lang: the full program says so, in its words
  }
  if (!args.color) process.env['NO_COLOR'] = '1';
  await setCliLang(lang);
  exitState.code = 0;
  try {
    const { startApp } = await import('./start.js');
    await startApp({ lang: args.lang });
    return exitState.code;
  } catch (e) {
    return exitCodeFor(e);
  }
}
