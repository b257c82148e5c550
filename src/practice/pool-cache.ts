/**
 * The package's practice pool, parsed once at build time (scripts/parse-cache.js writes
 * dist/bundle/pool-cache.json after the bundle): `netkata exam` and `practice` otherwise spend most of their start
 * parsing seven YAML banks, validating them, and running nineteen TCP scenarios up to their `ask` steps,
 * the same work on every start (issue 14). The cache is used only when it was made from exactly the
 * files on disk now: every bank, and every TCP scenario that has an `ask` step, with the same name and
 * the same SHA-256 of its text. Anything else (an edited, added or removed file, no cache, a cache
 * from another version) falls back to parsing the files. Running from the sources (src/, as the
 * tests do) never uses it, since the code that made it may have changed since the build.
 */
import { readFileSync } from 'node:fs';
import { buildCachePath, runningFromSources, sha256 } from '../cache/build-cache.js';
import type { PracticeBank } from '../scenario/practice.js';
import type { Question } from './question.js';
import type { SourceFile } from './source-files.js';

/** A step `- ask:` in a scenario file's steps list. */
export const ASK_STEP = /^\s*-\s+ask:/m;

/** Bumped when the cache's shape or meaning changes; a cache of another format is not used. */
export const POOL_CACHE_FORMAT = 1;

export interface PoolCache {
  readonly format: number;
  readonly banks: readonly { readonly file: string; readonly sha256: string; readonly bank: PracticeBank }[];
  readonly asks: readonly { readonly file: string; readonly sha256: string; readonly questions: readonly Question[] }[];
}

export interface Parsed {
  readonly banks: readonly PracticeBank[];
  readonly asks: readonly Question[];
}

export { runningFromSources, sha256 };

/** dist/bundle/pool-cache.json of this package. */
export function poolCachePath(): string {
  return buildCachePath('pool-cache.json');
}

export function readPoolCache(path: string = poolCachePath()): PoolCache | undefined {
  try {
    const cache = JSON.parse(readFileSync(path, 'utf8')) as PoolCache;
    return cache.format === POOL_CACHE_FORMAT && Array.isArray(cache.banks) && Array.isArray(cache.asks) ? cache : undefined;
  } catch {
    return undefined;
  }
}

function sameFiles(files: readonly SourceFile[], cached: readonly { file: string; sha256: string }[]): boolean {
  return files.length === cached.length && files.every((f, i) => f.file === cached[i]!.file && sha256(f.text) === cached[i]!.sha256);
}

/**
 * The cached parse of these files, or undefined when the cache does not match them exactly.
 * `scenarios` undefined: the caller needs no ask questions (a topic other than tcp).
 */
export function cachedParse(cache: PoolCache | undefined, banks: readonly SourceFile[], scenarios: readonly SourceFile[] | undefined): Parsed | undefined {
  if (cache === undefined || !sameFiles(banks, cache.banks)) return undefined;
  if (scenarios === undefined) return { banks: cache.banks.map((b) => b.bank), asks: [] };
  if (!sameFiles(scenarios.filter((f) => ASK_STEP.test(f.text)), cache.asks)) return undefined;
  return { banks: cache.banks.map((b) => b.bank), asks: cache.asks.flatMap((a) => a.questions) };
}
