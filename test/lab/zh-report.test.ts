// The lab in Chinese: the text report of a real run, formatted in both languages from the same report,
// shows the same kernel observations and state sequences (the kernel's, read from /proc/net/tcp) under
// Chinese labels; the states stay RFC 9293 names. Lines are measured with string-width (ink's measure,
// not ours) against 80 columns; the Chinese is checked with the typesetting rules of test/practice/zh-text.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { checkConformance } from '../../src/lab/conformance.js';
import { experimentText } from '../../src/lab/experiment-text.js';
import { linuxConformanceOptions } from '../../src/lab/machine.js';
import type { LabState } from '../../src/lab/states.js';
import { findExperiment } from '../../src/lab/experiments/index.js';
import { formatLabReport } from '../../src/lab/format.js';
import { Poller } from '../../src/lab/poller.js';
import { hasProcNet } from '../../src/lab/procnet.js';
import { runLabExperiment, type LabReport } from '../../src/lab/runner.js';
import { zhFindings } from '../practice/zh-text.js';
import { skipTitle } from '../helpers/skip-title.js';

const probeDir = mkdtempSync(join(tmpdir(), 'netkata-zh-'));
afterAll(() => {
  Poller.closeAll();
  rmSync(probeDir, { recursive: true, force: true });
});
/** dumpcap can record on lo (root, or the capture capabilities): a one-second probe, as test/lab/capture.test.ts does. */
const canCapture = hasProcNet() && spawnSync('dumpcap', ['-i', 'lo', '-P', '-q', '-a', 'duration:1', '-w', join(probeDir, 'probe.pcap')], { timeout: 10_000 }).status === 0;

const bin = new URL('../../bin/netkata.js', import.meta.url).pathname;
const netkata = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C', ...env }, timeout: 20_000 });
const HAN = /[\u3400-\u9fff]/;
const SCENARIOS = new URL('../../scenarios/lab/', import.meta.url);

function both(r: LabReport): { en: string; zh: string } {
  const exp = findExperiment(r.experiment)!;
  return {
    en: formatLabReport(r, undefined, { color: false, lang: 'en' }),
    zh: formatLabReport(r, undefined, { color: false, lang: 'zh', text: experimentText(exp, 'zh') }),
  };
}

/** The rows of a section: from its heading to the next empty line. */
function section(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  expect(start, `no section "${heading}" in\n${text}`).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** Observation rows as (time, socket, state, local -> remote): the same in both languages. */
const observationRows = (rows: readonly string[]): string[] =>
  rows.flatMap((l) => /^ +([\d.]+ ms) +(\S+) +([A-Z_0-9]+) +(\S+ -> \S+)/.exec(l)?.slice(1).join(' ') ?? []);
/** A socket's sequence, folded rows joined, as state names. */
function sequences(rows: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let socket = '';
  for (const l of rows) {
    const m = /^ {2}(\S+) +(.*)$/.exec(l);
    if (m && !l.startsWith('  (')) [socket, out[m[1]!]] = [m[1]!, []];
    for (const s of (m ? m[2]! : l).matchAll(/[([]?([A-Z][A-Z_0-9]+)[)\]]?/g)) if (socket) out[socket]!.push(s[1]!);
  }
  return out;
}

function typesetting(text: string): string[] {
  return text.split('\n').filter((l) => HAN.test(l)).flatMap((l) => zhFindings(l.trim()).map((f) => `${f.rule} at "${f.at}"`));
}

describe('lab report in Chinese', () => {
  it.skipIf(!hasProcNet())(skipTitle('close: the same kernel states as in English, under Chinese labels, within 80 columns', !hasProcNet(), 'no /proc/net/tcp'), async () => {
    const r = await runLabExperiment('close', { timeoutMs: 8000 });
    expect(r.ok).toBe(true);
    const { en, zh } = both(r);
    expect(zh.split('\n')[0]).toBe('四次挥手：FIN、ACK、FIN、ACK（close）');
    const enObs = observationRows(section(en, 'Kernel states (from /proc/net/tcp)'));
    const zhObs = observationRows(section(zh, '内核状态（读自 /proc/net/tcp）'));
    expect(enObs.length).toBe(r.observations.length);
    expect(zhObs).toEqual(enObs);
    const zhSeq = sequences(section(zh, '状态序列（对照端点状态机检查一致性，linux 配置）'));
    expect(zhSeq).toEqual(sequences(section(en, 'Sequences (conformance against the endpoint machine, linux profile)')));
    // RFC 9293 3.6 (normal close sequence): the active closer goes FIN_WAIT_1, FIN_WAIT_2, TIME_WAIT; the passive CLOSE_WAIT, LAST_ACK, CLOSED.
    expect(zhSeq['client']!.slice(-3)).toEqual(['FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT']);
    expect(zhSeq['server']!.slice(-3)).toEqual(['CLOSE_WAIT', 'LAST_ACK', 'CLOSED']);
    expect(section(zh, '结果')).toEqual(['  主动关闭方：client', '  被动关闭方：server']);
    // Linux holds TIME_WAIT for TCP_TIMEWAIT_LEN, 60 * HZ (include/net/tcp.h): the note says so in Chinese.
    expect(section(zh, 'Linux 与 RFC 9293').join('')).toContain('TIME_WAIT 固定持续 60 秒');
    expect(zh).toMatch(/^一致性：通过（3 个套接字）$/m);
    expect(zh).toMatch(/^预期：通过$/m);
    for (const l of zh.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    for (const l of en.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    expect(typesetting(zh)).toEqual([]);
  });

  it.skipIf(!hasProcNet())(skipTitle('a conformance violation in the Chinese report: in Chinese, within 80 columns; English as before', !hasProcNet(), 'no /proc/net/tcp'), async () => {
    const r = await runLabExperiment('handshake', { timeoutMs: 8000 });
    // A FIN_WAIT_1 the application never asked for (no end or destroy): the linux machine has no such step.
    const at = (t: number, state: LabState) => ({ at: t, socket: 'client', local: 'l', remote: 'r', state });
    const conformance = checkConformance([at(5, 'ESTABLISHED'), at(9, 'FIN_WAIT_1')], [{ at: 1, socket: 'client', action: 'connect' }], linuxConformanceOptions());
    const { en, zh } = both({ ...r, ok: false, conformance });
    // The violation's line, its folded lines joined (a fold indents; Chinese folds between characters).
    const after = (text: string, heading: string) => text.slice(text.indexOf(heading)).split('\n').slice(1, 3).map((l) => l.trim()).join(HAN.test(heading) ? '' : ' ');
    expect(after(en, 'conformance: 1 violation(s)')).toContain('9.0 ms client: ESTABLISHED -> FIN_WAIT_1 needs the application to close (end or destroy) first;');
    const line = after(zh, '一致性：1 处违反');
    expect(line).toMatch(/^9\.0 ms client：ESTABLISHED -> FIN_WAIT_1 需要应用程序先调用 end 或 destroy（关闭）；/);
    expect(line).not.toMatch(/needs|application|actions taken/);
    for (const l of zh.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    expect(typesetting(zh)).toEqual([]);
  });

  it.skipIf(!canCapture)(skipTitle('--capture in Chinese: the segments on lo and the machine-vs-kernel verdict', !canCapture, 'no /proc/net/tcp, or dumpcap cannot capture on lo'), async () => {
    const r = await runLabExperiment('handshake', { timeoutMs: 15_000, capture: {} });
    expect(r.ok).toBe(true);
    const { zh } = both(r);
    const rows = section(zh, 'lo 上的报文段（dumpcap；seq/ack 为相对各自 ISN 的值）');
    // RFC 9293 3.5: SYN, SYN,ACK, ACK, with relative sequence numbers 0, 0 (ack 1), 1 (ack 1).
    expect(rows.slice(0, 3).map((l) => l.replace(/^ +[\d.]+ ms +/, '').replace(/ +/g, ' '))).toEqual([
      'client -> server SYN seq=0 len=0',
      'server -> client SYN,ACK seq=0 ack=1 len=0',
      'client -> server ACK seq=1 ack=1 len=0',
    ]);
    expect(zh).toMatch(/^报文段与内核对照：通过（把抓到的报文段喂给状态机，在全部 \d+ 次观测中/m);
    for (const l of zh.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    expect(typesetting(zh)).toEqual([]);
  });

  it.skipIf(!hasProcNet())(skipTitle('LANG=zh_CN.UTF-8 netkata lab sticky: Chinese result, the bytes of both writes intact', !hasProcNet(), 'no /proc/net/tcp'), () => {
    const r = netkata(['lab', 'sticky', '--timeout', '5000'], { LANG: 'zh_CN.UTF-8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('粘包：TCP 保留字节，不保留消息边界（sticky）');
    const result = section(r.stdout, '结果');
    expect(result[0]).toBe('  写入："hello" "world" (2)');
    expect(result.filter((l) => l.includes('读取方式：')).map((l) => l.trim())).toEqual(['- 读取方式：立即读取', '- 读取方式：延迟读取（20 ms）']);
    // TCP delivers the bytes in order (RFC 9293 3.1): however they were chunked, each reader got "helloworld".
    const chunks = result.filter((l) => l.includes('收到的数据块：'));
    expect(chunks).toHaveLength(2);
    for (const l of chunks) {
      const m = /收到的数据块：(.*) \((\d+)\)$/.exec(l)!;
      const list = JSON.parse(`[${m[1]!.split('" "').join('","')}]`) as string[];
      expect(list.join('')).toBe('helloworld');
      expect(list).toHaveLength(Number(m[2]));
    }
    expect(result.at(-1)).toBe('  数据完整：是');
    for (const l of r.stdout.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    expect(typesetting(r.stdout)).toEqual([]);
  });
});

describe('lab list and the scenario files in Chinese', () => {
  it('lab list --lang zh: every experiment, with its Chinese title; --json stays English', () => {
    const zh = netkata(['lab', 'list', '--lang', 'zh']);
    const en = netkata(['lab', 'list']);
    const json = netkata(['lab', 'list', '--json', '--lang', 'zh']);
    expect(zh.status).toBe(0);
    const names = (JSON.parse(json.stdout) as { experiments: { name: string; title: string }[] }).experiments;
    expect(zh.stdout.trim().split('\n').map((l) => l.split(' ')[0])).toEqual(names.map((e) => e.name));
    expect(en.stdout.trim().split('\n').map((l) => l.split(' ')[0])).toEqual(names.map((e) => e.name));
    for (const l of zh.stdout.trim().split('\n')) expect(l).toMatch(HAN);
    for (const e of names) expect(e.title).not.toMatch(HAN);
    expect(zh.stdout).toMatch(/^sticky +粘包/m);
    expect(zh.stdout).toMatch(/^framing +分帧/m);
    expect(zh.stdout).toMatch(/^auth +.*挑战-应答/m);
  });

  it('every scenarios/lab file carries a zh title and explanation, typeset as Chinese', () => {
    const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(15);
    const findings: string[] = [];
    for (const f of files) {
      const doc = parse(readFileSync(new URL(f, SCENARIOS), 'utf8')) as { title: string; zh?: { title: string; explain: string } };
      expect(doc.zh, f).toBeDefined();
      for (const k of ['title', 'explain'] as const) {
        expect(doc.zh![k], `${f} zh.${k}`).toMatch(HAN);
        for (const x of zhFindings(doc.zh![k])) findings.push(`${f} zh.${k}: ${x.rule} at "${x.at}"`);
      }
    }
    expect(findings).toEqual([]);
  });
});
