/**
 * Schema of practice banks (`scenarios/practice/*.yaml`, SCENARIOS.md): fixed questions with their
 * answer and explanation, in English with an optional `zh` block, and generated entries
 * (`generator: <name>` with parameter ranges). Generator names and their parameters belong to
 * src/practice, which sits above this layer, so it hands its table in (`practiceBankSchema(specs)`)
 * and an unknown generator or a bad range is reported like any other field: `file:line: path: why`.
 */
import { z } from 'zod';
import { loadYaml } from './load.js';
import { addReason, nestedReason, said } from './issue.js';
import { reason } from '../errors.js';

/** One generator parameter: an integer range, or a set of named options. */
export type ParamSpec =
  | { readonly kind: 'range'; readonly min: number; readonly max: number }
  | { readonly kind: 'options'; readonly options: readonly string[] };

export type GeneratorSpecs = Readonly<Record<string, Readonly<Record<string, ParamSpec>>>>;

/** A parameter as written: `24`, `[20, 30]`, `http` or `[http, ssh]`. */
export type ParamValue = number | readonly [number, number] | string | readonly string[];

const CHECKS = ['text', 'choice', 'integer', 'yesno', 'state', 'flags', 'order', 'ipv4', 'mac', 'hex', 'binary'] as const;
export type BankCheck = (typeof CHECKS)[number];

const nonEmpty = z.string().trim().min(1, said(reason('bankNotEmpty')));

const zhBlock = z.object({
  prompt: nonEmpty,
  choices: z.array(nonEmpty).min(2).optional(),
  answer: nonEmpty.optional(),
  accepts: z.array(nonEmpty).optional(),
  explain: nonEmpty,
}).strict();

const fixedEntry = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, said(reason('bankKebab'))),
  topic: z.string().optional(),
  prompt: nonEmpty,
  choices: z.array(nonEmpty).min(2).max(10).optional(),
  answer: z.union([nonEmpty, z.number().transform(String)]),
  accepts: z.array(z.union([nonEmpty, z.number().transform(String)])).optional(),
  check: z.enum(CHECKS).optional(),
  explain: nonEmpty,
  zh: zhBlock.optional(),
}).strict().superRefine((e, ctx) => {
  if (e.choices !== undefined && !e.choices.includes(e.answer)) {
    addReason(ctx, reason('bankAnswerChoice', e.choices), ['answer']);
  }
  if (e.zh?.choices !== undefined && e.choices?.length !== e.zh.choices.length) {
    addReason(ctx, reason('bankZhChoicesCount'), ['zh', 'choices']);
  }
  if (e.choices !== undefined && e.zh !== undefined && e.zh.choices === undefined) {
    addReason(ctx, reason('bankZhChoicesMissing'), ['zh', 'choices']);
  }
  if (e.zh?.answer !== undefined && e.zh.choices !== undefined && !e.zh.choices.includes(e.zh.answer)) {
    addReason(ctx, reason('bankZhAnswerChoice'), ['zh', 'answer']);
  }
  if (e.choices !== undefined && e.check !== undefined && e.check !== 'choice') {
    addReason(ctx, reason('bankChoiceCheck'), ['check']);
  }
});

const paramValue = z.union([
  z.number().int(),
  z.tuple([z.number().int(), z.number().int()]),
  nonEmpty,
  z.array(nonEmpty).min(1),
]);

function generatedEntry(specs: GeneratorSpecs) {
  const names = Object.keys(specs);
  return z.object({
    generator: z.string().refine((n) => names.includes(n), { message: said(reason('bankUnknownGenerator', names)) }),
    params: z.record(z.string(), paramValue).optional(),
    weight: z.number().int().min(1).max(100).optional(),
  }).strict().superRefine((e, ctx) => {
    const spec = specs[e.generator];
    if (spec === undefined) return;
    for (const [key, value] of Object.entries(e.params ?? {})) {
      const p = spec[key];
      const path = ['params', key];
      if (p === undefined) {
        const known = Object.keys(spec);
        addReason(ctx, reason('bankUnknownParam', { generator: e.generator, known }), path);
        continue;
      }
      if (p.kind === 'range') {
        const [lo, hi] = typeof value === 'number' ? [value, value] : Array.isArray(value) && typeof value[0] === 'number' ? (value as readonly [number, number]) : [NaN, NaN];
        if (Number.isNaN(lo)) addReason(ctx, reason('bankRangeShape', { min: p.min, max: p.max }), path);
        else if (lo > hi) addReason(ctx, reason('bankEmptyRange', { lo, hi }), path);
        else if (lo < p.min || hi > p.max) addReason(ctx, reason('bankOutsideRange', { lo, hi, min: p.min, max: p.max }), path);
      } else {
        const list = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as readonly string[]) : undefined;
        if (list === undefined) addReason(ctx, reason('bankOptionsShape', p.options), path);
        else for (const v of list) if (!p.options.includes(v)) addReason(ctx, reason('bankUnknownOption', { option: v, options: p.options }), path);
      }
    }
  });
}

export function practiceBankSchema(specs: GeneratorSpecs, topics: readonly string[]) {
  const topic = z.string().refine((t) => topics.includes(t), { message: said(reason('bankUnknownTopic', topics)) });
  const generated = generatedEntry(specs);
  const fixed = fixedEntry.superRefine((e, ctx) => {
    if (e.topic !== undefined && !topics.includes(e.topic)) addReason(ctx, reason('bankUnknownTopic', topics), ['topic']);
  });
  return z.object({
    name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, said(reason('bankKebab'))),
    title: nonEmpty,
    zh: z.object({ title: nonEmpty }).strict().optional(),
    topic,
    // An entry is generated when it names a generator, fixed otherwise; picking the schema first
    // gives field-level errors (a plain union would only say "invalid input" about the whole entry).
    questions: z.array(z.unknown()).min(1).transform((items, ctx) => items.map((item, i) => {
      const isGenerated = typeof item === 'object' && item !== null && 'generator' in item;
      // reportInput: an issue keeps its value, which the zh text of an unknown value names (as load.ts does).
      const parsed = isGenerated ? generated.safeParse(item, { reportInput: true }) : fixed.safeParse(item, { reportInput: true });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          // Re-added as a custom issue (its English zod's own text, as always), carrying its Reason for zh.
          ctx.addIssue({ code: 'custom', path: [i, ...issue.path], message: issue.message, params: { reason: nestedReason(issue) } });
        }
        return z.NEVER;
      }
      return parsed.data;
    })),
  }).strict().superRefine((bank, ctx) => {
    const seen = new Map<string, number>();
    bank.questions.forEach((q, i) => {
      if (!('id' in q)) return;
      const prev = seen.get(q.id);
      if (prev !== undefined) addReason(ctx, reason('bankDuplicateId', prev), ['questions', i, 'id']);
      else seen.set(q.id, i);
    });
  });
}

export type PracticeBank = z.output<ReturnType<typeof practiceBankSchema>>;
export type BankEntry = PracticeBank['questions'][number];
export type FixedBankEntry = Extract<BankEntry, { id: string }>;
export type GeneratedBankEntry = Extract<BankEntry, { generator: string }>;

/** Parse and validate one bank file's text; errors are `file:line: field: why` InputErrors. */
export function parsePracticeBank(text: string, file: string, specs: GeneratorSpecs, topics: readonly string[]): PracticeBank {
  return loadYaml(text, file, practiceBankSchema(specs, topics));
}

/** The schemas of a bank's entries, for tools that walk them (test/docs checks docs/scenarios.md names every key). */
export const PRACTICE_ENTRY_SCHEMAS = { fixed: fixedEntry, generated: generatedEntry } as const;
