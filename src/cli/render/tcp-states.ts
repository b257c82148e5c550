import type { TransitionInfo } from '../../tcp/transitions.js';
import { EN, type TcpMessages } from '../../tcp/step-text.js';

/**
 * `netkata tcp states` text: per state, its transitions (event, guard, actions, target). Events, guards
 * and actions keep the machine's own names (the `--mermaid` and `--json` output use them too).
 */
export function renderStates(profile: string, states: readonly string[], ts: readonly TransitionInfo[], m: TcpMessages = EN): string {
  const S = m.states;
  const out: string[] = [S.header(profile, states.length, ts.length), ''];
  for (const s of states) {
    out.push(s);
    for (const t of ts.filter((x) => x.from === s)) {
      const on = t.guard ? `${t.event} [${t.guard}]` : t.event;
      const to = t.internal ? (t.actions.length ? S.stay : S.ignored) : t.reenter && t.to === t.from ? S.reenter(t.to) : t.to;
      const acts = t.actions.length ? `  / ${t.actions.join(', ')}` : '';
      out.push(`  ${on.padEnd(48)} -> ${to}${acts}`);
    }
    out.push('');
  }
  return out.join('\n');
}
