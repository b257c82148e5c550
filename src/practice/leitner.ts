/**
 * Leitner-style spacing per topic: a right answer moves the topic up one box, a wrong one sends it back
 * to box 1. Topics in low boxes come up more often when practising `all` without a fixed seed.
 */
import { TOPICS, type Topic } from './question.js';

export const BOXES = 5;
/** How many recent results a topic remembers for the streak display. */
export const RECENT = 20;

export interface TopicProgress {
  readonly box: number;
  readonly answered: number;
  readonly correct: number;
  readonly streak: number;
  readonly bestStreak: number;
  /** Most recent last: `1` right, `0` wrong. */
  readonly recent: string;
  /** ISO time of the last answer. */
  readonly last: string;
}

export interface Progress {
  readonly version: 1;
  readonly topics: Readonly<Partial<Record<Topic, TopicProgress>>>;
}

export const EMPTY: Progress = { version: 1, topics: {} };

export function fresh(): TopicProgress {
  return { box: 1, answered: 0, correct: 0, streak: 0, bestStreak: 0, recent: '', last: '' };
}

export function record(p: Progress, topic: Topic, correct: boolean, at: Date): Progress {
  const t = p.topics[topic] ?? fresh();
  const streak = correct ? t.streak + 1 : 0;
  const next: TopicProgress = {
    box: correct ? Math.min(BOXES, t.box + 1) : 1,
    answered: t.answered + 1,
    correct: t.correct + (correct ? 1 : 0),
    streak,
    bestStreak: Math.max(t.bestStreak, streak),
    recent: (t.recent + (correct ? '1' : '0')).slice(-RECENT),
    last: at.toISOString(),
  };
  return { ...p, topics: { ...p.topics, [topic]: next } };
}

/** Box 1 weighs 16, box 5 weighs 1; a topic never practised counts as box 1. */
export function topicWeights(p: Progress): Record<Topic, number> {
  const out = {} as Record<Topic, number>;
  for (const t of TOPICS) out[t] = 2 ** (BOXES - (p.topics[t]?.box ?? 1));
  return out;
}

export interface StatsRow {
  readonly topic: Topic;
  readonly answered: number;
  readonly correct: number;
  /** 0..100, or null when nothing was answered. */
  readonly accuracy: number | null;
  readonly box: number;
  readonly streak: number;
  readonly bestStreak: number;
  readonly recent: string;
}

export function stats(p: Progress): StatsRow[] {
  return TOPICS.map((topic) => {
    const t = p.topics[topic] ?? fresh();
    return {
      topic,
      answered: t.answered,
      correct: t.correct,
      accuracy: t.answered === 0 ? null : Math.round((100 * t.correct) / t.answered),
      box: t.box,
      streak: t.streak,
      bestStreak: t.bestStreak,
      recent: t.recent,
    };
  });
}
