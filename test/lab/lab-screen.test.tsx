import { readdirSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { LabScreen } from '../../src/ui/lab/LabScreen.js';
import type { Observation } from '../../src/lab/observer.js';
import type { LabReport } from '../../src/lab/runner.js';
import { Poller } from '../../src/lab/poller.js';
import { hasProcNet } from '../../src/lab/procnet.js';
import { skipTitle } from '../helpers/skip-title.js';

afterEach(() => cleanup());
afterAll(() => Poller.closeAll());

const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));
const strip = (s: string | undefined): string => (s ?? '').replace(/\u001b\[[0-9;]*m/g, '');

// Generous: the first run in a process loads the runner and starts the poll thread, slow on a loaded machine.
async function until(frame: () => string, re: RegExp, ms = 20_000): Promise<string> {
  for (const t0 = Date.now(); Date.now() - t0 < ms; await tick(20)) if (re.test(frame())) return frame();
  return frame();
}

describe('lab screen', () => {
  it('lists the experiments and goes back on Esc', async () => {
    let back = 0;
    const app = render(<LabScreen lang="en" onBack={() => back++} width={100} height={30} />);
    expect(await until(() => strip(app.lastFrame()), /> handshake/)).toContain('> handshake');
    // The way to the same checks on one's own program: netkata verify, with every built-in probe
    // (the files of scenarios/verify/).
    const verifyLine = strip(app.lastFrame()).split('\n').find((l) => l.includes('netkata verify')) ?? '';
    const probes = readdirSync(new URL('../../scenarios/verify/', import.meta.url)).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));
    expect(probes.length).toBeGreaterThanOrEqual(4);
    for (const p of probes) expect(verifyLine.split(/[ |]/), `probe ${p} on the lab screen`).toContain(p);
    app.stdin.write('\u001b[B'); // down
    expect(await until(() => strip(app.lastFrame()), /> close /)).toContain('> close ');
    app.stdin.write('\u001b');
    await until(() => String(back), /^1$/);
    expect(back).toBe(1);
  });

  it.skipIf(!hasProcNet())(skipTitle('runs rst on real sockets, shows the kernel states and the verdict', !hasProcNet(), 'no /proc/net/tcp'), async () => {
    const app = render(<LabScreen lang="en" onBack={() => undefined} width={110} height={40} />);
    await until(() => strip(app.lastFrame()), /> handshake/);
    for (const next of ['close', 'time-wait', 'close-wait', 'rst']) {
      app.stdin.write('\u001b[B');
      await until(() => strip(app.lastFrame()), new RegExp(`> ${next}\\b(?!-)`));
    }
    expect(strip(app.lastFrame())).toContain('> rst');
    app.stdin.write('\r');
    const f = strip(await until(() => strip(app.lastFrame()), /conformance: every sequence/));
    expect(f).toMatch(/client\s+ESTABLISHED/);
    expect(f).toMatch(/client\s+(ESTABLISHED -> )?CLOSED/);
    expect(f).toContain('expectations: ok');
    expect(f).not.toMatch(/^ +[\d.]+ ms +\S+ +TIME_WAIT/m); // no kernel observation of TIME_WAIT (the title and notes name it)
  });
});

// A run of many sockets (as `concurrent`: 10 clients, 5 observations each), fed to the screen by a
// runner that stands in for the real one; the real one drives the same screen in the tmux test.
function manyObservations(n: number): Observation[] {
  return Array.from({ length: n }, (_, i) => ({
    at: i * 1.5, socket: `client-${i % 10}`, local: '127.0.0.1:1', remote: '127.0.0.1:2', state: i % 5 === 4 ? 'CLOSED' : 'ESTABLISHED', ...(i % 5 === 4 ? { vanished: true as const } : {}),
  }));
}
function fakeRunner(observations: Observation[], result: Record<string, unknown>) {
  let finish: () => void = () => undefined;
  const run = (name: string, o: { onObservation: (ob: Observation) => void }): Promise<LabReport> => {
    for (const ob of observations) o.onObservation(ob);
    return new Promise((resolve) => {
      finish = () => resolve({
        experiment: name, title: 'a fake run', observations, sequences: { 'client-0': ['ESTABLISHED', 'CLOSED'] },
        conformance: { ok: true, violations: [] }, expectations: { ok: true, failures: [] }, result, error: null,
      } as unknown as LabReport);
    });
  };
  return { run, finish: () => finish() };
}

describe('lab screen fits the terminal', () => {
  it.each([[80, 24], [120, 40]])('%ix%i: 60 observations and a result stay within the height, title first, with a scroll indicator', async (width, height) => {
    const fake = fakeRunner(manyObservations(60), { writes: ['hello', 'world'], runs: [{ reader: 'immediate', chunks: ['helloworld'], boundariesKept: false }] });
    const app = render(<LabScreen lang="en" onBack={() => undefined} width={width} height={height} runExperiment={fake.run} />);
    await tick();
    app.stdin.write('\r');
    // Waits for the frame rather than a fixed time: under load React renders a few turns later.
    let f = strip(await until(() => strip(app.lastFrame()), /↑ +rows \d+-(\d+) of \1$/m));
    expect(f.split('\n').length).toBeLessThanOrEqual(height);
    expect(f.split('\n')[0]).toContain('handshake');
    expect(f).toContain('88.5 ms'); // the newest observation, followed while running
    expect(f).toMatch(/↑ +rows \d+-(\d+) of \1$/m); // the tail: the explanation above, then 60 observations
    fake.finish();
    f = strip(await until(() => strip(app.lastFrame()), /Result/));
    const lines = f.split('\n');
    expect(lines.length).toBeLessThanOrEqual(height);
    expect(lines[0]).toContain('handshake: a fake run');
    // The result as the CLI prints it: the two writes arrived as one chunk.
    expect(f).toContain('chunks: "helloworld" (1)');
    expect(f).toMatch(/ ↓ rows 1-\d+ of \d+/);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
    // Scrolling to the end shows the last observation, once, and no half rows of another frame.
    for (let i = 0; i < 10; i++) app.stdin.write('\u001b[6~'); // PgDn
    f = strip(await until(() => strip(app.lastFrame()), /88\.5 ms +client-9 +CLOSED +gone from the table$/m));
    expect(f.split('\n').length).toBeLessThanOrEqual(height);
    expect(f.match(/88\.5 ms +client-9 +CLOSED +gone from the table$/gm)).toHaveLength(1);
    expect(f).toMatch(/↑ +rows \d+-\d+ of \d+/);
  });
});

// Esc goes back one screen (the help's "back to the previous screen"; the simulator does the same): from
// a finished run to the list, from a running one to the list with the run stopped, from the list home.
describe('lab screen: Esc goes back one screen', () => {
  it('a finished run -> the list -> home; a running one is stopped and leaves no failure behind', async () => {
    let back = 0;
    let signal: AbortSignal | undefined;
    const fake = fakeRunner(manyObservations(5), { ok: 1 });
    const run = (name: string, o: { signal: AbortSignal; onObservation: (ob: Observation) => void }): Promise<LabReport> => {
      signal = o.signal;
      return new Promise<LabReport>((resolve, reject) => {
        void fake.run(name, o).then(resolve);
        o.signal.addEventListener('abort', () => reject(new Error('aborted')));
      });
    };
    const app = render(<LabScreen lang="en" onBack={() => back++} width={100} height={30} runExperiment={run} />);
    await until(() => strip(app.lastFrame()), /> handshake/);
    app.stdin.write('\r');
    fake.finish();
    await until(() => strip(app.lastFrame()), /Result/);
    app.stdin.write('\u001b');
    expect(strip(await until(() => strip(app.lastFrame()), /> handshake/))).toContain('> handshake');
    expect(back).toBe(0);
    // Running: Esc stops the run (its signal aborts) and shows the list, not the run's failure.
    app.stdin.write('\r');
    await until(() => String(signal !== undefined), /true/);
    await until(() => strip(app.lastFrame()), /Esc stop/);
    app.stdin.write('\u001b');
    expect(strip(await until(() => strip(app.lastFrame()), /> handshake/))).toContain('> handshake');
    expect(signal!.aborted).toBe(true);
    await tick(50);
    expect(strip(app.lastFrame())).toContain('> handshake');
    expect(strip(app.lastFrame())).not.toContain('aborted');
    expect(back).toBe(0);
    app.stdin.write('\u001b');
    await until(() => String(back), /^1$/);
    expect(back).toBe(1);
  });
});

// The screen in Chinese (the app's zh mode): a real run of `close` at 80x24. Widths are measured with
// string-width (ink's measure); the states are the kernel's, under RFC 9293 names.
describe('lab screen in Chinese', () => {
  const ENGLISH_PHRASE = /\b[a-z]{3,} [a-z]{3,}\b/i;

  it('lists the experiments with Chinese titles and key hints', async () => {
    const app = render(<LabScreen lang="zh" onBack={() => undefined} width={80} height={24} />);
    await tick();
    const f = strip(app.lastFrame());
    expect(f.split('\n')[0]).toBe('套接字实验：回环地址上的真实套接字，内核状态读自 /proc/net/tcp');
    expect(f).toMatch(/> handshake +三次握手：SYN、SYN,ACK、ACK/);
    expect(f).toMatch(/sticky +粘包/);
    expect(f).toMatch(/选择.*运行.*返回/);
    // The command a reader types stays as typed; everything else is Chinese.
    expect(f).toMatch(/^验证你自己的程序：netkata verify --probe echo\|close-behaviour/m);
    expect(f.replace(/netkata verify.*$/m, '')).not.toMatch(ENGLISH_PHRASE);
    for (const l of f.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
  });

  it.skipIf(!hasProcNet())(skipTitle('runs close: Chinese result, verdicts, explanation and notes; the kernel states as RFC names', !hasProcNet(), 'no /proc/net/tcp'), async () => {
    const app = render(<LabScreen lang="zh" onBack={() => undefined} width={80} height={24} />);
    await tick();
    app.stdin.write('\u001b[B'); // close
    await tick();
    app.stdin.write('\r');
    let f = strip(await until(() => strip(app.lastFrame()), /一致性：每个状态序列/));
    const lines = f.split('\n');
    expect(lines[0]).toBe('四次挥手：FIN、ACK、FIN、ACK（close）');
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(f).toContain('主动关闭方：client');
    expect(f).toContain('被动关闭方：server');
    // RFC 9293 3.6: the active closer ends in TIME_WAIT, the passive one goes through CLOSE_WAIT.
    expect(f).toMatch(/^ +client +.*FIN_WAIT_2 -> TIME_WAIT$/m);
    expect(f).toMatch(/^ +server +.*CLOSE_WAIT.* -> CLOSED$/m);
    expect(f).toContain('预期：通过');
    expect(f).toMatch(/再运行/);
    const seen = [f];
    for (let i = 0; i < 12; i++) {
      app.stdin.write('\u001b[6~'); // PgDn through the explanation, the kernel states and the notes
      await tick(10);
      seen.push(strip(app.lastFrame()));
    }
    f = seen.join('\n');
    expect(f.replace(/\n +/g, '')).toContain('服务器保持半关闭（allowHalfOpen）'); // folded rows joined
    expect(f).toMatch(/内核状态（读自 \/proc\/net\/tcp），共 \d+ 次观测/);
    expect(f).toContain('Linux 与 RFC 9293');
    expect(f).toMatch(/TIME_WAIT 固定持续 60 秒/);
    expect(f).not.toMatch(ENGLISH_PHRASE);
    for (const l of f.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
  });
});
