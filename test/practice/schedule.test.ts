/**
 * Spacing by FSRS (issue 12). Every time is a fixed Date passed in: no clock is read and nothing
 * sleeps. The expected schedules come from what FSRS and ts-fsrs document, not from running the code:
 * - ts-fsrs's defaults (README "Custom parameters", index.d.ts): learning steps 1m and 10m,
 *   relearning step 10m, request retention 0.9, fuzz off;
 * - FSRS-6 (fsrs4anki wiki, "The Algorithm"): the first rating's stability is w[G-1], Good = w[2] =
 *   2.3065 days in the published default parameters; retrievability after t days at stability S is
 *   R = (1 + F·t/S)^(-w20) with F = 0.9^(-1/w20) - 1, w20 = 0.1542, so R(S) = 0.9: a card is due when
 *   its predicted recall falls to the requested 90%.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { poolOf } from '../../src/practice/bank.js';
import { parseBank } from '../../src/practice/bank-parse.js';
import type { Question } from '../../src/practice/question.js';
import { reviewSession } from '../../src/practice/review.js';
import { EMPTY, record, schedule, dueAt, type Progress } from '../../src/practice/schedule.js';
import { buildSession } from '../../src/practice/session.js';
import { statsJson, statsText } from '../../src/practice/stats-text.js';
import { ProgressStore } from '../../src/practice/store.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = new Date('2026-03-02T08:00:00Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);

const BANK = `name: t
title: T
topic: subnet
questions:
  - generator: subnet.network
  - id: hosts
    prompt: How many usable hosts has a /30?
    answer: 2
    check: integer
    explain: Four addresses minus network and broadcast.
`;
const pool = poolOf([parseBank(BANK, 't.yaml')]);
const session = (seed: number): Question[] => buildSession(pool, { seed, count: 6, topic: 'subnet' });
const generated = (seed: number): Question => session(seed).find((q) => q.source === 'subnet.network')!;
const fixed = pool.fixed[0]!;

/** FSRS-6 forgetting curve, written from the wiki's formula. */
const W20 = 0.1542;
const recall = (days: number, stability: number): number => (1 + (0.9 ** (-1 / W20) - 1) * (days / stability)) ** -W20;

const card = (p: Progress, kind: string) => p.kinds[kind]!.card;

describe('FSRS per question kind', () => {
  it('a new kind answered right is due after the second learning step (10 min), wrong after the first (1 min)', () => {
    const right = record(EMPTY, fixed, true, T0);
    expect(card(right, fixed.id).due).toBe(at(10 * MIN).toISOString());
    const wrong = record(EMPTY, fixed, false, T0);
    expect(card(wrong, fixed.id).due).toBe(at(1 * MIN).toISOString());
    // A generated question's kind is its generator: another seed of it is the same card.
    const p = record(record(EMPTY, generated(1), true, T0), generated(2), true, at(10 * MIN));
    expect(Object.keys(p.kinds)).toEqual(['subnet.network']);
    expect(card(p, 'subnet.network').reps).toBe(2);
  });

  it('graduating with Good: stability w[2] = 2.3065 d and an interval at which predicted recall is 90%', () => {
    let p = record(EMPTY, fixed, true, T0);
    p = record(p, fixed, true, at(10 * MIN));
    const c = card(p, fixed.id);
    expect(c.stability).toBeCloseTo(2.3065, 4);
    const interval = (Date.parse(c.due) - at(10 * MIN).getTime()) / DAY;
    expect(Number.isInteger(interval)).toBe(true);
    expect(Math.abs(interval - c.stability)).toBeLessThanOrEqual(0.5); // rounded to whole days
    // The next review on its due day: the interval again sits where recall is predicted at 90%.
    p = record(p, fixed, true, new Date(c.due));
    const c2 = card(p, fixed.id);
    const next = (Date.parse(c2.due) - Date.parse(c.due)) / DAY;
    expect(next).toBeGreaterThan(interval);
    expect(recall(next, c2.stability)).toBeGreaterThan(0.89);
    expect(recall(next, c2.stability)).toBeLessThan(0.91);
  });

  it('a lapse: a reviewed kind answered wrong relearns, due after the 10 min relearning step', () => {
    let p = record(record(EMPTY, fixed, true, T0), fixed, true, at(10 * MIN));
    const due = new Date(card(p, fixed.id).due);
    p = record(p, fixed, false, due);
    const c = card(p, fixed.id);
    expect(c.lapses).toBe(1);
    expect(c.state).toBe(3); // State.Relearning
    expect(c.due).toBe(new Date(due.getTime() + 10 * MIN).toISOString());
  });
});

describe('missed items come back, due items first', () => {
  it('a missed generated question is asked again exactly, first, once it is due', () => {
    const q = generated(7);
    const p = record(EMPTY, q, false, T0);
    expect(Object.keys(p.missed)).toEqual([q.id]);
    // Before its step is over nothing is due; the session is an ordinary one.
    expect(reviewSession(pool, p, { seed: 99, count: 4, topic: 'all' }, at(30_000)).due).toBe(0);
    const s = reviewSession(pool, p, { seed: 99, count: 4, topic: 'all' }, at(2 * MIN));
    expect(s.due).toBeGreaterThanOrEqual(1);
    expect(s.questions[0]!.id).toBe(q.id);
    expect(s.questions[0]!.prompt).toEqual(q.prompt);
    expect(s.questions[0]!.answer).toEqual(q.answer);
    expect(new Set(s.questions.map((x) => x.id)).size).toBe(s.questions.length);
    expect(s.questions).toHaveLength(4);
  });

  it('it leaves the missed list when FSRS graduates it (two right answers after a miss: 1m, then 10m steps)', () => {
    const q = generated(7);
    let p = record(EMPTY, q, false, T0);
    p = record(p, q, true, at(MIN));
    expect(p.missed[q.id]).toBeDefined();
    p = record(p, q, true, at(11 * MIN));
    expect(p.missed[q.id]).toBeUndefined();
    expect(p.kinds['subnet.network']).toBeDefined();
  });

  it('a due kind comes before a not-due one, and a topic selection leaves other topics\' due cards out', () => {
    const osi: Question = { ...fixed, id: 'o/layers', topic: 'osi' };
    let p = record(EMPTY, osi, true, T0); // due at +10 min, another topic
    p = record(p, fixed, true, T0); // due at +10 min
    p = record(p, generated(3), true, at(9 * MIN)); // due at +19 min
    const order = dueAt(p, at(20 * MIN)).map((d) => d.key);
    expect(order).toEqual(['o/layers', fixed.id, 'subnet.network']);
    expect(dueAt(p, at(15 * MIN)).map((d) => d.key)).toEqual(['o/layers', fixed.id]);
    const s = reviewSession(pool, p, { seed: 5, count: 3, topic: 'subnet' }, at(15 * MIN));
    expect(s.due).toBe(1);
    expect(s.questions[0]!.id).toBe(fixed.id);
  });
});

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('a version 1 (Leitner) progress file is migrated, not lost', () => {
  it('counts, streaks and recent results carry over; the save is version 2; the old file is kept beside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netkata-migrate-'));
    dirs.push(dir);
    // The format netkata wrote before FSRS (src/practice/leitner.ts, store.ts schema version 1).
    const v1 = {
      version: 1,
      topics: {
        subnet: { box: 3, answered: 12, correct: 9, streak: 2, bestStreak: 5, recent: '110111011011', last: '2026-02-20T10:00:00.000Z' },
        tcp: { box: 1, answered: 4, correct: 1, streak: 0, bestStreak: 1, recent: '0100', last: '2026-02-21T10:00:00.000Z' },
        dns: { box: 2, answered: 1, correct: 1, streak: 1, bestStreak: 1, recent: '1', last: '2026-02-21T10:00:00.000Z' },
      },
    };
    const text = JSON.stringify(v1, null, 2) + '\n';
    writeFileSync(join(dir, 'progress.json'), text);
    const warnings: string[] = [];
    const store = new ProgressStore(dir, (m) => warnings.push(m.text), () => T0);
    const p = store.load();
    expect(warnings).toEqual([]);
    expect(p.topics.subnet).toEqual({ answered: 12, correct: 9, streak: 2, bestStreak: 5, recent: '110111011011', last: '2026-02-20T10:00:00.000Z' });
    expect(p.topics.tcp!.answered).toBe(4);
    store.record(fixed, true);
    store.save();
    const saved = JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')) as Progress;
    expect(saved.version).toBe(2);
    expect(saved.topics.subnet).toMatchObject({ answered: 13, correct: 10, streak: 3 });
    expect(saved.kinds[fixed.id]!.card.due).toBe(at(10 * MIN).toISOString());
    expect(readFileSync(join(dir, 'progress.json.v1'), 'utf8')).toBe(text);
    // Loading the saved file again reads it as version 2 and keeps no second copy.
    const again = new ProgressStore(dir, (m) => warnings.push(m.text), () => T0).load();
    expect(again.topics.subnet!.answered).toBe(13);
    expect(warnings).toEqual([]);
    expect(existsSync(join(dir, 'progress.json.v1'))).toBe(true);
  });
});

/** Display width with CJK (and full-width forms) as two cells, written for the test (UAX #11 W/F). */
const cells = (s: string): number => [...s].reduce((n, c) => n + (/[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);
/** Display column where each cell after the first starts (cells are two or more spaces apart). */
const starts = (line: string): number[] => {
  const out: number[] = [];
  const re = /\s{2,}(?=\S)/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) out.push(cells(line.slice(0, m.index + m[0].length)));
  return out;
};

describe('--stats: what is due when, aligned by display width', () => {
  let p = record(EMPTY, fixed, true, T0);
  p = record(p, generated(4), false, T0);
  const now = at(5 * MIN);

  it('lists per topic what is due now and next, and the schedule soonest first', () => {
    const text = statsText(p, 'en', now);
    expect(text).toMatch(/^subnet\s+2\s+50%\s+0\s+1\s+✓✗\s+2\s+in 5 min$/m);
    const schedule = text.slice(text.indexOf('Schedule (FSRS):'));
    const lines = schedule.split('\n').slice(2);
    expect(lines[0]).toMatch(/^\s+now\s+subnet\.network@\d+\.\d+ \(missed\)\s+subnet/);
    expect(lines.some((l) => /^\s+in 5 min\s+t\/hosts\s+subnet/.test(l))).toBe(true);
    expect(text).toMatch(/^Total 1\/2 \(50%\)\. Due now: 2; practice without --seed asks these first\.$/m);
    const later = statsText(record(EMPTY, fixed, true, T0), 'zh', now);
    expect(later).toMatch(/^合计 1\/1（100%）。现在没有到期的题，下一项 5 分钟后到期。$/m);
  });

  it('columns line up in display cells in Chinese (a CJK character is two cells)', () => {
    for (const text of [statsText(p, 'zh', now), statsText(p, 'en', now)]) {
      const table = text.split('\n\n')[0]!.split('\n');
      const head = starts(table[0]!);
      expect(head.length).toBe(7);
      for (const line of table.slice(1)) {
        // Empty trailing cells are trimmed: compare the columns the line has.
        const s = starts(line);
        expect(s, line).toEqual(head.slice(0, s.length));
      }
    }
    expect(statsText(p, 'zh', now)).toMatch(/^主题\s+已答\s+正确率/);
  });

  it('the JSON form has the same facts, every card listed', () => {
    const j = statsJson(p, now);
    expect(j.now).toBe(now.toISOString());
    expect(j.topics.find((t) => t.topic === 'subnet')).toMatchObject({ answered: 2, correct: 1, dueNow: 2, nextDue: at(10 * MIN).toISOString() });
    expect(j.schedule.map((c) => [c.missed, c.state])).toEqual([[true, 'learning'], [false, 'learning'], [false, 'learning']]);
    expect(schedule(p)).toHaveLength(3);
  });
});
