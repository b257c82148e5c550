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
// Every Node process started here (the baseline `node -e 0` too) parses the CA file NODE_EXTRA_CA_CERTS
// names when it starts: about 40 ms on this machine class, which makes start-up ratios look smaller
// than a user without it sees. Say which way the figures were taken.
console.log(process.env.NODE_EXTRA_CA_CERTS
  ? `NODE_EXTRA_CA_CERTS is set (${process.env.NODE_EXTRA_CA_CERTS}): each process reads it at start; \`env -u NODE_EXTRA_CA_CERTS npm run bench\` measures without it`
  : 'NODE_EXTRA_CA_CERTS is not set');
let failed = 0;
for (const f of benches) {
  console.log(`\n== ${f} ==`);
  const r = spawnSync(process.execPath, ['--expose-gc', join(here, f)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
