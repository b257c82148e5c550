/**
 * A start-up shortcut for `netkata tcp run <built-in scenario>` (issue 14): with only `--json`,
 * `--profile` and `--lang` (each `--name value` or `--name=value`), it runs the very same body as the
 * commander program (tcp-run.ts runTcpScenario) from one CommonJS file, without commander, the other
 * commands' definitions or the Chinese catalogues of an English run. The split ES module build loads some
 * forty files for `tcp run handshake`, and Node's ES module loader alone measured as a tenth of it.
 *
 * It takes only a built-in TCP scenario the build parsed (dist/bundle/tcp-cache, checked against the file's
 * text): a user's file, a window scenario, a changed scenario, --pcap, --help, an unknown option or a bad
 * value returns undefined before writing anything, and the full program runs, so usage errors, help and
 * the YAML reader keep one source. Wiring: bin/netkata.js, as for addr-direct.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tcp as enTcp } from '../../i18n/en/tcp.js';
import { scenariosDir } from '../../practice/source-files.js';
import { cachedScenario } from '../scenario-cache.js';
import { directArgs, directLang, runDirectAction } from './direct-args.js';
import { isProfile, runTcpScenario, type TcpRunOpts } from './tcp-run.js';

const VALUED = new Set(['--profile', '--lang']);
const JSON_FLAG = new Set(['--json']);

/** `tcp run`'s scenario and options as commander would read them, or undefined for anything this shortcut does not take. */
export function tcpRunArgs(argv: readonly string[]): { scenario: string; opts: TcpRunOpts & { lang?: string } } | undefined {
  if (argv[0] !== 'tcp' || argv[1] !== 'run') return undefined;
  const args = directArgs(argv.slice(2), JSON_FLAG, VALUED);
  if (args === undefined || args.positional.length !== 1) return undefined;
  const { profile, lang } = args.values;
  if (profile !== undefined && !isProfile(profile)) return undefined;
  const opts = { ...(args.flags.has('--json') ? { json: true } : {}), ...(profile !== undefined ? { profile } : {}), ...(lang !== undefined ? { lang } : {}) };
  return { scenario: args.positional[0]!, opts };
}

export async function runTcpDirect(argv: readonly string[]): Promise<number | undefined> {
  const args = tcpRunArgs(argv);
  if (args === undefined) return undefined;
  // A built-in scenario by name, as loadScenarioArg finds it: not when a file of that name exists here.
  const { scenario: arg, opts } = args;
  // (A window scenario of that name comes first in the full program.)
  if (!/^[a-z0-9-]+$/.test(arg) || existsSync(arg) || existsSync(resolve(scenariosDir(), 'window', `${arg}.yaml`))) return undefined;
  const path = resolve(scenariosDir(), 'tcp', `${arg}.yaml`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined; // a window scenario, or no such scenario: the full program says which
  }
  const scenario = cachedScenario(path, text, `scenarios/tcp/${arg}.yaml`);
  if (scenario === undefined) return undefined; // changed since the build: the full program parses it
  const lang = await directLang(opts.lang);
  if (lang === undefined) return undefined;
  // (Chinese: from the file of the shortcuts' Chinese sections, cli-zh.cjs, which setCliLang has loaded.)
  const m = lang === 'zh' ? (await import('../../i18n/zh/cli-sections.js')).tcp : enTcp;
  return runDirectAction(() => runTcpScenario(scenario, opts, lang === 'zh', m));
}
