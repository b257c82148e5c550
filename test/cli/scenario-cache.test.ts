/**
 * The TCP scenarios parsed at build time (src/cli/scenario-cache.ts, scripts/parse-cache.js) must be
 * exactly what parsing the files gives, and must be used for nothing else. The reference is the
 * parser itself (checked elsewhere against RFC 9293 and the conformance translations); the end-to-end
 * case compares the shipped bin, which reads the cache, with the sources, which never do.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedScenario, cachedWindowScenario, loadScenarioArg, tcpCacheFile } from '../../src/cli/scenario-cache.js';
import { scenariosDir } from '../../src/practice/source-files.js';
import { parseTcpScenario } from '../../src/scenario/tcp.js';
import { parseWindowScenario } from '../../src/scenario/window.js';
import { runWindowScenario } from '../../src/tcp/window-run.js';
import { Simulation } from '../../src/tcp/simulation.js';

const root = scenariosDir();
const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.yaml') ? [join(d, e.name)] : []));
const files = walk(join(root, 'tcp'));
const windows = walk(join(root, 'window'));
const built = [...files, ...windows].every((f) => existsSync(tcpCacheFile(relative(root, f))));
const dir = mkdtempSync(join(tmpdir(), 'netkata-scenario-cache-'));
const bin = fileURLToPath(new URL('../../bin/netkata.js', import.meta.url));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!built)('TCP scenario cache (skipped when dist/bundle/tcp-cache is not built: npm run build)', () => {
  it(`holds every shipped scenario (${files.length}) exactly as the parser reads it`, () => {
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const name = `scenarios/${relative(root, f)}`;
      const cached = cachedScenario(f, text, name, { cache: true });
      expect(cached, name).toBeDefined();
      expect(cached, name).toEqual(parseTcpScenario(text, name));
    }
  });

  it(`holds every shipped window scenario (${windows.length}) exactly as the parser reads it (deep equality: a number JSON cannot hold would differ)`, () => {
    expect(windows.length).toBeGreaterThan(5);
    for (const f of windows) {
      const text = readFileSync(f, 'utf8');
      const name = `scenarios/${relative(root, f)}`;
      const cached = cachedWindowScenario(f, text, name, { cache: true });
      expect(cached, name).toBeDefined();
      expect(cached, name).toEqual(parseWindowScenario(text, name));
      // Neither parse may stand for the other: a TCP scenario's cache does not answer for a window file.
      expect(cachedScenario(f, text, name, { cache: true }), name).toBeUndefined();
    }
    const copy = join(dir, 'window-copy.yaml');
    copyFileSync(windows[0]!, copy);
    expect(cachedWindowScenario(copy, readFileSync(copy, 'utf8'), 'x', { cache: true })).toBeUndefined();
    expect(cachedWindowScenario(windows[0]!, `${readFileSync(windows[0]!, 'utf8')}\n`, 'x', { cache: true })).toBeUndefined();
  });

  it('bin `tcp run <window scenario> --json` and `tcp list --json` (cache) = the sources (parser)', () => {
    const name = windows[0]!.slice(windows[0]!.lastIndexOf('/') + 1).replace(/\.yaml$/, '');
    const r = spawnSync(process.execPath, [bin, 'tcp', 'run', name, '--json'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const want = runWindowScenario(parseWindowScenario(readFileSync(windows[0]!, 'utf8'), `scenarios/window/${name}.yaml`));
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(want)));
    const list = JSON.parse(spawnSync(process.execPath, [bin, 'tcp', 'list', '--json'], { encoding: 'utf8' }).stdout) as { scenarios: { name: string; title: string; topic: string | null }[] };
    for (const f of windows) {
      const w = parseWindowScenario(readFileSync(f, 'utf8'), f);
      expect(list.scenarios).toContainEqual({ name: w.name, title: w.title, topic: w.topic ?? null });
    }
  });

  it('is not used for an edited text, a file outside scenarios/tcp, or from the sources by default', () => {
    const f = join(root, 'tcp', 'handshake.yaml');
    const text = readFileSync(f, 'utf8');
    expect(cachedScenario(f, `${text}\n`, 'x', { cache: true })).toBeUndefined();
    expect(cachedScenario(f, text.replace('isn: 1000', 'isn: 1001'), 'x', { cache: true })).toBeUndefined();
    const copy = join(dir, 'handshake.yaml');
    copyFileSync(f, copy);
    expect(cachedScenario(copy, text, 'x', { cache: true })).toBeUndefined();
    expect(cachedScenario(f, text, 'x')).toBeUndefined(); // these tests run from src/
  });

  it('an edited copy of a shipped file runs as written, not as cached', async () => {
    const copy = join(dir, 'edited.yaml');
    writeFileSync(copy, readFileSync(join(root, 'tcp', 'handshake.yaml'), 'utf8').replace(/isn: 1000\b/, 'isn: 4242'));
    const s = await loadScenarioArg(copy, { cache: true });
    expect(s.endpoints.find((e) => e.name === 'client')?.isn).toBe(4242);
  });

  it.each(['handshake', 'simultaneous-open', 'lost-syn-ack', 'syn-flood', 'rto-estimation-linux'])('bin `tcp run %s --json` (cache) = the sources (parser)', (name) => {
    const path = join(root, 'tcp', `${name}.yaml`);
    const r = spawnSync(process.execPath, [bin, 'tcp', 'run', name, '--json'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const want = new Simulation(parseTcpScenario(readFileSync(path, 'utf8'), `scenarios/tcp/${name}.yaml`)).run();
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(want)));
  });
});
