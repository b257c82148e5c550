/**
 * scripts/string-width-fast.js patches string-width in the bundle so that simple text (English with a few
 * symbols, Chinese) is measured without Intl.Segmenter. The original module is the reference: the patched
 * one, built by esbuild with the same plugin, must give the same width for every code point of the fast
 * path's ranges, for every BMP code point on its own and after a simple character, and for random strings
 * mixing simple and arbitrary characters, with both settings of ambiguousIsNarrow.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a JavaScript build script without types
import { SIMPLE, stringWidthFast } from '../../scripts/string-width-fast.js';
import original from 'string-width';

type Width = (s: string, o?: { ambiguousIsNarrow?: boolean }) => number;
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'netkata-string-width-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let patched: Width;

beforeAll(async () => {
  const entry = join(dir, 'entry.mjs');
  writeFileSync(entry, `export { default } from ${JSON.stringify(join(root, 'node_modules', 'string-width', 'index.js'))};\n`);
  const out = join(dir, 'patched.mjs');
  await build({ entryPoints: [entry], outfile: out, bundle: true, format: 'esm', platform: 'node', plugins: [stringWidthFast], logLevel: 'silent' });
  patched = ((await import(pathToFileURL(out).href)) as { default: Width }).default;
});

/** Every code point of the fast path's ranges. */
function simpleCodePoints(): number[] {
  const out: number[] = [];
  for (const m of (SIMPLE as string).matchAll(/\\u([0-9A-F]{4})-\\u([0-9A-F]{4})/g)) {
    for (let c = parseInt(m[1]!, 16); c <= parseInt(m[2]!, 16); c++) out.push(c);
  }
  return out;
}

describe('string-width with the fast path agrees with string-width', () => {
  it('simple text is measured without Intl.Segmenter (which the patched module makes only when it needs one)', () => {
    const Segmenter = Intl.Segmenter;
    try {
      (Intl as { Segmenter: unknown }).Segmenter = class {
        constructor() {
          throw new Error('Intl.Segmenter used');
        }
      };
      expect(patched('网段 → /24 · ↑/↓ move › 子网掩码，反掩码')).toBe(4 + 3 + 3 + 3 + 3 + 5 + 3 + 8 + 2 + 6); // 网段, ' → ', /24, ' · ', ↑/↓, ' move', ' › ', 子网掩码, ，, 反掩码
    } finally {
      (Intl as { Segmenter: unknown }).Segmenter = Segmenter;
    }
    expect(patched('网段 → /24 · ↑/↓ move › 子网掩码，反掩码')).toBe(original('网段 → /24 · ↑/↓ move › 子网掩码，反掩码'));
    expect(simpleCodePoints().length).toBeGreaterThan(25_000);
  });

  it.each([true, false])('every code point of the fast path, alone, twice and between letters (ambiguousIsNarrow %s)', (narrow) => {
    const o = { ambiguousIsNarrow: narrow };
    const bad: string[] = [];
    for (const c of simpleCodePoints()) {
      const ch = String.fromCodePoint(c);
      for (const s of [ch, ch + ch, `a${ch}b`]) if (patched(s, o) !== original(s, o)) bad.push(`U+${c.toString(16)} in ${JSON.stringify(s)}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it.each([true, false])('every BMP code point after a simple character, and random mixed strings (ambiguousIsNarrow %s)', (narrow) => {
    const o = { ambiguousIsNarrow: narrow };
    const bad: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const s = `网${String.fromCharCode(c)}`;
      if (patched(s, o) !== original(s, o)) bad.push(`U+${c.toString(16)}`);
    }
    // Random strings of simple characters with now and then an arbitrary code point (a mark, a joiner,
    // an emoji, an escape): seeded, so a failure repeats.
    const simple = simpleCodePoints();
    let seed = 12345;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      const len = 1 + rnd(12);
      for (let k = 0; k < len; k++) s += String.fromCodePoint(rnd(8) === 0 ? rnd(0x110000) : simple[rnd(simple.length)]!).replace(/[\ud800-\udfff]/, '?');
      if (patched(s, o) !== original(s, o)) bad.push(JSON.stringify(s));
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });
});
