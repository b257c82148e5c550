import type { Key } from 'ink';

/**
 * ink splits a read from the terminal at escape sequences only: the rest of a read is one input, taken
 * for a paste. Control keys that arrive in one read (a held Backspace, or tmux's `send-keys BSpace
 * BSpace`) then come as one string, "\x7f\x7f\x7f", which ink names no key at all, and a screen sees no
 * Backspace. Here such a read is cut into its keys again: each control character alone, each run of
 * printable text together (a paste stays a paste). Each control character gets the Key it has when it
 * arrives alone (ink 6's parse-keypress and useInput, then keyOfRead): \r return, \t tab, \b and \x7f
 * backspace, 1-26 ctrl+letter.
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
      return ['', { ...plain, backspace: true }];
    case '\n':
      return ['\n', plain];
  }
  const code = ch.charCodeAt(0);
  if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), { ...plain, ctrl: true }];
  return [ch, plain];
}

/**
 * The Delete key: CSI 3 ~ (xterm, VTE, tmux; VT220's Remove), with xterm's modifiers (ESC [ 3 ; 5 ~ is
 * Ctrl-Delete) or rxvt's ($ shift, ^ ctrl), after any ESC ink keeps for Alt.
 */
// eslint-disable-next-line no-control-regex
const DELETE_KEY = /^\u001b+\[3(;\d+)?[~$^]$/;

/**
 * The Key of one read with Backspace and Delete told apart. ink 6.8's parse-keypress names DEL (0x7f),
 * the byte xterm, VTE and tmux send for the Backspace key, `delete`, the name it gives the Delete key
 * (CSI 3 ~) too; only BS (0x08: Ctrl-H, and Backspace on some terminals) is `backspace`. useInput hands
 * neither byte over (its input is ''), so only the read itself tells them apart: here a read of the
 * Delete key has `delete`, and every other read ink calls `delete` or `backspace` (DEL, BS, and both
 * after ESC for Alt) has `backspace`.
 */
export function keyOfRead(read: string, key: Key): Key {
  if (!key.delete && !key.backspace) return key;
  const forward = DELETE_KEY.test(read);
  return { ...key, delete: forward, backspace: !forward };
}
