/**
 * An esbuild plugin for string-width (which ink measures every piece of text with): the text netkata
 * draws, English with a few symbols (›, ↑/↓, ·, —, box drawing) or Chinese, is measured without
 * Intl.Segmenter and the \p{RGI_Emoji} expressions, whose first use cost about 12 ms of the app's first
 * frame (a `--cpu-prof` of the start: string-width under ink's measure; `node /tmp/sw.mjs`-style timing of
 * the first call). Two changes to string-width's own index.js, the build failing if either pattern moves:
 * - the segmenter and the \p{RGI_Emoji} expression are made on first use, not when the module loads;
 * - after its ASCII fast path, text made only of the characters in SIMPLE below is measured as the sum of
 *   each character's East Asian Width (string-width's own get-east-asian-width, with the same option).
 *   SIMPLE holds printable characters that are each a grapheme cluster of their own next to any other
 *   (no marks, joiners, variation selectors, Hangul jamo, regional indicators or controls) and no emoji
 *   presentation: for them string-width's segment-by-segment rule reduces to exactly that sum.
 *   test/cli/string-width-fast.test.ts checks the patched module against the original on every code
 *   point of SIMPLE, on every BMP code point, and on random mixed strings, for both ambiguous widths.
 */
import { readFileSync } from 'node:fs';

/** Character ranges of the fast path (a regular-expression character class body). */
export const SIMPLE = '\\u0020-\\u007E\\u00A0-\\u00AC\\u00AE-\\u00FF\\u2010-\\u2027\\u2030-\\u205E\\u2190-\\u21FF\\u2500-\\u25FF\\u3000-\\u3029\\u3030-\\u303F\\u3041-\\u3096\\u30A0-\\u30FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uFF01-\\uFF60\\uFFE0-\\uFFE6';

/** string-width's index.js with the two changes; throws when the code it changes is not there. */
export function patchStringWidth(text, path = 'string-width/index.js') {
  const segmenter = 'const segmenter = new Intl.Segmenter();';
  const ascii = '\tif (/^[\\u0020-\\u007E]*$/.test(string)) {\n\t\treturn string.length;\n\t}\n';
  if (text.split(segmenter).length !== 2 || text.split(ascii).length !== 2) {
    throw new Error(`string-width-fast: ${path} changed; check it before building`);
  }
  // The \p{RGI_Emoji} expression costs about 4 ms to create (V8 builds its set of strings eagerly): made
  // on first use, as the segmenter, and so are the other property expressions of the slow path.
  const rgi = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
  const uses = text.split('rgiEmojiRegex.test(').length - 1;
  if (text.split(rgi).length !== 2 || uses !== 1) throw new Error(`string-width-fast: ${path} changed; check it before building`);
  return text
    .replace(rgi, 'let rgiEmojiRegexOnce;\nconst rgiEmojiRegex = {test: (s) => (rgiEmojiRegexOnce ??= /^\\p{RGI_Emoji}$/v).test(s)};')
    .replace(segmenter, 'let segmenterOnce;\nconst segmenter = {segment: (s) => (segmenterOnce ??= new Intl.Segmenter()).segment(s)};')
    .replace(ascii, `${ascii}\n\t// netkata (scripts/string-width-fast.js): one grapheme per character, no emoji.\n\tif (/^[${SIMPLE}]*$/.test(string)) {\n\t\tconst options = {ambiguousAsWide: !ambiguousIsNarrow};\n\t\tlet sum = 0;\n\t\tfor (const character of string) {\n\t\t\tsum += eastAsianWidth(character.codePointAt(0), options);\n\t\t}\n\n\t\treturn sum;\n\t}\n`);
}

export const stringWidthFast = {
  name: 'string-width-fast',
  setup(b) {
    // The package's own string-width (8.x, what ink and widest-line use), not wrap-ansi's older copy.
    b.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, ({ path }) =>
      /[\\/]node_modules[\\/].*[\\/]node_modules[\\/]/.test(path) ? undefined : { contents: patchStringWidth(readFileSync(path, 'utf8'), path), loader: 'js' });
  },
};
