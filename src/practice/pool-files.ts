/**
 * The pool from the package's own files: every practice bank, plus the `ask` steps of every TCP
 * scenario. A broken bank is an error (it ships with netkata); a TCP scenario that does not load is
 * skipped with a warning, because `netkata tcp run` reports it better.
 */
import { parseTcpScenario } from '../scenario/tcp.js';
import { parseBank, poolOf, type Pool } from './bank.js';
import type { Question } from './question.js';
import { askQuestions } from './scenario-ask.js';
import { readScenarioFiles } from './store.js';

export function loadPool(warn: (message: string) => void = () => {}, root?: string): Pool {
  const banks = readScenarioFiles('practice', root).map((f) => parseBank(f.text, f.file));
  const asks: Question[] = [];
  for (const f of readScenarioFiles('tcp', root)) {
    try {
      asks.push(...askQuestions(parseTcpScenario(f.text, f.file)));
    } catch (e) {
      warn(`${f.file}: skipped for practice: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return poolOf(banks, asks);
}
