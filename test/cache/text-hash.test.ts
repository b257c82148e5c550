// textHash (src/cache/build-cache.ts) decides whether a cached parse still stands for a shipped file: an
// edit must change it. Checked on the shipped files themselves: every one-character change of one file at
// every position, every digit of every file bumped (the edit a teacher makes to an answer key), swaps of
// neighbouring lines; and no two of the files, or of 200,000 random strings, share a hash.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { textHash } from '../../src/cache/build-cache.js';

const root = fileURLToPath(new URL('../../scenarios', import.meta.url));
const files = ['tcp', 'practice', 'window'].flatMap((d) => readdirSync(join(root, d)).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join(root, d, f), 'utf8')));

describe('textHash', () => {
  it('is 28 hex digits, the same for the same text', () => {
    expect(textHash(files[0]!)).toMatch(/^[0-9a-f]{28}$/);
    expect(textHash(files[0]!)).toBe(textHash(`${files[0]!}`));
    expect(textHash('')).not.toBe(textHash(' '));
  });

  it('changes with every one-character edit of a shipped file, at every position', () => {
    const text = readFileSync(join(root, 'practice', 'subnet.yaml'), 'utf8');
    const h = textHash(text);
    for (let i = 0; i < text.length; i++) {
      const c = text[i] === 'a' ? 'b' : 'a';
      expect(textHash(text.slice(0, i) + c + text.slice(i + 1)) === h, `position ${i}`).toBe(false);
    }
  });

  it('changes when any digit of any shipped file is bumped, or two neighbouring lines swap', () => {
    let edits = 0;
    for (const text of files) {
      const h = textHash(text);
      for (const m of text.matchAll(/\d/g)) {
        const bumped = String((Number(m[0]) + 1) % 10);
        expect(textHash(text.slice(0, m.index) + bumped + text.slice(m.index! + 1))).not.toBe(h);
        edits++;
      }
      const lines = text.split('\n');
      for (let i = 0; i + 1 < lines.length; i++) {
        if (lines[i] === lines[i + 1]) continue;
        const swapped = [...lines];
        [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
        expect(textHash(swapped.join('\n'))).not.toBe(h);
      }
    }
    expect(edits).toBeGreaterThan(1000);
  });

  it('no two shipped files and no two of 200,000 random strings collide', () => {
    expect(new Set(files.map(textHash)).size).toBe(new Set(files).size);
    const seen = new Map<string, string>();
    let seed = 7;
    for (let i = 0; i < 200_000; i++) {
      let s = '';
      for (let k = 0; k < 1 + (i % 23); k++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        s += String.fromCharCode(32 + (seed >>> 8) % 95);
      }
      const h = textHash(s);
      const other = seen.get(h);
      if (other !== undefined) expect(other).toBe(s);
      seen.set(h, s);
    }
  });
});
