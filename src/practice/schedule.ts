/**
 * Spaced repetition with FSRS (the scheduler Anki uses), through ts-fsrs: one card per question kind
 * (a generator such as `subnet.vlsm`, or one fixed bank question) and one per missed generated
 * question, so the exact question that was missed comes back. A right answer is rated Good, a wrong
 * one Again; an answer that could not be read is not rated at all (grade.ts).
 *
 * ts-fsrs's defaults apply: request retention 0.9 (the interval of a reviewed card is its stability
 * in days, by FSRS's definition of stability), learning steps 1 min and 10 min, relearning 10 min.
 * Fuzz stays off (ts-fsrs's default) so that a schedule can be replayed and tested. Time always comes
 * in as an argument: this module never reads the clock.
 *
 * Per-topic counts (answered, accuracy, streaks, recent results) are kept beside the cards for
 * `--stats`; they are what a version 1 (Leitner) progress file held and are carried over from it.
 */
import { createEmptyCard, fsrs, Rating, State, type Card } from 'ts-fsrs';
import { TOPICS, type Question, type Topic } from './question.js';

/** How many recent results a topic remembers for the streak display. */
export const RECENT = 20;
/** Missed questions kept at most; the oldest-due beyond this are dropped (their kind's card stays). */
export const MAX_MISSED = 200;

const scheduler = fsrs({ enable_fuzz: false });

export interface TopicCounts {
  readonly answered: number;
  readonly correct: number;
  readonly streak: number;
  readonly bestStreak: number;
  /** Most recent last: `1` right, `0` wrong. */
  readonly recent: string;
  /** ISO time of the last answer. */
  readonly last: string;
}

/** A ts-fsrs card as JSON: dates as ISO text. */
export interface StoredCard {
  readonly due: string;
  readonly stability: number;
  readonly difficulty: number;
  readonly elapsed_days: number;
  readonly scheduled_days: number;
  readonly learning_steps: number;
  readonly reps: number;
  readonly lapses: number;
  readonly state: number;
  readonly last_review?: string;
}

export interface KindCard {
  readonly topic: Topic;
  readonly card: StoredCard;
}

/** A missed generated question: enough to make it again from the pool (session.ts `generate`). */
export interface MissedCard extends KindCard {
  readonly kind: string;
  readonly prompt: string;
}

export interface Progress {
  readonly version: 2;
  readonly topics: Readonly<Partial<Record<Topic, TopicCounts>>>;
  /** Key: the kind (generator name or fixed question id). */
  readonly kinds: Readonly<Record<string, KindCard>>;
  /** Key: the question id (`subnet.vlsm@123.4`). */
  readonly missed: Readonly<Record<string, MissedCard>>;
}

export const EMPTY: Progress = { version: 2, topics: {}, kinds: {}, missed: {} };

export function freshCounts(): TopicCounts {
  return { answered: 0, correct: 0, streak: 0, bestStreak: 0, recent: '', last: '' };
}

/** A question's kind: its generator for generated questions, itself for fixed and scenario ones. */
export function kindOf(q: Question): string {
  return q.source.startsWith('bank:') || q.source.startsWith('scenario:') ? q.id : q.source;
}

export const isGenerated = (q: Question): boolean => kindOf(q) !== q.id;

function toCard(s: StoredCard): Card {
  const { last_review, due, ...rest } = s;
  return last_review === undefined ? { ...rest, due: new Date(due) } : { ...rest, due: new Date(due), last_review: new Date(last_review) };
}

function fromCard(c: Card): StoredCard {
  const base = {
    due: c.due.toISOString(), stability: c.stability, difficulty: c.difficulty, elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days, learning_steps: c.learning_steps, reps: c.reps, lapses: c.lapses, state: c.state,
  };
  return c.last_review === undefined ? base : { ...base, last_review: c.last_review.toISOString() };
}

function rate(card: StoredCard | undefined, correct: boolean, at: Date): StoredCard {
  const c = card === undefined ? createEmptyCard(at) : toCard(card);
  return fromCard(scheduler.next(c, at, correct ? Rating.Good : Rating.Again).card);
}

/** Record one graded answer at time `at`. */
export function record(p: Progress, q: Question, correct: boolean, at: Date): Progress {
  const t = p.topics[q.topic] ?? freshCounts();
  const streak = correct ? t.streak + 1 : 0;
  const counts: TopicCounts = {
    answered: t.answered + 1,
    correct: t.correct + (correct ? 1 : 0),
    streak,
    bestStreak: Math.max(t.bestStreak, streak),
    recent: (t.recent + (correct ? '1' : '0')).slice(-RECENT),
    last: at.toISOString(),
  };
  const kind = kindOf(q);
  const kinds = { ...p.kinds, [kind]: { topic: q.topic, card: rate(p.kinds[kind]?.card, correct, at) } };
  const missed = { ...p.missed };
  const before = missed[q.id];
  if (isGenerated(q) && (before !== undefined || !correct)) {
    const card = rate(before?.card, correct, at);
    // Once FSRS graduates the question out of (re)learning, the kind's card carries it on.
    if (correct && card.state === State.Review) delete missed[q.id];
    else missed[q.id] = { topic: q.topic, kind, prompt: q.prompt.en, card };
  }
  return { ...p, topics: { ...p.topics, [q.topic]: counts }, kinds, missed: capMissed(missed) };
}

function capMissed(m: Record<string, MissedCard>): Record<string, MissedCard> {
  const ids = Object.keys(m);
  if (ids.length <= MAX_MISSED) return m;
  const keep = ids.sort((a, b) => m[a]!.card.due.localeCompare(m[b]!.card.due)).slice(0, MAX_MISSED);
  return Object.fromEntries(keep.map((id) => [id, m[id]!]));
}

export interface Due {
  /** A kind name, or a missed question's id. */
  readonly key: string;
  readonly missed: boolean;
  readonly topic: Topic;
  readonly kind: string;
  readonly due: Date;
  readonly state: State;
  readonly stability: number;
  readonly lapses: number;
}

/** Every card, soonest due first (missed questions before kinds on a tie). */
export function schedule(p: Progress): Due[] {
  const rows: Due[] = [
    ...Object.entries(p.missed).map(([id, m]) => ({ key: id, missed: true, topic: m.topic, kind: m.kind, due: new Date(m.card.due), state: m.card.state as State, stability: m.card.stability, lapses: m.card.lapses })),
    ...Object.entries(p.kinds).map(([kind, k]) => ({ key: kind, missed: false, topic: k.topic, kind, due: new Date(k.card.due), state: k.card.state as State, stability: k.card.stability, lapses: k.card.lapses })),
  ];
  return rows.sort((a, b) => a.due.getTime() - b.due.getTime() || Number(b.missed) - Number(a.missed) || a.key.localeCompare(b.key));
}

/** The cards due at `now`, soonest first. */
export function dueAt(p: Progress, now: Date): Due[] {
  return schedule(p).filter((d) => d.due.getTime() <= now.getTime());
}

export interface StatsRow {
  readonly topic: Topic;
  readonly answered: number;
  readonly correct: number;
  /** 0..100, or null when nothing was answered. */
  readonly accuracy: number | null;
  readonly streak: number;
  readonly bestStreak: number;
  readonly recent: string;
  /** Cards of the topic due at the time asked. */
  readonly dueNow: number;
  /** The topic's soonest card still to come, if any. */
  readonly nextDue: Date | null;
}

export function stats(p: Progress, now: Date): StatsRow[] {
  const all = schedule(p);
  return TOPICS.map((topic) => {
    const t = p.topics[topic] ?? freshCounts();
    const mine = all.filter((d) => d.topic === topic);
    const later = mine.find((d) => d.due.getTime() > now.getTime());
    return {
      topic,
      answered: t.answered,
      correct: t.correct,
      accuracy: t.answered === 0 ? null : Math.round((100 * t.correct) / t.answered),
      streak: t.streak,
      bestStreak: t.bestStreak,
      recent: t.recent,
      dueNow: mine.filter((d) => d.due.getTime() <= now.getTime()).length,
      nextDue: later?.due ?? null,
    };
  });
}
