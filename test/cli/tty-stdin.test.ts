/**
 * stdin at a real terminal: the built CLI in a detached tmux session (a pty), lines typed with
 * send-keys and ended with Ctrl-D. `aggregate` once failed here with `stdin: EAGAIN` (exit 3): reading
 * `process.stdin.isTTY` makes libuv reopen the tty non-blocking onto fd 0, and a plain read of fd 0
 * then returns EAGAIN instead of waiting for the person to type. Needs dist/ (npm test builds it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const built = existsSync(join(root, 'dist', 'cli', 'main.js'));
let session = '';
let count = 0;
// A private server socket per test: never touch the user's tmux server.
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', session, ...args], { encoding: 'utf8' });
const capture = (): string => tmux('capture-pane', '-p', '-t', session);

async function waitFor(what: RegExp, timeoutMs = 20_000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const screen = capture();
    if (what.test(screen)) return screen;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${String(what)}; screen:\n${screen}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs `command` in a fresh pty; the screen shows `EXIT=<code>` when it ends. */
async function startInTerminal(command: string): Promise<void> {
  session = `netkata-tty-${process.pid}-${++count}`;
  tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '20', '-c', root, 'env', 'PS1=$ ', 'NO_COLOR=1', 'sh');
  await waitFor(/^\$/m);
  tmux('send-keys', '-t', session, '-l', `${command}; echo "EXIT=$?"`);
  tmux('send-keys', '-t', session, 'Enter');
}

const typeLines = (...lines: string[]): void => {
  for (const line of lines) {
    tmux('send-keys', '-t', session, '-l', line);
    tmux('send-keys', '-t', session, 'Enter');
  }
  tmux('send-keys', '-t', session, 'C-d');
};

describe.skipIf(!hasTmux || !built)('stdin typed at a terminal (skips where tmux is not installed or dist/ is not built)', () => {
  afterEach(() => {
    spawnSync('tmux', ['-L', session, 'kill-server']);
  });

  // Python: list(ipaddress.collapse_addresses([ip_network('10.0.0.0/25'), ip_network('10.0.0.128/25')]))
  // == [IPv4Network('10.0.0.0/24')]
  for (const command of ['node bin/netkata.js aggregate', 'node bin/netkata.js aggregate -']) {
    it(`${command.slice(20)} waits for typed lines and merges them after Ctrl-D`, async () => {
      await startInTerminal(command);
      await waitFor(/end with Ctrl-D/);
      typeLines('10.0.0.0/25', '10.0.0.128/25');
      const screen = await waitFor(/EXIT=\d+/);
      expect(screen).not.toMatch(/EAGAIN/);
      expect(screen).toMatch(/^10\.0\.0\.0\/24$/m);
      expect(screen).toMatch(/EXIT=0/);
    });
  }

  it('subnet --stdin answers each typed line', async () => {
    await startInTerminal('node bin/netkata.js subnet --stdin');
    typeLines('10.1.1.1/8');
    // Python: ip_interface('10.1.1.1/8').network == IPv4Network('10.0.0.0/8'), broadcast 10.255.255.255
    const screen = await waitFor(/EXIT=\d+/);
    expect(screen).toMatch(/network 10\.0\.0\.0\/8\s+mask 255\.0\.0\.0\s+broadcast 10\.255\.255\.255/);
    expect(screen).toMatch(/EXIT=0/);
  });
});
