/** `netkata practice --stats`: accuracy per topic, Leitner box, current and best streak, recent results. */
import { BOXES, stats, type Progress } from './leitner.js';
import type { Lang } from './question.js';

export function statsText(p: Progress, lang: Lang): string {
  const zh = lang === 'zh';
  const head = zh
    ? ['主题', '已答', '正确率', '盒子', '连对', '最佳', '最近']
    : ['topic', 'answered', 'accuracy', 'box', 'streak', 'best', 'recent'];
  const rows = stats(p).map((r) => [
    r.topic,
    String(r.answered),
    r.accuracy === null ? '-' : `${r.accuracy}%`,
    `${r.box}/${BOXES}`,
    String(r.streak),
    String(r.bestStreak),
    r.recent.slice(-10).replace(/1/g, '✓').replace(/0/g, '✗') || '-',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const total = stats(p).reduce((a, r) => ({ n: a.n + r.answered, c: a.c + r.correct }), { n: 0, c: 0 });
  const weakest = stats(p).filter((r) => r.answered > 0).sort((a, b) => a.box - b.box || (a.accuracy ?? 0) - (b.accuracy ?? 0))[0];
  const foot = total.n === 0
    ? (zh ? '还没有练习记录。试试:netkata practice' : 'Nothing practised yet. Try: netkata practice')
    : zh
      ? `合计 ${total.c}/${total.n}(${Math.round((100 * total.c) / total.n)}%)。${weakest ? `最需要练习:${weakest.topic}(盒子 ${weakest.box})。` : ''}`
      : `Total ${total.c}/${total.n} (${Math.round((100 * total.c) / total.n)}%).${weakest ? ` Weakest: ${weakest.topic} (box ${weakest.box}), it comes up most often.` : ''}`;
  return [line(head), ...rows.map(line), '', foot].join('\n');
}
