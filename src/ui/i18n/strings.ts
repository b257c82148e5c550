import { createContext, useContext } from 'react';
import type { Lang } from '../screen-props.js';
import { en, type StringKey } from './en.js';
import { zh } from './zh.js';

export type { StringKey } from './en.js';

const TABLES: Record<Lang, Record<StringKey, string>> = { en, zh };

export function translate(lang: Lang, key: StringKey): string {
  return TABLES[lang][key];
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
