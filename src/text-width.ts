/**
 * Terminal columns a string takes: East Asian wide and fullwidth characters take two (UAX #11), the
 * rest one. Enough for our labels (ASCII and Chinese); ink itself measures with string-width. The
 * ladder pads with this instead of string-width, whose module start (Intl.Segmenter, its tables) costs
 * about 40 ms of every `tcp run` (node --cpu-prof).
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/** Pad to `width` terminal cells, measured by `measure` (displayWidth unless told otherwise). */
export function padEndCells(s: string, width: number, measure: (s: string) => number = displayWidth): string {
  const w = measure(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

export function padStartCells(s: string, width: number, measure: (s: string) => number = displayWidth): string {
  const w = measure(s);
  return w >= width ? s : ' '.repeat(width - w) + s;
}

/** Closing punctuation that must not begin a line (clreq 3.1.7, "line start prohibition"). */
const NO_LINE_START = new Set([...'，。、；：？！）》”…']);
/** Opening punctuation that must not end a line (clreq 3.1.7, "line end prohibition"). */
const NO_LINE_END = new Set([...'（《“']);

/**
 * `line` broken into lines of at most `width` cells, at spaces or between two Chinese characters,
 * never before closing punctuation; every line after the first starts with `indent`. A word longer
 * than a line (an IPv6 reverse name) is left whole. For Chinese text, which has no spaces to break at.
 * Cells are counted by `measure` (displayWidth unless told otherwise).
 */
export function wrapCells(line: string, width: number, indent = '', measure: (s: string) => number = displayWidth): string[] {
  const displayWidth = measure;
  if (displayWidth(line) <= width) return [line];
  // Tokens: a run of spaces, a run of other non-wide characters (a word, a number, an address), or one wide character.
  const tokens = line.match(/ +|[^ \u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6…”]+|./gu) ?? [];
  const out: string[] = [];
  let cur: string[] = [];
  let w = 0;
  // Tokens at the start of `cur` that are not the text's: the indent, on every line but the first.
  let lead = 0;
  const start = (): void => {
    cur = indent === '' ? [] : [indent];
    lead = cur.length;
    w = displayWidth(indent);
  };
  cur = [];
  for (const tok of tokens) {
    const tw = displayWidth(tok);
    const blank = /^ +$/.test(tok);
    if (w + tw > width && !blank && cur.some((c) => c !== indent && !/^ +$/.test(c))) {
      // Carry the tokens before it along when this one may not start a line (nor may they).
      const carry: string[] = [];
      if (NO_LINE_START.has(tok[0]!)) {
        while (cur.length > lead + 1 && NO_LINE_START.has(cur.at(-1)![0]!)) carry.unshift(cur.pop()!);
        if (cur.length > lead + 1) carry.unshift(cur.pop()!);
      }
      // Carry an opening bracket down with what it opens, unless it is all the line holds.
      const words = (): string[] => cur.slice(lead).filter((c) => !/^ +$/.test(c));
      const opening = (): boolean => words().length > 1 && NO_LINE_END.has(words().at(-1)!.at(-1)!);
      while (opening()) {
        while (/^ +$/.test(cur.at(-1)!)) cur.pop();
        carry.unshift(cur.pop()!);
      }
      out.push(cur.join('').trimEnd());
      start();
      for (const c of carry) { cur.push(c); w += displayWidth(c); }
    }
    if (blank && w === displayWidth(indent) && out.length > 0) continue; // no spaces at a line start
    cur.push(tok);
    w += tw;
  }
  if (cur.length > 0) out.push(cur.join('').trimEnd());
  return out;
}

/**
 * `text` cut to at most `width` cells, ending with `…` when it was cut. The cut falls between whole
 * characters: ink's own truncation (cli-truncate 5 with slice-ansi 8) keeps a wide character that
 * straddles the edge, so a cut Chinese line came out one cell too wide and the terminal dropped its `…`.
 * Otherwise the same cut as ink's: the first `width - 1` cells, then `…`.
 */
export function truncateCells(text: string, width: number, measure: (s: string) => number = displayWidth): string {
  if (measure(text) <= width) return text;
  if (width < 1) return '';
  let out = '';
  let w = 0;
  const room = width - measure('…');
  for (const ch of text) {
    const cw = measure(ch);
    if (w + cw > room) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}
