/** Minimal ANSI styling for the text views (no colour library: these commands must start fast). */
export interface Painter {
  readonly net: (s: string) => string;
  readonly host: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly good: (s: string) => string;
  readonly bad: (s: string) => string;
}

const id = (s: string): string => s;
const wrap = (open: number, close: number) => (s: string): string => `\u001b[${open}m${s}\u001b[${close}m`;

export function paint(color: boolean): Painter {
  if (!color) return { net: id, host: id, bold: id, good: id, bad: id };
  return { net: wrap(36, 39), host: wrap(33, 39), bold: wrap(1, 22), good: wrap(32, 39), bad: wrap(31, 39) };
}
