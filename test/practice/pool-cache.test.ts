/**
 * The practice pool parsed at build time (src/practice/pool-cache.ts) must give exactly what parsing
 * the files gives, and must not be used for files it was not made from. The reference here is the
 * uncached path (YAML + schema + simulator), which the other practice tests check against their own
 * independent references; the end-to-end case compares the shipped bin (which reads the cache) with it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { poolOf } from '../../src/practice/bank.js';
import { buildPoolCache, loadPool } from '../../src/practice/pool-files.js';
import { cachedParse, poolCachePath, readPoolCache, runningFromSources, sameStats, SIDE_WORKING_CHARS, splitWorking, workingPath, type PoolCache } from '../../src/practice/pool-cache.js';
import { scenariosDir, statScenarioFiles } from '../../src/practice/source-files.js';
import { readScenarioFiles } from '../../src/practice/source-files.js';
import { buildSession } from '../../src/practice/session.js';
import { examJson } from '../../src/practice/present.js';

const dir = mkdtempSync(join(tmpdir(), 'netkata-pool-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const banks = readScenarioFiles('practice');
const scenarios = readScenarioFiles('tcp');
const cache = JSON.parse(JSON.stringify(buildPoolCache())) as PoolCache; // as written to disk

describe('practice pool cache', () => {
  it('gives the same pool as parsing the files, for every topic, after a JSON round trip', () => {
    const parsed = cachedParse(cache, banks, scenarios);
    expect(parsed).toBeDefined();
    const fresh = loadPool(undefined, undefined, 'all', { cache: false });
    expect(JSON.stringify(parsed!.asks)).toBe(JSON.stringify(fresh.fixed.filter((q) => q.source.startsWith('scenario:'))));
    expect(cache.asks.length).toBeGreaterThan(10); // the ask steps of the built-in scenarios are in it
    // The same seeded session from either pool.
    for (const seed of [1, 7, 42, 2026]) {
      const a = buildSession(loadPool(undefined, undefined, 'all', { cache: false }), { seed, count: 20, topic: 'all' });
      const p = cachedParse(cache, banks, scenarios)!;
      const b = buildSession(poolOf(p.banks, p.asks), { seed, count: 20, topic: 'all' });
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }
  });

  it('is not used for files it was not made from', () => {
    const edited = banks.map((f, i) => (i === 0 ? { ...f, text: f.text.replace('title:', 'title: ') } : f));
    expect(cachedParse(cache, edited, scenarios)).toBeUndefined();
    expect(cachedParse(cache, banks.slice(1), scenarios)).toBeUndefined();
    expect(cachedParse(cache, [...banks, { file: 'scenarios/practice/zz.yaml', text: 'x' }], scenarios)).toBeUndefined();
    const asking = scenarios.findIndex((f) => /^\s*-\s+ask:/m.test(f.text));
    const editedTcp = scenarios.map((f, i) => (i === asking ? { ...f, text: `${f.text}\n` } : f));
    expect(cachedParse(cache, banks, editedTcp)).toBeUndefined();
    // A new scenario with an ask step is a miss; one without is not part of the pool, so no miss.
    const ask = { file: 'scenarios/tcp/zz.yaml', text: 'steps:\n  - ask: {prompt: p, answer: a, explain: e}\n' };
    expect(cachedParse(cache, banks, [...scenarios, ask])).toBeUndefined();
    expect(cachedParse(cache, banks, [...scenarios, { file: 'scenarios/tcp/zy.yaml', text: 'steps:\n  - settle: true\n' }])).toBeDefined();
    // A topic without ask questions only needs the banks to match.
    expect(cachedParse(cache, banks, undefined)?.asks).toEqual([]);
  });

  it('is not read when it is of another format, broken or absent', () => {
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ ...cache, format: 99 }));
    expect(readPoolCache(other)).toBeUndefined();
    writeFileSync(other, '{"format": 3, "banks": ');
    expect(readPoolCache(other)).toBeUndefined();
    expect(readPoolCache(join(dir, 'absent.json'))).toBeUndefined();
  });

  it('long workings go to a second file, read when one is first wanted, and give back the same questions', () => {
    const split = splitWorking(cache);
    const moved = Object.keys(split.working);
    expect(moved.length).toBeGreaterThan(0); // the SYN flood ladders
    for (const w of Object.values(split.working)) expect(JSON.stringify(w).length).toBeGreaterThan(SIDE_WORKING_CHARS);
    const path = join(dir, 'split', 'pool-cache.json');
    mkdirSync(join(dir, 'split'));
    writeFileSync(path, JSON.stringify(split.cache));
    writeFileSync(workingPath(path), JSON.stringify(split.working));
    const read = readPoolCache(path)!;
    expect(read).toBeDefined();
    expect(cachedParse(read, banks, scenarios)).toEqual(cachedParse(cache, banks, scenarios));
    // Not read before a moved working is wanted: a damaged second file spoils only that working.
    writeFileSync(workingPath(path), '{"broken": ');
    const lazy = readPoolCache(path)!;
    const [file, index] = moved[0]!.split('#') as [string, string];
    const plain = lazy.asks.flatMap((a) => a.questions).find((q) => JSON.stringify(q.working).length < SIDE_WORKING_CHARS)!;
    expect(plain.working.en).toBeTypeOf('string');
    expect(() => lazy.asks.find((a) => a.file === file)!.questions[Number(index)]!.working).toThrow();
    // Without the second file the cache is not used at all.
    rmSync(workingPath(path));
    expect(readPoolCache(path)).toBeUndefined();
  });

  it('files unchanged by name, size and time skip the hashes; an edit of the same size, or a touch, does not', () => {
    const root = join(dir, 'scenarios');
    cpSync(scenariosDir(), root, { recursive: true });
    const built = buildPoolCache(root);
    const stats = () => [...statScenarioFiles('practice', root), ...statScenarioFiles('tcp', root)];
    expect(sameStats(built, stats())).toBe(true);
    expect(built.stats!.length).toBe(readScenarioFiles('practice', root).length + readScenarioFiles('tcp', root).length);
    // A teacher changes an answer key digit: the size stays, the time moves, and the hashes then refuse the cache.
    const bank = join(root, 'practice', 'subnet.yaml');
    const text = readFileSync(bank, 'utf8');
    const i = text.search(/\d/);
    writeFileSync(bank, text.slice(0, i) + String((Number(text[i]) + 1) % 10) + text.slice(i + 1));
    const later = new Date(Date.now() + 5000);
    utimesSync(bank, later, later);
    expect(sameStats(built, stats())).toBe(false);
    expect(cachedParse(built, readScenarioFiles('practice', root), readScenarioFiles('tcp', root))).toBeUndefined();
    // Touched back to its old text: the times differ, the hashes agree, the cache stands.
    writeFileSync(bank, text);
    utimesSync(bank, later, later);
    expect(sameStats(built, stats())).toBe(false);
    expect(cachedParse(built, readScenarioFiles('practice', root), readScenarioFiles('tcp', root))).toBeDefined();
    // A file added: not the same set.
    writeFileSync(join(root, 'tcp', 'zz-new.yaml'), 'name: x\n');
    expect(sameStats({ ...built, stats: stats().filter((f) => !f.file.endsWith('zz-new.yaml')) }, stats())).toBe(false);
  });

  it('is not used by the sources, whose code may be newer than the cache', () => {
    expect(runningFromSources()).toBe(true);
    expect(runningFromSources('file:///x/dist/bundle/chunk-AB12.js')).toBe(false);
    expect(runningFromSources('file:///x/dist/practice/pool-cache.js')).toBe(false);
  });

  const shipped = existsSync(poolCachePath());
  it.skipIf(!shipped)('the shipped bin (reading the cache) prints the exam the sources print without it (skipped when dist/bundle/pool-cache.json is not built)', () => {
    const bin = fileURLToPath(new URL('../../bin/netkata.js', import.meta.url));
    for (const seed of [3, 7]) {
      const r = spawnSync(process.execPath, [bin, 'exam', '--seed', String(seed), '--count', '12', '--json'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const pool = loadPool(undefined, undefined, 'all', { cache: false });
      const want = examJson(seed, 'all', 'en', buildSession(pool, { seed, count: 12, topic: 'all' }));
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(want)));
    }
  });
});
