#!/usr/bin/env node
// Writes the parses of the package's own scenario files that the shipped CLI reads instead of parsing
// (src/cache/build-cache.ts says when), made with the code `tsc` just compiled into dist/:
//   dist/bundle/pool-cache.json              the practice pool (src/practice/pool-cache.ts), and
//   dist/bundle/pool-working.json            its long workings, read when one is shown
//   dist/bundle/tcp-cache/<path>.json        each scenarios/tcp/**/*.yaml and scenarios/window/*.yaml (src/cli/scenario-cache.ts)
//   dist/bundle/lab-list.json                the lab experiments' names and titles (src/cli/lab-list.ts)
// Runs after the bundle (whose build empties dist/bundle). Each file is written to a temporary name
// and renamed, so a failed build never leaves half a cache. A shipped scenario that does not parse
// fails the build.
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { buildPoolCache } from '../dist/practice/pool-files.js';
import { poolCachePath, splitWorking, workingPath } from '../dist/practice/pool-cache.js';
import { cacheStringify, textHash } from '../dist/cache/build-cache.js';
import { TCP_CACHE_FORMAT, tcpCacheFile } from '../dist/cli/scenario-cache.js';
import { parseTcpScenario } from '../dist/scenario/tcp.js';
import { parseWindowScenario } from '../dist/scenario/window.js';
import { scenariosDir } from '../dist/practice/source-files.js';
import { EXPERIMENTS } from '../dist/lab/experiments/index.js';
import { labListPath } from '../dist/cli/lab-list.js';

function write(path, value, stringify = JSON.stringify) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, stringify(value));
  renameSync(`${path}.tmp`, path);
}

// The pool, with its long workings in a second file read only when one is shown (pool-cache.ts).
const pool = splitWorking(buildPoolCache());
write(workingPath(poolCachePath()), pool.working);
write(poolCachePath(), pool.cache);

const root = scenariosDir();
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
for (const [dir, parse] of [['tcp', parseTcpScenario], ['window', parseWindowScenario]]) {
  for (const path of walk(join(root, dir))) {
    const rel = relative(root, path);
    const text = readFileSync(path, 'utf8');
    write(tcpCacheFile(rel), { format: TCP_CACHE_FORMAT, hash: textHash(text), scenario: parse(text, `scenarios/${rel}`) }, cacheStringify);
  }
}

write(labListPath(), { experiments: EXPERIMENTS.map((e) => ({ name: e.name, title: e.title, tcp: e.tcp })) });
