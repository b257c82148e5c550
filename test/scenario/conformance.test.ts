/**
 * Conformance translations (scenarios/tcp/conformance/*.yaml): state tests of other projects (google and
 * nplab packetdrill, the Linux packetdrill selftests, ns-3, FreeBSD's tcp-testsuite) written as netkata
 * scenarios. Each file names its source in its header and
 * runs under the profile its config sets; every expectation must hold. Files under pending/ are
 * translations netkata does not pass: each must still fail, first at the step and field its header names
 * (`# first-failure:`), for the deviation its `# deviation:` line explains.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPECT_KEYS, parseTcpScenario, type ExpectSpec, type SentSpec, type TcpScenario, type TcpStep } from '../../src/scenario/tcp.js';
import { runScenario } from '../../src/tcp/simulation.js';

const dir = new URL('../../scenarios/tcp/conformance/', import.meta.url).pathname;
const yamlIn = (d: string) => readdirSync(d).filter((f) => f.endsWith('.yaml')).sort();
const files = yamlIn(dir);
const pendingDir = join(dir, 'pending');
const pending = existsSync(pendingDir) ? yamlIn(pendingDir) : [];
const text = (d: string, f: string) => readFileSync(join(d, f), 'utf8');
/** The leading comment block: `# source: <repo> <path>` and `# checks: <one line>`. */
const header = (t: string) => t.split('\n').filter((l) => l.startsWith('#')).join('\n');

describe('conformance translations', () => {
  it('at least 30 translations pass', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it.each(files)('%s: every expectation holds under the profile it sets', (f) => {
    const t = text(dir, f);
    // The file opens with its source (repository and path) and one line on what it checks.
    expect(t).toMatch(/^# source: [\w.-]+\/[\w.-]+ \S+\n# checks: \S/);
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

/**
 * Every pinned value can fail: each endpoint state, each pinned seq/ack/len/at of a sent segment, and the
 * length of each sent list is changed one at a time, and the run must then fail. This guards against an
 * expectation that holds whatever the machine does.
 */
function mutants(s: TcpScenario): { what: string; scenario: TcpScenario }[] {
  const out: { what: string; scenario: TcpScenario }[] = [];
  const withStep = (i: number, e: ExpectSpec): TcpScenario => ({ ...s, steps: s.steps.map((st, k): TcpStep => (k === i ? { expect: e } : st)) });
  s.steps.forEach((st, i) => {
    if (!('expect' in st)) return;
    const e = st.expect;
    for (const [k, v] of Object.entries(e)) {
      if (EXPECT_KEYS.has(k)) continue;
      out.push({ what: `step ${i} ${k}`, scenario: withStep(i, { ...e, [k]: v === 'CLOSED' ? 'LISTEN' : 'CLOSED' }) });
    }
    const sent = e.sent;
    if (!sent) return;
    if (sent.length > 0) out.push({ what: `step ${i} sent minus its last entry`, scenario: withStep(i, { ...e, sent: sent.slice(0, -1) }) });
    sent.forEach((x, j) => {
      for (const f of ['seq', 'ack', 'len', 'at'] as const) {
        if (x[f] === undefined) continue;
        const changed: SentSpec = { ...x, [f]: x[f]! + 1 };
        out.push({ what: `step ${i} sent[${j}].${f}`, scenario: withStep(i, { ...e, sent: sent.map((y, m) => (m === j ? changed : y)) }) });
      }
    });
  });
  return out;
}

describe('conformance translations pin what they check', () => {
  it.each(files)('%s: changing any pinned state or number makes it fail', (f) => {
    const s = parseTcpScenario(text(dir, f), `scenarios/tcp/conformance/${f}`);
    const ms = mutants(s);
    expect(ms.length).toBeGreaterThan(0);
    const survivors = ms.filter((m) => runScenario(m.scenario).passed).map((m) => m.what);
    expect(survivors).toEqual([]);
  });
});

describe.skipIf(pending.length === 0)('pending conformance translations (netkata deviates; see each header)', () => {
  it.each(pending)('%s: still fails on the deviation its header names', (f) => {
    const t = text(pendingDir, f);
    expect(header(t)).toMatch(/^# deviation: \S/m);
    // `# first-failure: step <n> <field>`: where the deviation shows, so that it fails for that reason only.
    const m = /^# first-failure: step (\d+) (\S+)$/m.exec(header(t));
    expect(m).not.toBeNull();
    const s = parseTcpScenario(t, `scenarios/tcp/conformance/pending/${f}`);
    expect(`${s.name}.yaml`).toBe(f);
    // When the machine (or its profile) models the behaviour this fails: move the file up to conformance/.
    const r = runScenario(s);
    expect(r.passed).toBe(false);
    expect(r.failures[0]).toMatchObject({ step: Number(m![1]), field: m![2] });
  });
});
