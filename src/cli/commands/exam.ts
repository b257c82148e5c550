import { InputError, type Reason } from '../../errors.js';
import type { Pool } from '../../practice/bank.js';
import type { TopicSelection } from '../../practice/question.js';
import type { Lang } from '../../i18n/lang.js';
import { t } from '../text.js';

// What `netkata practice` and `netkata exam` share (the options of a session), and the exam itself:
// run by the commander program (practice.ts) and by the exam shortcut (exam-direct.ts) alike.

export const TOPIC_LIST = 'subnet, same-segment, classify, ipv6, ports, mac, tcp, osi, sockets, all';

export interface SessionArgs {
  topic?: string;
  seed?: string;
  count?: string;
  lang?: string;
}

export interface ExamOpts extends SessionArgs {
  json?: boolean;
}

export async function sessionOptions(opts: SessionArgs, defaultCount: string): Promise<{ topic: TopicSelection; seed: number | undefined; count: number; lang: Lang }> {
  const { isTopic } = await import('../../practice/question.js');
  const { parseSeed, parseCount } = await import('../../practice/session.js');
  const { resolveLang } = await import('../../i18n/lang.js');
  const topic = opts.topic ?? 'all';
  if (topic !== 'all' && !isTopic(topic)) throw new InputError(t().cli.unknownTopic(TOPIC_LIST), `--topic ${topic}`);
  const seed = opts.seed === undefined ? undefined : parseSeed(opts.seed);
  const count = parseCount(opts.count ?? defaultCount);
  const lang = resolveLang(opts.lang);
  return { topic: topic as TopicSelection, seed, count, lang };
}

export function randomSeed(): number {
  return Math.floor(Math.random() * 0x100000000);
}

export const EXAM_COUNT = '20';

export type PoolLoader = (warn: (why: Reason) => void, topic: TopicSelection) => Promise<Pool>;

/**
 * Prints the exam. `loadPool` gives the questions: the commander program passes practice/pool-load.ts
 * (the build's parse, else the files parsed), the shortcut the build's parse alone.
 */
export async function examAction(opts: ExamOpts, loadPool: PoolLoader): Promise<void> {
  const { topic, seed: given, count, lang } = await sessionOptions(opts, EXAM_COUNT);
  const { buildSession } = await import('../../practice/session.js');
  const { examJson, examMarkdown } = await import('../../practice/present.js');
  const { writeJson, writeOut, writeWarning } = await import('../io.js');
  const seed = given ?? randomSeed();
  const pool = await loadPool(writeWarning, topic);
  const questions = buildSession(pool, { seed, count, topic });
  if (opts.json) writeJson(examJson(seed, topic, lang, questions));
  else writeOut(examMarkdown(seed, topic, lang, questions));
}
