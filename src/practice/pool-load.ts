import type { Reason } from '../errors.js';
import type { Pool } from './bank.js';
import { cachedPool } from './pool-cached.js';
import type { TopicSelection } from './question.js';

/**
 * The pool for `exam` and `practice`: from the build-time parse when it matches the files, else by
 * parsing them (pool-files.ts, which brings in YAML, the schema and the scenario runner only then).
 */
export async function loadPoolAsync(warn: (why: Reason) => void = () => {}, topic: TopicSelection = 'all'): Promise<Pool> {
  const cached = cachedPool(topic);
  if (cached !== undefined) return cached;
  const { loadPool } = await import('./pool-files.js');
  return loadPool(warn, undefined, topic, { cache: false });
}
