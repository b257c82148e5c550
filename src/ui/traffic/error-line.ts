import { EnvironmentError, InputError, renderReason } from '../../errors.js';
import { messages, type Lang } from '../../i18n/index.js';
import { displayWidth } from '../../text-width.js';

/**
 * Bad input (a capture that cannot be read, a port out of range), as one line in the app's language: `<file>: <why>` (the reason from
 * the errors catalogue, so zh gets Chinese). Anything else is a bug, shown as its message, never thrown.
 */
export function errorLine(e: unknown, lang: Lang, width = Number.POSITIVE_INFINITY): string {
  // What this machine cannot do (no dumpcap, no right to capture): the CLI's exit-3 reason, in the app's language.
  if (e instanceof EnvironmentError && e.reason !== undefined) return renderReason(e.reason, messages(lang).errors);
  if (!(e instanceof InputError)) return e instanceof Error ? e.message : String(e);
  const why = e.reason === undefined ? e.message : renderReason(e.reason, messages(lang).errors);
  if (e.input === undefined) return why;
  const sep = lang === 'zh' ? '：' : ': ';
  // A long path gives way from its start, so that the reason stays whole on the one line.
  const room = width - displayWidth(sep + why);
  let input = e.input === '' ? '""' : e.input;
  if (displayWidth(input) > room && room > 1) {
    while (input.length > 0 && displayWidth(input) > room - 1) input = input.slice(1);
    input = `…${input}`;
  }
  return `${input}${sep}${why}`;
}
