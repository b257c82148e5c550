/**
 * docs/scenarios.md is tied to the schemas that read scenario files. The schemas are walked (zod's own
 * definitions, not a hand list): every key they accept and every value of their enums must be written as
 * code in the doc's prose; every TCP step verb, every lab experiment with its parameters and every
 * practice generator with its parameters, in its chapter. And every YAML example in the doc is fenced as
 * ```yaml tcp, ```yaml lab or ```yaml practice and parses with that schema; the TCP ones also run in the
 * simulator and pass, and together they use every step verb.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeSpans, codeWords, chapter, fencedBlocks } from '../helpers/markdown.js';
import { TCP_SCENARIO_SCHEMAS, TCP_VERBS, parseTcpScenario, stepVerb } from '../../src/scenario/tcp.js';
import { labScenarioSchema, loadLabScenario } from '../../src/scenario/lab.js';
import { PRACTICE_ENTRY_SCHEMAS, parsePracticeBank, practiceBankSchema } from '../../src/scenario/practice.js';
import { WINDOW_EVENTS, WINDOW_SCENARIO_SCHEMA, parseWindowScenario } from '../../src/scenario/window.js';
import { runWindowScenario } from '../../src/tcp/window-run.js';
import { VERIFY_PROBE_SCHEMA, VERIFY_STEP_SCHEMAS, VERIFY_VERBS, parseVerifyProbe, verbOf } from '../../src/scenario/verify.js';
import { Simulation } from '../../src/tcp/simulation.js';
import { EXPERIMENTS, findExperiment } from '../../src/lab/experiments/index.js';
import { GENERATORS, generatorSpecs } from '../../src/practice/generators/index.js';
import { TOPICS } from '../../src/practice/question.js';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'scenarios.md'), 'utf8');

interface Def {
  readonly type: string;
  readonly shape?: Record<string, unknown>;
  readonly element?: unknown;
  readonly valueType?: unknown;
  readonly innerType?: unknown;
  readonly options?: readonly unknown[];
  readonly in?: unknown;
  readonly out?: unknown;
  readonly items?: readonly unknown[];
  readonly entries?: Record<string, string>;
}
const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/**
 * Every object key a schema accepts (at any depth) and every enum value, as `key` paths and values. Record
 * keys and an object's catch-all keys are names the file chooses (endpoints, sockets), not settings.
 */
export function schemaWords(schema: unknown, path = ''): { keys: Map<string, string>; values: Set<string> } {
  const keys = new Map<string, string>();
  const values = new Set<string>();
  const walk = (s: unknown, p: string): void => {
    const d = defOf(s);
    if (d === undefined) return;
    switch (d.type) {
      case 'object':
        for (const [k, v] of Object.entries(d.shape ?? {})) {
          keys.set(`${p}${p ? '.' : ''}${k}`, k);
          walk(v, `${p}${p ? '.' : ''}${k}`);
        }
        return;
      case 'record': return walk(d.valueType, `${p}.*`);
      case 'array': return walk(d.element, `${p}[]`);
      case 'tuple': return d.items?.forEach((x) => walk(x, `${p}[]`));
      case 'union': return d.options?.forEach((o) => walk(o, p));
      case 'pipe': walk(d.in, p); return walk(d.out, p);
      case 'enum': for (const v of Object.values(d.entries ?? {})) values.add(v); return;
      default:
        if (d.innerType !== undefined) walk(d.innerType, p);
    }
  };
  walk(schema, path);
  return { keys, values };
}

const words = codeWords(doc);
const spans = codeSpans(doc);
const tcpChapter = chapter(doc, 'TCP scenarios') ?? '';
const labChapter = chapter(doc, 'Lab expectations') ?? '';
const practiceChapter = chapter(doc, 'Practice banks') ?? '';

const specs = generatorSpecs();
const schemas: [string, unknown][] = [
  ['a TCP scenario', TCP_SCENARIO_SCHEMAS.file],
  ...Object.entries(TCP_SCENARIO_SCHEMAS.verbs).map(([verb, s]): [string, unknown] => [`the TCP step ${verb}`, s]),
  ['a window scenario', WINDOW_SCENARIO_SCHEMA],
  ['a lab file', labScenarioSchema(EXPERIMENTS[0]!.params)],
  ['a practice bank', practiceBankSchema(specs, TOPICS)],
  ['a fixed practice question', PRACTICE_ENTRY_SCHEMAS.fixed],
  ['a generated practice entry', PRACTICE_ENTRY_SCHEMAS.generated(specs)],
  ['a verify probe', VERIFY_PROBE_SCHEMA],
  ...Object.entries(VERIFY_STEP_SCHEMAS).map(([verb, s]): [string, unknown] => [`the verify step ${verb}`, s]),
];
const verifyChapter = chapter(doc, 'Verify probes') ?? '';

describe('the schema walk', () => {
  it('finds keys at depth and enum values (a walk that found nothing would test nothing)', () => {
    const tcp = schemaWords(TCP_SCENARIO_SCHEMAS.file);
    expect([...tcp.keys.keys()]).toEqual(expect.arrayContaining(['config.keepalive.idle', 'endpoints.*.scripted', 'zh.title']));
    expect(tcp.values).toEqual(new Set(['rfc9293', 'linux']));
    const inject = schemaWords(TCP_SCENARIO_SCHEMAS.verbs.expect);
    expect([...inject.keys.keys()]).toEqual(expect.arrayContaining(['sent[].absolute', 'eof']));
    expect(inject.values).toContain('ECONNREFUSED');
    const window = schemaWords(WINDOW_SCENARIO_SCHEMA);
    expect([...window.keys.keys()]).toEqual(expect.arrayContaining(['read.from', 'loss[].dupacks', 'expect[].ssthresh']));
    expect([...window.values]).toEqual(expect.arrayContaining(['newreno', 'bytes', 'recovery', ...WINDOW_EVENTS]));
  });
});

describe('docs/scenarios.md names every key and value the schemas accept', () => {
  for (const [what, schema] of schemas) {
    const { keys, values } = schemaWords(schema);
    it(`every key of ${what}`, () => {
      const missing = [...keys].filter(([, k]) => !words.has(k)).map(([p]) => p);
      expect(missing, `keys of ${what} not written as code in docs/scenarios.md`).toEqual([]);
    });
    // Only schemas with enums get this test (no test rather than a skipped one where there is nothing to check).
    if (values.size > 0) {
      it(`every enum value of ${what}`, () => {
        const missing = [...values].filter((v) => !words.has(v) && !spans.has(v));
        expect(missing, `values of ${what} not written as code in docs/scenarios.md`).toEqual([]);
      });
    }
  }
  it('every verify step verb, in the verify chapter', () => {
    expect(VERIFY_VERBS.filter((v) => !codeSpans(verifyChapter).has(v))).toEqual([]);
  });
  it('every TCP step verb, in the TCP chapter', () => {
    expect(TCP_VERBS.filter((v) => !codeWords(tcpChapter).has(v))).toEqual([]);
  });
  it('every lab experiment and its parameters, in the lab chapter', () => {
    const labWords = codeWords(labChapter);
    const labSpans = codeSpans(labChapter);
    const missing = EXPERIMENTS.flatMap((e) => [
      ...(labSpans.has(e.name) ? [] : [e.name]),
      ...[...schemaWords(e.params).keys.values()].filter((k) => !labWords.has(k)).map((k) => `${e.name}.${k}`),
    ]);
    expect(missing).toEqual([]);
  });
  it('every practice generator and its parameters and options, and every topic, in the practice chapter', () => {
    const pSpans = codeSpans(practiceChapter);
    const missing = [...GENERATORS.values()].flatMap((g) => [
      ...(pSpans.has(g.name) ? [] : [g.name]),
      ...Object.entries(g.params).flatMap(([k, p]) => [
        ...(pSpans.has(k) ? [] : [`${g.name}.${k}`]),
        ...(p.kind === 'options' ? p.options.filter((o) => !pSpans.has(o)).map((o) => `${g.name}.${k}=${o}`) : []),
      ]),
    ]);
    expect(missing).toEqual([...TOPICS].filter((t) => !pSpans.has(t)));
  });
});

const yamlBlocks = fencedBlocks(doc, 'yaml');

describe('every YAML example in docs/scenarios.md parses (and the TCP ones run and pass)', () => {
  it('there are examples of each kind', () => {
    const kinds = yamlBlocks.map((b) => b.info.split(' ')[0]);
    for (const k of ['tcp', 'lab', 'practice', 'window', 'verify']) expect(kinds).toContain(k);
  });
  const tcpVerbsUsed = new Set<string>();
  const verifyVerbsUsed = new Set<string>();
  for (const b of yamlBlocks) {
    const file = `docs/scenarios.md:${b.line}`;
    it(`${file} (yaml ${b.info})`, () => {
      const kind = b.info.split(' ')[0];
      expect(['tcp', 'lab', 'practice', 'window', 'window-reference', 'verify'], `${file}: a YAML example must be fenced as yaml tcp, lab, practice, window, window-reference or verify`).toContain(kind);
      if (kind === 'tcp') {
        const scenario = parseTcpScenario(b.body, file);
        for (const s of scenario.steps) tcpVerbsUsed.add(stepVerb(s));
        const result = new Simulation(scenario).run();
        expect(result.failures, `${file}: ${scenario.name} fails`).toEqual([]);
        expect(result.passed).toBe(true);
      } else if (kind === 'window' || kind === 'window-reference') {
        // The annotated reference lists alternatives (every loss kind), so it is parsed, not run.
        const scenario = parseWindowScenario(b.body, file);
        if (kind === 'window') {
          const run = runWindowScenario(scenario);
          expect(run.failures, `${file}: ${scenario.name} fails`).toEqual([]);
          expect(run.passed).toBe(true);
        }
      } else if (kind === 'verify') {
        for (const st of parseVerifyProbe(b.body, file).steps) verifyVerbsUsed.add(verbOf(st));
      } else if (kind === 'lab') {
        const name = /^name:\s*(\S+)/m.exec(b.body)?.[1] ?? '';
        const exp = findExperiment(name);
        expect(exp, `${file}: no experiment ${name}`).toBeDefined();
        loadLabScenario(b.body, file, exp!.params);
      } else {
        parsePracticeBank(b.body, file, specs, TOPICS);
      }
    });
  }
  it('the verify example uses every step verb', () => {
    expect(VERIFY_VERBS.filter((v) => !verifyVerbsUsed.has(v))).toEqual([]);
  });
  it('the TCP examples use every step verb', () => {
    expect(TCP_VERBS.filter((v) => !tcpVerbsUsed.has(v))).toEqual([]);
  });
});
