/** Plain-text and Markdown renderings of questions, shared by line mode and `netkata exam`. */
import { isLayerQuestion } from './grade.js';
import { tr, type Lang, type Question } from './question.js';

/** `1)`, or `a)` on a layer question, where a typed number means the layer (grade.ts). */
export function choiceLabel(q: Question, i: number): string {
  return isLayerQuestion(q) ? String.fromCharCode(97 + i) : String(i + 1);
}

export function choiceLines(q: Question, lang: Lang): string[] {
  return (q.choices ?? []).map((c, i) => `  ${choiceLabel(q, i)}) ${tr(c, lang)}`);
}

/** Forms that are also right, for the answer key: the listed ones, the other language's, choice numbers. */
export function acceptedForms(q: Question, lang: Lang): string[] {
  const answer = tr(q.answer, lang);
  const out = new Set<string>();
  const other = tr(q.answer, lang === 'zh' ? 'en' : 'zh');
  if (other !== answer) out.add(other);
  for (const a of q.accepts) if (a !== answer) out.add(a);
  if (q.choices) {
    const i = q.choices.findIndex((c) => c.en === q.answer.en);
    if (i >= 0) out.add(choiceLabel(q, i));
  }
  return [...out];
}

export interface ExamJson {
  readonly seed: number;
  readonly count: number;
  readonly topic: string;
  readonly lang: Lang;
  readonly questions: readonly {
    id: string;
    topic: string;
    source: string;
    prompt: string;
    choices?: string[];
    answer: string;
    accepts: string[];
    explanation: string;
    working: string;
    params?: Readonly<Record<string, unknown>>;
  }[];
}

export function examJson(seed: number, topic: string, lang: Lang, questions: readonly Question[]): ExamJson {
  return {
    seed,
    count: questions.length,
    topic,
    lang,
    questions: questions.map((q) => {
      const base = {
        id: q.id,
        topic: q.topic,
        source: q.source,
        prompt: tr(q.prompt, lang),
        answer: tr(q.answer, lang),
        accepts: acceptedForms(q, lang),
        explanation: tr(q.explanation, lang),
        working: tr(q.working, lang),
      };
      const withChoices = q.choices ? { ...base, choices: q.choices.map((c) => tr(c, lang)) } : base;
      return q.params ? { ...withChoices, params: q.params } : withChoices;
    }),
  };
}

/** A run of a prompt's lines: sentences (`text`), or a table or trace laid out in columns (`pre`). */
export interface PromptPart {
  readonly kind: 'text' | 'pre';
  readonly lines: readonly string[];
}

/**
 * A prompt's lines grouped into sentences and preformatted runs. The generators lay out a table or
 * trace one row a line, each row indented (a routing table, a segment ladder: ` 1.     0ms  client ->`)
 * or an order item (`A) client -> server  SYN ...`); every other line is a sentence: the lead before
 * the table and the question after it ("To which next hop ...?"), or both lines of a scenario question.
 */
export function promptParts(prompt: string): PromptPart[] {
  const parts: { kind: 'text' | 'pre'; lines: string[] }[] = [];
  prompt.split('\n').forEach((line, i) => {
    const kind = i > 0 && /^(\s|[A-Z]\) )/.test(line) ? 'pre' : 'text';
    const last = parts.at(-1);
    if (last?.kind === kind) last.lines.push(line);
    else parts.push({ kind, lines: [line] });
  });
  return parts;
}

/** The prompt in Markdown: sentences as paragraphs, each table or trace in its own code block. */
function mdPrompt(prompt: string): string[] {
  return promptParts(prompt).flatMap((p, i) => {
    const block = p.kind === 'pre' ? ['```', ...p.lines, '```'] : p.lines.flatMap((l, j) => (j === 0 ? [l] : ['', l]));
    return i === 0 ? block : ['', ...block];
  });
}

export function examMarkdown(seed: number, topic: string, lang: Lang, questions: readonly Question[]): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  out.push(zh ? '# netkata 练习卷' : '# netkata exam', '');
  out.push(zh
    ? `种子 ${seed} · ${questions.length} 题 · 主题 ${topic} · 重现：\`netkata exam --seed ${seed} --count ${questions.length} --topic ${topic} --lang zh\``
    : `Seed ${seed} · ${questions.length} question${questions.length === 1 ? '' : 's'} · topic ${topic} · replay: \`netkata exam --seed ${seed} --count ${questions.length} --topic ${topic}\``, '');
  out.push(zh ? '## 题目' : '## Questions', '');
  questions.forEach((q, i) => {
    const [first, ...rest] = mdPrompt(tr(q.prompt, lang));
    out.push(`**${i + 1}.** *(${q.topic})* ${first}`, ...rest);
    if (q.choices) { out.push(''); q.choices.forEach((c, j) => out.push(`   ${choiceLabel(q, j)}) ${tr(c, lang)}`)); }
    out.push('');
  });
  out.push(zh ? '## 答案' : '## Answer key', '');
  questions.forEach((q, i) => {
    const also = acceptedForms(q, lang);
    out.push(`**${i + 1}.** \`${tr(q.answer, lang)}\`${also.length ? (zh ? `（也接受：${also.map((a) => `\`${a}\``).join('、')}）` : ` (also accepted: ${also.map((a) => `\`${a}\``).join(', ')})`) : ''}`);
    const working = tr(q.working, lang);
    if (working !== '') out.push('', '```', ...working.split('\n'), '```');
    out.push('', tr(q.explanation, lang), '');
  });
  return out.join('\n');
}
