import { parsePracticeBank, type PracticeBank } from '../scenario/practice.js';
import { generatorSpecs } from './generators/index.js';
import { TOPICS } from './question.js';

// Reading a bank file needs YAML and the schema; merging parsed banks into a pool (bank.ts) does not,
// so a pool from the build-time cache (pool-cache.ts) loads neither.

export function parseBank(text: string, file: string): PracticeBank {
  return parsePracticeBank(text, file, generatorSpecs(), TOPICS);
}
