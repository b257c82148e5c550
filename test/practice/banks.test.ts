import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { poolOf } from '../../src/practice/bank.js';
import { parseBank } from '../../src/practice/bank-parse.js';
import { grade } from '../../src/practice/grade.js';
import { loadPool } from '../../src/practice/pool-files.js';
import { TOPICS } from '../../src/practice/question.js';
import { InputError } from '../../src/errors.js';

const dir = new URL('../../scenarios/practice/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

describe('practice banks', () => {
  for (const f of files) {
    it(`${f} is valid, bilingual, and its own answers grade as right in both languages`, () => {
      const bank = parseBank(readFileSync(new URL(f, dir), 'utf8'), `scenarios/practice/${f}`);
      expect(bank.name).toBe(f.replace(/\.yaml$/, ''));
      expect(bank.zh?.title).toBeTruthy();
      const pool = poolOf([bank]);
      for (const q of pool.fixed) {
        const raw = bank.questions.find((e) => 'id' in e && `${bank.name}/${e.id}` === q.id);
        expect(raw && 'zh' in raw && raw.zh, `${q.id} has a zh block`).toBeTruthy();
        expect(grade(q, q.answer.en).correct, `${q.id} en answer`).toBe(true);
        expect(grade(q, q.answer.zh).correct, `${q.id} zh answer`).toBe(true);
        for (const a of q.accepts) expect(grade(q, a).correct, `${q.id} accepts ${a}`).toBe(true);
        expect(q.explanation.zh).not.toBe(q.explanation.en);
      }
    });
  }

  it('together cover every topic of CLI.md', () => {
    const pool = loadPool();
    const topics = new Set([...pool.fixed.map((q) => q.topic), ...pool.generated.map((g) => g.generator.topic)]);
    expect([...TOPICS].filter((t) => !topics.has(t))).toEqual([]);
  });

  it('reports a bad bank as file:line: field: why', () => {
    const bad = 'name: x\ntitle: X\ntopic: osi\nquestions:\n  - id: a\n    prompt: p\n    choices: [a, b]\n    answer: c\n    explain: e\n';
    expect(() => parseBank(bad, 'x.yaml')).toThrow(InputError);
    expect(() => parseBank(bad, 'x.yaml')).toThrow(/^x\.yaml:8: questions\[0\]\.answer: must be one of the choices/);
    const gen = 'name: x\ntitle: X\ntopic: subnet\nquestions:\n  - generator: subnet.network\n    params: { prefix: [8, 40] }\n';
    expect(() => parseBank(gen, 'x.yaml')).toThrow(/^x\.yaml:6: questions\[0\]\.params\.prefix: \[8, 40\] is outside 1\.\.30/);
    const unknown = 'name: x\ntitle: X\ntopic: subnet\nquestions:\n  - generator: subnet.nope\n';
    expect(() => parseBank(unknown, 'x.yaml')).toThrow(/^x\.yaml:5: questions\[0\]\.generator: unknown generator/);
    const topic = 'name: x\ntitle: X\ntopic: dns\nquestions:\n  - id: a\n    prompt: p\n    answer: a\n    explain: e\n';
    expect(() => parseBank(topic, 'x.yaml')).toThrow(/^x\.yaml:3: topic: unknown topic/);
  });

  it('turns every TCP scenario ask step into a question whose answer grades as right', () => {
    const asks = loadPool().fixed.filter((q) => q.source.startsWith('scenario:'));
    for (const q of asks) {
      expect(grade(q, q.answer.en).correct, q.id).toBe(true);
      expect(q.working.en, `${q.id} shows the ladder up to its step`).toMatch(/->/);
    }
  });
});
