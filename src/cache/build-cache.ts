/**
 * Parses made at build time (scripts/parse-cache.js, after the bundle) of the files the package ships:
 * the practice pool (src/practice/pool-cache.ts) and the TCP scenarios (src/cli/scenario-cache.ts).
 * A command that reads a shipped file then skips YAML, the schema and their modules (issue 14). Each
 * cached parse carries the SHA-256 of the text it was made from and is used only for that exact text.
 * Running from the sources (src/, as the tests do) never uses a cache: the code that made it may have
 * changed since the build.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
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
