import { poolOf, type Pool } from './bank.js';
import { cachedParse, parsedAsIs, readPoolCache, runningFromSources, sameStats } from './pool-cache.js';
import type { TopicSelection } from './question.js';
import { readScenarioFiles, statScenarioFiles } from './source-files.js';

/**
 * The pool from the build-time parse (pool-cache.ts), or undefined when running from sources or when a
 * bank or scenario file differs from what the build parsed. Loads neither YAML nor the schemas: the exam
 * shortcut (src/cli/commands/exam-direct.ts) is built from this alone.
 */
export function cachedPool(topic: TopicSelection = 'all'): Pool | undefined {
  if (runningFromSources()) return undefined;
  const cache = readPoolCache();
  if (cache === undefined) return undefined;
  const withAsks = topic === 'all' || topic === 'tcp';
  // Unchanged since the build by name, size and time: no file is read (pool-cache.ts PoolCache.stats).
  if (sameStats(cache, [...statScenarioFiles('practice'), ...statScenarioFiles('tcp')])) {
    const parsed = parsedAsIs(cache, withAsks);
    return poolOf(parsed.banks, parsed.asks);
  }
  const parsed = cachedParse(cache, readScenarioFiles('practice'), withAsks ? readScenarioFiles('tcp') : undefined);
  return parsed === undefined ? undefined : poolOf(parsed.banks, parsed.asks);
}
