/** Shared loop of the reference tests: generate, recompute from the prompt, grade the reference answer. */
import { expect } from 'vitest';
import type { GeneratedEntry } from '../../src/practice/bank.js';
import { grade } from '../../src/practice/grade.js';
import { generate } from '../../src/practice/session.js';
import { reference } from './reference-answer.js';
import { zhFindings } from './zh-text.js';

export const REFERENCE_SEEDS = 2000;

export function checkAgainstReference(entries: readonly GeneratedEntry[], seeds: number): void {
  for (let seed = 0; seed < seeds; seed++) {
    const entry = entries[seed % entries.length]!;
    const q = generate(entry, seed, seed % 7);
    // The inputs the key was computed from are the ones the person is shown.
    // (binary.address to-decimal shows the address in binary: the dotted form is the answer there.)
    for (const k of q.params?.['direction'] === 'to-decimal' ? [] : ['address', 'ip1', 'ip2', 'mac', 'parent', 'network', 'dest']) {
      const v = q.params?.[k];
      if (typeof v === 'string' && !v.includes(':') && !q.prompt.en.includes(v)) throw new Error(`${q.id}: ${k} ${v} is not in the prompt\n${q.prompt.en}`);
    }
    const ref = reference(q);
    const v = grade(q, ref);
    if (!v.correct) throw new Error(`${q.id} (bank ${entry.bank}): expected ${JSON.stringify(ref)} to be right, answer key says ${q.answer.en}\n${q.prompt.en}`);
    // Chinese text takes full-width punctuation (，：；？（）), not ASCII next to a Chinese character.
    for (const t of [q.prompt.zh, q.explanation.zh, q.working.zh, q.answer.zh, ...(q.choices ?? []).map((c) => c.zh)]) {
      const m = /[\u4e00-\u9fff][,:;?()]|[,:;?()][\u4e00-\u9fff]/.exec(t);
      if (m !== null) throw new Error(`${q.id}: ASCII punctuation in Chinese text: ...${t.slice(Math.max(0, m.index - 12), m.index + 12)}...`);
    }
    // The full typesetting rules (test/practice/zh-text.ts) for the prose. Not prose: the working (ladders
    // and tables), quoted text (a registry's English name, an answer's syntax such as "a; b") and IPv6
    // addresses, whose colons are part of the address.
    for (const t of [q.prompt.zh, q.explanation.zh, q.answer.zh, ...(q.choices ?? []).map((c) => c.zh)]) {
      const found = zhFindings(t.replace(/"[^"\n]*"/g, 'X').replace(/“[^”]*”/g, '“X”').replace(/[0-9A-Fa-f.:/]*::[0-9A-Fa-f.:/]*/g, 'X'));
      if (found.length > 0) throw new Error(`${q.id}: ${found[0]!.rule} at "${found[0]!.at}"`);
    }
    if (q.prompt.zh === '' || q.explanation.en.length <= 20 || q.explanation.zh.length <= 5) {
      expect.fail(`${q.id}: a prompt or explanation is missing`);
    }
  }
}
