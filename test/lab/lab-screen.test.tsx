import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { LabScreen } from '../../src/ui/lab/LabScreen.js';
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
    await tick();
    expect(strip(app.lastFrame())).toContain('> handshake');
    app.stdin.write('\u001b[B'); // down
    await tick();
    expect(strip(app.lastFrame())).toContain('> close ');
    app.stdin.write('\u001b');
    await tick(30);
    expect(back).toBe(1);
  });

  it.skipIf(!hasProcNet())(skipTitle('runs rst on real sockets, shows the kernel states and the verdict', !hasProcNet(), 'no /proc/net/tcp'), async () => {
    const app = render(<LabScreen lang="en" onBack={() => undefined} width={110} height={40} />);
    await tick();
    for (let i = 0; i < 4; i++) {
      app.stdin.write('\u001b[B');
      await tick();
    }
    expect(strip(app.lastFrame())).toContain('> rst');
    app.stdin.write('\r');
    const f = strip(await until(() => strip(app.lastFrame()), /conformance: every sequence/));
    expect(f).toMatch(/client\s+ESTABLISHED/);
    expect(f).toMatch(/client\s+(ESTABLISHED -> )?CLOSED/);
    expect(f).toContain('expectations: ok');
    expect(f).not.toContain('TIME_WAIT');
  });
});
