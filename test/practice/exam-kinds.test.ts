/**
 * The exam kinds in use: "choose two" graded as a set, no question twice in a session, and every new
 * kind reaching `netkata exam --topic all` and the app (both build their session from loadPool() with
 * buildSession(), src/ui/practice/PracticeScreen.tsx and src/cli/commands/practice.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { grade } from '../../src/practice/grade.js';
import { GENERATORS } from '../../src/practice/generators/index.js';
import { loadPool } from '../../src/practice/pool-files.js';
import { TOPICS } from '../../src/practice/question.js';
import { buildSession, generate } from '../../src/practice/session.js';
import { reference } from './reference-answer.js';

const NEW_KINDS = ['subnet.vlsm-table', 'subnet.valid-host', 'subnet.contains', 'subnet.classful', 'subnet.mask-for', 'route.summary', 'route.lpm', 'classify.special', 'tcp.timing', 'tcp.window'];
const pool = loadPool();

describe('choose two', () => {
  const entry = { generator: GENERATORS.get('subnet.valid-host')!, params: { pick: 'two' }, weight: 1, bank: 'test' };
  it('is right only for exactly the two right choices, in any order and any spelling (numbers, letters, texts)', () => {
    for (let seed = 0; seed < 200; seed++) {
      const q = generate(entry, seed, 0);
      // The right pair from the independent reference (valid hosts computed from the prompt's subnet).
      const [a, b] = reference(q).split(',').map(Number) as [number, number];
      const letter = (n: number): string => String.fromCharCode(96 + n);
      for (const right of [`${a},${b}`, `${b}, ${a}`, `${a} ${b}`, `${letter(a)} ${letter(b).toUpperCase()}`, `${a}，${b}`,
        `${q.choices![a - 1]!.en}; ${q.choices![b - 1]!.en}`, `${q.choices![b - 1]!.en}；${q.choices![a - 1]!.en}`]) {
        expect(grade(q, right).correct, `${q.id} ${right}`).toBe(true);
      }
      const wrong = [1, 2, 3, 4, 5].find((n) => n !== a && n !== b)!;
      for (const bad of [`${a}`, `${a},${wrong}`, `${a},${b},${wrong}`]) expect(grade(q, bad).correct, `${q.id} ${bad}`).toBe(false);
      const unread = grade(q, 'the first two');
      expect(unread.correct).toBe(false);
      expect(unread.note?.en).toMatch(/numbers of the choices/);
    }
  });
});

describe('fill-in table (VLSM plan)', () => {
  const entry = { generator: GENERATORS.get('subnet.vlsm-table')!, params: {}, weight: 1, bank: 'test' };
  it('grades each cell with its column\'s reader: other mask forms, row orders and range spellings are right; a wrong cell is named', () => {
    for (let seed = 0; seed < 200; seed++) {
      const q = generate(entry, seed, 0);
      const ref = reference(q); // rows computed from the prompt's needs and stated rule
      const rows = ref.split('; ');
      expect(grade(q, ref).correct, q.id).toBe(true);
      // Masks as prefixes, rows reversed, "first - last" with spaces, full-width semicolons.
      const other = rows.map((r) => r.replace(/ (\d+\.\d+\.\d+\.\d+)\/(\d+) \S+ /, ' $1/$2 /$2 ').replace('-', ' - ')).reverse().join('；');
      expect(grade(q, other).correct, `${q.id} ${other}`).toBe(true);
      // The last host of the last row one too high: wrong, and the note names that cell.
      const last = rows[rows.length - 1]!;
      const bad = [...rows.slice(0, -1), last.replace(/\.(\d+)$/, (_m, n: string) => `.${Number(n) + 1}`)].join('; ');
      const v = grade(q, bad);
      expect(v.correct, bad).toBe(false);
      expect(v.note?.en).toBe(`wrong or missing: ${last[0]} last host`);
      expect(grade(q, rows.slice(1).join('; ')).correct).toBe(false); // a row missing
    }
  });
});

describe('wording', () => {
  it('explanations never speak of how the bank was written, and RFC 5952 form is not called the shortest', () => {
    for (const q of pool.fixed) {
      for (const t of [q.explanation.en, q.explanation.zh, q.prompt.en, q.prompt.zh]) expect(t, q.id).not.toMatch(/\bseeds?\b|种子|this bank|题库/i);
    }
    const entry = { generator: GENERATORS.get('ipv6.compress')!, params: {}, weight: 1, bank: 'test' };
    for (let seed = 0; seed < 50; seed++) {
      const q = generate(entry, seed, 0);
      expect(`${q.prompt.en}${q.explanation.en}`).not.toMatch(/shortest/i);
      expect(`${q.prompt.zh}${q.explanation.zh}`).not.toMatch(/最短/);
    }
  });
});

describe('no repeated question within one session', () => {
  // A topic with only fixed questions (osi: 28) can give at most that many before one must come back.
  const most = (t: string): number => (pool.generated.some((g) => g.generator.topic === t) ? 60 : pool.fixed.filter((q) => q.topic === t).length);
  it('over 8 seeds, a 150-question session of every topic and a session of each topic (60, or all its fixed questions) repeat no prompt', () => {
    for (let seed = 1; seed <= 8; seed++) {
      for (const [topic, count] of [['all', 150] as const, ...TOPICS.map((t) => [t, most(t)] as const)]) {
        const qs = buildSession(pool, { seed, count, topic });
        const prompts = qs.map((q) => `${q.prompt.en}\n${(q.choices ?? []).map((c) => c.en).join('|')}`);
        const dup = prompts.find((p, i) => prompts.indexOf(p) !== i);
        expect(dup, `seed ${seed} topic ${topic}`).toBeUndefined();
      }
    }
  });
});

describe('the new kinds reach the exam and the app', () => {
  const home = mkdtempSync(join(tmpdir(), 'netkata-exam-kinds-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));
  it('`netkata exam --topic all` prints every new kind (for a seed whose session has them all)', () => {
    const sources = (seed: number): Set<string> => new Set(buildSession(pool, { seed, count: 500, topic: 'all' }).map((q) => q.source));
    let seed = 1;
    while (seed < 200 && !NEW_KINDS.every((k) => sources(seed).has(k))) seed++;
    expect(NEW_KINDS.filter((k) => !sources(seed).has(k)), `no seed below 200 draws every new kind`).toEqual([]);
    const bin = new URL('../../bin/netkata.js', import.meta.url).pathname;
    const r = spawnSync(process.execPath, [bin, 'exam', '--topic', 'all', '--seed', String(seed), '--count', '500', '--json', '--lang', 'zh'],
      { env: { ...process.env, NETKATA_HOME: home, NO_COLOR: '1' }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const exam = JSON.parse(r.stdout) as { questions: { source: string; prompt: string; explanation: string }[] };
    for (const k of NEW_KINDS) {
      const q = exam.questions.find((x) => x.source === k);
      expect(q, `${k} in the exam`).toBeDefined();
      expect(q!.prompt, k).toMatch(/[\u4e00-\u9fff]/);
      // Chinese text uses full-width punctuation: no ASCII comma, colon, semicolon or question mark
      // right after a Chinese character.
      expect(`${q!.prompt}\n${q!.explanation}`, k).not.toMatch(/[\u4e00-\u9fff][,:;?]/);
    }
  });
});
