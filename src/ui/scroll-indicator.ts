import type { Lang } from '../practice/question.js';

/**
 * The line under a list that does not fit: arrows for the directions there is more, and which rows
 * show (`↑↓ rows 5-20 of 40`); empty when everything fits. One wording for every long list of the app.
 */
export function scrollIndicator(first: number, room: number, total: number, lang: Lang = 'en'): string {
  if (total <= room) return '';
  const last = Math.min(first + room, total);
  const arrows = `${first > 0 ? '↑' : ' '}${last < total ? '↓' : ' '}`;
  return lang === 'zh' ? `${arrows} 第 ${first + 1}-${last} 行，共 ${total} 行` : `${arrows} rows ${first + 1}-${last} of ${total}`;
}
