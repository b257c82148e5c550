// Sessions: fixed questions' choices come in a seeded order, so the position of the right answer says
// nothing, and the same seed replays the same order.
import { describe, expect, it } from 'vitest';
import { grade } from '../../src/practice/grade.js';
import { loadPool } from '../../src/practice/pool-files.js';
import { buildSession, shuffleChoices } from '../../src/practice/session.js';
import { Rng } from '../../src/practice/rng.js';
import type { Question } from '../../src/practice/question.js';

const pool = loadPool();
const withChoices = (qs: readonly Question[]): Question[] => qs.filter((q) => q.source.startsWith('bank:') && q.choices !== undefined);
const answerAt = (q: Question): number => q.choices!.findIndex((c) => c.en === q.answer.en);

describe('choices of fixed questions', () => {
  it('the same seed gives the same order; the answer is still among them and graded by its shown number', () => {
    const a = withChoices(buildSession(pool, { seed: 7, count: 60, topic: 'sockets' }));
    const b = withChoices(buildSession(pool, { seed: 7, count: 60, topic: 'sockets' }));
    expect(a.length).toBeGreaterThan(5);
    expect(a.map((q) => q.choices!.map((c) => c.en))).toEqual(b.map((q) => q.choices!.map((c) => c.en)));
    for (const q of a) {
      const i = answerAt(q);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(grade(q, String(i + 1)).correct).toBe(true);
      expect(grade(q, String(((i + 1) % q.choices!.length) + 1)).correct).toBe(false);
    }
  });

  it('over many seeds the same question puts its answer at different positions', () => {
    const positions = new Map<string, number[]>();
    for (let seed = 1; seed <= 60; seed++) {
      for (const q of withChoices(buildSession(pool, { seed, count: 10, topic: 'sockets' }))) {
        positions.set(q.id, [...(positions.get(q.id) ?? []), answerAt(q)]);
      }
    }
    // A four-choice question drawn five times keeps one position with chance 4 * (1/4)^5 < 0.4%.
    const fourChoice = withChoices(pool.fixed).filter((q) => q.topic === 'sockets' && q.choices!.length === 4).map((q) => q.id);
    const seenOften = fourChoice.filter((id) => (positions.get(id)?.length ?? 0) >= 5);
    expect(seenOften.length).toBeGreaterThan(3);
    for (const id of seenOften) expect(new Set(positions.get(id)).size, id).toBeGreaterThan(1);
  });

  it('keeps the Chinese choice with its English one, and numeric choices in ascending order', () => {
    const q: Question = {
      ...withChoices(pool.fixed)[0]!,
      choices: [{ en: 'a', zh: '甲' }, { en: 'b', zh: '乙' }, { en: 'c', zh: '丙' }],
    };
    const s = shuffleChoices(q, new Rng(3));
    expect(s.choices!.map((c) => `${c.en}${c.zh}`).sort()).toEqual(['a甲', 'b乙', 'c丙']);
    const numbers: Question = { ...q, choices: ['1', '2', '4', '8'].map((n) => ({ en: n, zh: n })) };
    expect(shuffleChoices(numbers, new Rng(3)).choices!.map((c) => c.en)).toEqual(['1', '2', '4', '8']);
  });
});
