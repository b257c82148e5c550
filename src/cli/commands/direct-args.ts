import { exitCodeFor, exitState } from '../io.js';
import { resolveLang, type Lang } from '../../i18n/lang.js';
import { setCliLang } from '../text.js';

/**
 * The arguments a start-up shortcut takes (exam-direct.ts, tcp-direct.ts), read as commander reads them:
 * `--flag`, `--name value` or `--name=value`, and positional words (`-` alone is one: stdin). Anything else (an unknown option, a
 * value that looks like an option, a missing value, an option given twice) is undefined, and the caller
 * hands the whole command line to the full program, so usage errors keep one source.
 */
export interface DirectArgs {
  readonly flags: ReadonlySet<string>;
  /** By option name without the dashes: `{ seed: '7' }`. */
  readonly values: Readonly<Record<string, string>>;
  readonly positional: readonly string[];
}

export function directArgs(args: readonly string[], flags: ReadonlySet<string>, valued: ReadonlySet<string>): DirectArgs | undefined {
  const seen = new Set<string>();
  const values: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    if (flags.has(a)) {
      seen.add(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq === -1 ? a : a.slice(0, eq);
    if (!valued.has(name) || name.slice(2) in values) return undefined;
    const value = eq === -1 ? args[++i] : a.slice(eq + 1);
    if (value === undefined || (eq === -1 && value.startsWith('-'))) return undefined;
    values[name.slice(2)] = value;
  }
  return { flags: seen, values, positional };
}

/** The language a shortcut's `--lang` (or the locale) chooses, set for the CLI; undefined for a bad `--lang`, which the full program reports in its own words. */
export async function directLang(lang: string | undefined): Promise<Lang | undefined> {
  let chosen: Lang;
  try {
    chosen = resolveLang(lang);
  } catch {
    return undefined;
  }
  await setCliLang(chosen);
  return chosen;
}

/** A shortcut's action run as the program runs one: its exit code, or the code of what it threw. */
export async function runDirectAction(action: () => Promise<void>): Promise<number> {
  exitState.code = 0;
  try {
    await action();
    return exitState.code;
  } catch (e) {
    return exitCodeFor(e);
  }
}
