/**
 * `npm test` rebuilds only when the build's inputs changed (scripts/stamp.js, run by pretest): run on a
 * small copy of the package layout, a changed source, a new file, a changed scenario or a missing
 * output each make `check` fail (so the build runs), and an unchanged tree passes.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'netkata-stamp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const put = (rel: string, text: string): void => {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
mkdirSync(join(dir, 'scripts'), { recursive: true });
copyFileSync(join(root, 'scripts', 'stamp.js'), join(dir, 'scripts', 'stamp.js'));
for (const f of ['src/cli/main.ts', 'scenarios/tcp/a.yaml', 'package-lock.json', 'tsconfig.json']) put(f, `${f}\n`);
put('package.json', '{ "type": "module" }\n'); // scripts/ are ES modules, as in the package
const OUTPUTS = ['dist/bundle/main.js', 'dist/bundle/addr-direct.cjs', 'dist/bundle/exam-direct.cjs', 'dist/bundle/tcp-direct.cjs', 'dist/bundle/lab-list-direct.cjs', 'dist/bundle/pool-cache.json', 'dist/bundle.meta.json', 'dist/cli/main.js'];
for (const f of OUTPUTS) put(f, '');

const stamp = (mode: string): number | null => spawnSync(process.execPath, [join(dir, 'scripts', 'stamp.js'), mode], { encoding: 'utf8' }).status;

describe('scripts/stamp.js (pretest builds only when an input changed)', () => {
  it('no stamp yet: stale; after write: fresh', () => {
    expect(stamp('check')).toBe(1);
    expect(stamp('write')).toBe(0);
    expect(stamp('check')).toBe(0);
  });
  it.each([
    ['a changed source', () => put('src/cli/main.ts', 'changed\n'), () => put('src/cli/main.ts', 'src/cli/main.ts\n')],
    ['a new source file', () => put('src/new.ts', 'x\n'), () => rmSync(join(dir, 'src/new.ts'))],
    ['a changed scenario', () => put('scenarios/tcp/a.yaml', 'changed\n'), () => put('scenarios/tcp/a.yaml', 'scenarios/tcp/a.yaml\n')],
    ['a changed lock file', () => put('package-lock.json', '{}\n'), () => put('package-lock.json', 'package-lock.json\n')],
    ['a missing output', () => rmSync(join(dir, 'dist/bundle/main.js')), () => put('dist/bundle/main.js', '')],
  ])('%s: stale, and fresh again once undone', (_what, change, undo) => {
    expect(stamp('check')).toBe(0);
    change();
    expect(stamp('check')).toBe(1);
    undo();
    expect(stamp('check')).toBe(0);
  });
});
