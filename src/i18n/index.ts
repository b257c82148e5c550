import { en, type Messages } from './en/index.js';
import { zh } from './zh/index.js';
import type { Lang } from './lang.js';
import { provideZhErrors } from '../errors.js';

provideZhErrors(zh.errors);

export type { Messages } from './en/index.js';
export type { Lang } from './lang.js';
export { resolveLang } from './lang.js';

/** The message catalogue for a language: `messages(lang).app['home.tcp']`. */
export function messages(lang: Lang): Messages {
  return lang === 'zh' ? zh : en;
}
