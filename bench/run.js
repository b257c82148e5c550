#!/usr/bin/env node
// Runs every bench/*.bench.js (or those whose name contains an argument) one after another.
// Each bench prints its own figures against its named baseline, measured in the same run.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.js'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (benches.length === 0) {
  console.error(`netkata bench: no bench matches ${filters.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const f of benches) {
  console.log(`\n== ${f} ==`);
  const r = spawnSync(process.execPath, ['--expose-gc', join(here, f)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
