/**
 * The catalogue sections of the command-line output (subnet ... mac, cli, errors): their function
 * leaves, which catalogue.test.ts's string checks do not reach, called with stand-in values and the zh
 * results set with full-width punctuation (test/practice/zh-text.ts); and the zh renderings of the core's
 * Reasons carry the values the English ones do.
 */
import { describe, expect, it } from 'vitest';
import { reason, renderReason } from '../../src/errors.js';
import { messages } from '../../src/i18n/index.js';
import { zhFindings } from '../practice/zh-text.js';

const SECTIONS = ['subnet', 'sameSegment', 'classify', 'ip', 'split', 'ranges', 'port', 'mac', 'errors', 'cli'] as const;

/**
 * A stand-in for any argument: as text it is `7`, any field of it is another stand-in, as a list it has
 * one element (`join` gives `7`), so a message renders whatever shape its argument has.
 */
function standIn(): unknown {
  return new Proxy(() => undefined, {
    get(_t, p) {
      if (p === Symbol.toPrimitive) return () => '7';
      if (p === 'length') return 1;
      if (p === 'join') return () => '7';
      return standIn();
    },
  });
}

type Tree = { readonly [k: string]: unknown };
function leaves(t: Tree, prefix = ''): [string, unknown][] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? leaves(v as Tree, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]]));
}

describe('the CLI sections of the catalogue', () => {
  it('render every zh message, functions included, with full-width punctuation and no stray spaces', () => {
    const zh = messages('zh') as unknown as Tree;
    const findings: string[] = [];
    let functions = 0;
    for (const section of SECTIONS) {
      for (const [k, v] of leaves(zh[section] as Tree, `${section}.`)) {
        const text = typeof v === 'function' ? (functions++, String((v as (a: unknown) => unknown)(standIn()))) : String(v);
        expect(text.length, k).toBeGreaterThan(0);
        // Layout spaces at either end (an en leaf that follows a value) are not text.
        for (const f of zhFindings(text.trim())) findings.push(`${k}: ${f.rule} at "${f.at}"`);
      }
    }
    expect(functions).toBeGreaterThan(50); // the stand-in reached the function leaves
    expect(findings).toEqual([]);
  });

  it('a Reason renders in zh with the values of its English text, nested reasons in zh too', () => {
    const zhErrors = messages('zh').errors;
    const r = reason('maskInvalid', { mask: '255.0.256.0', why: reason('ipv4OctetRange', '256') });
    expect(r.text).toBe('mask 255.0.256.0: octet 256 is out of range 0-255');
    const zh = renderReason(r, zhErrors);
    expect(zh).toContain('255.0.256.0');
    expect(zh).toContain(zhErrors.ipv4OctetRange('256'));
    expect(/[a-z]{3,}/.test(zh)).toBe(false); // no English word left in it
  });
});
