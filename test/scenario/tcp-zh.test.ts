/**
 * Every built-in TCP scenario (scenarios/tcp and scenarios/tcp/conformance) carries Simplified Chinese
 * beside each English text it has: the title, the description and every ask step. The files are read
 * with the yaml library, not through the schema, so a zh text the schema dropped would still be missed
 * here; the zh text is set with full-width punctuation (test/practice/zh-text.ts, clreq 3.1).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseTcpScenario } from '../../src/scenario/tcp.js';
import { zhFindings } from '../practice/zh-text.js';

const root = new URL('../../scenarios/tcp/', import.meta.url).pathname;
const files = [
  ...readdirSync(root).filter((f) => f.endsWith('.yaml')),
  ...readdirSync(join(root, 'conformance')).filter((f) => f.endsWith('.yaml')).map((f) => `conformance/${f}`),
].sort();
const HAN = /[\u3400-\u9fff]/;

interface Raw {
  title: string;
  description?: string;
  zh?: { title?: string; description?: string };
  steps: Record<string, unknown>[];
}

/** [what, English, Chinese] for every text of a file. */
function texts(raw: Raw): [string, string, string | undefined][] {
  const out: [string, string, string | undefined][] = [['title', raw.title, raw.zh?.title]];
  if (raw.description !== undefined) out.push(['description', raw.description, raw.zh?.description]);
  raw.steps.forEach((st, i) => {
    const ask = st['ask'] as { prompt: string; explain: string; zh?: { prompt?: string; explain?: string } } | undefined;
    if (ask === undefined) return;
    out.push([`steps[${i}].ask.prompt`, ask.prompt, ask.zh?.prompt], [`steps[${i}].ask.explain`, ask.explain, ask.zh?.explain]);
  });
  return out;
}

describe('built-in TCP scenarios in Chinese', () => {
  it('are the 40 built-ins and 68 conformance files', () => {
    expect(files.filter((f) => !f.startsWith('conformance/'))).toHaveLength(40);
    expect(files.filter((f) => f.startsWith('conformance/'))).toHaveLength(68);
  });

  it.each(files)('%s: every English text has its Chinese twin, set in full-width punctuation', (f) => {
    const text = readFileSync(join(root, f), 'utf8');
    const raw = parse(text) as Raw;
    for (const [what, en, zh] of texts(raw)) {
      expect(zh, `${f} ${what}: no zh for "${en.slice(0, 40)}"`).toBeDefined();
      expect(HAN.test(zh!), `${f} ${what}: "${zh}" has no Chinese`).toBe(true);
      expect(zh, `${f} ${what}`).not.toBe(en);
      expect(zhFindings(zh!).map((x) => `${what}: ${x.rule} at "${x.at}"`)).toEqual([]);
    }
    // The schema keeps them: what the app and `tcp run` show under zh.
    const s = parseTcpScenario(text, f);
    expect(s.titleZh).toBe(raw.zh!.title);
    expect(s.descriptionZh).toBe(raw.zh!.description);
  });

  it('the schema takes zh.title and zh.description and nothing else in zh', () => {
    const file = (zh: string) => `name: x\ntitle: X\n${zh}steps:\n  - open: client\n`;
    expect(parseTcpScenario(file('zh:\n  title: "甲"\n  description: "乙。"\n'), 'x.yaml')).toMatchObject({ titleZh: '甲', descriptionZh: '乙。' });
    expect(parseTcpScenario(file(''), 'x.yaml').descriptionZh).toBeUndefined();
    expect(() => parseTcpScenario(file('zh:\n  title: "甲"\n  notes: "乙"\n'), 'x.yaml')).toThrow(/zh.*notes|Unrecognized key/);
  });
});
