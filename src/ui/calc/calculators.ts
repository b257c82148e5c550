/**
 * The calculators of the Calculators screen: each turns its one input line into arguments and asks
 * src/addr for the answer. Nothing here computes an address; the screen renders what src/addr returns.
 * Errors from src/addr (InputError) become an inline message; any other error is a bug and is shown
 * inline too, never thrown into the frame.
 */
import { InputError, reason, renderReason, type Reason } from '../../errors.js';
import { messages, type Lang } from '../../i18n/index.js';
import { classify, type Classification } from '../../addr/classify.js';
import { macInfo, type MacInfo } from '../../addr/mac.js';
import { notation, type Notation } from '../../addr/notation.js';
import { parseCidr } from '../../addr/parse.js';
import { lookupPort, type PortInfo } from '../../addr/port.js';
import { sameSegment, type SameSegment } from '../../addr/same-segment.js';
import {
  parseHostList,
  parseSplitCount,
  parseSplitPrefix,
  split,
  type SplitMode,
  type SplitResult,
} from '../../addr/split.js';
import { subnet, type SubnetInfo } from '../../addr/subnet.js';
import type { StringKey } from '../i18n/strings.js';

export type CalcResult =
  | { readonly kind: 'subnet'; readonly value: SubnetInfo }
  | { readonly kind: 'same-segment'; readonly value: SameSegment }
  | { readonly kind: 'classify'; readonly value: Classification }
  | { readonly kind: 'ip'; readonly value: Notation }
  | { readonly kind: 'split'; readonly value: SplitResult }
  | { readonly kind: 'port'; readonly value: PortInfo }
  | { readonly kind: 'mac'; readonly value: MacInfo };

export type CalcOutcome =
  | { readonly status: 'empty' }
  | { readonly status: 'error'; readonly message: string; readonly internal: boolean }
  | { readonly status: 'ok'; readonly result: CalcResult };

export interface Calculator {
  readonly id: CalcResult['kind'];
  readonly label: StringKey;
  readonly hint: StringKey;
  /** An input that shows the calculator at work (the e2e tests and the bench type these). */
  readonly example: string;
  readonly run: (input: string) => CalcResult;
}

function words(input: string): string[] {
  return input.trim().split(/\s+/).filter((w) => w !== '');
}

function usage(message: Reason, input: string): InputError {
  return new InputError(message, input.trim());
}

export const CALCULATORS: readonly Calculator[] = [
  {
    id: 'subnet',
    label: 'calc.subnet',
    hint: 'calc.subnet.hint',
    example: '192.168.12.87/24',
    run: (input) => {
      const w = words(input);
      if (w.length > 2) throw usage(reason('calcSubnetShape'), input);
      return { kind: 'subnet', value: subnet(parseCidr(w[0]!, w[1])) };
    },
  },
  {
    id: 'same-segment',
    label: 'calc.sameSegment',
    hint: 'calc.sameSegment.hint',
    example: '192.168.1.10 192.168.1.200 /24',
    run: (input) => {
      const w = words(input).filter((x) => x !== '--mask' && x !== 'mask');
      if (w.length < 2) throw usage(reason('calcSameSegmentFew'), input);
      if (w.length > 3) throw usage(reason('calcSameSegmentMany'), input);
      return { kind: 'same-segment', value: sameSegment(w[0]!, w[1]!, w[2]) };
    },
  },
  {
    id: 'classify',
    label: 'calc.classify',
    hint: 'calc.classify.hint',
    example: '100.64.0.1',
    run: (input) => ({ kind: 'classify', value: classify(input.trim()) }),
  },
  {
    id: 'ip',
    label: 'calc.ip',
    hint: 'calc.ip.hint',
    example: '10.0.0.1',
    run: (input) => ({ kind: 'ip', value: notation(input.trim()) }),
  },
  {
    id: 'split',
    label: 'calc.split',
    hint: 'calc.split.hint',
    example: '10.0.0.0/24 /26',
    run: (input) => {
      const [parent, ...rest] = words(input);
      return { kind: 'split', value: split(parent!, splitMode(rest, input)) };
    },
  },
  {
    id: 'port',
    label: 'calc.port',
    hint: 'calc.port.hint',
    example: '443',
    run: (input) => ({ kind: 'port', value: lookupPort(input.trim()) }),
  },
  {
    id: 'mac',
    label: 'calc.mac',
    hint: 'calc.mac.hint',
    example: '00:1a:2b:3c:4d:5e',
    run: (input) => ({ kind: 'mac', value: macInfo(input.trim()) }),
  },
];

/** `/26` or `--prefix 26`; `x4`, `count 4` or `--count 4`; `h 50,20`, `hosts 50,20` or `--hosts 50,20`. */
function splitMode(rest: readonly string[], input: string): SplitMode {
  const [first, second] = rest;
  if (first === undefined) throw usage(reason('splitModeMissing'), input);
  const arg = (what: string): string => {
    if (second === undefined || rest.length > 2) throw usage(reason('splitOneValue', what), input);
    return second;
  };
  if (first === '--prefix' || first === 'prefix') return { kind: 'prefix', prefix: parseSplitPrefix(arg(first)) };
  if (first === '--count' || first === 'count') return { kind: 'count', count: parseSplitCount(arg(first)) };
  if (first === '--hosts' || first === 'hosts' || first === 'h') {
    return { kind: 'hosts', hosts: parseHostList(rest.slice(1).join('')) };
  }
  if (rest.length > 1) throw usage(reason('splitModeAfter'), input);
  if (first.startsWith('/')) return { kind: 'prefix', prefix: parseSplitPrefix(first) };
  if (/^x/i.test(first)) return { kind: 'count', count: parseSplitCount(first.slice(1)) };
  throw usage(reason('splitModeUnknown', first), input);
}

/**
 * Run a calculator on one input line; never throws. An input error is said in the app's language: its
 * typed reason through the catalogue's errors section (as the CLI's one-line errors), `<input>：<why>`.
 */
export function evaluate(calc: Calculator, input: string, lang: Lang = 'en'): CalcOutcome {
  if (input.trim() === '') return { status: 'empty' };
  try {
    return { status: 'ok', result: calc.run(input) };
  } catch (e) {
    if (e instanceof InputError) {
      if (lang === 'en' || e.reason === undefined) return { status: 'error', message: e.parseMessage, internal: false };
      const why = renderReason(e.reason, messages(lang).errors);
      return { status: 'error', message: e.input === undefined ? why : `${e.input === '' ? '""' : e.input}：${why}`, internal: false };
    }
    return { status: 'error', message: e instanceof Error ? e.message : String(e), internal: true };
  }
}
