/**
 * `netkata exam` Markdown keeps a question's sentences out of its code blocks: a prompt with a table or
 * trace (route.lpm's routing table, tcp.next-segment's and tcp.state-after's segment ladder) once went
 * into one block from its second line on, the question after the table ("To which next hop does it
 * forward ...?") with it. The sentences are read from each question's prompt data (its lines asking
 * something, with `?` or `？`); the table rows (its indented lines) must stay in a block.
 */
import { describe, expect, it } from 'vitest';
import { loadPool } from '../../src/practice/pool-files.js';
import { examMarkdown } from '../../src/practice/present.js';
import { tr, type Lang } from '../../src/practice/question.js';
import { buildSession } from '../../src/practice/session.js';

const pool = loadPool();

/** The Markdown's lines inside fenced code blocks, and those outside. */
function fences(md: string): { code: string[]; prose: string[] } {
  const code: string[] = [];
  const prose: string[] = [];
  let inside = false;
  for (const line of md.split('\n')) {
    if (line.startsWith('```')) inside = !inside;
    else (inside ? code : prose).push(line);
  }
  expect(inside, 'every code block is closed').toBe(false);
  return { code, prose };
}

describe('exam Markdown', () => {
  it.each(['subnet', 'tcp', 'all'] as const)('puts no question sentence in a code block (--topic %s, en and zh, 40 seeds)', (topic) => {
    let withTable = 0;
    for (const lang of ['en', 'zh'] as Lang[]) {
      for (let seed = 0; seed < 40; seed++) {
        const questions = buildSession(pool, { seed, count: 25, topic });
        const md = examMarkdown(seed, topic, lang, questions);
        // The questions section only: the answer key's working is a block of its own.
        const { code, prose } = fences(md.split(lang === 'zh' ? '## 答案' : '## Answer key')[0]!);
        const prosed = prose.join('\n');
        for (const q of questions) {
          const lines = tr(q.prompt, lang).split('\n');
          const sentences = lines.filter((l) => /[?？]/.test(l));
          const rows = lines.slice(1).filter((l) => /^\s/.test(l));
          if (rows.length > 0 && sentences.length > 0) withTable++;
          for (const s of sentences) {
            expect(code.filter((c) => c.includes(s.trim())), `seed ${seed} ${lang} ${q.id}: "${s}" in a code block`).toEqual([]);
            expect(prosed, `seed ${seed} ${lang} ${q.id}`).toContain(s.trim());
          }
          for (const r of rows) expect(code, `seed ${seed} ${lang} ${q.id}: table row outside a code block`).toContain(r);
        }
      }
    }
    expect(withTable, 'questions with a table and a question after it').toBeGreaterThan(10);
  });
});
