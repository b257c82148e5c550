/**
 * Line mode: print a question, read answer lines until one can be read, print the verdict with its
 * working and explanation; a summary at the end. Input and output are passed in (stdin lines and a writer in the
 * CLI, arrays in tests), so this file does no I/O of its own.
 */
import { grade, verdictLines, type Verdict } from './grade.js';
import { choiceLines } from './present.js';
import { shownId, tr, type Lang, type Question, type Topic } from './question.js';

export interface LineModeResult {
  readonly asked: number;
  readonly answered: number;
  readonly correct: number;
  /** True when input ended before every question was answered. */
  readonly ended: boolean;
  readonly byTopic: Readonly<Partial<Record<Topic, { answered: number; correct: number }>>>;
}

export async function runLineMode(
  questions: readonly Question[],
  lines: AsyncIterator<string>,
  write: (text: string) => void,
  lang: Lang,
  onAnswer: (q: Question, correct: boolean) => void = () => {},
): Promise<LineModeResult> {
  const zh = lang === 'zh';
  let answered = 0;
  let correct = 0;
  let ended = false;
  const byTopic: Partial<Record<Topic, { answered: number; correct: number }>> = {};
  for (let i = 0; i < questions.length; i++) {
    const q = questions[i]!;
    write(`[${i + 1}/${questions.length}] ${q.topic} · ${shownId(q)}`);
    write(tr(q.prompt, lang));
    for (const l of choiceLines(q, lang)) write(l);
    // An answer that cannot be read is not counted: the same question waits for the next line.
    let v: Verdict | undefined;
    while (v === undefined) {
      const next = await lines.next();
      if (next.done) break;
      const attempt = grade(q, next.value);
      write(`> ${attempt.given}`);
      for (const l of verdictLines(attempt, lang)) write(l);
      if (!attempt.unreadable) v = attempt;
    }
    if (v === undefined) {
      ended = true;
      break;
    }
    write('');
    answered++;
    if (v.correct) correct++;
    const t = (byTopic[q.topic] ??= { answered: 0, correct: 0 });
    t.answered++;
    if (v.correct) t.correct++;
    onAnswer(q, v.correct);
  }
  const pct = answered === 0 ? 0 : Math.round((100 * correct) / answered);
  const parts = Object.entries(byTopic).map(([t, s]) => `${t} ${s.correct}/${s.answered}`).join(', ');
  if (ended) write(zh ? `输入结束：已回答 ${answered}/${questions.length} 题。` : `End of input after ${answered} of ${questions.length} question${questions.length === 1 ? '' : 's'}.`);
  write(zh ? `得分：${correct}/${answered}（${pct}%）${parts ? `· ${parts}` : ''}` : `Score: ${correct}/${answered} (${pct}%)${parts ? ` · ${parts}` : ''}`);
  return { asked: questions.length, answered, correct, ended, byTopic };
}
