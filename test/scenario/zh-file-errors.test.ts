/**
 * Errors in files a user writes (issue 13): TCP and window scenarios (`netkata tcp run my.yaml`), lab
 * scenarios and `--param`, verify probes (`verify --probe my.yaml`), and the other InputErrors of verify,
 * replay and split, rendered in Chinese the way the CLI renders them (src/cli/text.ts: the error's Reason
 * in the zh errors section, `<input>：` before it), in process, no spawn.
 *
 * Each case fails if the Chinese line holds the English reason (the en catalogue's text of the same
 * Reason, or the English the yaml package or zod gave), holds an English phrase, or lost the place: the
 * file, the line (and for YAML syntax the column, which yaml's LineCounter gives 1-based), the field path.
 * The English line is checked to be the one netkata printed before the catalogue took these over.
 */
import { describe, expect, it } from 'vitest';
import { InputError, Reason, renderReason } from '../../src/errors.js';
import { messages } from '../../src/i18n/index.js';
import { withInput } from '../../src/cli/text.js';
import { parseTcpScenario } from '../../src/scenario/tcp.js';
import { parseWindowScenario } from '../../src/scenario/window.js';
import { parseVerifyProbe } from '../../src/scenario/verify.js';
import { loadLabScenario } from '../../src/scenario/lab.js';
import { loadProbe } from '../../src/verify/probes.js';
import { parseBank } from '../../src/practice/bank-parse.js';
import { CaptureDecoder } from '../../src/replay/capture-decoder.js';
import { split } from '../../src/addr/split.js';
import { zhFindings } from '../practice/zh-text.js';

const HAN = /[\u3400-\u9fff]/;
const zhErrors = messages('zh').errors;
const enErrors = messages('en').errors;

function caught(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('no error');
}

/** The line after `netkata: ` in each language, as src/cli/text.ts's inputErrorLine makes it. */
function lines(e: InputError): { en: string; zh: string; enWhy: string } {
  expect(e.reason, 'the error carries a catalogue Reason').toBeInstanceOf(Reason);
  const r = e.reason!;
  const arg = r.arg as { why?: unknown; en?: string } | undefined;
  // The English of what is wrong, without the file and path around it.
  const enWhy = r.key === 'yamlSyntax' ? arg!.en! : arg?.why instanceof Reason ? renderReason(arg.why, enErrors) : r.text;
  return { en: e.parseMessage, zh: withInput(e.input, renderReason(r, zhErrors)), enWhy };
}

/** An English phrase: two words of prose, not names (`key: value`, `SYN,ACK`, `lost-final-ack` are not phrases). */
const PHRASE = /\b[A-Za-z]{2,} [a-z]{3,}\b/;

function checkZh(e: InputError, place: readonly string[]): { en: string; zh: string } {
  const { en, zh, enWhy } = lines(e);
  expect(HAN.test(en), en).toBe(false);
  expect(HAN.test(zh), zh).toBe(true);
  expect(zh, 'the English reason is not in the Chinese line').not.toContain(enWhy);
  expect(PHRASE.exec(zh)?.[0], zh).toBeUndefined();
  for (const p of place) expect(zh).toContain(p);
  expect(zhFindings(zh.slice(zh.search(HAN))).map((f) => `${f.rule} at ${f.at}`)).toEqual([]);
  return { en, zh };
}

const tcp = (body: string) => caught(() => parseTcpScenario(`name: t\ntitle: t\n${body}`, 'my.yaml'));

describe('YAML syntax errors in Chinese, by the yaml package\'s error code, with line:column', () => {
  it.each([
    ['a duplicate key', 'name: a\nname: b\n', 'my.yaml:2: Map keys must be unique', 'my.yaml:2:1：', '重复'],
    ['an unclosed quote', 'name: a\ntitle: "oops\n', 'my.yaml:3: Missing closing "quote', 'my.yaml:3:1：', '引号'],
    ['a tab as indentation', 'name: a\nsteps:\n\t- open: client\n', 'my.yaml:3: Tabs are not allowed as indentation', 'my.yaml:3:1：', '制表符'],
    ['a key over two lines', 'name: a\ntitle\n  x: 1\n', 'my.yaml:2: Implicit keys need to be on a single line', 'my.yaml:2:1：', '一行'],
  ])('%s', (_, text, en, place, word) => {
    const e = caught(() => parseTcpScenario(text, 'my.yaml'));
    const l = checkZh(e, [place, word]);
    expect(l.en).toBe(en);
  });
});

describe('schema errors in Chinese: the file, the line, the path, then why', () => {
  const STATES = 'CLOSED, LISTEN, SYN_SENT, SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT';
  it.each([
    ['an unknown state', () => tcp('steps:\n  - expect: { client: ESTABLISH }\n'),
      `my.yaml:4: steps[0].expect.client: unknown state "ESTABLISH" (one of ${STATES})`, ['my.yaml:4：steps[0].expect.client：', '"ESTABLISH"', 'TIME_WAIT']],
    ['an unknown key, with the valid ones', () => tcp('steps:\n  - settle: true\nstepz: 1\n'),
      'my.yaml:1: (document): unknown key "stepz" (valid: name, title, zh, topic, description, config, endpoints, steps)', ['my.yaml:1：', '“stepz”', 'endpoints']],
    ['a wrong type', () => tcp('steps: 3\n'), 'my.yaml:3: steps: expected a list, found a number', ['my.yaml:3：steps：', '列表']],
    ['a step with two verbs', () => tcp('steps:\n  - open: client\n    close: client\n'),
      'my.yaml:4: steps[0]: a step has exactly one verb, found open, close', ['steps[0]：', 'open、close']],
    ['the flags trap of YAML flow mappings', () => tcp('steps:\n  - inject: { from: client, flags: SYN,ACK }\n'),
      'my.yaml:4: steps[0].inject: "ACK" is read as a key: inside { } a comma ends the value, so write flags: "SYN,ACK" in quotes or as a list [SYN, ACK]', ['“ACK”', '[SYN, ACK]']],
    ['an unknown endpoint', () => tcp('steps:\n  - open: alice\n'),
      'my.yaml:4: steps[0].open: unknown endpoint "alice" (endpoints: client, server)', ['“alice”', 'client、server']],
    ['a bad duration', () => tcp('steps:\n  - advance: 3x\n'),
      'my.yaml:4: steps[0].advance: bad duration "3x" (use 250ms, 30s, 2m, 2h or milliseconds)', ['"3x"', '250ms']],
    ['a name that is not kebab-case', () => caught(() => parseTcpScenario('name: Bad_Name\ntitle: t\nsteps: [settle: true]\n', 'my.yaml')),
      'my.yaml:1: name: name is kebab-case (lost-final-ack)', ['my.yaml:1：name：', 'lost-final-ack']],
    ['a file that is a list', () => caught(() => parseTcpScenario('- 1\n', 'my.yaml')),
      'my.yaml:1: expected a YAML mapping of key: value lines (name, title, zh, topic, description, config, endpoints, steps), found a list', ['my.yaml:1：', '列表']],
    ['an empty file', () => caught(() => parseTcpScenario('', 'my.yaml')),
      'my.yaml: the file is empty; expected a YAML mapping of key: value lines (name, title, zh, topic, description, config, endpoints, steps)', ['my.yaml：', '空']],
    ['a window scenario sending segments with unit: bytes', () => caught(() => parseWindowScenario('kind: window\nname: w\ntitle: t\nunit: bytes\nsend: { segments: 3 }\nrounds: 1\n', 'w.yaml')),
      'w.yaml:5: send: with unit: bytes, send { bytes: n }', ['w.yaml:5：send：', 'unit: bytes']],
    ['a probe step with two payloads', () => caught(() => parseVerifyProbe('name: p\ntitle: t\nsteps:\n  - send: { client: a, text: x, hex: "00" }\n', 'p.yaml')),
      'p.yaml:4: steps[0].send: give exactly one of text, hex or frames', ['p.yaml:4：steps[0].send：', 'text、hex、frames']],
    ['a probe timeout of 0 (zod too_small)', () => caught(() => parseVerifyProbe('name: p\ntitle: t\ntimeout: 0\nsteps:\n  - accepts: {}\n', 'p.yaml')),
      'p.yaml:3: timeout: Too small: expected number to be >0', ['p.yaml:3：timeout：', '大于 0']],
    ['a probe state that is no state (zod invalid_value)', () => caught(() => parseVerifyProbe('name: p\ntitle: t\nsteps:\n  - no-state: { state: CLOSE_WAITING }\n', 'p.yaml')),
      `p.yaml:4: steps[0].no-state.state: Invalid option: expected one of ${STATES.split(', ').map((s) => `"${s}"`).join('|')}`, ['steps[0].no-state.state：', '"CLOSE_WAITING"', '"TIME_WAIT"']],
    ['an unknown probe verb', () => caught(() => parseVerifyProbe('name: p\ntitle: t\nsteps:\n  - connects: a\n', 'p.yaml')),
      'p.yaml:4: steps[0].connects: unknown verb "connects" (one of connect, open, send, read, read-file, shutdown, close, abort, pause, server-states, no-state, accepts, datagrams, accept-client, client-states)', ['“connects”', 'server-states']],
    ['a udp probe with a TCP verb', () => caught(() => parseVerifyProbe('name: p\ntitle: t\ntransport: udp\nsteps:\n  - connect: a\n', 'p.yaml')),
      'p.yaml:5: steps[0].connect: a udp probe takes only datagrams, pause', ['p.yaml:5：steps[0].connect：', 'datagrams、pause']],
    ['a client-role verb in a server probe', () => caught(() => parseVerifyProbe('name: p\ntitle: t\nsteps:\n  - accept-client: { client: a }\n', 'p.yaml')),
      'p.yaml:4: steps[0].accept-client: accept-client needs role: client', ['p.yaml:4：steps[0].accept-client：', 'role: client']],
    ['a lab scenario state', () => caught(() => loadLabScenario('name: l\ntitle: t\nparams: {}\nexpect:\n  sequences:\n    client: [ESTABLISHED, GONE]\n', 'l.yaml')),
      `l.yaml:6: expect.sequences.client[1]: unknown state "GONE" (one of ${STATES}, optionally ending in ?)`, ['l.yaml:6：expect.sequences.client[1]：', '“GONE”']],
    // The schemas' own words that zh still said as zod's bare code (不是允许的取值, 不符合任何一种允许的写法, 取值不合要求).
    ['an application error that is none of the errors', () => tcp('steps:\n  - expect: { error: { client: EFOO } }\n'),
      'my.yaml:4: steps[0].expect.error.client: unknown error "EFOO" (one of none, ECONNREFUSED, ECONNRESET, ETIMEDOUT, EPIPE)', ['steps[0].expect.error.client：', '未知的错误 "EFOO"', 'ECONNREFUSED、']],
    ['a flood whose sources answer', () => tcp('steps:\n  - flood: { to: server, syns: 5, spoofed: false }\n'),
      'my.yaml:4: steps[0].flood.spoofed: only spoofed floods are simulated (spoofed: true)', ['steps[0].flood.spoofed：', '伪造']],
    ['a retry count that is no integer', () => tcp('config: { retries: 1.5 }\nsteps: [settle: true]\n'),
      'my.yaml:3: config.retries: expected a int, found a number', ['config.retries：', '不是整数']],
    ['a window loss of no known form', () => caught(() => parseWindowScenario('kind: window\nname: w\ntitle: t\nsend: { segments: 3 }\nloss:\n  - { segments: 2 }\n', 'w.yaml')),
      'w.yaml:6: loss[0]: a loss is one of { segment: n }, { seq: n }, { timeout: round }, { dupacks: round }, { update: n }, { rate: p, seed: n }', ['w.yaml:6：loss[0]：', '{ rate: p, seed: n }', '轮次']],
  ] as const)('%s', (_, make, en, place) => {
    const l = checkZh(make(), place);
    expect(l.en).toBe(en);
  });
});

describe('practice bank errors in Chinese (scenarios/practice/*.yaml): each reason of the bank schema', () => {
  const bank = (body: string, topic = 'osi') => caught(() => parseBank(`name: b\ntitle: t\ntopic: ${topic}\nquestions:\n${body}`, 'b.yaml'));
  const q = '  - { id: a, prompt: p, answer: x, explain: e }\n';
  it.each([
    ['an answer that is none of the choices', () => bank('  - { id: a, prompt: p, choices: [x, y], answer: z, explain: e }\n'),
      'b.yaml:5: questions[0].answer: must be one of the choices (x | y)', ['b.yaml:5：questions[0].answer：', '（x、y）']],
    ['zh choices of another count', () => bank('  - { id: a, prompt: p, choices: [x, y], answer: x, explain: e, zh: { prompt: 问, choices: [甲, 乙, 丙], explain: 解 } }\n'),
      'b.yaml:5: questions[0].zh.choices: must list as many choices as the English ones, in the same order', ['questions[0].zh.choices：', '个数']],
    ['a multiple-choice question without zh choices', () => bank('  - { id: a, prompt: p, choices: [x, y], answer: x, explain: e, zh: { prompt: 问, explain: 解 } }\n'),
      'b.yaml:5: questions[0].zh.choices: a multiple-choice question needs its choices in Chinese too', ['questions[0].zh.choices：', '选择题']],
    ['a zh answer that is none of the zh choices', () => bank('  - { id: a, prompt: p, choices: [x, y], answer: x, explain: e, zh: { prompt: 问, choices: [甲, 乙], answer: 丙, explain: 解 } }\n'),
      'b.yaml:5: questions[0].zh.answer: must be one of zh.choices', ['questions[0].zh.answer：', 'zh.choices']],
    ['choices checked as text', () => bank('  - { id: a, prompt: p, choices: [x, y], answer: x, check: text, explain: e }\n'),
      'b.yaml:5: questions[0].check: a question with choices is checked as "choice"', ['questions[0].check：', '“choice”']],
    ['an unknown generator', () => bank('  - { generator: subnet.nope }\n'),
      /^b\.yaml:5: questions\[0\]\.generator: unknown generator \(known: subnet\.network, /, ['questions[0].generator：', '生成器', 'subnet.network、']],
    ['a parameter the generator does not take', () => bank('  - { generator: subnet.network, params: { bits: 3 } }\n'),
      'b.yaml:5: questions[0].params.bits: unknown parameter of subnet.network (known: prefix, form)', ['questions[0].params.bits：', 'prefix、form']],
    ['a range that is no range', () => bank('  - { generator: subnet.network, params: { prefix: dotted } }\n'),
      'b.yaml:5: questions[0].params.prefix: expected a number or [min, max] within 1..30', ['questions[0].params.prefix：', '1..30']],
    ['an empty range', () => bank('  - { generator: subnet.network, params: { prefix: [20, 10] } }\n'),
      'b.yaml:5: questions[0].params.prefix: empty range [20, 10]', ['[20, 10]', '空']],
    ['an option that is none of the options', () => bank('  - { generator: subnet.network, params: { form: octal } }\n'),
      'b.yaml:5: questions[0].params.form: unknown option "octal" (known: prefix, dotted)', ['questions[0].params.form：', '“octal”', 'prefix、dotted']],
    ['an unknown topic', () => bank(q, 'nope'),
      'b.yaml:3: topic: unknown topic (known: subnet, same-segment, classify, ipv6, ports, mac, tcp, osi, sockets)', ['b.yaml:3：topic：', 'same-segment、']],
    ['a duplicate id', () => bank(q + q),
      'b.yaml:6: questions[1].id: duplicate id (also questions[0])', ['questions[1].id：', 'questions[0]']],
    ['an id that is not kebab-case', () => bank('  - { id: A_1, prompt: p, answer: x, explain: e }\n'),
      'b.yaml:5: questions[0].id: must be kebab-case (a-z, 0-9, "-")', ['questions[0].id：', 'a-z、0-9']],
    ['an empty prompt', () => bank('  - { id: a, prompt: " ", answer: x, explain: e }\n'),
      'b.yaml:5: questions[0].prompt: must not be empty', ['questions[0].prompt：', '不能为空']],
    // zod's own issues inside an entry: its English as it was, the Chinese from the issue's code and fields.
    ['an unknown key of a question', () => bank('  - { id: a, prompt: p, answer: x, explain: e, hint: h }\n'),
      'b.yaml:5: questions[0]: Unrecognized key: "hint"', ['questions[0]：', '“hint”']],
    ['a question without a prompt', () => bank('  - { id: a, answer: x, explain: e }\n'),
      'b.yaml:5: questions[0].prompt: expected string, received undefined', ['questions[0].prompt：', '字符串']],
  ] as const)('%s', (_, make, en, place) => {
    const l = checkZh(make(), place);
    if (typeof en === 'string') expect(l.en).toBe(en);
    else expect(l.en).toMatch(en);
    expect(l.zh).not.toContain(zhErrors.zodIssue({ en: '', code: 'custom' })); // not the catch-all
  });
});

describe('the other InputErrors of verify, replay and split in Chinese', () => {
  it.each([
    ['a probe that is not built in', () => caught(() => loadProbe('nosuch')), 'nosuch: no such probe (built in: client-close, close-behaviour, concurrent, echo, file, framing, udp-echo; or give a .yaml file)', ['nosuch：', 'echo']],
    ['a probe file that is not there', () => caught(() => loadProbe('/nonexistent/p.yaml')), '/nonexistent/p.yaml: no such file', ['/nonexistent/p.yaml：']],
    ['a capture file that is none', () => caught(() => new CaptureDecoder(() => undefined).push(new Uint8Array(32))), 'not a capture file (neither pcap nor pcapng)', ['pcap']],
    ['a split into more subnets than the bits allow', () => caught(() => split('10.0.0.0/30', { kind: 'count', count: 8 })),
      '8: /30 cannot be cut into 8 subnets: 8 blocks need 3 more prefix bits and only 2 are left', ['8：/30', ' 3 ', ' 2 ']],
    ['a VLSM plan bigger than its parent', () => caught(() => split('10.0.0.0/28', { kind: 'hosts', hosts: [10, 10] })),
      '10,10: the plan needs 32 addresses but 10.0.0.0/28 has 16: 16 missing', ['10,10：', '32', '10.0.0.0/28', '16']],
  ] as const)('%s', (_, make, en, place) => {
    const l = checkZh(make(), place);
    expect(l.en).toBe(en);
  });
});
