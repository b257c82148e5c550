/**
 * Full-width input: a Chinese or Japanese input method in full-width mode types `１９２．１６８．１．１`
 * or `ｆｆ：ｆｆ`, the Halfwidth and Fullwidth Forms block (U+FF01-U+FF5E, the ASCII characters shifted
 * by 0xFEE0), the ideographic space U+3000 and, for a full stop, the ideographic full stop U+3002. The
 * parsers stay strict (as for `010.1.1.1`), but say what happened and show the ASCII form: NFKC maps
 * the full-width forms to ASCII (Unicode UAX #15); U+3002 has no compatibility mapping and is a "." here.
 */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000\u3002]/;

import { reason, type Reason } from '../errors.js';

/** Why `text` is refused when it holds full-width characters (one line), else undefined. */
export function fullWidthReason(text: string): Reason | undefined {
  const m = FULL_WIDTH.exec(text);
  if (m === null) return undefined;
  const code = m[0].codePointAt(0)!.toString(16).toUpperCase();
  const ascii = text.normalize('NFKC').replaceAll('\u3002', '.');
  // One line whatever the input holds: control characters are shown escaped.
  const shown = /[\u0000-\u001f\u007f]/.test(ascii) ? JSON.stringify(ascii) : ascii;
  return reason('fullWidth', { char: m[0], code, ascii: shown });
}
