/**
 * Fair grading (issue 12): answers written the way Chinese and English textbooks and students write
 * them are read, an answer that cannot be read is asked again instead of being recorded as wrong, and
 * a wrong answer stays wrong. Sources: 谢希仁《计算机网络》(7th ed.) 5.9 writes the handshake as
 * "SYN=1, ACK=1, seq=y, ack=x+1" and the layers 运输层/网际层, 5.1.3 the port ranges 熟知/登记/短暂端口;
 * RFC 6335 section 6 names the same ranges system (well-known) 0-1023, user (registered) 1024-49151 and
 * dynamic (private, ephemeral) 49152-65535; ISO/IEC 7498-1 numbers the layers physical = 1 up to
 * application = 7; RFC 5952 sections 4.1-4.3 and 5 give one rule each for the text form of IPv6.
 */
import { describe, expect, it } from 'vitest';
import { grade } from '../../src/practice/grade.js';
import { GENERATORS } from '../../src/practice/generators/index.js';
import { runLineMode } from '../../src/practice/line-mode.js';
import { acceptedForms, choiceLines, examMarkdown } from '../../src/practice/present.js';
import type { AnswerKind, Question, Text } from '../../src/practice/question.js';
import { generate } from '../../src/practice/session.js';

function q(answer: string | Text, check: AnswerKind, extra: Partial<Question> = {}): Question {
  const a = typeof answer === 'string' ? { en: answer, zh: answer } : answer;
  return {
    id: 't', topic: 'tcp', source: 'test', prompt: { en: 'p', zh: 'p' }, answer: a,
    accepts: [], check, explanation: { en: 'e', zh: 'e' }, working: { en: '', zh: '' }, ...extra,
  };
}
type Outcome = 'right' | 'wrong' | 'asked again';
const outcome = (question: Question, input: string): Outcome => {
  const v = grade(question, input);
  return v.unreadable ? 'asked again' : v.correct ? 'right' : 'wrong';
};
const expectAll = (question: Question, inputs: readonly string[], want: Outcome): void => {
  for (const x of inputs) expect(outcome(question, x), JSON.stringify(x)).toBe(want);
};

describe('unreadable input is asked again, never recorded as wrong', () => {
  it('blank, words for a number, a scaled unit, a non-state, a non-flag, a choice that does not exist', () => {
    expect(outcome(q('9', { kind: 'integer' }), '')).toBe('asked again');
    expect(outcome(q('9', { kind: 'integer' }), '   ')).toBe('asked again');
    expectAll(q('120', { kind: 'integer' }), ['two minutes', '2 min', '120000 ms', '约一百二'], 'asked again');
    expectAll(q('TIME_WAIT', { kind: 'state' }), ['waiting', 'SYN=1,ACK=1'], 'asked again');
    expectAll(q('SYN,ACK', { kind: 'flags' }), ['the second one', 'SYN_SENT'], 'asked again');
    const c = q('the client', { kind: 'choice' }, { choices: [{ en: 'the client', zh: '客户端' }, { en: 'the server', zh: '服务器' }] });
    expectAll(c, ['3', 'e', '都不是'], 'asked again');
  });

  it('line mode re-asks the same question on the next line and records only the answer it could read', async () => {
    const questions = [q('9', { kind: 'integer' }), q('TIME_WAIT', { kind: 'state' })];
    const input = ['', 'nine', '9 次', 'TIME_WAIT状态'];
    const out: string[] = [];
    const recorded: [string, boolean][] = [];
    const r = await runLineMode(questions, input[Symbol.iterator]() as unknown as AsyncIterator<string>,
      (t) => out.push(t), 'en', (question, correct) => recorded.push([question.check.kind, correct]));
    expect(recorded).toEqual([['integer', true], ['state', true]]);
    expect(r).toMatchObject({ asked: 2, answered: 2, correct: 2, ended: false });
    expect(out.filter((l) => /could not read/.test(l))).toHaveLength(2);
    expect(out.join('\n')).toMatch(/try again \(not counted\)/);
  });

  it('input that ends while a question waits for a readable answer ends the run; nothing is recorded for it', async () => {
    const recorded: boolean[] = [];
    const r = await runLineMode([q('9', { kind: 'integer' }), q('3', { kind: 'integer' })], ['9', 'x'][Symbol.iterator]() as unknown as AsyncIterator<string>,
      () => {}, 'zh', (_q, correct) => recorded.push(correct));
    expect(recorded).toEqual([true]);
    expect(r).toMatchObject({ answered: 1, ended: true });
  });
});

describe('units, measure words and textbook notations are read', () => {
  it('a count with its unit or measure word', () => {
    expectAll(q('9', { kind: 'integer' }), ['9 次', '9次', '9 times', '9 个', '9 跳', '9 hops'], 'right');
    expectAll(q('65507', { kind: 'integer' }), ['65507字节', '65507 字节', '65507 bytes', '65,507 B', '６５５０７字节'], 'right');
    expectAll(q('62', { kind: 'integer' }), ['62 hosts', '62 个主机', '62台', '62 个地址'], 'right');
    expectAll(q('120', { kind: 'integer' }), ['120 s', '120秒', '120 seconds'], 'right');
    expectAll(q('16', { kind: 'integer' }), ['16 位', '16 bits'], 'right');
    expectAll(q('9', { kind: 'integer' }), ['8 次', '90次'], 'wrong');
  });

  it('a state with 状态 or "state" around it', () => {
    expectAll(q('TIME_WAIT', { kind: 'state' }), ['TIME_WAIT状态', 'TIME-WAIT 状态', '处于 TIME_WAIT 状态', 'the TIME_WAIT state'], 'right');
    expectAll(q('TIME_WAIT', { kind: 'state' }), ['CLOSE_WAIT状态'], 'wrong');
  });

  it('flags as a textbook writes them: SYN=1,ACK=1 (with seq and ack numbers beside them), FIN=1', () => {
    expectAll(q('SYN,ACK', { kind: 'flags' }), ['SYN=1,ACK=1', 'SYN=1, ACK=1, seq=y, ack=x+1', 'SYN＝1，ACK＝1', 'SYN 和 ACK', 'SYN+ACK 报文段'], 'right');
    expectAll(q('FIN', { kind: 'flags' }), ['FIN=1', 'FIN=1, seq=u'], 'right');
    expectAll(q('FIN,ACK', { kind: 'flags' }), ['FIN=1, ACK=1, seq=u, ack=v'], 'right');
    // ACK=0 says the flag is clear: SYN alone, which is not SYN,ACK.
    expectAll(q('SYN,ACK', { kind: 'flags' }), ['SYN=1, ACK=0', 'FIN=1'], 'wrong');
    expectAll(q('SYN', { kind: 'flags' }), ['SYN=1, ACK=0, seq=x'], 'right');
  });
});

describe('a layer number typed for a layer question means the layer (ISO/IEC 7498-1 numbering)', () => {
  // Choices in an order where the position and the layer number differ: choice 3 is physical.
  const layer = q('network', { kind: 'choice' }, {
    choices: [{ en: 'transport', zh: '传输层' }, { en: 'network', zh: '网络层' }, { en: 'physical', zh: '物理层' }, { en: 'data link', zh: '数据链路层' }],
  });
  it('3, 第3层, 第三层, L3, layer 3 and 3层 all mean the network layer; letters pick a choice', () => {
    expectAll(layer, ['3', '第3层', '第三层', '第 3 层', 'L3', 'layer 3', '3层', 'b', 'network', '网络层', '网际层'], 'right');
  });
  it('other layer numbers are other layers, wrong whether or not they are offered', () => {
    expectAll(layer, ['2', '4', '1', 'c', '运输层'], 'wrong');
    expect(outcome(layer, '5')).toBe('wrong'); // the session layer, not among the choices
    expect(outcome(layer, '8')).toBe('asked again');
  });
  it('its choices are shown with letters, so a typed number can only mean the layer; the key lists the letter', () => {
    expect(choiceLines(layer, 'zh')).toEqual(['  a) 传输层', '  b) 网络层', '  c) 物理层', '  d) 数据链路层']);
    expect(acceptedForms(layer, 'en')).toContain('b');
    expect(examMarkdown(1, 'osi', 'en', [layer])).toMatch(/^ {3}b\) network$/m);
  });
  it('a question whose choices are not layers keeps numbering by position', () => {
    const c = q('UDP', { kind: 'choice' }, { choices: [{ en: 'TCP', zh: 'TCP' }, { en: 'UDP', zh: 'UDP' }] });
    expect(outcome(c, '2')).toBe('right');
  });
});

describe('Chinese answers: yes/no words, full-width punctuation, textbook terms', () => {
  const yes = q({ en: 'yes', zh: '是' }, { kind: 'yesno' });
  const no = q({ en: 'no', zh: '否' }, { kind: 'yesno' });
  const YES = ['是', '对', '能', '会', '可以', '是的', '在同一网段', '是。', '对！', '能，因为掩码相同', '是的，在同一网段'];
  const NO = ['否', '错', '不能', '不会', '不可以', '不是', '不在同一网段', '不是。', '不能，端口已被占用', '否；'];
  it('each yes word is right for yes and wrong for no, and the other way round', () => {
    expectAll(yes, YES, 'right');
    expectAll(no, YES, 'wrong');
    expectAll(no, NO, 'right');
    expectAll(yes, NO, 'wrong');
    expectAll(yes, ['可能', '不一定'], 'asked again');
  });
  it('full-width punctuation from a Chinese IME: 。，：；（）', () => {
    expect(outcome(q('192.168.1.0', { kind: 'ipv4' }), '１９２。１６８。１。０')).toBe('right');
    expect(outcome(q('192.168.1.0', { kind: 'ipv4' }), '192.168.1.0。')).toBe('right');
    expect(outcome(q('2001:db8::1', { kind: 'ipv6', form: 'any' }), '2001：db8：：1')).toBe('right');
    expect(outcome(q('SYN,ACK', { kind: 'flags' }), 'SYN；ACK')).toBe('right');
    expect(outcome(q('B C A', { kind: 'order', items: 3 }), 'B；C；A。')).toBe('right');
    expect(outcome(q('TIME_WAIT', { kind: 'state' }), '答：TIME_WAIT')).toBe('right');
    const c = q('the client', { kind: 'choice' }, { choices: [{ en: 'the server', zh: '服务器' }, { en: 'the client', zh: '客户端' }] });
    expectAll(c, ['（2）'.replace(/[（）]/g, ''), 'b）', '客户端。', '“客户端”'], 'right');
  });
  it('运输层 and 网际层 name the transport and network layers', () => {
    const t = q('transport', { kind: 'choice' }, { choices: [{ en: 'network', zh: '网络层' }, { en: 'transport', zh: '传输层' }, { en: 'session', zh: '会话层' }] });
    expect(outcome(t, '运输层')).toBe('right');
    expect(outcome(t, '网际层')).toBe('wrong');
  });
  it('熟知/登记/短暂端口 as well as 知名/注册/动态: every port range question of the generator (RFC 6335 section 6)', () => {
    const g = GENERATORS.get('ports.range')!;
    const words: Record<string, string[]> = {
      'well-known': ['熟知端口', '知名端口', '熟知端口号', '系统端口', 'well-known', 'well known'],
      registered: ['登记端口', '注册端口', 'registered'],
      dynamic: ['短暂端口', '动态端口', '临时端口', 'dynamic', 'ephemeral'],
    };
    let seen = 0;
    for (let seed = 0; seed < 300; seed++) {
      const question = generate({ generator: g, params: {}, weight: 1, bank: 't' }, seed, 0);
      const port = question.params!['port'] as number;
      const range = port <= 1023 ? 'well-known' : port <= 49151 ? 'registered' : 'dynamic';
      for (const [r, ws] of Object.entries(words)) expectAll(question, ws, r === range ? 'right' : 'wrong');
      seen++;
    }
    expect(seen).toBe(300);
  });
});

describe('wrong is wrong', () => {
  it('a network with the wrong prefix length: 24.221.0.0/8 for a /18', () => {
    const net = q('24.221.0.0', { kind: 'ipv4' }, { params: { address: '24.221.37.9', prefix: 18 } });
    expectAll(net, ['24.221.0.0', '24.221.0.0/18', '24.221.0.0 255.255.192.0'], 'right');
    expectAll(net, ['24.221.0.0/8', '24.221.0.0/16', '24.221.0.0 255.0.0.0', '24.0.0.0/8'], 'wrong');
    expect(grade(net, '24.221.0.0/8').note?.en).toBe('the prefix is /18, not /8');
  });
  it('the generated network and broadcast questions over 500 seeds: the own prefix is right, any other wrong', () => {
    for (const name of ['subnet.network', 'subnet.broadcast']) {
      const g = GENERATORS.get(name);
      if (g === undefined) continue;
      for (let seed = 0; seed < 500; seed++) {
        const question = generate({ generator: g, params: {}, weight: 1, bank: 't' }, seed, 0);
        const prefix = question.params!['prefix'] as number;
        const other = prefix === 8 ? 9 : 8;
        expect(outcome(question, `${question.answer.en}/${prefix}`), question.id).toBe('right');
        expect(outcome(question, `${question.answer.en}/${other}`), question.id).toBe('wrong');
      }
    }
  });
  it('a binary answer of the wrong bit width is wrong and the note names the width', () => {
    const octet = q('00001010', { kind: 'binary' });
    expectAll(octet, ['00001010', '0000 1010', '0b00001010'], 'right');
    expectAll(octet, ['1010', '000001010', '0000001010'], 'wrong');
    expect(grade(octet, '1010').note?.en).toBe('write all 8 bits, leading zeros included');
    const dotted = q('11000000.10101000.00000000.00000001', { kind: 'binary' });
    expectAll(dotted, ['11000000 10101000 00000000 00000001', '11000000101010000000000000000001'], 'right');
    expectAll(dotted, ['11000000.10101000.0.1', '11000000.10101000.00000000.1'], 'wrong');
    expect(grade(dotted, '11000000.10101000.0.1').note?.en).toBe('write each octet as 8 bits');
  });
});

describe('form notes name the one rule broken (RFC 5952)', () => {
  const compress = (answer: string): Question => q(answer, { kind: 'ipv6', form: 'rfc5952' });
  const note = (answer: string, given: string): string => {
    const v = grade(compress(answer), given);
    expect(v.correct, given).toBe(false);
    expect(v.unreadable, given).toBe(false);
    return v.note?.en ?? '';
  };
  const rules = (s: string): number => s.slice(s.indexOf(' form: ')).split('; ').length;
  it('each broken rule alone gives a note with that rule only', () => {
    const cases: [string, string, RegExp][] = [
      ['2001:db8::1', '2001:DB8::1', /use lower case \(RFC 5952 section 4\.3\)/],
      ['2001:db8::1', '2001:0db8::1', /leave out leading zeros \(section 4\.1\)/],
      ['2001:db8::1', '2001:db8:0:0:0:0:0:1', /shorten the zero groups with "::" \(section 4\.2\.1\)/],
      ['2001:db8:0:1:1:1:1:1', '2001:db8::1:1:1:1:1', /single zero group, write 0 \(section 4\.2\.2\)/],
      ['2001:0:0:1::1', '2001::1:0:0:0:1', /longest run of zero groups \(section 4\.2\.3\)/],
      ['2001:db8::1:0:0:1', '2001:db8:0:0:1::1', /equally long, shorten the first \(section 4\.2\.3\)/],
      ['::ffff:192.0.2.1', '::ffff:c000:201', /dotted decimal \(section 5\)/],
    ];
    for (const [answer, given, rule] of cases) {
      const n = note(answer, given);
      expect(n, given).toMatch(rule);
      expect(rules(n), `${given}: ${n}`).toBe(1);
    }
  });
  it('two broken rules are both named', () => {
    expect(rules(note('2001:db8::1', '2001:0DB8::1'))).toBe(2);
  });
  it('the expanded form: the note says what is missing', () => {
    const full = q('2001:0db8:0000:0000:0000:0000:0000:0001', { kind: 'ipv6', form: 'expanded' });
    expect(grade(full, '2001:db8::1').note?.en).toMatch(/without "::".*four hex digits/);
    expect(grade(full, '2001:db8:0:0:0:0:0:1').note?.en).toMatch(/: write each group with four hex digits$/);
  });
});
