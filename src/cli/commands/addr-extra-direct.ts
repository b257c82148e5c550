/**
 * A start-up shortcut for the other address commands: `split`, `range`, `aggregate`, `mac`, `port` and
 * `same-segment` with their own options, `--json`, `--no-color` and `--lang`, as commander reads them
 * (direct-args.ts), run through the very same actions as the commander program (addr-extra.ts, addr.ts).
 * A file apart from addr-direct.ts: the port registry and the calculators here would make every
 * `netkata subnet` parse more code.
 *
 * Anything else (--help, an unknown option, a missing or an extra argument, an unknown --lang) returns
 * undefined and the caller runs the full program, so usage errors and help keep one source. Wiring:
 * bin/netkata.js, as for addr-direct.ts.
 */
import { sameSegmentAction } from './addr.js';
import { aggregateAction, macAction, portAction, rangeAction, splitAction } from './addr-extra.js';
import { directArgs, directLang, runDirectAction } from './direct-args.js';

interface Spec {
  /** Positional arguments commander requires, and takes at most. */
  readonly min: number;
  readonly max: number;
  readonly flags: readonly string[];
  readonly valued: readonly string[];
  readonly run: (positional: readonly string[], opts: Record<string, string | boolean>) => Promise<void>;
}

const SPECS: Readonly<Record<string, Spec>> = {
  port: { min: 1, max: 1, flags: [], valued: [], run: (p, o) => portAction(p[0]!, o) },
  mac: { min: 1, max: 1, flags: [], valued: [], run: (p, o) => macAction(p[0]!, o) },
  range: { min: 1, max: 2, flags: [], valued: [], run: (p, o) => rangeAction(p[0]!, p[1], o) },
  aggregate: { min: 0, max: 1, flags: ['--strict'], valued: [], run: (p, o) => aggregateAction(p[0], o) },
  split: { min: 1, max: 1, flags: [], valued: ['--prefix', '--count', '--hosts'], run: (p, o) => splitAction(p[0]!, o) },
  'same-segment': { min: 2, max: 2, flags: [], valued: ['--mask'], run: (p, o) => sameSegmentAction(p[0]!, p[1]!, o) },
};

/** The command's arguments as commander would give them to its action, or undefined for anything this shortcut does not take. */
export function addressExtraArgs(argv: readonly string[]): { spec: Spec; positional: readonly string[]; opts: Record<string, string | boolean>; lang?: string; noColor: boolean } | undefined {
  const spec = argv[0] === undefined ? undefined : SPECS[argv[0]];
  if (spec === undefined) return undefined;
  const args = directArgs(argv.slice(1), new Set(['--json', '--no-color', ...spec.flags]), new Set(['--lang', ...spec.valued]));
  if (args === undefined || args.positional.length < spec.min || args.positional.length > spec.max) return undefined;
  const { lang, ...values } = args.values;
  const opts: Record<string, string | boolean> = { ...values };
  for (const f of args.flags) if (f !== '--no-color') opts[f.slice(2)] = true;
  return { spec, positional: args.positional, opts, ...(lang !== undefined ? { lang } : {}), noColor: args.flags.has('--no-color') };
}

export async function runAddressExtraDirect(argv: readonly string[]): Promise<number | undefined> {
  const args = addressExtraArgs(argv);
  if (args === undefined) return undefined;
  if (args.noColor) process.env['NO_COLOR'] = '1';
  if ((await directLang(args.lang)) === undefined) return undefined;
  return runDirectAction(() => args.spec.run(args.positional, args.opts));
}
