/**
 * A session: `count` questions drawn from a pool with a seed. The same seed, topic, count and pool give
 * the same questions in every run and every process. Topic choice for `all` is uniform; spacing by
 * FSRS (review.ts) puts due questions in front of such a session when no seed was asked for.
 */
import { InputError, reason } from '../errors.js';
import { topicsIn, type GeneratedEntry, type Pool } from './bank.js';
import { Picks } from './generator.js';
import type { Question, Topic, TopicSelection } from './question.js';
import { hashString, mix, Rng } from './rng.js';

export interface SessionOptions {
  readonly seed: number;
  readonly count: number;
  readonly topic: TopicSelection;
}

export const MAX_COUNT = 500;

/** Seeded redraws of a generated question that repeats one already asked (a narrow generator may run out). */
const RETRIES = 50;

/** Generate the question of a generator entry at one position of a session. */
export function generate(entry: GeneratedEntry, seed: number, index: number, attempt = 0): Question {
  const g = entry.generator;
  const salt = hashString(g.name);
  const rng = Rng.forQuestion(seed, index, attempt === 0 ? salt : mix(salt, attempt));
  const b = g.make(rng, new Picks(rng, g.params, entry.params));
  return { id: `${g.name}@${seed}.${index + 1}`, topic: g.topic, source: g.name, ...b };
}

const CHOICE_SALT = hashString('choices');

/**
 * A fixed question's choices in a seeded order: a bank lists the right answer where its author put it
 * (often first), and an exam that always asks "1)" teaches the position, not the answer. Choices that
 * are all numbers keep their order (ascending, as exams print them). The same seed gives the same order.
 */
export function shuffleChoices(q: Question, rng: Rng): Question {
  if (q.choices === undefined || q.choices.length < 2) return q;
  if (q.choices.every((c) => /^-?[0-9][0-9.,]*$/.test(c.en.trim()))) return q;
  return { ...q, choices: rng.shuffle(q.choices) };
}

export function buildSession(pool: Pool, opts: SessionOptions): Question[] {
  const available = topicsIn(pool);
  if (opts.topic !== 'all' && !available.includes(opts.topic)) {
    throw new InputError(reason('noQuestions', available), `--topic ${opts.topic}`);
  }
  if (available.length === 0) throw new InputError(reason('noBanks'));
  const used = new Set<string>();
  // No question twice in one session: a generated question whose prompt was already asked is drawn
  // again (a seeded retry, so the session still replays); a topic's fixed questions are not repeated
  // while it has any other question left to give.
  const asked = new Set<string>();
  const out: Question[] = [];
  for (let i = 0; i < opts.count; i++) {
    const rng = Rng.forQuestion(opts.seed, i);
    const topic: Topic = opts.topic === 'all'
      ? rng.weighted(available.map((t) => [t, 1] as const))
      : opts.topic;
    const generated = pool.generated.filter((g) => g.generator.topic === topic);
    let fixed = pool.fixed.filter((q) => q.topic === topic && !used.has(q.id));
    if (fixed.length === 0 && generated.length === 0) {
      // Every fixed question of a topic without generators has been asked: only now may they repeat.
      for (const q of pool.fixed) if (q.topic === topic) used.delete(q.id);
      fixed = pool.fixed.filter((q) => q.topic === topic);
    }
    const pick = rng.weighted<Question | GeneratedEntry>([
      ...fixed.map((q) => [q, 1] as const),
      ...generated.map((g) => [g, g.weight] as const),
    ]);
    const pushFixed = (q: Question): void => {
      used.add(q.id);
      out.push(shuffleChoices(q, Rng.forQuestion(opts.seed, i, CHOICE_SALT)));
    };
    if (!('generator' in pick)) {
      pushFixed(pick);
      continue;
    }
    // A generator that has run out of new questions hands over to the topic's other generators, then
    // to an unused fixed question; only when the whole topic is spent does a question come back.
    let q: Question | undefined;
    for (const entry of [pick, ...generated.filter((g) => g !== pick)]) {
      for (let attempt = 0; q === undefined && attempt <= RETRIES; attempt++) {
        const made = generate(entry, opts.seed, i, attempt);
        if (!asked.has(made.prompt.en)) q = made;
      }
      if (q !== undefined) break;
    }
    if (q === undefined && fixed[0] !== undefined) {
      pushFixed(fixed[0]);
      continue;
    }
    q ??= generate(pick, opts.seed, i);
    asked.add(q.prompt.en);
    out.push(q);
  }
  return out;
}

/** Parse `--seed`: a whole number that fits 32 bits (the generator's seed width). */
export function parseSeed(text: string): number {
  if (!/^-?\d+$/.test(text.trim())) throw new InputError(reason('seedNotNumber'), `--seed ${text}`);
  const n = Number(text.trim());
  if (!Number.isSafeInteger(n) || n < 0 || n > 0xffffffff) throw new InputError(reason('seedRange'), `--seed ${text}`);
  return n;
}

export function parseCount(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new InputError(reason('countNotNumber'), `--count ${text}`);
  const n = Number(text.trim());
  if (n < 1 || n > MAX_COUNT) throw new InputError(reason('countRange', MAX_COUNT), `--count ${text}`);
  return n;
}
