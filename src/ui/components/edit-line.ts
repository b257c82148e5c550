import type { Key } from 'ink';

/**
 * Apply one keypress to a single-line text value (cursor at the end): printable text is appended
 * (a paste arrives as one string), Backspace/Delete remove the last character, Ctrl-U clears.
 * Returns undefined when the key is not an edit, so the caller can use it for navigation.
 */
export function editLine(value: string, input: string, key: Key): string | undefined {
  if (key.backspace || key.delete) return value.slice(0, -1);
  if (key.ctrl && input === 'u') return '';
  if (key.ctrl || key.meta || key.escape || key.return || key.tab) return undefined;
  if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown) return undefined;
  // Drop control characters and newlines from pastes; an input line holds one line.
  const text = input.replace(/[\u0000-\u001f\u007f]/g, '');
  return text === '' ? undefined : value + text;
}
