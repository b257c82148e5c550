// The lab screen takes its colours from the theme: under NO_COLOR (or --no-color) no colour escapes at
// all, while running (spinner), on a failed verdict and in the menu. A fake run: no sockets here (the
// real runs are in test/lab/lab-screen.test.tsx).
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { render, settle } from '../helpers/settle.js';
import type { Observation } from '../../src/lab/observer.js';
import type { LabReport } from '../../src/lab/runner.js';
import { LabScreen } from '../../src/ui/lab/LabScreen.js';
import { ThemeContext, themeFor } from '../../src/ui/theme.js';

// ink's chalk decides its colour level when it is imported, from FORCE_COLOR (vitest's output is no
// terminal): force colour before the imports, so that only the theme can keep colour out.
const saved = vi.hoisted(() => {
  const before = process.env['FORCE_COLOR'];
  process.env['FORCE_COLOR'] = '1';
  return before;
});
afterAll(() => {
  if (saved === undefined) delete process.env['FORCE_COLOR'];
  else process.env['FORCE_COLOR'] = saved;
});
afterEach(() => cleanup());

// Waits for React to finish what a key started (test/helpers/settle.ts), not a fixed number of turns.
const tick = settle;
/** SGR foreground colours: 30-37, 90-97, 38;5/38;2 (as the tmux test checks the pane). */
const COLOUR = /\u001b\[(3[0-7]|9[0-7]|38;)/;

const failed = {
  experiment: 'handshake',
  sequences: { client: ['SYN_SENT', 'ESTABLISHED'] },
  conformance: { ok: false, violations: [{ message: 'client: ESTABLISHED -> LISTEN is no transition' }] },
  expectations: { ok: false, failures: [{ field: 'client' }] },
  error: 'the server did not answer',
} as unknown as LabReport;

async function frames(env: NodeJS.ProcessEnv): Promise<string[]> {
  let finish: (r: LabReport) => void = () => {};
  const run = (_name: string, o: { onObservation: (ob: Observation) => void }): Promise<LabReport> => {
    o.onObservation({ at: 1.5, socket: 'client', local: '127.0.0.1:1', remote: '127.0.0.1:2', state: 'SYN_SENT', timer: { kind: 'retransmit', remainingMs: 900 } } as unknown as Observation);
    return new Promise((r) => { finish = r; });
  };
  const app = render(
    <ThemeContext.Provider value={themeFor(env)}>
      <LabScreen lang="en" onBack={() => {}} width={100} height={30} runExperiment={run} />
    </ThemeContext.Provider>,
  );
  await tick();
  const menu = app.lastFrame() ?? '';
  app.stdin.write('\r');
  await tick();
  const running = app.lastFrame() ?? '';
  finish(failed);
  await tick();
  const verdict = app.lastFrame() ?? '';
  return [menu, running, verdict];
}

describe('lab screen colours', () => {
  it('with NO_COLOR: the menu, the running spinner and a failed verdict carry no colour escapes', async () => {
    const [menu, running, verdict] = await frames({ NO_COLOR: '1' });
    expect(menu).toContain('> handshake');
    expect(running).toMatch(/running on loopback/);
    expect(verdict).toMatch(/violation: client: ESTABLISHED -> LISTEN/);
    expect(verdict).toMatch(/expectations: client/);
    for (const f of [menu, running, verdict]) expect(f).not.toMatch(COLOUR);
  });

  it('without NO_COLOR the same frames are coloured (so the check above can fail)', async () => {
    const [menu, running, verdict] = await frames({});
    for (const f of [menu, running, verdict]) expect(f).toMatch(COLOUR);
  });
});
