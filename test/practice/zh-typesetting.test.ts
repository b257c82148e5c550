/**
 * The Chinese of the practice banks reads like a textbook (issue 12): full-width punctuation inside
 * Chinese text, no stray spaces left by YAML line folding, Chinese first in a bilingual choice. The
 * rules and their sources are in ./zh-text.ts; this scans every zh string a learner sees from the
 * banks (titles, prompts, choices, answers, explanations), as loaded, so a new bank cannot regress.
 */
import { describe, expect, it } from 'vitest';
import { fixedQuestion } from '../../src/practice/bank.js';
import { parseBank } from '../../src/practice/bank-parse.js';
import { readScenarioFiles } from '../../src/practice/store.js';
import { englishFirst, zhFindings } from './zh-text.js';

const banks = readScenarioFiles('practice').map((f) => ({ file: f.file, bank: parseBank(f.text, f.file) }));

describe('the checker itself', () => {
  it('finds each kind of fault and passes textbook text', () => {
    expect(zhFindings('在 OSI 模型中,IP 工作在哪一层?').map((f) => f.rule)).toEqual(['half-width "," beside Chinese', 'half-width "?" beside Chinese']);
    expect(zhFindings('网络层(第 3 层)').map((f) => f.rule)).toEqual(['half-width "(" beside Chinese', 'half-width ")" beside Chinese']);
    expect(zhFindings('规定"说什么"').length).toBe(2);
    expect(zhFindings('把帧交给下一台 设备').map((f) => f.rule)).toEqual(['space between two Chinese characters']);
    expect(zhFindings('地址 ，端口').map((f) => f.rule)).toEqual(['space beside full-width punctuation']);
    expect(zhFindings('在 OSI 模型中，IP 工作在哪一层？bind() 返回 -1；fe80::1 是链路本地地址（RFC 4291）。')).toEqual([]);
    expect(zhFindings('用 str.encode(编码) 和 send(b"") 试试；SYN,ACK 是第二个报文段。')).toEqual([]);
    expect(zhFindings('用 CSMA/CD;Wi-Fi 用 CSMA/CA').map((f) => f.rule)).toEqual(['half-width ";" in Chinese text']);
    expect(englishFirst('PHY(物理层)')).toBe(true);
    expect(englishFirst('well-known（知名端口）')).toBe(true);
    expect(englishFirst('物理层（PHY）')).toBe(false);
    expect(englishFirst('TCP 三次握手')).toBe(false);
  });
});

describe('every zh string of the practice banks', () => {
  it('found the banks', () => {
    expect(banks.length).toBeGreaterThanOrEqual(9);
  });
  for (const { file, bank } of banks) {
    it(`${file}: full-width punctuation, no stray spaces, Chinese first in bilingual choices`, () => {
      const found: string[] = [];
      const check = (where: string, s: string): void => {
        for (const f of zhFindings(s)) found.push(`${where}: ${f.rule}: …${f.at}…`);
      };
      if (bank.zh?.title !== undefined) check('title', bank.zh.title);
      for (const e of bank.questions) {
        if ('generator' in e) continue;
        const q = fixedQuestion(bank, e);
        if (e.zh === undefined) continue;
        check(`${q.id} prompt`, q.prompt.zh);
        check(`${q.id} answer`, q.answer.zh);
        check(`${q.id} explain`, q.explanation.zh);
        for (const [i, c] of (q.choices ?? []).entries()) {
          check(`${q.id} choice ${i + 1}`, c.zh);
          if (englishFirst(c.zh)) found.push(`${q.id} choice ${i + 1}: English first: ${c.zh}`);
        }
        for (const a of e.zh.accepts ?? []) check(`${q.id} accepts`, a);
      }
      expect(found).toEqual([]);
    });
  }
});
