import type { Key } from 'ink';

/**
 * ink splits a read from the terminal at escape sequences only: the rest of a read is one input, taken
 * for a paste. Control keys that arrive in one read (a held Backspace, or tmux's `send-keys BSpace
 * BSpace`) then come as one string, "\x7f\x7f\x7f", which ink names no key at all, and a screen sees no
 * Backspace. Here such a read is cut into its keys again: each control character alone, each run of
 * printable text together (a paste stays a paste). Each control character gets the Key that ink 6's
 * parse-keypress and useInput give it when it arrives alone: \r return, \t tab, \b backspace, \x7f
 * delete (ink's name for the key most terminals send for Backspace), 1-26 ctrl+letter.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export function splitKeys(input: string, key: Key): [string, Key][] {
  // A lone key, or an escape sequence (ink cut those out already): as ink gave it.
  if (input.length < 2 || input.startsWith('\u001b') || !CONTROL.test(input)) return [[input, key]];
  const out: [string, Key][] = [];
  let text = '';
  const plain: Key = { ...key, ctrl: false, shift: false, meta: false, return: false, tab: false, backspace: false, delete: false };
  const flush = (): void => {
    if (text !== '') out.push([text, { ...plain, shift: text.length === 1 && /[A-Z]/.test(text) }]);
    text = '';
  };
  for (const ch of input) {
    if (!CONTROL.test(ch)) {
      text += ch;
      continue;
    }
    flush();
    out.push(controlKey(ch, plain));
  }
  flush();
  return out;
}

function controlKey(ch: string, plain: Key): [string, Key] {
  switch (ch) {
    case '\r':
      return ['\r', { ...plain, return: true }];
    case '\t':
      return ['', { ...plain, tab: true }];
    case '\b':
      return ['', { ...plain, backspace: true }];
    case '\u007f':
      return ['', { ...plain, delete: true }];
    case '\n':
      return ['\n', plain];
  }
  const code = ch.charCodeAt(0);
  if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), { ...plain, ctrl: true }];
  return [ch, plain];
}
