// The lab screen's captured run on the simulator's ladder (`c`), the kernel's state of each end beside
// the machine's. No sockets, no dumpcap: the "capture" is the segments of RFC 9293's figure 6 (three-way
// handshake, A ISN 100, B ISN 300) and figure 12 (normal close), on a clock the test sets, and the
// kernel's observations are written here as /proc would show them between the segments. The machine's
// states are the real segment check's (src/lab/segment-check.ts) and must match the figures' states.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import { stripVTControlCharacters } from 'node:util';
import { EnvironmentError, reason } from '../../src/errors.js';
import { errors as zhErrors } from '../../src/i18n/zh/errors.js';
import type { Observation } from '../../src/lab/observer.js';
import type { LabReport } from '../../src/lab/runner.js';
import { checkSegmentsAgainstKernel, labelSegments } from '../../src/lab/segment-check.js';
import type { LabState } from '../../src/lab/states.js';
import { sequencesOf } from '../../src/lab/conformance.js';
import { ACK, FIN, SYN } from '../../src/tcp/segment.js';
import { LabScreen, type RunExperimentOptions } from '../../src/ui/lab/LabScreen.js';
import { ThemeContext, themeFor } from '../../src/ui/theme.js';
import { render, settle } from '../helpers/settle.js';
import { renderApp } from './helpers.js';
import { app as enApp } from '../../src/i18n/en/app.js';
import { app as zhApp } from '../../src/i18n/zh/app.js';

afterEach(() => cleanup());

const A = '127.0.0.1:40000';
const B = '127.0.0.1:5555';

// [ms, from, flags, seq, ack]: figure 6 lines 2-4, then figure 12 with the numbers carried on (A's FIN at 101).
const SEGMENTS: [number, 'A' | 'B', number, number, number][] = [
  [5, 'A', SYN, 100, 0],
  [10, 'B', SYN | ACK, 300, 101],
  [15, 'A', ACK, 101, 301],
  [30, 'A', FIN | ACK, 101, 301],
  [35, 'B', ACK, 301, 102],
  [50, 'B', FIN | ACK, 301, 102],
  [55, 'A', ACK, 102, 302],
];

// RFC 9293 figures 6 and 12: each TCP's state after the segment of that line (A = client, B = server).
const RFC_STATES: [string, LabState, LabState][] = [
  ['SYN', 'SYN_SENT', 'SYN_RECEIVED'],
  ['SYN,ACK', 'ESTABLISHED', 'SYN_RECEIVED'],
  ['ACK', 'ESTABLISHED', 'ESTABLISHED'],
  ['FIN,ACK', 'FIN_WAIT_1', 'CLOSE_WAIT'],
  ['ACK', 'FIN_WAIT_2', 'CLOSE_WAIT'],
  ['FIN,ACK', 'TIME_WAIT', 'LAST_ACK'],
  ['ACK', 'TIME_WAIT', 'CLOSED'],
];

function obs(at: number, socket: 'client' | 'server', state: LabState): Observation {
  const [local, remote] = socket === 'client' ? [A, B] : [B, A];
  return { at, readFrom: at - 0.5, socket, local, remote, state, ...(state === 'CLOSED' ? { vanished: true as const } : {}) };
}

/** The kernel as polled between the segments; `serverAt40` is what the read at 40 ms saw of the server. */
function report(serverAt40: LabState): LabReport {
  const observations = [
    obs(7, 'client', 'SYN_SENT'), obs(12, 'server', 'SYN_RECEIVED'), obs(20, 'client', 'ESTABLISHED'), obs(20.5, 'server', 'ESTABLISHED'),
    obs(32, 'client', 'FIN_WAIT_1'), obs(40, 'server', serverAt40), obs(41, 'client', 'FIN_WAIT_2'), obs(52, 'server', 'LAST_ACK'),
    obs(60, 'client', 'TIME_WAIT'), obs(60.5, 'server', 'CLOSED'),
  ];
  const actions = [
    { at: 1, socket: 'listener', action: 'listen' as const },
    { at: 4, socket: 'client', action: 'connect' as const },
    { at: 29, socket: 'client', action: 'end' as const },
    { at: 49, socket: 'server', action: 'end' as const },
  ];
  const captured = SEGMENTS.map(([at, from, flags, seq, ack]) => ({ at, time: 1e12 + at, from: from === 'A' ? A : B, to: from === 'A' ? B : A, flags, seq, ack, len: 0, window: 65535 }));
  const check = checkSegmentsAgainstKernel(captured, observations, actions, 1);
  return {
    experiment: 'close', title: 'close', explain: '', platform: 'linux', kernel: '6', node: 'v20', host: '127.0.0.1', params: {},
    timeoutMs: 10_000, durationMs: 61, observations, sequences: sequencesOf(observations),
    conformance: { ok: true, profile: 'linux', violations: [], paths: {} }, expectations: { ok: true, failures: [] },
    result: null, error: null, actions, connections: [{ client: 'client', server: 'server' }], nodeEvents: [], observer: null, linux: [],
    capture: { file: null, segments: labelSegments(captured, observations), dropped: 0, drained: true, complete: true, check },
    ok: check.ok,
  };
}

async function ladder(r: LabReport | Error, width: number, height: number, lang: 'en' | 'zh' = 'en', keys: string[] = []) {
  const calls: RunExperimentOptions[] = [];
  const run = async (_name: string, o: RunExperimentOptions): Promise<LabReport> => {
    calls.push(o);
    if (r instanceof Error) throw r;
    return r;
  };
  const app = render(
    <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>
      <LabScreen lang={lang} onBack={() => {}} width={width} height={height} runExperiment={run} />
    </ThemeContext.Provider>,
  );
  await settle();
  for (const k of ['c', ...keys]) {
    app.stdin.write(k);
    await settle();
  }
  return { frame: stripVTControlCharacters(app.lastFrame() ?? ''), calls };
}

/** A ladder row as [left kernel, left mark, left machine, right kernel, right mark, right machine]. */
function cells(line: string): string[] {
  const first = line.search(/[─◀]/);
  const last = Math.max(line.lastIndexOf('─'), line.lastIndexOf('▶'));
  const side = (text: string): string[] => {
    const m = /^\s*(\S+)\s+(✗?)(\S+)\s*$/.exec(text);
    return m ? [m[1]!, m[2]!, m[3]!] : [text];
  };
  return [...side(line.slice(0, first).replace(/^\S+/, '')), ...side(line.slice(last + 1))];
}

describe('lab screen: a captured run on the ladder', () => {
  it('draws each segment with the machine in the state RFC 9293 figures 6 and 12 give, the kernel beside it (80x24 and 120x40)', async () => {
    for (const [w, h] of [[80, 24], [120, 40]] as const) {
      const { frame, calls } = await ladder(report('CLOSE_WAIT'), w, h);
      expect(calls[0]?.capture).toBe(true);
      const lines = frame.split('\n');
      expect(lines.length).toBeLessThanOrEqual(h);
      for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(w);
      const head = lines.findIndex((l) => /^time\s+client\s+server$/.test(l.trim()));
      expect(head).toBeGreaterThan(0);
      expect(lines[head + 1]!.trim().split(/\s+/)).toEqual(['kernel', 'machine', 'kernel', 'machine']);
      const rows = lines.filter((l) => /[▶◀]/.test(l));
      expect(rows.map((l) => /[─◀]\s*(?:─+ )?([A-Z,]+)/.exec(l)?.[1])).toEqual(RFC_STATES.map(([f]) => f));
      rows.forEach((l, i) => {
        const [, client, server] = RFC_STATES[i]!;
        const c = cells(l);
        expect([c[2], c[5]], `row ${i + 1}: ${l}`).toEqual([client, server]);
        expect([c[1], c[4]]).toEqual(['', '']); // the kernel agreed everywhere
      });
      // The kernel's column: what /proc read before the connection's next segment ('·': no read then).
      expect(rows.map((l) => [cells(l)[0], cells(l)[3]])).toEqual([
        ['SYN_SENT', '·'], ['·', 'SYN_RECEIVED'], ['ESTABLISHED', 'ESTABLISHED'], ['FIN_WAIT_1', '·'],
        ['FIN_WAIT_2', 'CLOSE_WAIT'], ['·', 'LAST_ACK'], ['TIME_WAIT', 'CLOSED'],
      ]);
      expect(frame).toContain('segments vs kernel: ok');
    }
  });

  it('marks where the kernel was in a state the machine was not (the server read ESTABLISHED after the client FIN was acknowledged)', async () => {
    const { frame } = await ladder(report('ESTABLISHED'), 80, 24);
    const rows = frame.split('\n').filter((l) => /[▶◀]/.test(l));
    const marked = rows.map((l) => cells(l)).filter((c) => c[1] === '✗' || c[4] === '✗');
    // Row 5 (B's ACK at 35 ms, the interval of the read at 40): server side, kernel ESTABLISHED, machine CLOSE_WAIT.
    expect(marked).toEqual([['FIN_WAIT_2', '', 'FIN_WAIT_2', 'ESTABLISHED', '✗', 'CLOSE_WAIT']]);
    expect(frame).toContain('segments vs kernel: 1 mismatch(es)');
  });

  it('scrolls the segments with the shared indicator when they do not fit (80x16), the columns staying put', async () => {
    const top = await ladder(report('CLOSE_WAIT'), 80, 16);
    const shown = top.frame.split('\n').filter((l) => /[▶◀]/.test(l)).length;
    expect(shown).toBeLessThan(SEGMENTS.length);
    expect(top.frame).toContain(`↓ rows 1-${shown} of ${SEGMENTS.length}`);
    const down = await ladder(report('CLOSE_WAIT'), 80, 16, 'en', ['j']);
    const rows = down.frame.split('\n').filter((l) => /[▶◀]/.test(l));
    expect(down.frame).toContain(`rows 2-${shown + 1} of ${SEGMENTS.length}`);
    expect([cells(rows[0]!)[2], cells(rows[0]!)[5]]).toEqual([RFC_STATES[1]![1], RFC_STATES[1]![2]]);
  });

  it('says in one line, in the chosen language, why capture cannot run', async () => {
    const { frame } = await ladder(new EnvironmentError(reason('envDumpcapMissing')), 80, 24, 'zh');
    const lines = frame.split('\n').filter((l) => l.includes(zhErrors.envDumpcapMissing));
    expect(lines).toHaveLength(1);
    expect(frame).not.toContain("Wireshark's dumpcap");
  });

  it('the help overlay (?) lists c and l m Tab, whole, in both languages (the terminal of the app tests: 100x24)', async () => {
    for (const [lang, text] of [['en', enApp], ['zh', zhApp]] as const) {
      const app = renderApp({ lang, screen: 'lab' });
      await app.press('?');
      const frame = app.frame();
      expect(frame).toMatch(new RegExp(`│ c +${text['help.lab.capture']}`));
      expect(frame).toMatch(new RegExp(`│ l m Tab +${text['help.lab.views'].replace(/[()（）]/g, '.')}`));
      expect(frame).toContain(text['help.close']);
      cleanup();
    }
  });
});
