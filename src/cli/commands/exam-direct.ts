/**
 * A start-up shortcut for `netkata exam` (issue 14): `exam` with only `--seed`, `--count`, `--topic`,
 * `--lang` (each `--name value` or `--name=value`) and `--json` runs the very same action as the commander
 * program (exam.ts examAction), from one CommonJS file that holds the generators, the simulator and the
 * pool loader. The split ES module build loads some twenty chunks for an exam, each a resolve and an
 * asynchronous read, which measured as most of what `exam` costs above `node -e 0`.
 *
 * It takes only the questions the build parsed (dist/bundle/pool-cache.json, checked against the files):
 * when a bank or scenario has changed it returns undefined before writing anything, and the full program
 * parses the files (YAML and the schemas stay out of this file).
 *
 * Anything else (--help, an unknown option, a value that looks like an option, an unknown --lang, a
 * positional argument) returns undefined and the caller runs the full program, so usage errors and help
 * keep one source. Wiring: bin/netkata.js, as for addr-direct.ts.
 */
import { exitCodeFor, exitState } from '../io.js';
import { cachedPool } from '../../practice/pool-cached.js';
import { directArgs, directLang } from './direct-args.js';
import { examAction, type ExamOpts } from './exam.js';

/** The build's parse of the banks and scenarios is stale or absent: the full program parses the files. */
class NoCache extends Error {}

const VALUED = new Set(['--seed', '--count', '--topic', '--lang']);
const JSON_FLAG = new Set(['--json']);

/** The options of `exam` as commander would read them, or undefined for anything this shortcut does not take. */
export function examArgs(argv: readonly string[]): ExamOpts | undefined {
  if (argv[0] !== 'exam') return undefined;
  const args = directArgs(argv.slice(1), JSON_FLAG, VALUED);
  if (args === undefined || args.positional.length > 0) return undefined;
  return { ...args.values, ...(args.flags.has('--json') ? { json: true } : {}) } as ExamOpts;
}

export async function runExamDirect(argv: readonly string[]): Promise<number | undefined> {
  const opts = examArgs(argv);
  if (opts === undefined) return undefined;
  if ((await directLang(opts.lang)) === undefined) return undefined; // a bad --lang: the full program says so
  exitState.code = 0;
  try {
    await examAction(opts, async (_warn, topic) => {
      const pool = cachedPool(topic);
      if (pool === undefined) throw new NoCache();
      return pool;
    });
    return exitState.code;
  } catch (e) {
    if (e instanceof NoCache) return undefined;
    return exitCodeFor(e);
  }
}
