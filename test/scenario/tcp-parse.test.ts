/** Scenario files written wrong fail with `file:line: field: what is wrong` (SCENARIOS.md). */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseDuration, parseTcpScenario } from '../../src/scenario/tcp.js';

function errorOf(text: string): string {
  try {
    parseTcpScenario(text, 'scenarios/tcp/x.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
  throw new Error('parsed without error');
}

const head = 'name: x\ntitle: X\n';

describe('parseTcpScenario', () => {
  it('fills in the defaults of SCENARIOS.md', () => {
    const s = parseTcpScenario(`${head}steps:\n  - open: client\n`, 'x.yaml');
    expect(s.config).toEqual({
      msl: 30_000, rto: 1000, rtoFixed: false, retries: undefined, delay: 10, finWait2Timeout: 60_000,
      keepalive: { idle: 7_200_000, interval: 75_000, probes: 9 }, profile: 'rfc9293',
      // RFC 9293 3.10.8: no user timeout unless set; RFC 6528 ISN secret 0 unless set.
      userTimeout: 0, mss: undefined, window: undefined, isnSeed: 0,
    });
    expect(s.endpoints).toEqual([
      { name: 'client', isn: 1000, listen: false, backlog: 128, syncookies: false, reads: true, scripted: false, window: undefined },
      { name: 'server', isn: 5000, listen: true, backlog: 128, syncookies: false, reads: true, scripted: false, window: undefined },
    ]);
  });

  it('reads durations: 250ms, 30s, 2m, 2h, and plain milliseconds', () => {
    expect([parseDuration('250ms'), parseDuration('30s'), parseDuration('2m'), parseDuration('2h'), parseDuration(1500)]).toEqual([
      250, 30_000, 120_000, 7_200_000, 1500,
    ]);
    expect(parseDuration('5x')).toBeUndefined();
    expect(parseDuration(-1)).toBeUndefined();
  });

  it('names file, line and field of an unknown state', () => {
    const text = `${head}steps:\n  - open: client\n  - settle: true\n  - expect: { server: LISTEN }\n  - expect:\n      client: ESTABLISH\n`;
    expect(errorOf(text)).toMatch(/^scenarios\/tcp\/x\.yaml:8: steps\[3\]\.expect\.client: unknown state "ESTABLISH"/);
  });

  it('rejects an unknown verb with its line', () => {
    expect(errorOf(`${head}steps:\n  - open: client\n  - connect: client\n`)).toMatch(
      /^scenarios\/tcp\/x\.yaml:5: steps\[1\]\.connect: unknown verb "connect"/,
    );
  });

  it('rejects a bad duration with its line', () => {
    expect(errorOf(`${head}steps:\n  - open: client\n  - advance: 10 minutes\n`)).toMatch(
      /^scenarios\/tcp\/x\.yaml:5: steps\[1\]\.advance: bad duration "10 minutes"/,
    );
    expect(errorOf(`${head}config:\n  msl: thirty\nsteps:\n  - open: client\n`)).toMatch(/^scenarios\/tcp\/x\.yaml:4: config\.msl: bad duration/);
  });

  it('rejects an endpoint name the scenario does not define', () => {
    expect(errorOf(`${head}steps:\n  - open: client\n  - close: sever\n`)).toMatch(
      /^scenarios\/tcp\/x\.yaml:5: steps\[1\]\.close: unknown endpoint "sever" \(endpoints: client, server\)/,
    );
    expect(errorOf(`${head}steps:\n  - drop: { from: clint, flags: ACK }\n`)).toMatch(/:4: steps\[0\]\.drop\.from: unknown endpoint "clint"/);
    expect(errorOf(`${head}steps:\n  - expect:\n      sent: [{ from: nobody, flags: SYN }]\n`)).toMatch(
      /:5: steps\[0\]\.expect\.sent\[0\]\.from: unknown endpoint "nobody"/,
    );
  });

  it('rejects unknown flags, two verbs in one step, and unknown keys', () => {
    expect(errorOf(`${head}steps:\n  - drop: { flags: "SYN,ACKK" }\n`)).toMatch(/:4: steps\[0\]\.drop\.flags: unknown flags "SYN,ACKK"/);
    expect(errorOf(`${head}steps:\n  - { open: client, close: client }\n`)).toMatch(/:4: steps\[0\]: a step has exactly one verb/);
    expect(errorOf(`${head}config:\n  mls: 30s\nsteps:\n  - open: client\n`)).toMatch(/^scenarios\/tcp\/x\.yaml:4: config: .*"mls"/);
  });

  it('says that floods from sources that answer are not simulated', () => {
    expect(errorOf(`${head}steps:\n  - flood: { to: server, syns: 5, spoofed: false }\n`)).toMatch(
      /:4: steps\[0\]\.flood\.spoofed: only spoofed floods are simulated/,
    );
  });

  it('asks for open: {from, to} with more than two endpoints', () => {
    expect(errorOf(`${head}endpoints: { a: {}, b: {}, c: {} }\nsteps:\n  - open: a\n`)).toMatch(/:5: steps\[0\]\.open: with more than two endpoints/);
  });

  it('requires name, title and steps', () => {
    expect(errorOf('title: X\nsteps: [{ settle: true }]\n')).toMatch(/^scenarios\/tcp\/x\.yaml:1: name: /);
    expect(errorOf(`${head}steps: []\n`)).toMatch(/:3: steps: /);
  });

  describe('ask steps with a zh block', () => {
    const ask = (zh: string) =>
      `${head}steps:\n  - open: client\n  - ask:\n      prompt: "Who sends the SYN?"\n      choices: ["client", "server"]\n      answer: "client"\n      explain: "The opener."\n${zh}`;

    it('accepts paired choices and keeps the zh text', () => {
      const s = parseTcpScenario(ask('      zh: { prompt: "谁发送 SYN？", choices: ["客户端", "服务器"], answer: "客户端", explain: "主动打开的一端。" }\n'), 'x.yaml');
      expect(s.steps[1]).toEqual({
        ask: {
          prompt: 'Who sends the SYN?', choices: ['client', 'server'], answer: 'client', explain: 'The opener.',
          zh: { prompt: '谁发送 SYN？', choices: ['客户端', '服务器'], answer: '客户端', explain: '主动打开的一端。' },
        },
      });
    });

    it('names file, line and field when the zh choices do not pair with the English ones', () => {
      const text = ask('      zh:\n        prompt: "谁发送 SYN？"\n        choices: ["客户端", "服务器", "都不是"]\n        answer: "客户端"\n        explain: "主动打开的一端。"\n');
      expect(errorOf(text)).toMatch(/^scenarios\/tcp\/x\.yaml:12: steps\[1\]\.ask\.zh\.choices: 3 zh choices for 2 English ones/);
    });

    it('names the line of a zh answer that is not a zh choice, or not at the English answer\'s position', () => {
      const notAChoice = ask('      zh:\n        prompt: "谁？"\n        choices: ["客户端", "服务器"]\n        answer: "client"\n        explain: "略"\n');
      expect(errorOf(notAChoice)).toMatch(/^scenarios\/tcp\/x\.yaml:13: steps\[1\]\.ask\.zh\.answer: "client" is not one of the zh choices/);
      const swapped = ask('      zh:\n        prompt: "谁？"\n        choices: ["客户端", "服务器"]\n        answer: "服务器"\n        explain: "略"\n');
      expect(errorOf(swapped)).toMatch(/:13: steps\[1\]\.ask\.zh\.answer: zh choice 2 but the English answer is choice 1/);
    });

    it('rejects an unknown key and zh choices on a question without choices', () => {
      expect(errorOf(ask('      zh: { prompt: "谁？", answer: "客户端", explain: "略", hint: "x" }\n'))).toMatch(/:10: steps\[1\]\.ask\.zh: .*hint/);
      const free = `${head}steps:\n  - ask:\n      prompt: "How many?"\n      answer: 3\n      explain: "E"\n      zh:\n        prompt: "几个？"\n        choices: ["3", "4"]\n        answer: 3\n        explain: "略"\n`;
      expect(errorOf(free)).toMatch(/^scenarios\/tcp\/x\.yaml:10: steps\[0\]\.ask\.zh\.choices: zh\.choices given but the English question has no choices/);
    });
  });
});

describe('the scenario language additions (docs/scenarios.md)', () => {
  const steps = (body: string) => `name: x\ntitle: X\nsteps:\n${body}`;
  it('names the unquoted SYN,ACK trap instead of an unknown key', () => {
    expect(() => parseTcpScenario(steps('  - drop: { from: client, flags: SYN,ACK }\n'), 'x.yaml')).toThrow(
      /x\.yaml:4: steps\[0\]\.drop: "ACK" is read as a key: .*flags: "SYN,ACK" in quotes or as a list \[SYN, ACK\]/,
    );
    expect(() => parseTcpScenario(steps('  - expect: { sent: [{ from: client, flags: FIN,ACK }] }\n'), 'x.yaml')).toThrow(/"ACK" is read as a key/);
  });

  it('takes flags as a list or a quoted string, the same', () => {
    const a = parseTcpScenario(steps('  - drop: { from: client, flags: [SYN, ACK] }\n'), 'x.yaml');
    const b = parseTcpScenario(steps('  - drop: { from: client, flags: "SYN,ACK" }\n'), 'x.yaml');
    expect(a.steps).toEqual(b.steps);
  });

  it('refuses a state or an application call for a scripted endpoint', () => {
    const head = 'name: x\ntitle: X\nendpoints:\n  client: { scripted: true }\n  server: { listen: true }\nsteps:\n';
    expect(() => parseTcpScenario(`${head}  - expect: { client: CLOSED }\n`, 'x.yaml')).toThrow(/steps\[0\]\.expect\.client: "client" is scripted: it has no TCB/);
    expect(() => parseTcpScenario(`${head}  - open: client\n`, 'x.yaml')).toThrow(/"client" is scripted: it speaks only through inject steps/);
    expect(() => parseTcpScenario(`${head}  - inject: { from: client, flags: SYN, seq: 0 }\n`, 'x.yaml')).not.toThrow();
  });

  it('checks the error names of expect error', () => {
    expect(() => parseTcpScenario(steps('  - expect: { error: { client: ECONNRESTE } }\n'), 'x.yaml')).toThrow(/unknown error "ECONNRESTE" \(one of none, ECONNREFUSED/);
  });
});
