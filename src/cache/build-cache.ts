/**
 * Parses made at build time (scripts/parse-cache.js, after the bundle) of the files the package ships:
 * the practice pool (src/practice/pool-cache.ts) and the TCP scenarios (src/cli/scenario-cache.ts).
 * A command that reads a shipped file then skips YAML, the schema and their modules (issue 14). Each
 * cached parse carries a hash of the text it was made from (textHash) and is used only for that text.
 * Running from the sources (src/, as the tests do) never uses a cache: the code that made it may have
 * changed since the build.
 */
import { fileURLToPath } from 'node:url';

/**
 * A 106-bit hash of a text (two 53-bit cyrb53 lanes with different seeds, over its UTF-16 code units), to
 * tell whether a shipped file still has the text a cached parse was made from. Not cryptographic: it
 * guards against edits, not against an attacker who can already write the package's files. It replaced
 * SHA-256, whose module (node:crypto, OpenSSL's start) cost about 10 ms of every `tcp run` and `exam`
 * (`node -e "require('crypto')"` against `node -e 0`). test/cli/scenario-cache.test.ts: an edit of one
 * character is seen.
 */
export function textHash(text: string): string {
  return lane(text, 0x6e6b) + lane(text, 0x7461);
}

function lane(text: string, seed: number): string {
  return hash53(text, seed).toString(16).padStart(14, '0');
}

/** cyrb53: a 53-bit hash of a text's UTF-16 code units (one lane of textHash; also the replay's 4-tuple index). */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** dist/bundle/<name> of this package: this module sits two directories below the root in src/, dist/ and the bundle alike. */
export function buildCachePath(name: string, url: string = import.meta.url): string {
  return fileURLToPath(new URL(`../../dist/bundle/${name}`, url));
}

/** Whether a module runs from the sources, where a cache would be older than the code. */
export function runningFromSources(url: string = import.meta.url): boolean {
  return /\/src\/[^/]+\/[^/]+\.tsx?$/.test(url);
}

/**
 * JSON for cached parses, keeping the numbers JSON has no text for: a window scenario's `readRate` is
 * Infinity when the receiver reads at once, which JSON.stringify writes as null (the cached scenario then
 * ran a different transfer: test/cli/scenario-cache.test.ts compares with deep equality).
 */
const NON_FINITE: Record<string, number> = { '\u0000Infinity': Infinity, '\u0000-Infinity': -Infinity, '\u0000NaN': NaN };

export function cacheStringify(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `\u0000${String(v)}` : v));
}

export function cacheParse(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) => (typeof v === 'string' && v in NON_FINITE ? NON_FINITE[v] : v));
}
