// Every branch of the text report in Chinese, from one report that fails in each way it can (a
// violation, a failed expectation, a segment mismatch, an error, Node events, long timers): each line
// fits 80 columns by string-width (ink's measure, not ours), the Chinese is typeset by the rules of
// test/practice/zh-text.ts, no English label of src/i18n/en/lab.ts is left, and the RFC state names
// and the numbers come through unchanged.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { formatLabReport } from '../../src/lab/format.js';
import type { LabReport } from '../../src/lab/runner.js';
import { LINUX_DIFFERENCES } from '../../src/lab/machine.js';
import { zhFindings } from '../practice/zh-text.js';

const HAN = /[\u3400-\u9fff]/;
const obs = (at: number, socket: string, state: string, extra: object = {}) => ({ at, socket, local: '127.0.0.1:40001', remote: '127.0.0.1:50002', state, ...extra });

const report = {
  experiment: 'fin-wait-1', title: 'FIN_WAIT_1 held on purpose', explain: 'English explanation',
  platform: 'linux', kernel: '6.1.0', node: 'v20.20.2', host: '127.0.0.1', params: {}, timeoutMs: 5000, durationMs: 812.4,
  observations: [
    obs(1.5, 'listener', 'LISTEN', { rxQueue: 2 }),
    obs(3.25, 'client', 'FIN_WAIT_1', { kernelState: 'FIN_WAIT1', timer: { kind: 'zero-window-probe', remainingMs: 190 } }),
    obs(9.75, 'client', 'TIME_WAIT', { timer: { kind: 'timewait', remainingMs: 59990 } }),
    obs(10.5, 'server', 'CLOSED', { vanished: true }),
  ],
  sequences: { listener: ['LISTEN'], client: ['FIN_WAIT_1', 'TIME_WAIT'], server: ['CLOSED'] },
  conformance: {
    ok: false, profile: 'linux',
    violations: [{ socket: 'client', from: 'TIME_WAIT', to: 'ESTABLISHED', at: 12.5, message: 'client: TIME_WAIT -> ESTABLISHED' }],
    paths: {
      client: [{ state: 'CLOSED', observed: false }, { state: 'SYN_SENT', observed: false }, { state: 'ESTABLISHED', observed: false }, { state: 'FIN_WAIT_1', observed: true }, { state: 'FIN_WAIT_2', observed: false }, { state: 'TIME_WAIT', observed: true }],
    },
  },
  expectations: { ok: false, failures: [{ field: 'result.receivedAfterResume', expected: 1048576, actual: 1000 }] },
  result: { written: 1048576, held: { state: 'FIN_WAIT_1', sendQueue: 920604, timer: { kind: 'zero-window-probe', remainingMs: 170 } }, runs: [{ reader: 'late (20 ms)', chunks: ['hello', 'world'], boundariesKept: true }] },
  error: 'timed out after 5000 ms',
  actions: [{ at: 0.5, socket: 'listener', action: 'listen' }, { at: 2, socket: 'client', action: 'end' }],
  connections: [{ client: 'client', server: 'server' }],
  nodeEvents: [{ at: 4, socket: 'server', event: "'end' (FIN received)" }, { at: 5, socket: 'client', event: 'error ECONNRESET' }, { at: 6, socket: 'server', event: 'end (Node closes its side: allowHalfOpen false)' }],
  observer: { targetPeriodMs: 2, polls: 400, readMs: { median: 1.25, p95: 3.5 }, periodMs: { median: 2.5, p95: 9.75, max: 22.5 } },
  linux: LINUX_DIFFERENCES.map((d) => ({ ...d, shown: true })),
  capture: {
    file: '/tmp/run.pcap', dropped: 0, drained: true, complete: true,
    segments: [{ at: 1.0, from: '127.0.0.1:40001', to: '127.0.0.1:50002', fromSocket: 'client', toSocket: 'server', flags: 'SYN', seq: 1000, ack: 0, len: 0 }],
    check: { ok: false, windowMs: 1, sockets: [], mismatches: [{ socket: 'client', at: 9.75, kernel: 'TIME_WAIT', machine: ['FIN_WAIT_2', 'CLOSING'] }] },
  },
  ok: false,
} as unknown as LabReport;
const comparison = {
  profile: 'linux' as const,
  connections: [{ client: 'client', server: 'server', steps: ['drop from=client flags=SYN (the full accept queue dropped them)', 'open client'], kernel: { client: ['SYN_SENT'], server: [] }, simulated: { client: ['CLOSED', 'SYN_SENT'], server: ['LISTEN'] } }],
};

describe('the lab report in Chinese, every section', () => {
  const zh = formatLabReport(report, comparison, { color: false, lang: 'zh', text: { title: '刻意保持 FIN_WAIT_1', explain: '中文说明。' } });

  it('fits 80 columns and is typeset as Chinese', () => {
    for (const l of zh.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    const findings = zh.split('\n').filter((l) => HAN.test(l)).flatMap((l) => zhFindings(l.trim()).map((f) => `${f.rule} at "${f.at}"`));
    expect(findings).toEqual([]);
  });

  it('leaves no English label and no English phrase', () => {
    const en = messages('en').lab;
    const labels = [...Object.values(en), ...Object.values(en.checkFailed), ...Object.values(en.linux), ...Object.values(en.resultValue)]
      .filter((v): v is string => typeof v === 'string' && / [a-z]/.test(v));
    expect(labels.filter((l) => zh.includes(l))).toEqual([]);
    // What is left in Latin letters: names (RFC states, socket names, timer kinds, Node's events and calls), numbers, addresses.
    // (socket names and the application's calls in the actions and the replayed steps are names too)
    expect(/\b[a-z]{3,} [a-z]{3,}\b/.exec(zh.replace(/allowHalfOpen|'end'|'close'|\b(listener|client|server|listen|end|open|drop)\b/g, ''))?.[0]).toBeUndefined();
    for (const h of ['内核状态（读自 /proc/net/tcp）', '应用程序的操作', 'Node 事件（不是内核状态）', '结果', 'Linux 与 RFC 9293']) expect(zh.split('\n')).toContain(h);
  });

  it('keeps the states, numbers and names as the report has them', () => {
    expect(zh).toMatch(/^ {2}3\.3 ms +client +FIN_WAIT_1 +127\.0\.0\.1:40001 -> 127\.0\.0\.1:50002$/m);
    expect(zh).toContain('内核 FIN_WAIT1，计时器 zero-window-probe 190 ms');
    expect(zh).toContain('全连接队列 2');
    expect(zh.replace(/\n +/g, ' ')).toMatch(/client +\(CLOSED\) -> \[SYN_SENT\] -> \[ESTABLISHED\] -> FIN_WAIT_1 -> \[FIN_WAIT_2\] -> TIME_WAIT/);
    expect(zh).toContain("server 'end'（收到 FIN）");
    expect(zh).toContain('client 错误：ECONNRESET');
    expect(zh).toContain('错误：5000 ms 后超时');
    expect(zh).toContain('- 读取方式：延迟读取（20 ms）');
    expect(zh).toContain('发送队列：920604');
    expect(zh).toContain('一致性：1 处违反');
    expect(zh).toContain('result.receivedAfterResume：应为 1048576，实际为 1000');
    expect(zh).toContain('client：内核 TIME_WAIT，状态机 FIN_WAIT_2 或 CLOSING');
    expect(zh).toMatch(/^ {4}server +内核：从未出现在表中$/m);
    const bare = (x: string): string => x.replace(/\s+/g, '');
    for (const d of LINUX_DIFFERENCES) expect(bare(zh)).toContain(bare(messages('zh').lab.linux[d.id]));
  });
});

describe('a capture that did not drain (the sentinel never reached the file)', () => {
  const undrained = { ...report, capture: { ...report.capture!, drained: false, complete: false } } as LabReport;
  it('says so in both languages and judges no segment', () => {
    for (const lang of ['en', 'zh'] as const) {
      // (lines fold at 80 columns: compared without white space)
      const text = formatLabReport(undrained, undefined, { color: false, lang }).replace(/\s+/g, '');
      expect(text).toContain(messages(lang).lab.segmentsUndrained.replace(/\s+/g, ''));
      expect(text).not.toContain(messages(lang).lab.segmentMismatch('client', 'TIME_WAIT', 'FIN_WAIT_2').replace(/\s+/g, ''));
    }
  });
});

describe('--compare: the replayed steps in the chosen language', () => {
  // (lines fold at 80 columns: the steps are read with the folds joined)
  const stepsOf = (text: string): string => /client \/ server[:：] ?([\s\S]*?)\n {4}client/.exec(text)![1]!.replace(/(?<=[\u3400-\u9fff])\n +(?=[\u3400-\u9fff])/g, '').replace(/\n +/g, ' ');
  it('English: the scenario steps as the JSON has them', () => {
    expect(stepsOf(formatLabReport(report, comparison, { color: false, lang: 'en' }))).toBe('drop from=client flags=SYN (the full accept queue dropped them), open client');
  });
  it('Chinese: no English step text, the same endpoint, flags and note', () => {
    const enStep = messages('en').tcp.step;
    const zhSteps = stepsOf(formatLabReport(report, comparison, { color: false, lang: 'zh' }));
    for (const english of [enStep.open('client'), enStep.drop({ from: 'client', flags: 'SYN' }), messages('en').lab.compareSynDropped]) expect(zhSteps).not.toContain(english);
    expect(zhSteps).toContain(messages('zh').tcp.step.open('client'));
    expect(zhSteps).toMatch(/client .*SYN .*报文段（全连接队列已满，SYN ?被丢弃），client/);
    expect(/[a-z]{3,} [a-z]{3,}/.test(zhSteps)).toBe(false);
  });
});
