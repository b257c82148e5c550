#!/usr/bin/env node
// The build's inputs, hashed: `node scripts/stamp.js write` (the last step of `npm run build`) records
// them in dist/.build-stamp; `node scripts/stamp.js check` exits 0 when they are unchanged since, so that
// `npm test`'s pretest rebuilds only when a source changed (in CI `npm ci` has just built the same tree).
// Inputs: everything tsc, esbuild and scripts/parse-cache.js read from the package (src/, scenarios/,
// scripts/, the package and lock files, tsconfig) and the Node version that built it. A missing stamp or
// a missing output counts as changed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = join(root, 'dist', '.build-stamp');
const OUTPUTS = ['dist/bundle/main.js', 'dist/bundle/addr-direct.cjs', 'dist/bundle/exam-direct.cjs', 'dist/bundle/tcp-direct.cjs', 'dist/bundle/lab-list-direct.cjs', 'dist/bundle/pool-cache.json', 'dist/bundle.meta.json', 'dist/cli/main.js'];

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : e.isFile() ? [p] : [];
  });
}

function digest() {
  const h = createHash('sha256');
  h.update(`node ${process.version}\n`);
  const inputs = [...['src', 'scenarios', 'scripts'].flatMap((d) => files(join(root, d))), ...['package.json', 'package-lock.json', 'tsconfig.json'].map((f) => join(root, f))];
  for (const f of inputs.map((p) => relative(root, p)).sort()) {
    h.update(`${f}\n`);
    h.update(createHash('sha256').update(readFileSync(join(root, f))).digest());
  }
  return h.digest('hex');
}

const [mode] = process.argv.slice(2);
if (mode === 'write') {
  writeFileSync(stampFile, `${digest()}\n`);
} else if (mode === 'check') {
  const fresh = existsSync(stampFile) && OUTPUTS.every((f) => existsSync(join(root, f))) && readFileSync(stampFile, 'utf8').trim() === digest();
  if (fresh) console.log('build: up to date (dist/.build-stamp matches src/, scenarios/, scripts/ and the package files)');
  process.exit(fresh ? 0 : 1);
} else {
  console.error('usage: node scripts/stamp.js write|check');
  process.exit(2);
}
