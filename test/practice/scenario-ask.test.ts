/** A TCP scenario's ask step in practice: the zh block is the Chinese question, and both answers grade right. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTcpScenario } from '../../src/scenario/tcp.js';
import { askQuestions } from '../../src/practice/scenario-ask.js';
import { grade } from '../../src/practice/grade.js';
import { shownId, tr } from '../../src/practice/question.js';

const scenario = (ask: string) =>
  parseTcpScenario(`name: t\ntitle: T\nsteps:\n  - open: client\n  - settle: true\n  - ask:\n${ask}`, 't.yaml');

describe('ask steps as practice questions', () => {
  const choiceAsk = [
    '      prompt: "Which side sends the first SYN of the three-way handshake?"',
    '      choices: ["the client", "the server"]',
    '      answer: "the client"',
    '      explain: "The active opener (connect) sends the SYN."',
    '      zh:',
    '        prompt: "三次握手的第一个 SYN 由哪一端发出？"',
    '        choices: ["客户端", "服务器"]',
    '        answer: "客户端"',
    '        explain: "主动打开（connect）的一端发出 SYN。"',
    '',
  ].join('\n');

  it('shows the zh prompt, choices and explanation in zh, the English ones in en', () => {
    const [q] = askQuestions(scenario(choiceAsk));
    expect(tr(q!.prompt, 'zh')).toMatch(/第 3 步[\s\S]*\n三次握手的第一个 SYN 由哪一端发出？$/);
    expect(tr(q!.prompt, 'en')).toMatch(/\nWhich side sends the first SYN of the three-way handshake\?$/);
    expect(q!.choices!.map((c) => tr(c, 'zh'))).toEqual(['客户端', '服务器']);
    expect(q!.choices!.map((c) => tr(c, 'en'))).toEqual(['the client', 'the server']);
    expect(q!.answer).toEqual({ en: 'the client', zh: '客户端' });
    expect(tr(q!.explanation, 'zh')).toBe('主动打开（connect）的一端发出 SYN。');
  });

  it('grades the zh answer, the English answer and the choice number as right, the other choice as wrong', () => {
    const [q] = askQuestions(scenario(choiceAsk));
    for (const a of ['客户端', 'the client', '1']) expect(grade(q!, a).correct, a).toBe(true);
    for (const a of ['服务器', 'the server', '2']) expect(grade(q!, a).correct, a).toBe(false);
  });

  it('grades a zh free-text answer and its English twin', () => {
    const [q] = askQuestions(
      scenario('      prompt: "How many segments does the handshake take?"\n      answer: "3"\n      explain: "SYN, SYN,ACK, ACK."\n' +
        '      zh: { prompt: "三次握手一共几个报文段？", answer: "3", explain: "SYN、SYN,ACK、ACK。" }\n'),
    );
    expect(q!.check.kind).toBe('integer');
    expect(grade(q!, '3').correct).toBe(true);
    expect(grade(q!, '4').correct).toBe(false);
  });

  it('without a zh block the English text serves both languages', () => {
    const [q] = askQuestions(scenario('      prompt: "P?"\n      answer: "CLOSED"\n      explain: "E."\n'));
    expect(q!.answer).toEqual({ en: 'CLOSED', zh: 'CLOSED' });
    expect(tr(q!.prompt, 'zh').endsWith('\nP?')).toBe(true);
  });

  const dir = new URL('../../scenarios/tcp/', import.meta.url).pathname;
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

  it.each(files)('%s: the question does not give its answer away (no title, no segment list, no step log; the run is the working)', (f) => {
    const s = parseTcpScenario(readFileSync(join(dir, f), 'utf8'), `scenarios/tcp/${f}`);
    for (const q of askQuestions(s)) {
      for (const lang of ['en', 'zh'] as const) {
        const prompt = tr(q.prompt, lang);
        // The title states what the scenario shows ("Abort: RST instead of FIN, no TIME_WAIT").
        expect(prompt, `${q.id} ${lang}`).not.toContain(s.title);
        // A segment line (`4.    30ms  client -> server  FIN,ACK ...`) or the step log (`advance 999ms`).
        expect(prompt, `${q.id} ${lang}`).not.toMatch(/\d+ms\s+\S+ -> \S+/);
        expect(prompt, `${q.id} ${lang}`).not.toMatch(/\b(settle|advance \d|open client|drop from=)/);
        // The answer itself, as a whole word, is not in the question (choices are listed apart from it).
        const answer = tr(q.answer, lang);
        if (answer.length < 2) continue; // a one-character zh answer (能) is part of the question's own wording
        const word = new RegExp(`(^|[^\\w,])${answer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w,])`);
        expect(word.test(prompt), `${q.id} ${lang}: "${answer}" in\n${prompt}`).toBe(false);
      }
      // What the run showed is not lost: it is the working, shown after the answer.
      expect(q.working.en, q.id).toContain(s.title);
    }
  });
  it.each(files)('%s: every ask step has Chinese text and its zh answer grades right', (f) => {
    const s = parseTcpScenario(readFileSync(join(dir, f), 'utf8'), `scenarios/tcp/${f}`);
    for (const st of s.steps) if ('ask' in st) expect(st.ask.zh, f).toBeDefined();
    for (const q of askQuestions(s)) {
      expect(q.prompt.zh, q.id).toMatch(/[\u4e00-\u9fff]/);
      expect(q.explanation.zh, q.id).toMatch(/[\u4e00-\u9fff]/);
      expect(grade(q, q.answer.zh).correct, `${q.id} zh`).toBe(true);
      expect(grade(q, q.answer.en).correct, `${q.id} en`).toBe(true);
      if (q.choices) {
        // The zh choices pair with the English ones: the zh answer is at the English answer's position.
        const at = q.choices.findIndex((c) => c.en === q.answer.en);
        expect(q.choices[at]!.zh, q.id).toBe(q.answer.zh);
        const wrong = q.choices.find((_, i) => i !== at)!;
        expect(grade(q, wrong.zh).correct, `${q.id} wrong zh choice`).toBe(false);
      }
    }
  });
});

describe('a built-in scenario question does not give its scenario away while it is asked', () => {
  const dir = new URL('../../scenarios/tcp/', import.meta.url).pathname;
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  it('the header id does not name the scenario; the working names it, with its zh title in zh', () => {
    let asked = 0;
    for (const f of files) {
      const s = parseTcpScenario(readFileSync(join(dir, f), 'utf8'), f);
      for (const q of askQuestions(s)) {
        asked++;
        // The ask text may use the scenario's word ("After an abort, ..."): the header must not name it.
        expect(shownId(q), q.id).not.toContain(s.name);
        expect(tr(q.working, 'en')).toContain(s.title);
        if (s.titleZh) expect(tr(q.working, 'zh')).toContain(s.titleZh);
      }
    }
    expect(asked).toBeGreaterThan(10);
  });
});
