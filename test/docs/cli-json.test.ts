import { describe, expect, it } from 'vitest';
import { codeWords } from '../helpers/markdown.js';
import { CASES, jsonCaseTests, keyPaths } from './cli-json-cases.js';

describe('codeWords', () => {
  it('reads the words of code spans only, across a line break too', () => {
    expect(codeWords('a `x` b `{at, from,\nto?}` c')).toEqual(new Set(['x', 'at', 'from', 'to']));
    expect(codeWords('a `x`\n```console\n$ netkata y\n"z": 1\n```\n')).toEqual(new Set(['x']));
  });
});

describe('keyPaths', () => {
  it('lists keys at every depth and skips below maps', () => {
    expect(keyPaths({ a: 1, b: [{ c: { d: 2 } }], m: { x: { y: 1 } } }, ['m'])).toEqual(['a', 'b', 'b[].c', 'b[].c.d', 'm']);
  });
});

jsonCaseTests('every JSON field is named in its docs/cli.md section (commands without real sockets; skips where dist/ is not built)', CASES.filter((c) => c.needs === undefined));
