/**
 * The generator contract. A generator turns a seeded Rng and its parameters (ranges a bank may narrow)
 * into one question, computing the answer and the working with src/addr or src/tcp: nothing is typed
 * in by hand that a module can compute.
 */
import type { ParamSpec, ParamValue } from '../scenario/practice.js';
import type { AnswerKind, Question, Text, Topic } from './question.js';
import type { Rng } from './rng.js';

export type QuestionBody = Omit<Question, 'id' | 'topic' | 'source'>;

export interface Generator {
  readonly name: string;
  readonly topic: Topic;
  /** Parameters a bank may set, each with its widest allowed range and the default used when unset. */
  readonly params: Readonly<Record<string, ParamSpec & { readonly default: ParamValue }>>;
  make(rng: Rng, p: Picks): QuestionBody;
}

/** Draws parameter values: the bank's value or range when given, else the generator's default. */
export class Picks {
  constructor(
    private readonly rng: Rng,
    private readonly spec: Generator['params'],
    private readonly given: Readonly<Record<string, ParamValue>> = {},
  ) {}
  private value(name: string): ParamValue {
    const s = this.spec[name];
    if (s === undefined) throw new Error(`generator parameter ${name} is not declared`);
    return this.given[name] ?? s.default;
  }
  int(name: string): number {
    const v = this.value(name);
    if (typeof v === 'number') return v;
    if (Array.isArray(v) && typeof v[0] === 'number') return this.rng.int(v[0], v[1] as number);
    throw new Error(`generator parameter ${name} is not a range`);
  }
  /** The range as [min, max] (a single number is a range of one). */
  bounds(name: string): [number, number] {
    const v = this.value(name);
    if (typeof v === 'number') return [v, v];
    if (Array.isArray(v) && typeof v[0] === 'number') return [v[0], v[1] as number];
    throw new Error(`generator parameter ${name} is not a range`);
  }
  option<T extends string>(name: string): T {
    const v = this.value(name);
    if (typeof v === 'string') return v as T;
    if (Array.isArray(v) && typeof v[0] === 'string') return this.rng.pick(v as readonly T[]);
    throw new Error(`generator parameter ${name} is not a list of options`);
  }
}

export function range(min: number, max: number, dflt: ParamValue = [min, max]): ParamSpec & { default: ParamValue } {
  return { kind: 'range', min, max, default: dflt };
}

export function options(all: readonly string[], dflt: ParamValue = [...all]): ParamSpec & { default: ParamValue } {
  return { kind: 'options', options: all, default: dflt };
}

/** A body with the usual defaults filled in. */
export function body(b: {
  prompt: Text;
  answer: Text | string;
  check: AnswerKind;
  explanation: Text;
  working?: Text;
  accepts?: readonly string[];
  choices?: readonly Text[];
  params: Readonly<Record<string, unknown>>;
}): QuestionBody {
  const answer = typeof b.answer === 'string' ? { en: b.answer, zh: b.answer } : b.answer;
  const out: QuestionBody = {
    prompt: b.prompt,
    answer,
    accepts: b.accepts ?? [],
    check: b.check,
    explanation: b.explanation,
    working: b.working ?? { en: '', zh: '' },
    params: b.params,
  };
  return b.choices === undefined ? out : { ...out, choices: b.choices };
}
