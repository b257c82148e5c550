import { poolOf, type Pool } from './bank.js';
import { cachedParse, readPoolCache, runningFromSources } from './pool-cache.js';
import type { TopicSelection } from './question.js';
import { readScenarioFiles } from './source-files.js';

/**
 * The pool from the build-time parse (pool-cache.ts), or undefined when running from sources or when a
 * bank or scenario file differs from what the build parsed. Loads neither YAML nor the schemas: the exam
 * shortcut (src/cli/commands/exam-direct.ts) is built from this alone.
 */
export function cachedPool(topic: TopicSelection = 'all'): Pool | undefined {
  if (runningFromSources()) return undefined;
  const scenarios = topic === 'all' || topic === 'tcp' ? readScenarioFiles('tcp') : undefined;
  const parsed = cachedParse(readPoolCache(), readScenarioFiles('practice'), scenarios);
  return parsed === undefined ? undefined : poolOf(parsed.banks, parsed.asks);
}
