/**
 * End to end in a real terminal: the built app (`node bin/netkata.js`) in a detached tmux session of
 * 80x24, driven with send-keys and read with capture-pane. Needs `npx tsc -p .` first (npm test does).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { skipTitle } from '../helpers/skip-title.js';

const root = join(import.meta.dirname, '..', '..');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const built = existsSync(join(root, 'dist', 'ui', 'start.js'));
let session = `netkata-e2e-${process.pid}-0`;
let sessions = 0;
// A private server socket: never touch the user's tmux server.
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', session, ...args], { encoding: 'utf8' });
const capture = (): string => tmux('capture-pane', '-p', '-t', session);
const send = (...keys: string[]): void => void tmux('send-keys', '-t', session, ...keys);
const typeText = (text: string): void => void tmux('send-keys', '-t', session, '-l', text);

async function waitFor(what: string | RegExp, timeoutMs = 20_000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const screen = capture();
    if (typeof what === 'string' ? screen.includes(what) : what.test(screen)) return screen;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${String(what)}; screen:\n${screen}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!hasTmux || !built)(skipTitle('netkata in tmux', !hasTmux || !built, 'tmux not installed or dist/ not built'), () => {
  beforeEach(() => {
    spawnSync('tmux', ['-L', session, 'kill-server']);
    session = `netkata-e2e-${process.pid}-${++sessions}`; // a fresh private server per test
    // sh with a fixed prompt; CI unset so ink draws every frame, as in a person's terminal.
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', '-c', root, 'env', '-u', 'CI', '-u', 'NO_COLOR', 'PS1=$ ', 'LANG=C.UTF-8', 'sh');
  });
  afterAll(() => {
    if (hasTmux) spawnSync('tmux', ['-L', session, 'kill-server']);
  });

  it('starts, computes a subnet, steps a TCP scenario, quits with q and restores the terminal', async () => {
    await waitFor(/^\$/m);
    typeText('node bin/netkata.js; echo "EXIT=$?"');
    send('Enter');
    const home = await waitFor('Calculators');
    expect(home).toContain('TCP simulator');
    expect(home).toContain('q quit');
    expect(tmux('display', '-p', '-t', session, '#{alternate_on}').trim()).toBe('1');

    send('Enter'); // Calculators, subnet first
    await waitFor('> subnet');
    typeText('192.168.12.87/24');
    const calc = await waitFor(/broadcast\s+192\.168\.12\.255/);
    // Python: ipaddress.ip_network('192.168.12.87/24', strict=False) -> 192.168.12.0, broadcast .255
    expect(calc).toMatch(/network\s+192\.168\.12\.0/);
    expect(calc).toMatch(/address\s+11000000\.10101000\.00001100\|01010111/);

    send('Escape');
    await waitFor('> 1 Calculators');
    send('Down');
    await waitFor('> 2 TCP simulator');
    send('Enter');
    await waitFor('Choose a scenario');
    // The picker lists scenarios/tcp/*.yaml by file name; move one row at a time, waiting for each.
    const names = readdirSync(join(root, 'scenarios', 'tcp')).filter((f) => f.endsWith('.yaml')).sort().map((f) => f.slice(0, -5));
    for (let i = 1; i <= names.indexOf('handshake'); i++) {
      send('Down');
      await waitFor(`> ${names[i]!} `);
    }
    send('Enter');
    // Not the title alone: the picker shows it too, as the handshake row's description, so that would
    // match before Enter is handled and the first Right would reach the picker (seen under load).
    await waitFor(/step 0\/\d+ .*The three-way handshake/);
    for (let i = 1; i <= 6; i++) {
      send('Right');
      await waitFor(`step ${i}/`);
    }
    const tcp = capture();
    expect(tcp).toMatch(/SYN seq=1000/);
    expect(tcp).toMatch(/ESTABLISHED\s+● ●/);

    send('q');
    const after = await waitFor(/EXIT=\d+/);
    expect(after).toContain('EXIT=0');
    expect(after).toMatch(/EXIT=0\n\$/); // the shell prompt is back (capture-pane trims the trailing space)
    expect(tmux('display', '-p', '-t', session, '#{alternate_on} #{cursor_flag}').trim()).toBe('0 1'); // main screen, cursor shown
    // Raw mode is off again: the line discipline echoes typed text.
    typeText('echo restored');
    send('Enter');
    await waitFor(/^restored$/m);
  });

  it('a scenario\'s ask step is asked in the simulator and graded (abort: RST leaves no TIME_WAIT)', async () => {
    await waitFor(/^\$/m);
    typeText('node bin/netkata.js');
    send('Enter');
    await waitFor('Calculators');
    send('Down');
    await waitFor('> 2 TCP simulator');
    send('Enter');
    await waitFor('Choose a scenario');
    // abort is the first scenario by name.
    await waitFor('> abort ');
    send('Enter');
    await waitFor(/step 0\/\d+/);
    // Step until the question shows (its prompt is in scenarios/tcp/abort.yaml); Right steps one at a time.
    for (let i = 0; i < 20 && !capture().includes('? After an abort, which side is in TIME_WAIT?'); i++) {
      const before = capture();
      send('Right');
      for (let k = 0; k < 40 && capture() === before; k++) await new Promise((r) => setTimeout(r, 50));
    }
    await waitFor('? After an abort, which side is in TIME_WAIT?');
    // RFC 9293 3.10.5 / 3.10.7.4: a RST ends the connection on both sides at once: neither is in TIME_WAIT.
    typeText('neither');
    send('Enter');
    await waitFor('✓ correct');
    send('q');
  });

  it('several control keys in one send-keys act once each: BSpace x3, C-h x3, Home DC x2, Tab Tab', async () => {
    await waitFor(/^\$/m);
    typeText('node bin/netkata.js');
    send('Enter');
    await waitFor('Calculators');
    send('Enter');
    await waitFor('> subnet');
    typeText('192.168.1.200/24');
    await waitFor(/broadcast\s+192\.168\.1\.255/);
    send('BSpace', 'BSpace', 'BSpace'); // one write to the terminal: one read for the app
    await waitFor(/> subnet\s+192\.168\.1\.200 *$/m);
    send('C-h', 'C-h', 'C-h');
    await waitFor(/> subnet\s+192\.168\.1\. *$/m);
    // DC is the Delete key (CSI 3 ~): it deletes the character under the cursor, where BSpace (DEL)
    // deletes the one before it; ink names both `delete`.
    send('Home', 'DC', 'DC');
    await waitFor(/> subnet\s+2\.168\.1\. *$/m);
    send('Tab', 'Tab'); // subnet -> same segment -> classify
    await waitFor('> classify');
    send('C-c');
  });

  it('practice: an answer and Enter in one send-keys submit the answer (25 Enter)', async () => {
    await waitFor(/^\$/m);
    typeText('node bin/netkata.js');
    send('Enter');
    await waitFor('Calculators');
    send('Down', 'Down', 'Down'); // calc, tcp, lab, practice
    send('Enter');
    await waitFor('Practice: pick a topic');
    send('Down'); // the first topic after "all"
    send('Enter');
    await waitFor(/^\[1\/\d+\]/m);
    send('25', 'Enter'); // one write to the terminal: one read for the app
    // Graded (✓/✗ with the working) or asked again as unreadable: either way submitted, not typed.
    await waitFor(/✓|✗|could not read/);
    send('C-c');
  });

  it('socket lab, concurrent at 80x24: the frame fits, the title stays, no rows of older frames', async () => {
    await waitFor(/^\$/m);
    typeText('node bin/netkata.js');
    send('Enter');
    await waitFor('> 1 Calculators');
    send('Down', 'Down');
    await waitFor('> 3 Socket lab');
    send('Enter');
    await waitFor('> handshake');
    send('Up'); // wraps to the last experiment (io-models), then one up
    await waitFor('> io-models');
    send('Up');
    await waitFor('> concurrent');
    send('Enter');
    const done = await waitFor(/expectations: ok|Result/, 30_000);
    const lines = done.split('\n');
    expect(lines.some((l) => l.includes('concurrent: '))).toBe(true); // the title is still on screen
    expect(done).toMatch(/rows 1-\d+ of \d+/);
    expect(done).toContain('clients: 10');
    expect(done).not.toMatch(/gone from the table\S/); // no leftovers of a longer row
    send('PageDown', 'PageDown', 'PageDown', 'PageDown', 'PageDown', 'PageDown');
    const end = await waitFor(/gone from the table/);
    expect(end.split('\n').some((l) => l.includes('concurrent: '))).toBe(true);
    expect(end).not.toMatch(/gone from the table\S/);
    send('C-c');
  });

  it('in Chinese (LANG=zh_CN.UTF-8): home menu, a calculator and a lab run show Chinese and no English UI labels', async () => {
    // English labels of the app (src/i18n/en): none may show in zh mode. RFC state names, protocol
    // names, socket names and data (addresses) are not labels.
    const english = /Calculators|Socket lab|Practice|Concepts|\bquit\b|\bback\b|\bhelp\b|broadcast|netmask|Result|expectations|conformance|Sequences|Kernel states|\brows\b|observations|\b[a-z]{3,} [a-z]{3,}\b/;
    const wide = (l: string): number => [...l].reduce((n, c) => n + (/[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);
    const check = (screen: string): void => {
      // the command the lab screen points to (netkata verify ...) stays as a reader types it
      expect(screen.replace(/netkata verify .*$/m, '')).not.toMatch(english);
      for (const l of screen.split('\n')) expect(wide(l), l).toBeLessThanOrEqual(80);
    };
    await waitFor(/^\$/m);
    typeText('clear; LANG=zh_CN.UTF-8 node bin/netkata.js');
    send('Enter');
    const home = await waitFor('> 1 计算器');
    expect(home).toContain('套接字实验');
    expect(home).toContain('q 退出');
    check(home.replace(/^\$ .*$/m, '')); // the command line typed at the prompt is not the app's

    send('Enter');
    await waitFor('> 子网');
    typeText('172.16.5.130/26');
    // Python: ipaddress.ip_network('172.16.5.130/26', strict=False) -> 172.16.5.128, broadcast .191
    const calc = await waitFor(/广播地址\s+172\.16\.5\.191/);
    expect(calc).toMatch(/网络地址\s+172\.16\.5\.128/);
    check(calc);

    send('Escape');
    await waitFor('> 1 计算器');
    send('Down', 'Down');
    await waitFor('> 3 套接字实验');
    send('Enter');
    const menu = await waitFor('> handshake');
    expect(menu).toMatch(/sticky +粘包/);
    check(menu);
    for (let i = 1; i <= 8; i++) send('Down'); // sticky is the ninth experiment
    await waitFor('> sticky');
    send('Enter');
    const done = await waitFor(/预期：通过/, 30_000);
    expect(done.split('\n').some((l) => l.includes('粘包：TCP 保留字节，不保留消息边界（sticky）'))).toBe(true); // the screen's title
    expect(done).toContain('结果');
    expect(done).toContain('数据完整：是'); // TCP delivers the bytes in order (RFC 9293 3.1)
    check(done);
    send('C-c');
  });

  it('honours NO_COLOR (no colour escapes in the pane) and colours without it', async () => {
    await waitFor(/^\$/m);
    const run = async (env: string): Promise<string> => {
      typeText(`clear; ${env} node bin/netkata.js --lang zh`);
      send('Enter');
      await waitFor('计算器');
      send('Enter');
      await waitFor('> 子网');
      typeText('10.1.2.3/8');
      await waitFor(/广播地址\s+10\.255\.255\.255/);
      const escaped = tmux('capture-pane', '-p', '-e', '-t', session);
      send('C-c');
      await waitFor(/^\$\s*$/m);
      return escaped;
    };
    const plain = await run('NO_COLOR=1');
    expect(plain).not.toMatch(/\u001b\[(3[0-7]|9[0-7]|38;)/);
    const coloured = await run('FORCE_COLOR=1');
    expect(coloured).toMatch(/\u001b\[(3[0-7]|9[0-7]|38;)/);
  });
});
