/**
 * Banks: the pool practice draws from. A bank file (scenarios/practice/*.yaml, validated by
 * src/scenario/practice.ts) lists fixed questions and generator entries; TCP scenario files add their
 * `ask` steps. This module turns the parsed files into questions and weighted generator entries.
 */
import type { FixedBankEntry, PracticeBank, ParamValue } from '../scenario/practice.js';
import type { Generator } from './generator.js';
import { GENERATORS } from './generators/index.js';
import { TOPICS, type AnswerKind, type Question, type Text, type Topic } from './question.js';

export interface GeneratedEntry {
  readonly generator: Generator;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly weight: number;
  readonly bank: string;
}

export interface Pool {
  readonly fixed: readonly Question[];
  readonly generated: readonly GeneratedEntry[];
}

/** How often a generator entry comes up against one fixed question, unless the bank says otherwise. */
export const DEFAULT_GENERATOR_WEIGHT = 3;


function kindOf(e: FixedBankEntry): AnswerKind {
  const check = e.check ?? (e.choices ? 'choice' : 'text');
  switch (check) {
    case 'order': return { kind: 'order', items: e.answer.replace(/[^A-Za-z]/g, '').length };
    case 'text': case 'choice': case 'integer': case 'yesno': case 'state': case 'flags': case 'ipv4': case 'mac': case 'hex': case 'binary':
      return { kind: check };
  }
}

/**
 * YAML folds a long line into one with a space at each line break (`>-`), right for English but a
 * stray gap in Chinese: drop a folded space between two Chinese characters, and before or after
 * Chinese punctuation (full-width forms and the curly quotes “ ”).
 */
export function unfoldChinese(text: string): string {
  return text
    .replace(/([\u3400-\u9fff\u3000-\u303f\uff00-\uffef]) (?=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef])/g, '$1')
    .replace(/([\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f\u201c\u201d]) /g, '$1')
    .replace(/ (?=[\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f\u201c\u201d])/g, '');
}

export function fixedQuestion(bank: PracticeBank, e: FixedBankEntry): Question {
  const zh = e.zh;
  const choices: Text[] | undefined = e.choices?.map((c, i) => ({ en: c, zh: zh?.choices?.[i] ?? c }));
  const answerIndex = e.choices?.indexOf(e.answer) ?? -1;
  const answerZh = zh?.answer ?? (answerIndex >= 0 && zh?.choices ? zh.choices[answerIndex]! : e.answer);
  const q: Question = {
    id: `${bank.name}/${e.id}`,
    topic: (e.topic ?? bank.topic) as Topic,
    source: `bank:${bank.name}`,
    prompt: { en: e.prompt, zh: unfoldChinese(zh?.prompt ?? e.prompt) },
    answer: { en: e.answer, zh: answerZh },
    accepts: [...(e.accepts ?? []), ...(zh?.accepts ?? [])],
    check: kindOf(e),
    explanation: { en: e.explain, zh: unfoldChinese(zh?.explain ?? e.explain) },
    working: { en: '', zh: '' },
  };
  return choices === undefined ? q : { ...q, choices };
}

/** Merge parsed banks (and questions from elsewhere, e.g. scenario `ask` steps) into one pool. */
export function poolOf(banks: readonly PracticeBank[], extra: readonly Question[] = []): Pool {
  const fixed: Question[] = [];
  const generated: GeneratedEntry[] = [];
  for (const bank of banks) {
    for (const e of bank.questions) {
      if ('generator' in e) {
        const g = GENERATORS.get(e.generator);
        if (g === undefined) continue; // the schema already rejected unknown names
        generated.push({ generator: g, params: (e.params ?? {}) as Record<string, ParamValue>, weight: e.weight ?? DEFAULT_GENERATOR_WEIGHT, bank: bank.name });
      } else {
        fixed.push(fixedQuestion(bank, e));
      }
    }
  }
  fixed.push(...extra);
  return { fixed, generated };
}

export function topicsIn(pool: Pool): Topic[] {
  const present = new Set<Topic>([...pool.fixed.map((q) => q.topic), ...pool.generated.map((g) => g.generator.topic)]);
  return TOPICS.filter((t) => present.has(t));
}
