/**
 * Conformance translations (scenarios/tcp/conformance/*.yaml): state tests of other projects (packetdrill,
 * the Linux selftests, ns-3) written as netkata scenarios. Each file names its source in its header and
 * runs under the profile its config sets; every expectation must hold. Files under pending/ are
 * translations netkata does not pass yet: each must still fail, on the deviation its header names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTcpScenario } from '../../src/scenario/tcp.js';
import { runScenario } from '../../src/tcp/simulation.js';

const dir = new URL('../../scenarios/tcp/conformance/', import.meta.url).pathname;
const yamlIn = (d: string) => readdirSync(d).filter((f) => f.endsWith('.yaml')).sort();
const files = yamlIn(dir);
const pendingDir = join(dir, 'pending');
const pending = yamlIn(pendingDir);
const text = (d: string, f: string) => readFileSync(join(d, f), 'utf8');
/** The leading comment block: `# source: <repo> <path>` and `# checks: <one line>`. */
const header = (t: string) => t.split('\n').filter((l) => l.startsWith('#')).join('\n');

describe('conformance translations', () => {
  it('at least 30 translations, passing or pending', () => {
    expect(files.length + pending.length).toBeGreaterThanOrEqual(30);
  });

  it.each(files)('%s: every expectation holds under the profile it sets', (f) => {
    const t = text(dir, f);
    expect(header(t)).toMatch(/^# source: \S+\/\S+ \S+/m);
    expect(header(t)).toMatch(/^# checks: \S/m);
    const s = parseTcpScenario(t, `scenarios/tcp/conformance/${f}`);
    expect(`${s.name}.yaml`).toBe(f);
    // The profile is the file's own (linux for Linux-derived tests, rfc9293 for RFC ones): never the default by accident.
    expect(t).toMatch(/^\s+profile: (linux|rfc9293)$/m);
    expect(s.steps.some((st) => 'expect' in st)).toBe(true);
    const r = runScenario(s);
    expect(r.failures).toEqual([]);
    expect(r.passed).toBe(true);
  });
});

describe.skipIf(pending.length === 0)('pending conformance translations (netkata deviates; see each header)', () => {
  it.each(pending)('%s: still fails on the deviation its header names', (f) => {
    const t = text(pendingDir, f);
    expect(header(t)).toMatch(/^# deviation: \S/m);
    const s = parseTcpScenario(t, `scenarios/tcp/conformance/pending/${f}`);
    expect(`${s.name}.yaml`).toBe(f);
    // When the machine is fixed this fails: move the file up to conformance/.
    expect(runScenario(s).passed).toBe(false);
  });
});
