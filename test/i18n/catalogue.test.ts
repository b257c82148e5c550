import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { zhFindings } from '../practice/zh-text.js';

type Tree = { readonly [k: string]: unknown };

/** Every leaf of a catalogue as [dotted path, value]. */
function leaves(t: Tree, prefix = ''): [string, unknown][] {
  return Object.entries(t).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? leaves(v as Tree, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]],
  );
}

const en = leaves(messages('en') as unknown as Tree);
const zh = new Map(leaves(messages('zh') as unknown as Tree));
const HAN = /[\u3400-\u9fff]/;

describe('message catalogue', () => {
  it('has the same keys in en and zh, and every leaf of the same kind', () => {
    expect([...zh.keys()].sort()).toEqual(en.map(([k]) => k).sort());
    for (const [k, v] of en) {
      expect(typeof zh.get(k), k).toBe(typeof v);
      if (typeof v === 'function') expect((zh.get(k) as (...a: unknown[]) => unknown).length, k).toBe(v.length);
    }
  });

  it('has no empty message and no zh text left in English', () => {
    for (const [k, v] of en) {
      if (typeof v !== 'string') continue;
      const z = zh.get(k) as string;
      expect(v.length, k).toBeGreaterThan(0);
      expect(z.length, k).toBeGreaterThan(0);
      // A zh message identical to its en one is allowed only when it has no words to translate:
      // a name (netkata, RFC state names), a symbol, a number format.
      if (z === v && /[a-z]{3,}/.test(v) && !/^[A-Z_0-9 /.:-]+$/.test(v) && v !== 'netkata') {
        throw new Error(`${k}: zh is the English text "${v}"`);
      }
    }
  });

  it('sets zh text with full-width punctuation and no stray spaces (clreq 3.1)', () => {
    const findings: string[] = [];
    for (const [k, z] of zh) {
      if (typeof z === 'string' && HAN.test(z)) for (const f of zhFindings(z)) findings.push(`${k}: ${f.rule} at "${f.at}"`);
    }
    expect(findings).toEqual([]);
  });
});
