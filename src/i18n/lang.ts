import { InputError } from '../errors.js';

export type Lang = 'en' | 'zh';

/**
 * The app's language: `--lang` wins; otherwise the POSIX locale variables in their precedence order
 * (LC_ALL, then LC_MESSAGES, then LANG), where a locale starting with `zh` (zh_CN.UTF-8, zh_TW, zh)
 * means Simplified Chinese, anything else English.
 */
export function resolveLang(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (option !== undefined) {
    const lang = option.trim().toLowerCase();
    if (lang === 'en' || lang === 'zh') return lang;
    if (/^zh([-_].*)?$/.test(lang)) return 'zh';
    if (/^en([-_].*)?$/.test(lang)) return 'en';
    throw new InputError('unknown language (use en or zh)', `--lang ${option}`);
  }
  const locale = firstSet(env['LC_ALL'], env['LC_MESSAGES'], env['LANG']);
  return locale !== undefined && locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function firstSet(...values: (string | undefined)[]): string | undefined {
  return values.find((v) => v !== undefined && v !== '');
}
