/**
 * The language of the command-line output: set once per run (main.ts's preAction hook, or the address
 * shortcut from the locale), then read by the error writer and the renderers. The English sections are
 * small and imported here; the Chinese ones load only under zh (one module, src/i18n/zh/cli-sections.ts),
 * so `netkata subnet` in English never loads them (test/cli/bundle.test.ts).
 */
import { InputError, provideZhErrors, renderReason, type Reason } from '../errors.js';
import type { Messages } from '../i18n/en/index.js';
import type { Lang } from '../i18n/lang.js';
import { classify } from '../i18n/en/classify.js';
import { cli } from '../i18n/en/cli.js';
import { errors } from '../i18n/en/errors.js';
import { ip } from '../i18n/en/ip.js';
import { mac } from '../i18n/en/mac.js';
import { port } from '../i18n/en/port.js';
import { ranges } from '../i18n/en/ranges.js';
import { sameSegment } from '../i18n/en/same-segment.js';
import { split } from '../i18n/en/split.js';
import { subnet } from '../i18n/en/subnet.js';

type CliSections = Pick<Messages, 'classify' | 'cli' | 'errors' | 'ip' | 'mac' | 'port' | 'ranges' | 'sameSegment' | 'split' | 'subnet'>;

const EN: CliSections = { classify, cli, errors, ip, mac, port, ranges, sameSegment, split, subnet };

let lang: Lang = 'en';
let text: CliSections = EN;

/** Choose the output language; under zh this loads the Chinese sections (once). */
export async function setCliLang(l: Lang): Promise<void> {
  lang = l;
  text = l === 'zh' ? await import('../i18n/zh/cli-sections.js') : EN;
  if (l === 'zh') provideZhErrors(text.errors);
}

export function cliLang(): Lang {
  return lang;
}

/** The catalogue sections of the command-line output in the chosen language. */
export function t(): CliSections {
  return text;
}

const HAN = /[\u3400-\u9fff]/;

/** `<input>: <why>` with `why` in the chosen language; in Chinese text the colon is full-width. */
export function withInput(input: string | undefined, why: string): string {
  if (input === undefined) return why;
  const shown = input === '' ? '""' : input;
  return HAN.test(why) ? `${shown}：${why}` : `${shown}: ${why}`;
}

/** A reason in the chosen language. */
export function reasonLine(r: Reason): string {
  return lang === 'en' ? r.text : renderReason(r, text.errors);
}

/** Why an InputError was raised, in the chosen language (its English text when it carries no key). */
export function reasonText(e: InputError): string {
  return e.reason === undefined ? e.message : reasonLine(e.reason);
}

/** The line an InputError prints after `netkata: `, in the chosen language. */
export function inputErrorLine(e: InputError): string {
  return lang === 'en' ? e.parseMessage : withInput(e.input, reasonText(e));
}
