import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
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
    expect(f.split('\n').slice(1).join('\n')).not.toMatch(/^ .*TIME_WAIT/m); // below the title (which names TIME_WAIT)
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
    let f = strip(await until(() => strip(app.lastFrame()), /↑ +rows \d+-60 of 60/));
    expect(f.split('\n').length).toBeLessThanOrEqual(height);
    expect(f.split('\n')[0]).toContain('handshake');
    expect(f).toContain('88.5 ms'); // the newest observation, followed while running
    expect(f).toMatch(/↑ +rows \d+-60 of 60/);
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
