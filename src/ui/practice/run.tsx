import { render } from 'ink';
import type { Pool } from '../../practice/bank.js';
import type { TopicSelection } from '../../practice/question.js';
import type { ProgressStore } from '../../practice/store.js';
import type { Lang } from '../screen-props.js';
import { ThemeContext, themeFor } from '../theme.js';
import { PracticeScreen } from './PracticeScreen.js';

export interface PracticeAppOptions {
  readonly lang: Lang;
  readonly topic: TopicSelection;
  /** Replay exactly these questions; without it the screen draws a seed and weights weak topics. */
  readonly seed?: number;
  readonly count: number;
  readonly store: ProgressStore;
  readonly pool: Pool;
}

/** `netkata practice` on a terminal: the practice screen on its own; Esc (or Ctrl-C) leaves. */
export async function runPracticeApp(o: PracticeAppOptions): Promise<void> {
  const columns = process.stdout.columns ?? 80;
  const rows = process.stdout.rows ?? 24;
  let app: ReturnType<typeof render> | undefined;
  const onBack = (): void => app?.unmount();
  app = render(
    <ThemeContext.Provider value={themeFor()}>
      <PracticeScreen lang={o.lang} onBack={onBack} width={columns} height={rows - 1} topic={o.topic} count={o.count} store={o.store} pool={o.pool} {...(o.seed === undefined ? {} : { seed: o.seed })} />
    </ThemeContext.Provider>,
  );
  await app.waitUntilExit();
}
