/**
 * `netkata practice --stats`: per topic the counts and what FSRS has due, then the schedule itself,
 * soonest first, so a learner sees what comes up when. `--json` gives the same as one document.
 */
import { State } from 'ts-fsrs';
import { alignColumns } from '../columns.js';
import type { Lang } from './question.js';
import { schedule, stats, type Progress } from './schedule.js';

/** Rows of the schedule listed in the text form; the JSON form lists all. */
export const SHOWN = 15;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `now`, `in 10 min`, `in 3 h`, `in 11 d` (zh: 现在, 10 分钟后, 3 小时后, 11 天后). */
export function dueIn(due: Date, now: Date, lang: Lang): string {
  const ms = due.getTime() - now.getTime();
  const zh = lang === 'zh';
  if (ms <= 0) return zh ? '现在' : 'now';
  if (ms < HOUR) { const n = Math.max(1, Math.round(ms / MINUTE)); return zh ? `${n} 分钟后` : `in ${n} min`; }
  if (ms < DAY) { const n = Math.round(ms / HOUR); return zh ? `${n} 小时后` : `in ${n} h`; }
  const n = Math.round(ms / DAY);
  return zh ? `${n} 天后` : `in ${n} d`;
}

const STATE_NAME: Record<State, string> = { [State.New]: 'new', [State.Learning]: 'learning', [State.Review]: 'review', [State.Relearning]: 'relearning' };

export function statsText(p: Progress, lang: Lang, now: Date): string {
  const zh = lang === 'zh';
  const rows = stats(p, now);
  const head = zh
    ? ['主题', '已答', '正确率', '连对', '最佳', '最近', '现在到期', '下次到期']
    : ['topic', 'answered', 'accuracy', 'streak', 'best', 'recent', 'due now', 'next due'];
  const body = rows.map((r) => [
    r.topic,
    String(r.answered),
    r.accuracy === null ? '-' : `${r.accuracy}%`,
    String(r.streak),
    String(r.bestStreak),
    r.recent.slice(-10).replace(/1/g, '✓').replace(/0/g, '✗') || '-',
    String(r.dueNow),
    r.nextDue === null ? '-' : dueIn(r.nextDue, now, lang),
  ]);
  const out = alignColumns([head, ...body]);

  const total = rows.reduce((a, r) => ({ n: a.n + r.answered, c: a.c + r.correct }), { n: 0, c: 0 });
  if (total.n === 0) {
    out.push('', zh ? '还没有练习记录。试试：netkata practice' : 'Nothing practised yet. Try: netkata practice');
    return out.join('\n');
  }
  const cards = schedule(p);
  const dueNow = cards.filter((c) => c.due.getTime() <= now.getTime()).length;
  const next = cards.find((c) => c.due.getTime() > now.getTime());
  const pct = Math.round((100 * total.c) / total.n);
  const due = dueNow > 0
    ? (zh ? `现在到期 ${dueNow} 项，不带 --seed 练习时先出这些题。` : `Due now: ${dueNow}; practice without --seed asks these first.`)
    : next === undefined ? '' : (zh ? `现在没有到期的题，下一项 ${dueIn(next.due, now, lang)}到期。` : `Nothing is due now; the next comes ${dueIn(next.due, now, lang)}.`);
  out.push('', zh ? `合计 ${total.c}/${total.n}（${pct}%）。${due}` : `Total ${total.c}/${total.n} (${pct}%). ${due}`.trimEnd());
  out.push('', zh ? '复习安排（FSRS）：' : 'Schedule (FSRS):');
  const missed = zh ? '（答错的题）' : ' (missed)';
  out.push(...alignColumns([
    zh ? ['到期', '题型', '主题', '稳定性'] : ['due', 'kind', 'topic', 'stability'],
    ...cards.slice(0, SHOWN).map((c) => [
      dueIn(c.due, now, lang),
      c.missed ? `${c.key}${missed}` : c.kind,
      c.topic,
      zh ? `${c.stability.toFixed(1)} 天` : `${c.stability.toFixed(1)} d`,
    ]),
  ]).map((l) => `  ${l}`));
  if (cards.length > SHOWN) out.push(zh ? `  ……另有 ${cards.length - SHOWN} 项（--json 列出全部）` : `  ... and ${cards.length - SHOWN} more (--json lists all)`);
  return out.join('\n');
}

export interface StatsJson {
  readonly now: string;
  readonly topics: readonly {
    topic: string; answered: number; correct: number; accuracy: number | null; streak: number; bestStreak: number;
    recent: string; dueNow: number; nextDue: string | null;
  }[];
  readonly schedule: readonly {
    key: string; kind: string; topic: string; missed: boolean; due: string; state: string; stability: number; lapses: number;
  }[];
}

export function statsJson(p: Progress, now: Date): StatsJson {
  return {
    now: now.toISOString(),
    topics: stats(p, now).map((r) => ({ ...r, nextDue: r.nextDue === null ? null : r.nextDue.toISOString() })),
    schedule: schedule(p).map((c) => ({
      key: c.key, kind: c.kind, topic: c.topic, missed: c.missed, due: c.due.toISOString(), state: STATE_NAME[c.state], stability: c.stability, lapses: c.lapses,
    })),
  };
}
