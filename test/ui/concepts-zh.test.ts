// The concepts' Chinese text (src/ui/concepts/*.ts keeps en and zh side by side) is set as Chinese:
// full-width punctuation beside Chinese, no stray spaces (W3C clreq 3.1, via test/practice/zh-text.ts).
import { describe, expect, it } from 'vitest';
import { CS_VS_BS, TCP_VS_UDP } from '../../src/ui/concepts/comparisons.js';
import { CLOSE, HANDSHAKE } from '../../src/ui/concepts/connection.js';
import { LAYERS_NOTE, OSI_LAYERS, TCPIP_LAYERS } from '../../src/ui/concepts/layers.js';
import { zhFindings } from '../practice/zh-text.js';

/** Every `zh` string in a tree of en/zh pairs. */
function zhTexts(node: unknown, path = ''): [string, string][] {
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) =>
    k === 'zh' && typeof v === 'string' ? [[path, v] as [string, string]] : zhTexts(v, `${path}.${k}`),
  );
}

describe('concepts in Chinese', () => {
  it('use full-width punctuation and no stray spaces in every zh text', () => {
    const texts = zhTexts({ TCP_VS_UDP, CS_VS_BS, HANDSHAKE, CLOSE, LAYERS_NOTE, OSI_LAYERS, TCPIP_LAYERS });
    expect(texts.length).toBeGreaterThan(80);
    const findings = texts.flatMap(([where, z]) => zhFindings(z).map((f) => `${where}: ${f.rule} at "${f.at}"`));
    expect(findings).toEqual([]);
  });
});
