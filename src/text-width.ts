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
