/**
 * A session without a fixed seed: what FSRS says is due comes first (missed questions exactly as they
 * were asked, then due kinds with a fresh question of that kind), and the rest is an ordinary seeded
 * session. With `--seed` the CLI and the app call buildSession directly, so a seed always replays.
 */
import type { Pool } from './bank.js';
import type { Question, TopicSelection } from './question.js';
import { dueAt, type MissedCard, type Progress } from './schedule.js';
import { buildSession, generate, shuffleChoices } from './session.js';
import { hashString, Rng } from './rng.js';

export interface ReviewOptions {
  readonly seed: number;
  readonly count: number;
  readonly topic: TopicSelection;
}

export interface ReviewSession {
  readonly questions: readonly Question[];
  /** How many of them FSRS had due (they come first). */
  readonly due: number;
}

/** Make a missed generated question again: same generator, seed and index, and the same prompt. */
export function remake(pool: Pool, id: string, m: Pick<MissedCard, 'prompt'>): Question | undefined {
  const at = /^(.+)@(\d+)\.(\d+)$/.exec(id);
  if (at === null) return undefined;
  const [, name, seed, n] = at;
  for (const entry of pool.generated) {
    if (entry.generator.name !== name) continue;
    const q = generate(entry, Number(seed), Number(n) - 1);
    // A changed generator or bank asks something else under that id now: that question is gone.
    if (q.id === id && q.prompt.en === m.prompt) return q;
  }
  return undefined;
}

const CHOICES = hashString('review-choices');

/** A question of a kind: the fixed question itself, or a new one from the kind's generator. */
function ofKind(pool: Pool, kind: string, seed: number, index: number): Question | undefined {
  const fixed = pool.fixed.find((q) => q.id === kind);
  if (fixed !== undefined) return shuffleChoices(fixed, Rng.forQuestion(seed, index, CHOICES));
  const entries = pool.generated.filter((g) => g.generator.name === kind);
  if (entries.length === 0) return undefined;
  const entry = entries.length === 1 ? entries[0]! : Rng.forQuestion(seed, index, hashString(kind)).pick(entries);
  return generate(entry, seed, index);
}

export function reviewSession(pool: Pool, progress: Progress, opts: ReviewOptions, now: Date): ReviewSession {
  const out: Question[] = [];
  const ids = new Set<string>();
  const kinds = new Set<string>();
  const add = (q: Question | undefined, kind: string): void => {
    if (q === undefined || ids.has(q.id) || out.length >= opts.count) return;
    out.push(q);
    ids.add(q.id);
    kinds.add(kind);
  };
  for (const d of dueAt(progress, now)) {
    if (opts.topic !== 'all' && d.topic !== opts.topic) continue;
    if (d.missed) {
      const m = progress.missed[d.key];
      if (m !== undefined) add(remake(pool, d.key, m), d.kind);
    } else if (!kinds.has(d.kind)) {
      // Indices after the session's own (0 .. count-1) keep these ids apart from the draws below.
      add(ofKind(pool, d.kind, opts.seed, opts.count + out.length), d.kind);
    }
  }
  const due = out.length;
  for (const q of buildSession(pool, { seed: opts.seed, count: opts.count, topic: opts.topic })) {
    if (out.length >= opts.count) break;
    if (!ids.has(q.id)) { out.push(q); ids.add(q.id); }
  }
  return { questions: out, due };
}
