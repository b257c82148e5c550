/**
 * `netkata lab list` in English without loading the lab: importing the experiment registry loads every
 * experiment and zod for their parameter schemas, twice the start of the command (issue 14,
 * bench/cli-oneshot.bench.js). scripts/parse-cache.js writes the registry's list (name, title, tcp) to
 * dist/bundle/lab-list.json with the code it builds; the bundle reads that. From the sources (the
 * tests), or without the file, the registry answers (test/lab/lab-list.test.ts holds the two equal).
 */
import { readFileSync } from 'node:fs';
import { buildCachePath, runningFromSources } from '../cache/build-cache.js';

export interface LabListEntry {
  readonly name: string;
  readonly title: string;
  readonly tcp: boolean;
}

export function labListPath(): string {
  return buildCachePath('lab-list.json');
}

export function builtLabList(options: { cache?: boolean } = {}): LabListEntry[] | undefined {
  if (!(options.cache ?? !runningFromSources())) return undefined;
  try {
    const list = JSON.parse(readFileSync(labListPath(), 'utf8')) as { experiments?: LabListEntry[] };
    return Array.isArray(list.experiments) ? list.experiments : undefined;
  } catch {
    return undefined;
  }
}

/** The text `lab list` prints for these entries: one line each, name and title. */
export function labListText(list: readonly LabListEntry[]): string {
  return list.map((e) => `${e.name.padEnd(12)} ${e.title}`).join('\n');
}
