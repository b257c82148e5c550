/**
 * Multi-part fill-in tables (a VLSM plan: per LAN its network, mask, first and last host), typed on
 * one line: rows separated by `;`, each row the LAN's name and its cells separated by spaces, commas
 * or a `-` between the two hosts (`A 10.0.0.0/26 255.255.255.192 10.0.0.1-10.0.0.62; B ...`). Each
 * cell is read with the normaliser of its column, so `/26` and `255.255.255.192` are both a mask.
 */
import { readCidr, readIPv4, readMask, tidy, type Reading } from './normalise.js';
import type { Text } from './question.js';

export type Column = 'cidr' | 'mask' | 'ipv4';

export const VLSM_COLUMNS: readonly Column[] = ['cidr', 'mask', 'ipv4', 'ipv4'];

const COLUMN_NAMES: Readonly<Record<number, Text>> = {
  0: { en: 'network', zh: '网络地址' }, 1: { en: 'mask', zh: '子网掩码' }, 2: { en: 'first host', zh: '第一个主机' }, 3: { en: 'last host', zh: '最后一个主机' },
};

function readCell(column: Column, cell: string): Reading {
  return column === 'cidr' ? readCidr(cell) : column === 'mask' ? readMask(cell, ['dotted', 'prefix']) : readIPv4(cell);
}

/** Rows by name, each a list of cells: undefined when the line has no row structure at all. */
export function readRows(input: string): Map<string, string[]> | undefined {
  const rows = new Map<string, string[]>();
  for (const row of tidy(input).split(/\s*;\s*/).filter((r) => r !== '')) {
    const [name, ...cells] = row.replace(/[:：]/, ' ').split(/[\s,]+|(?<=\d)\s*[-~]\s*(?=\d)/).filter((c) => c !== '' && c !== '-' && c !== '~');
    if (name === undefined || !/^[A-Za-z]$/.test(name)) return undefined;
    rows.set(name.toUpperCase(), cells);
  }
  return rows.size === 0 ? undefined : rows;
}

export interface TableResult {
  readonly correct: boolean;
  /** The cells that are missing or wrong, as `B mask`, for the verdict's note. */
  readonly wrong: readonly Text[];
}

export function gradeTable(expected: string, given: string, columns: readonly Column[]): TableResult | undefined {
  const want = readRows(expected);
  const got = readRows(given);
  if (want === undefined || got === undefined) return undefined;
  const wrong: Text[] = [];
  for (const [name, cells] of want) {
    const typed = got.get(name) ?? [];
    columns.forEach((c, i) => {
      const a = typed[i] === undefined ? undefined : readCell(c, typed[i]!);
      const b = readCell(c, cells[i]!);
      if (a === undefined || !a.ok || !b.ok || a.key !== b.key) wrong.push({ en: `${name} ${COLUMN_NAMES[i]!.en}`, zh: `${name} 的${COLUMN_NAMES[i]!.zh}` });
    });
  }
  const extra = [...got.keys()].filter((k) => !want.has(k));
  return { correct: wrong.length === 0 && extra.length === 0, wrong };
}
