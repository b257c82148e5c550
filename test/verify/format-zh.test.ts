/**
 * `netkata verify`'s text report under zh names a conformance violation in Chinese (issue 13): the
 * violation's `message` is the English the JSON keeps, and the report said it as is. The violations here
 * are the conformance check's own (src/lab/conformance.ts, linux profile), so they carry the `why` the
 * report words; no program runs (a kernel sequence off the machine cannot be provoked on purpose).
 */
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { checkConformance, violationText } from '../../src/lab/conformance.js';
import { linuxConformanceOptions } from '../../src/lab/machine.js';
import type { Observation } from '../../src/lab/observer.js';
import type { LabState } from '../../src/lab/states.js';
import { formatVerifyReport } from '../../src/verify/format.js';
import type { VerifyReport } from '../../src/verify/run.js';
import { zhFindings } from '../practice/zh-text.js';

const ob = (at: number, socket: string, state: LabState): Observation => ({ at, socket, local: 'l', remote: 'r', state });

describe('verify text report: a conformance violation in the chosen language', () => {
  it('says the machine has no path from ESTABLISHED to SYN_SENT in Chinese, and the JSON keeps the English', () => {
    // The server end of c1 went from ESTABLISHED to SYN_SENT: only through CLOSED and a new connect
    // (RFC 9293 Figure 5), which a server end never makes.
    const conformance = checkConformance([ob(5, 'server<-c1', 'ESTABLISHED'), ob(9, 'server<-c1', 'SYN_SENT')], [], linuxConformanceOptions());
    expect(conformance.violations).toHaveLength(1);
    const v = conformance.violations[0]!;
    const report: VerifyReport = {
      probe: 'echo', title: 'Echo', command: ['python3', 'server.py'], port: 40007, host: '127.0.0.1', pid: 4242, processes: [4242],
      programExit: null, stderr: '', timeoutMs: 10_000, durationMs: 20,
      checks: [{ name: 'conformance', step: null, ok: false, detail: { kind: 'conformance', violations: conformance.violations }, sockets: [] }],
      sockets: conformance.paths, observations: [], error: null, ok: false,
    };
    const flat = (s: string): string => s.replace(/\s+/g, '');
    const en = formatVerifyReport(report, { color: false, lang: 'en' });
    const zh = formatVerifyReport(report, { color: false, lang: 'zh' });
    expect(flat(en)).toContain(flat(v.message));
    expect(flat(zh)).toContain(flat(violationText(v.why!, messages('zh').lab)));
    expect(flat(zh)).not.toContain(flat(v.message));
    expect(zh).not.toMatch(/needs the application|actions taken/);
    expect(zhFindings(zh.split('\n').filter((l) => /失败|状态机/.test(l)).join(''))).toEqual([]);
    // The JSON report (what --json prints) keeps the English message and no `why`.
    expect(JSON.parse(JSON.stringify(report)).checks[0].detail.violations[0]).toEqual({ socket: 'server<-c1', from: 'ESTABLISHED', to: 'SYN_SENT', at: 9, message: v.message });
  });
});
