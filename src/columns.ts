/**
 * Column alignment by display width, not by `.length`: a CJK character takes two terminal cells
 * (Unicode East Asian Width W/F), so `主题` is 2 code units but 4 cells. string-width also ignores ANSI
 * escapes and zero-width marks. Every padded column of text output goes through here.
 */
import stringWidth from 'string-width';
import { padEndCells, padStartCells } from './text-width.js';

/** Printable ASCII only: one cell per character (string-width's regexes are costly to compile, ~80 ms at start). */
const ASCII = /^[\x20-\x7e]*$/;
const cells = (s: string): number => (ASCII.test(s) ? s.length : stringWidth(s));

export const widthOf = (s: string): number => cells(s);

export const padEnd = (s: string, width: number): string => padEndCells(s, width, cells);
export const padStart = (s: string, width: number): string => padStartCells(s, width, cells);

/** Rows of cells as aligned lines, columns two spaces apart, no trailing spaces. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => { widths[i] = Math.max(widths[i] ?? 0, cells(c)); });
  return rows.map((r) => r.map((c, i) => padEnd(c, widths[i]!)).join('  ').trimEnd());
}
