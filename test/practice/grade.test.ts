import { describe, expect, it } from 'vitest';
import { grade } from '../../src/practice/grade.js';
import type { AnswerKind, Question } from '../../src/practice/question.js';

function q(answer: string, check: AnswerKind, extra: Partial<Question> = {}): Question {
  return {
    id: 't', topic: 'subnet', source: 'test', prompt: { en: 'p', zh: 'p' }, answer: { en: answer, zh: answer },
    accepts: [], check, explanation: { en: 'e', zh: 'e' }, working: { en: '', zh: '' }, ...extra,
  };
}
const right = (question: Question, input: string): boolean => grade(question, input).correct;

describe('tolerant grading: right in another form is right', () => {
  it('a mask as /24, 24 or 255.255.255.0 when both forms are allowed', () => {
    const m = q('/24', { kind: 'mask', forms: ['prefix', 'dotted'] });
    for (const a of ['/24', '24', '255.255.255.0', ' 255.255.255.0 ', '/ 24']) expect(right(m, a)).toBe(true);
    expect(right(m, '/25')).toBe(false);
    expect(right(m, '255.255.0.255')).toBe(false);
  });
  it('a prefix-only question does not take the dotted form: it asks again, naming the form', () => {
    const m = q('/20', { kind: 'mask', forms: ['prefix'] });
    expect(right(m, '20')).toBe(true);
    const v = grade(m, '255.255.240.0');
    expect(v.correct).toBe(false);
    expect(v.unreadable).toBe(true);
    expect(v.note?.en).toMatch(/prefix length/);
  });
  it('IPv6 by value: compressed, expanded, any case', () => {
    const a = q('2001:db8::1', { kind: 'ipv6', form: 'any' });
    for (const x of ['2001:db8::1', '2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:DB8:0:0::1']) expect(right(a, x)).toBe(true);
    expect(right(a, '2001:db8::2')).toBe(false);
  });
  it('IPv6 compression wants exactly the RFC 5952 form', () => {
    const c = q('2001:db8::1:0:0:1', { kind: 'ipv6', form: 'rfc5952' });
    expect(right(c, '2001:db8::1:0:0:1')).toBe(true);
    expect(right(c, '2001:db8:0:0:1::1')).toBe(false); // the first of two tied runs is compressed
    expect(right(c, '2001:DB8::1:0:0:1')).toBe(false); // RFC 5952 4.3: lower case
    expect(grade(c, '2001:db8:0:0:1::1').note?.en).toMatch(/RFC 5952/);
    expect(grade(c, '2001:db8::2').note, 'a different address gets no "right address" note').toBeUndefined();
  });
  it('IPv6 compression of an IPv4-mapped address wants the RFC 5952 section 5 mixed form', () => {
    // Section 5: "RECOMMENDED to use mixed notation if ... the address is known to be IPv4-mapped";
    // netkata prints ::ffff:127.0.0.1 everywhere, so the strict form is that one.
    const c = q('::ffff:127.0.0.1', { kind: 'ipv6', form: 'rfc5952' });
    expect(right(c, '::ffff:127.0.0.1')).toBe(true);
    expect(right(c, '::ffff:7f00:1')).toBe(false);
    expect(grade(c, '::ffff:7f00:1').note?.en).toMatch(/RFC 5952/);
    expect(right(q('::ffff:127.0.0.1', { kind: 'ipv6', form: 'any' }), '::ffff:7f00:1')).toBe(true);
  });
  it('state names in RFC, Linux and textbook spellings', () => {
    const s = q('SYN_RECEIVED', { kind: 'state' });
    for (const x of ['SYN_RECEIVED', 'syn-received', 'SYN_RCVD', 'SYN-RECV', ' syn received ']) expect(right(s, x)).toBe(true);
    expect(right(q('SYN_SENT', { kind: 'state' }), 'SYN_SEND')).toBe(true);
    expect(right(q('FIN_WAIT_1', { kind: 'state' }), 'fin-wait1')).toBe(true);
    expect(right(q('TIME_WAIT', { kind: 'state' }), 'TIME-WAIT')).toBe(true);
    expect(right(s, 'ESTABLISHED')).toBe(false);
    expect(grade(s, 'SYN_WAIT').note?.en).toMatch(/not a TCP state/);
  });
  it('flags in any order and separator', () => {
    const f = q('SYN,ACK', { kind: 'flags' });
    for (const x of ['SYN,ACK', 'syn+ack', 'ACK SYN', '[SYN, ACK]', 'syn/ack', 'SYN-ACK']) expect(right(f, x)).toBe(true);
    expect(right(f, 'SYN')).toBe(false);
  });
  it('hex in any case, MAC in any notation, integers with separators, binary with dots', () => {
    expect(right(q('ff:db:94', { kind: 'mac' }), 'FF-DB-94')).toBe(true);
    expect(right(q('00:1a:2b:3c:4d:5e', { kind: 'mac' }), '001A.2B3C.4D5E')).toBe(true);
    expect(right(q('65534', { kind: 'integer' }), '65,534')).toBe(true);
    expect(right(q('11000000.10101000.00000000.00000001', { kind: 'binary' }), '11000000 10101000 00000000 00000001')).toBe(true);
    expect(right(q('ff', { kind: 'hex' }), '0xFF')).toBe(true);
  });
  it('IPv4 strictly parsed: a leading zero is not accepted as the same address', () => {
    const a = q('10.1.0.0', { kind: 'ipv4' });
    expect(right(a, ' 10.1.0.0 ')).toBe(true);
    expect(right({ ...a, params: { prefix: 16 } }, '10.1.0.0/16')).toBe(true);
    const v = grade(a, '010.1.0.0');
    expect(v.correct).toBe(false);
    expect(v.note?.en).toMatch(/leading zero/);
  });
  it('yes/no in English and Chinese', () => {
    const y = q('yes', { kind: 'yesno' });
    for (const x of ['yes', 'Y', 'true', '是', '相同']) expect(right(y, x)).toBe(true);
    expect(right(y, 'no')).toBe(false);
  });
  it('choices by number, letter or text in either language', () => {
    const c = q('the client', { kind: 'choice' }, { choices: [{ en: 'the server', zh: '服务器' }, { en: 'the client', zh: '客户端' }] });
    for (const x of ['2', 'b', 'B)', 'the client', 'The Client', '客户端']) expect(right(c, x)).toBe(true);
    expect(right(c, '1')).toBe(false);
    expect(grade(c, '7').note?.en).toMatch(/number/);
    expect(grade(c, '7').unreadable).toBe(true);
  });
  it('orderings: letters with any separators, each once', () => {
    const o = q('B D A C', { kind: 'order', items: 4 });
    for (const x of ['B D A C', 'bdac', 'B -> D -> A -> C', 'b,d,a,c']) expect(right(o, x)).toBe(true);
    expect(right(o, 'B D A')).toBe(false);
    expect(right(o, 'B B A C')).toBe(false);
  });
  it('free text ignores case, spaces and a trailing full stop; full-width input is read as ASCII', () => {
    const t = q('ssh', { kind: 'text' }, { accepts: ['secure shell'] });
    expect(right(t, ' SSH. ')).toBe(true);
    expect(right(t, 'Secure  Shell')).toBe(true);
    expect(right(t, 'SSH')).toBe(true);
    expect(right(q('22', { kind: 'integer' }), '22')).toBe(true); // full-width digits
  });
  it('an empty answer is not read, with a note, never an exception', () => {
    const v = grade(q('x', { kind: 'text' }), '   ');
    expect(v.note?.en).toBe('no answer');
    expect(v.unreadable).toBe(true);
  });
  it('every verdict carries the working and the explanation', () => {
    const v = grade(q('1', { kind: 'integer' }, { working: { en: 'w', zh: 'w' } }), '2');
    expect(v.working.en).toBe('w');
    expect(v.explanation.en).toBe('e');
  });
});
