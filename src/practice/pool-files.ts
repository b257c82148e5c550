/**
 * The pool from the package's own files: every practice bank, plus the `ask` steps of every TCP
 * scenario. A broken bank is an error (it ships with netkata); a TCP scenario that does not load is
 * skipped with a warning, because `netkata tcp run` reports it better.
 */
import { parseTcpScenario } from '../scenario/tcp.js';
import { parseBank, poolOf, type Pool } from './bank.js';
import type { Question, TopicSelection } from './question.js';
import { askQuestions } from './scenario-ask.js';
import { readScenarioFiles } from './store.js';

/** A step `- ask:` in a scenario file's steps list. */
const ASK_STEP = /^\s*-\s+ask:/m;

export function loadPool(warn: (message: string) => void = () => {}, root?: string, topic: TopicSelection = 'all'): Pool {
  const banks = readScenarioFiles('practice', root).map((f) => parseBank(f.text, f.file));
  const asks: Question[] = [];
  // Running every scenario up to its ask steps is the slow part; only the tcp topic needs it.
  const scenarios = topic === 'all' || topic === 'tcp' ? readScenarioFiles('tcp', root) : [];
  for (const f of scenarios) {
    // A scenario without an ask step asks nothing: not parsed or run (most of the fidelity scenarios).
    if (!ASK_STEP.test(f.text)) continue;
    try {
      asks.push(...askQuestions(parseTcpScenario(f.text, f.file)));
    } catch (e) {
      warn(`${f.file}: skipped for practice: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return poolOf(banks, asks);
}
