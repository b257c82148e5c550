import { poolOf, type Pool } from './bank.js';
import { cachedParse, readPoolCache, runningFromSources } from './pool-cache.js';
import type { TopicSelection } from './question.js';
import { readScenarioFiles } from './source-files.js';

/**
 * The pool for `exam` and `practice`: from the build-time parse when it matches the files, else by
 * parsing them (pool-files.ts, which brings in YAML, the schema and the scenario runner only then).
 */
export async function loadPoolAsync(warn: (message: string) => void = () => {}, topic: TopicSelection = 'all'): Promise<Pool> {
  if (!runningFromSources()) {
    const scenarios = topic === 'all' || topic === 'tcp' ? readScenarioFiles('tcp') : undefined;
    const parsed = cachedParse(readPoolCache(), readScenarioFiles('practice'), scenarios);
    if (parsed !== undefined) return poolOf(parsed.banks, parsed.asks);
  }
  const { loadPool } = await import('./pool-files.js');
  return loadPool(warn, undefined, topic, { cache: false });
}
