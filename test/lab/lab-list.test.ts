/**
 * `netkata lab list` in English comes from dist/bundle/lab-list.json (src/cli/lab-list.ts), written at
 * build time from the experiment registry. It must be the registry's list, and the bin must print it as
 * the registry (the sources) would.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtLabList, labListPath } from '../../src/cli/lab-list.js';
import { EXPERIMENTS } from '../../src/lab/experiments/index.js';

const bin = fileURLToPath(new URL('../../bin/netkata.js', import.meta.url));
const registry = EXPERIMENTS.map((e) => ({ name: e.name, title: e.title, tcp: e.tcp }));

describe.skipIf(!existsSync(labListPath()))('lab list from the build (skipped when dist/bundle/lab-list.json is not built)', () => {
  it('is the experiment registry, name, title and tcp', () => {
    expect(builtLabList({ cache: true })).toEqual(registry);
    expect(builtLabList()).toBeUndefined(); // these tests run from src/: the registry answers there
  });

  it('bin `lab list` (--json and text) prints the registry', () => {
    const json = spawnSync(process.execPath, [bin, 'lab', 'list', '--json'], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
    expect(JSON.parse(json.stdout)).toEqual({ experiments: registry });
    const text = spawnSync(process.execPath, [bin, 'lab', 'list'], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
    expect(text.stdout).toBe(`${registry.map((e) => `${e.name.padEnd(12)} ${e.title}`).join('\n')}\n`);
  });
});
