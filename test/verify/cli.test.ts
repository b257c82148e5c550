/**
 * `netkata verify`'s exit codes and bounds (CLI.md): 2 for bad input (one line, no stack), 3 for a
 * program that cannot start, exits at once or never listens (within the start bound), 130 on Ctrl-C;
 * and on every path, no process of the program's group is left. A program that forks (a shell that
 * starts the server as its child) is followed through its group: the listener is found in the child's
 * descriptors, and the child is killed with the shell.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasProcNet } from '../../src/lab/procnet.js';
import { skipTitle } from '../helpers/skip-title.js';
import type { VerifyReport } from '../../src/verify/run.js';

const bin = new URL('../../bin/netkata.js', import.meta.url).pathname;
const echoPy = new URL('./programs/echo.py', import.meta.url).pathname;
const netkata = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 });
const dir = mkdtempSync(join(tmpdir(), 'netkata-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

describe('netkata verify: bad input is exit 2, one line', () => {
  const cases: [string, string[], RegExp][] = [
    ['no probe', ['verify', '--', 'true'], /^netkata: verify: which probe\? give --probe <name\|file\.yaml>\n$/],
    ['an unknown probe', ['verify', '--probe', 'nope', '--', 'true'], /^netkata: nope: no such probe \(built in: [a-z, -]*close-behaviour[a-z, -]*; or give a \.yaml file\)\n$/],
    ['no program and no port', ['verify', '--probe', 'echo'], /^netkata: verify: give the program to start after --, or --port of one already running\n$/],
    ['both a program and a port', ['verify', '--probe', 'echo', '--port', '9', '--', 'true'], /^netkata: --port 9: give either a program to start or --port, not both\n$/],
    ['a bad port', ['verify', '--probe', 'echo', '--port', '70000'], /^netkata: --port 70000: --port must be a whole number from 1 to 65535\n$/],
    ['a bad timeout', ['verify', '--probe', 'echo', '--timeout', '0', '--', 'true'], /^netkata: --timeout 0: --timeout must be a whole number from 1 to 600000\n$/],
    ['a missing probe file', ['verify', '--probe', join(dir, 'none.yaml'), '--', 'true'], /^netkata: \/.*none\.yaml: no such file\n$/],
  ];
  it.each(cases)('%s', (_what, args, line) => {
    const r = netkata(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(line);
  });

  it('a probe file with an unknown verb names the file, line and verb', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'name: bad\ntitle: bad\nsteps:\n  - connect: c1\n  - jump: c1\n');
    const r = netkata(['verify', '--probe', file, '--', 'true']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`netkata: ${file}:5: steps[1].jump: unknown verb "jump" (one of connect, open, send, read, read-file, shutdown, close, abort, pause, server-states, no-state, accepts, datagrams, accept-client, client-states)\n`);
  });
});

const skip = !hasProcNet();
describe.skipIf(skip)(skipTitle('netkata verify: programs that do not start or never listen are exit 3, within the bound', skip, 'no /proc/net/tcp'), () => {
  it('a program that does not exist', () => {
    const r = netkata(['verify', '--probe', 'echo', '--', join(dir, 'no-such-program')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^netkata: \/.*no-such-program: .*no such program\n$/);
  });

  it('a program that exits at once, with its exit code and the end of its stderr', () => {
    const r = netkata(['verify', '--probe', 'echo', '--', process.execPath, '-e', 'console.error("cannot bind"); process.exit(4)']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^netkata: .*: the program exited with code 4 before listening on port \d+ \(stderr: cannot bind\)\n$/);
  });

  it('a program that never listens is given up after --start-timeout, and killed', () => {
    const pidFile = join(dir, 'never.pid');
    // The shell writes its pid (the group's leader: verify starts it in a group of its own), then waits.
    const r = netkata(['verify', '--probe', 'echo', '--start-timeout', '300', '--', 'sh', '-c', `echo $$ > ${pidFile}; sleep 600`]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^netkata: sh: the program did not listen on port \d+ within 300 ms\n$/);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(alive(-pid)).toBe(false); // the group: the shell and its sleep
  });

  it('a server started by a shell as its child: found through the group, and killed with it', () => {
    // `; :` keeps sh from exec'ing python: python is sh's child and holds the listener.
    const r = netkata(['verify', '--probe', 'echo', '--json', '--start-timeout', '60000', '--', 'sh', '-c', `python3 ${echoPy} "$PORT" echo; :`]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as VerifyReport;
    expect(report.processes.length).toBeGreaterThanOrEqual(2);
    for (const pid of report.processes) expect(alive(pid), `pid ${pid}`).toBe(false);
    expect(alive(-report.pid!)).toBe(false);
  });

  it('Ctrl-C during a run stops it: exit 130, one line, and the program group is gone', async () => {
    const pidFile = join(dir, 'sigint.pid');
    const child = spawn(process.execPath, [bin, 'verify', '--probe', 'close-behaviour', '--start-timeout', '60000', '--', 'sh', '-c', `echo $$ > ${pidFile}; exec python3 ${echoPy} "$PORT" never-closes`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // Interrupt once the program listens: its listener in /proc/net/tcp, owned by the pid it wrote.
    const { readProcNet } = await import('../../src/lab/procnet.js');
    const { socketInodes } = await import('../../src/verify/program.js');
    let pid = 0;
    for (let i = 0; i < 6000; i++) {
      try {
        pid = Number(readFileSync(pidFile, 'utf8'));
      } catch {
        pid = 0;
      }
      const inodes = pid > 0 ? socketInodes([pid]) : new Set<number>();
      if (readProcNet().some((e) => e.state === 'LISTEN' && inodes.has(e.inode))) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(pid).toBeGreaterThan(0);
    const code = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGINT');
    expect(await code).toBe(130);
    expect(stderr).toBe('netkata: verify: interrupted; the program and every client were stopped\n');
    expect(alive(-pid)).toBe(false);
  }, 120_000);
});

describe.skipIf(skip)(skipTitle('netkata verify: the text report in English and Chinese', skip, 'no /proc/net/tcp'), () => {
  it('names the failing checks of a server that never closes, with the kernel states, in both languages', async () => {
    const run = (lang: string) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [bin, '--lang', lang, 'verify', '--probe', 'close-behaviour', '--start-timeout', '60000', '--', 'python3', echoPy, '{port}', 'never-closes'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    const [en, zh] = await Promise.all([run('en'), run('zh')]);
    const { default: stringWidth } = await import('string-width');
    for (const [r, pass, fail] of [[en, 'PASS', 'FAIL'], [zh, '通过', '失败']] as const) {
      expect(r.code, r.stderr).toBe(1);
      const lines = r.stdout.split('\n');
      const verdicts = lines.filter((l) => l.startsWith(`${pass} `) || l.startsWith(`${fail} `)).map((l) => l.split(/ +/).slice(0, 2).join(' '));
      expect(verdicts).toEqual([`${pass} echo`, `${fail} server-closes`, `${pass} echo-before-reset`, `${fail} no-close-wait`, `${pass} accepts-after-reset`, `${pass} conformance`]);
      // The socket left behind, with the state the kernel showed (RFC names in both languages). Its
      // ESTABLISHED lasts from the handshake to the client's FIN: a loaded machine's polls can miss it
      // (a loop run did), and the path then shows it inferred, `[ESTABLISHED]` (an accepted socket is
      // created ESTABLISHED: the inference takes no handshake that skips it while another path fits).
      const after = lines.slice(lines.findIndex((l) => l.startsWith(`${fail} no-close-wait`)));
      expect(after.slice(0, 6).join('\n')).toMatch(/server<-c1: \(LISTEN\) -> \[SYN_RECEIVED\] -> (ESTABLISHED|\[ESTABLISHED\])\s*->\s+CLOSE_WAIT\n/);
      for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    }
    expect(zh.stdout).toMatch(/^验证 close-behaviour：关闭行为/);
    expect(zh.stdout).toMatch(/CLOSE_WAIT 的套接字；仍有：\s*server<-c1/);
    expect(zh.stdout).toMatch(/结论：失败（6 项检查中 2 项未通过）\n$/);
    expect(en.stdout).toMatch(/verdict: FAIL \(2 of 6 checks failed\)\n$/);
    expect(en.stderr).toBe('netkata: verify close-behaviour: checks failed: server-closes, no-close-wait\n');
    // Full-width colon after the probe and 、 between the checks, as in any Chinese line.
    expect(zh.stderr).toBe('netkata: verify close-behaviour：未通过的检查：server-closes、no-close-wait\n');
  }, 120_000);
});

describe.skipIf(skip)(skipTitle('netkata verify --port: a program already running', skip, 'no /proc/net/tcp'), () => {
  it('is tested where it listens, its sockets found through the listener, and left running', async () => {
    const net = await import('node:net');
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const server = spawn('python3', [echoPy, String(port), 'echo'], { stdio: 'ignore' });
    try {
      const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [bin, 'verify', '--probe', 'echo', '--port', String(port), '--start-timeout', '60000', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout) as VerifyReport;
      expect(report.pid).toBeNull();
      expect(report.command).toBeNull();
      // The server's end of c1, on the port it listens on, seen through to the end.
      expect(report.sockets['server<-c1']!.at(-1)).toMatchObject({ state: 'CLOSED', observed: true });
      expect(alive(server.pid!)).toBe(true); // not ours to stop
    } finally {
      server.kill('SIGKILL');
    }
  }, 120_000);
});
