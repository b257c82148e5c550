/**
 * Checking a lab scenario's `expect` against a run: each expected sequence must match the observed one
 * exactly, except that states marked optional (`?`) may be absent; and every key given under `result`
 * must be in the result with a deeply equal value.
 */
import type { ExpectedState } from '../scenario/lab.js';
import type { LabState } from './states.js';

export interface ExpectationFailure {
  readonly field: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

export interface Expectations {
  readonly ok: boolean;
  readonly failures: ExpectationFailure[];
}

export function matchSequence(expected: readonly ExpectedState[], observed: readonly LabState[]): boolean {
  // memoised walk: i over expected, j over observed
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    if (i === expected.length) return j === observed.length;
    const key = `${i},${j}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const e = expected[i]!;
    const r = (j < observed.length && observed[j] === e.state && go(i + 1, j + 1)) || (e.optional && go(i + 1, j));
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

export function formatExpected(seq: readonly ExpectedState[]): string {
  return seq.map((s) => (s.optional ? `${s.state}?` : s.state)).join(' -> ');
}

export function checkExpectations(
  expect: { sequences?: Record<string, ExpectedState[]> | undefined; result?: Record<string, unknown> | undefined },
  sequences: Readonly<Record<string, LabState[]>>,
  result: Readonly<Record<string, unknown>> | null,
): Expectations {
  const failures: ExpectationFailure[] = [];
  for (const [pattern, seq] of Object.entries(expect.sequences ?? {})) {
    const re = globToRegExp(pattern);
    const names = Object.keys(sequences).filter((n) => re.test(n));
    if (names.length === 0) failures.push({ field: `sequences.${pattern}`, expected: formatExpected(seq), actual: 'no such socket observed' });
    for (const n of names) {
      if (!matchSequence(seq, sequences[n]!)) failures.push({ field: `sequences.${n}`, expected: formatExpected(seq), actual: sequences[n]!.join(' -> ') });
    }
  }
  for (const [key, value] of Object.entries(expect.result ?? {})) {
    const actual = result?.[key];
    if (!deepContains(actual, value)) failures.push({ field: `result.${key}`, expected: value, actual: actual ?? null });
  }
  return { ok: failures.length === 0, failures };
}

/** `actual` equals `expected`, where objects in `expected` may list only some of the keys. */
export function deepContains(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => deepContains(actual[i], e));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([k, v]) => deepContains((actual as Record<string, unknown>)[k], v));
  }
  return Object.is(actual, expected);
}
