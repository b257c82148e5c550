import type { TransitionInfo } from '../../tcp/transitions.js';

/** `netkata tcp states` text: per state, its transitions (event, guard, actions, target). */
export function renderStates(profile: string, states: readonly string[], ts: readonly TransitionInfo[]): string {
  const out: string[] = [`TCP endpoint machine, profile ${profile}: ${states.length} states, ${ts.length} transitions`, ''];
  for (const s of states) {
    out.push(s);
    for (const t of ts.filter((x) => x.from === s)) {
      const on = t.guard ? `${t.event} [${t.guard}]` : t.event;
      const to = t.internal ? (t.actions.length ? '(stay)' : '(ignored)') : t.reenter && t.to === t.from ? `${t.to} (re-enter)` : t.to;
      const acts = t.actions.length ? `  / ${t.actions.join(', ')}` : '';
      out.push(`  ${on.padEnd(48)} -> ${to}${acts}`);
    }
    out.push('');
  }
  return out.join('\n');
}
