import type { Key } from 'ink';

/** A single-line text value and its insertion cursor, counted in characters (code points) from the start. */
export interface Line {
  readonly value: string;
  readonly cursor: number;
}

export const EMPTY_LINE: Line = { value: '', cursor: 0 };

/**
 * Apply one keypress to a single-line text field with an insertion cursor: printable text is inserted
 * at the cursor (a paste arrives as one string), ←/→ move it, Home/End and Ctrl-A/Ctrl-E go to the
 * start/end, Backspace removes the character before the cursor, Delete and Ctrl-D the one under it,
 * Ctrl-U clears the line. `key.backspace` and `key.delete` are the keys as keyOfRead (key-split.ts) tells
 * them apart; ink itself names the usual Backspace byte (DEL) `delete` too.
 * Returns undefined when the key is not an edit, so the caller can use it for navigation.
 *
 * Keys must reach this one by one: screens get them through `useKeys`, which cuts a read like "25\r"
 * (a paste, tmux send-keys, fast typing over SSH) into its keys (key-split.ts).
 */
export function editLine(line: Line, input: string, key: Key): Line | undefined {
  const chars = [...line.value];
  const at = Math.max(0, Math.min(line.cursor, chars.length));
  const to = (cursor: number, next: readonly string[] = chars): Line => ({ value: next.join(''), cursor });
  if (key.leftArrow) return to(Math.max(0, at - 1));
  if (key.rightArrow) return to(Math.min(chars.length, at + 1));
  if (key.home || (key.ctrl && input === 'a')) return to(0);
  if (key.end || (key.ctrl && input === 'e')) return to(chars.length);
  if (key.backspace) return at === 0 ? to(0) : to(at - 1, [...chars.slice(0, at - 1), ...chars.slice(at)]);
  if (key.delete || (key.ctrl && input === 'd')) return to(at, [...chars.slice(0, at), ...chars.slice(at + 1)]);
  if (key.ctrl && input === 'u') return EMPTY_LINE;
  if (key.ctrl || key.meta || key.escape || key.return || key.tab) return undefined;
  if (key.upArrow || key.downArrow || key.pageUp || key.pageDown) return undefined;
  // Drop control characters and newlines from pastes; an input line holds one line.
  const text = [...input.replace(/[\u0000-\u001f\u007f]/g, '')];
  if (text.length === 0) return undefined;
  return to(at + text.length, [...chars.slice(0, at), ...text, ...chars.slice(at)]);
}
