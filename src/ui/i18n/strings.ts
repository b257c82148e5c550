import { createContext, useContext } from 'react';
import type { Lang } from '../screen-props.js';
import { messages } from '../../i18n/index.js';
import type { StringKey } from '../../i18n/en/app.js';

export type { StringKey } from '../../i18n/en/app.js';

export function translate(lang: Lang, key: StringKey): string {
  return messages(lang).app[key];
}

/** A catalogue template with its `{name}` placeholders filled: `fill(t('note.after'), { note: '/31' })`. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export const LangContext = createContext<Lang>('en');

/** `const t = useT(); t('home.tcp')` */
export function useT(): (key: StringKey) => string {
  const lang = useContext(LangContext);
  return (key) => translate(lang, key);
}

export function useLang(): Lang {
  return useContext(LangContext);
}
