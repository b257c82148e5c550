/**
 * The package's practice pool, parsed once at build time (scripts/parse-cache.js writes
 * dist/bundle/pool-cache.json after the bundle): `netkata exam` and `practice` otherwise spend most of their start
 * parsing seven YAML banks, validating them, and running nineteen TCP scenarios up to their `ask` steps,
 * the same work on every start (issue 14). The cache is used only when it was made from exactly the
 * files on disk now: every bank, and every TCP scenario that has an `ask` step, with the same name and
 * the same hash of its text (textHash). Anything else (an edited, added or removed file, no cache, a cache
 * from another version) falls back to parsing the files. Running from the sources (src/, as the
 * tests do) never uses it, since the code that made it may have changed since the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildCachePath, runningFromSources, textHash } from '../cache/build-cache.js';
import type { PracticeBank } from '../scenario/practice.js';
import type { Question, Text } from './question.js';
import type { FileStat, SourceFile } from './source-files.js';

/** A step `- ask:` in a scenario file's steps list. */
export const ASK_STEP = /^\s*-\s+ask:/m;

/** Bumped when the cache's shape or meaning changes; a cache of another format is not used. */
export const POOL_CACHE_FORMAT = 3;

/**
 * A question's working longer than this (characters of its JSON) is kept in a second file,
 * pool-working.json, read only when some question's working is wanted: the SYN flood questions' ladders
 * were 290 KB of the 448 KB cache, and reading and parsing it all was 14 ms of every `netkata exam`
 * (a --cpu-prof of `exam --seed 7`), which shows the working of the questions it draws only.
 */
export const SIDE_WORKING_CHARS = 4096;

/** In the written cache, a working moved to pool-working.json under this key. */
interface WorkingRef {
  readonly ref: string;
}

export interface PoolCache {
  readonly format: number;
  /**
   * Every bank and every TCP scenario (with an ask step or not) as the build saw it. When each file on disk
   * has the same name, size and modification time, the texts are not read and hashed (git's index does the
   * same before it hashes a file); any difference, as after an edit, falls back to the hashes below. A
   * package unpacked by npm has other times, and always takes the hashes.
   */
  readonly stats?: readonly FileStat[];
  readonly banks: readonly { readonly file: string; readonly hash: string; readonly bank: PracticeBank }[];
  readonly asks: readonly { readonly file: string; readonly hash: string; readonly questions: readonly Question[] }[];
}

export interface Parsed {
  readonly banks: readonly PracticeBank[];
  readonly asks: readonly Question[];
}

export { runningFromSources, textHash };

/** dist/bundle/pool-cache.json of this package. */
export function poolCachePath(): string {
  return buildCachePath('pool-cache.json');
}

/** pool-working.json beside the cache. */
export function workingPath(cachePath: string = poolCachePath()): string {
  return join(dirname(cachePath), 'pool-working.json');
}

/** The cache as written: long workings moved out (to the second file's record, keyed file#index). */
export function splitWorking(cache: PoolCache): { readonly cache: PoolCache; readonly working: Record<string, Text> } {
  const working: Record<string, Text> = {};
  const asks = cache.asks.map((a) => ({
    ...a,
    questions: a.questions.map((q, i) => {
      if (JSON.stringify(q.working).length <= SIDE_WORKING_CHARS) return q;
      const ref = `${a.file}#${i}`;
      working[ref] = q.working;
      return { ...q, working: { ref } as unknown as Text };
    }),
  }));
  return { cache: { ...cache, asks }, working };
}

export function readPoolCache(path: string = poolCachePath()): PoolCache | undefined {
  try {
    const cache = JSON.parse(readFileSync(path, 'utf8')) as PoolCache;
    if (cache.format !== POOL_CACHE_FORMAT || !Array.isArray(cache.banks) || !Array.isArray(cache.asks)) return undefined;
    const side = workingPath(path);
    if (!cache.asks.some((a) => a.questions.some((q: Question) => isRef(q.working)))) return cache;
    if (!existsSync(side)) return undefined; // half a cache: parse the files
    let loaded: Record<string, Text> | undefined;
    const load = (): Record<string, Text> => (loaded ??= JSON.parse(readFileSync(side, 'utf8')) as Record<string, Text>);
    for (const a of cache.asks) {
      for (const q of a.questions) {
        if (!isRef(q.working)) continue;
        const { ref } = q.working;
        // Read on first use, then a plain property (JSON.stringify and spreads see the text).
        Object.defineProperty(q, 'working', {
          enumerable: true,
          configurable: true,
          get() {
            const value = load()[ref];
            if (value === undefined) throw new Error(`pool-working.json has no working for ${ref}: rebuild (npm run build)`);
            Object.defineProperty(q, 'working', { value, enumerable: true, configurable: true, writable: true });
            return value;
          },
        });
      }
    }
    return cache;
  } catch {
    return undefined;
  }
}

function isRef(w: unknown): w is WorkingRef {
  return typeof w === 'object' && w !== null && typeof (w as { ref?: unknown }).ref === 'string' && !('en' in w);
}

function sameFiles(files: readonly SourceFile[], cached: readonly { file: string; hash: string }[]): boolean {
  return files.length === cached.length && files.every((f, i) => f.file === cached[i]!.file && textHash(f.text) === cached[i]!.hash);
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

/** Whether these files are, by name, size and modification time, the ones the build parsed. */
export function sameStats(cache: PoolCache, now: readonly FileStat[]): boolean {
  const then = cache.stats;
  return then !== undefined && then.length === now.length && now.every((f, i) => f.file === then[i]!.file && f.size === then[i]!.size && f.mtimeMs === then[i]!.mtimeMs);
}

/** The parse for a cache whose files are unchanged (sameStats): every bank, and the ask questions when wanted. */
export function parsedAsIs(cache: PoolCache, withAsks: boolean): Parsed {
  return { banks: cache.banks.map((b) => b.bank), asks: withAsks ? cache.asks.flatMap((a) => a.questions) : [] };
}
