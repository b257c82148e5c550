/**
 * The pool from the package's own files: every practice bank, plus the `ask` steps of every TCP
 * scenario. A broken bank is an error (it ships with netkata); a TCP scenario that does not load is
 * skipped with a warning, because `netkata tcp run` reports it better. The installed package reads
 * the parse made at build time when it matches the files (src/practice/pool-cache.ts).
 */
import { InputError, reason, type Reason } from '../errors.js';
import { parseTcpScenario } from '../scenario/tcp.js';
import { poolOf, type Pool } from './bank.js';
import { parseBank } from './bank-parse.js';
import { ASK_STEP, cachedParse, POOL_CACHE_FORMAT, readPoolCache, runningFromSources, textHash, type Parsed, type PoolCache } from './pool-cache.js';
import type { Question, TopicSelection } from './question.js';
import { askQuestions } from './scenario-ask.js';
import { readScenarioFiles, statScenarioFiles, type SourceFile } from './source-files.js';

export interface LoadOptions {
  /** Use dist/bundle/pool-cache.json when it matches the files (default: yes, except when running from src/). */
  readonly cache?: boolean;
}

export function loadPool(warn: (why: Reason) => void = () => {}, root?: string, topic: TopicSelection = 'all', options: LoadOptions = {}): Pool {
  const banks = readScenarioFiles('practice', root);
  // Running every scenario up to its ask steps is the slow part; only the tcp topic needs it.
  const scenarios = topic === 'all' || topic === 'tcp' ? readScenarioFiles('tcp', root) : undefined;
  const useCache = root === undefined && (options.cache ?? !runningFromSources());
  const parsed = (useCache ? cachedParse(readPoolCache(), banks, scenarios) : undefined) ?? parse(banks, scenarios ?? [], warn);
  return poolOf(parsed.banks, parsed.asks);
}

function parse(banks: readonly SourceFile[], scenarios: readonly SourceFile[], warn: (why: Reason) => void): Parsed {
  const asks: Question[] = [];
  for (const f of scenarios) {
    // A scenario without an ask step asks nothing: not parsed or run (most of the fidelity scenarios).
    if (!ASK_STEP.test(f.text)) continue;
    try {
      asks.push(...askQuestions(parseTcpScenario(f.text, f.file)));
    } catch (e) {
      const why = e instanceof InputError && e.reason !== undefined ? e.reason : e instanceof Error ? e.message : String(e);
      warn(reason('practiceFileSkipped', { file: f.file, why }));
    }
  }
  return { banks: banks.map((f) => parseBank(f.text, f.file)), asks };
}

/**
 * The cache for the package's files as they are now (scripts/parse-cache.js, at build time). A
 * scenario that fails to load is an error here: the build must not ship a pool that warns.
 */
export function buildPoolCache(root?: string): PoolCache {
  // Taken before the texts are read: a file edited in between then fails the check of its time.
  const stats = [...statScenarioFiles('practice', root), ...statScenarioFiles('tcp', root)];
  const banks = readScenarioFiles('practice', root);
  const scenarios = readScenarioFiles('tcp', root).filter((f) => ASK_STEP.test(f.text));
  return {
    format: POOL_CACHE_FORMAT,
    stats,
    banks: banks.map((f) => ({ file: f.file, hash: textHash(f.text), bank: parseBank(f.text, f.file) })),
    asks: scenarios.map((f) => ({ file: f.file, hash: textHash(f.text), questions: askQuestions(parseTcpScenario(f.text, f.file)) })),
  };
}
