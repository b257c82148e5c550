/**
 * The library entry (package.json "exports" -> dist/bundle/api.js): the example test of docs/verify.md
 * runs with node --test, importing 'netkata' as a user's suite would (through node_modules), against the
 * test servers: it passes for the correct one, and fails for the server that never closes its side
 * (the same file, so the example asserts something). And verifyProgram from the sources: a report, not
 * an exception, for a failing program; ProgramStartError for one that exits before listening. The
 * watchSockets example runs the same way; the states it waits for are the kernel's (RFC 9293 3.6: the
 * side that closes first ends in TIME_WAIT, the other passes CLOSE_WAIT), each a transition it must see.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasProcNet } from '../../src/lab/procnet.js';
import { Poller } from '../../src/lab/poller.js';
import { skipTitle } from '../helpers/skip-title.js';
import { fencedBlocks } from '../helpers/markdown.js';

const root = new URL('../..', import.meta.url).pathname;
const doc = readFileSync(join(root, 'docs', 'verify.md'), 'utf8');
const example = fencedBlocks(doc, 'js').find((b) => b.info.split(' ').includes('example'));
const watchExample = fencedBlocks(doc, 'js').find((b) => b.info.split(' ').includes('example-watch'));
const dir = mkdtempSync(join(tmpdir(), 'netkata-api-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Poller.closeAll();
});

/** The example in a directory of its own, with `netkata` in its node_modules and `server.py` a wrapper that runs echo.py in `mode`. */
function suite(mode: string): string {
  const d = join(dir, mode);
  mkdirSync(join(d, 'node_modules'), { recursive: true });
  symlinkSync(root, join(d, 'node_modules', 'netkata'));
  copyFileSync(join(root, 'test', 'verify', 'programs', 'echo.py'), join(d, 'echo.py'));
  writeFileSync(join(d, 'server.py'), `import runpy, sys\nsys.argv = ["echo.py", sys.argv[1], ${JSON.stringify(mode)}]\nrunpy.run_path("echo.py", run_name="__main__")\n`);
  writeFileSync(join(d, 'server.test.mjs'), example!.body);
  return d;
}

const skip = !hasProcNet();
describe.skipIf(skip)(skipTitle('the library example of docs/verify.md', skip, 'no /proc/net/tcp'), () => {
  it('is in the doc', () => {
    expect(example?.body).toContain("from 'netkata'");
    expect(watchExample?.body).toContain("import { watchSockets } from 'netkata'");
  });

  it('passes against the correct server, and fails against the one that never closes', async () => {
    const run = (mode: string) =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
        const cwd = suite(mode);
        execFile(process.execPath, ['--test', 'server.test.mjs'], { cwd, encoding: 'utf8', timeout: 180_000 }, (e, stdout, stderr) => resolve({ status: e ? Number(e.code ?? -1) : 0, stdout, stderr }));
      });
    // The watchSockets example: its own sockets, no server program.
    const runWatch = () =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
        const d = join(dir, 'watch');
        mkdirSync(join(d, 'node_modules'), { recursive: true });
        symlinkSync(root, join(d, 'node_modules', 'netkata'));
        writeFileSync(join(d, 'close.test.mjs'), watchExample!.body);
        execFile(process.execPath, ['--test', 'close.test.mjs'], { cwd: d, encoding: 'utf8', timeout: 20_000 }, (e, stdout, stderr) => resolve({ status: e ? Number(e.code ?? -1) : 0, stdout, stderr }));
      });
    // Side by side: each suite is a process with its own poll thread.
    const [good, bad, watched] = await Promise.all([run('echo'), run('never-closes'), runWatch()]);
    // watchSockets saw the client's TIME_WAIT and the server's CLOSE_WAIT (asserted in the example itself).
    expect(watched.status, watched.stdout + watched.stderr).toBe(0);
    expect(watched.stdout).toMatch(/# pass 1\n/);
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/# pass 1\n/);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/# fail 1\n/);
    expect(bad.stdout).toContain('FAIL no-close-wait');
  }, 200_000);
});

describe.skipIf(skip)(skipTitle('verifyProgram from the sources', skip, 'no /proc/net/tcp'), () => {
  it('returns a failing report (not an exception) and throws ProgramStartError for a program that exits at once', async () => {
    const { verifyProgram, ProgramStartError } = await import('../../src/verify/api.js');
    const echo = join(root, 'test', 'verify', 'programs', 'echo.mjs');
    const report = await verifyProgram({ probe: 'framing', command: [process.execPath, echo, '{port}', 'unframed'], startTimeoutMs: 60_000 });
    expect(report.ok).toBe(false);
    expect(report.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['coalesced-frames', 'split-frame']);
    await expect(verifyProgram({ probe: 'echo', command: [process.execPath, '-e', 'process.exit(0)'], startTimeoutMs: 60_000 })).rejects.toBeInstanceOf(ProgramStartError);
  }, 120_000);

  // A poll every 250 ms misses whole connections: close-behaviour's first one (connect, echo, close) lives
  // a few ms, and its server end, the passive closer, leaves no TIME_WAIT behind (RFC 9293 3.6: CLOSE_WAIT,
  // LAST_ACK, CLOSED). A closing loop's loaded run once missed it so at 2 ms, and failed the correct
  // server. Each connect now waits for a poll that began after it: the server end is seen ESTABLISHED, the
  // states it then passed are inferred, and the server that never closes still fails (its CLOSE_WAIT stays).
  it('with a poll every 250 ms: close-behaviour passes the echo server (its close path inferred) and still fails the one that never closes', async () => {
    const { verifyProgram } = await import('../../src/verify/api.js');
    const echo = join(root, 'test', 'verify', 'programs', 'echo.py');
    const good = await verifyProgram({ probe: 'close-behaviour', command: ['python3', echo, '{port}', 'echo'], startTimeoutMs: 60_000, periodMs: 250 });
    const closes = good.checks.find((c) => c.name === 'server-closes')!;
    expect(closes.ok, JSON.stringify(closes)).toBe(true);
    expect(closes.sockets[0]!.path.map((p) => p.state)).toEqual(['LISTEN', 'SYN_RECEIVED', 'ESTABLISHED', 'CLOSE_WAIT', 'LAST_ACK', 'CLOSED']);
    expect(closes.sockets[0]!.path.find((p) => p.state === 'ESTABLISHED')!.observed).toBe(true);
    expect(good.ok, JSON.stringify(good.checks.filter((c) => !c.ok))).toBe(true);
    const bad = await verifyProgram({ probe: 'close-behaviour', command: ['python3', echo, '{port}', 'never-closes'], startTimeoutMs: 60_000, periodMs: 250 });
    expect(bad.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['server-closes', 'no-close-wait']);
  }, 120_000);

  // A server that resets each connection as soon as it accepts it (SO_LINGER 0, then close: RFC 9293's
  // ABORT, a RST): the client hears ECONNRESET and its socket closes within a millisecond. A connect waits
  // for a poll (250 ms here) before it returns; the probe's listeners must already be on by then, or the
  // reset and the close go unheard and `read ... eof` waits out its 2 s for an end that came long before.
  it('with a poll every 250 ms: a reset that comes while a connect waits for its poll is heard', async () => {
    const { verifyProgram } = await import('../../src/verify/api.js');
    const dir = mkdtempSync(join(tmpdir(), 'netkata-verify-reset-'));
    try {
      const probe = join(dir, 'ends.yaml');
      writeFileSync(probe, 'name: ends\ntitle: the server ends the connection\ntimeout: 10000\nsteps:\n  - connect: c1\n  - read: { client: c1, eof: true, within: 2000, name: ends }\n');
      const server = "const net = require('node:net'); net.createServer((c) => c.resetAndDestroy()).listen(Number(process.argv[1]), '127.0.0.1');";
      const r = await verifyProgram({ probe, command: [process.execPath, '-e', server, '{port}'], startTimeoutMs: 30_000, periodMs: 250 });
      // Whichever Node saw first, the handshake's completion or the reset (both in one turn of its loop
      // make connect(2) itself report ECONNRESET), the verdict is the same: the connection ended at once.
      const ends = r.checks.find((c) => c.name === 'ends');
      expect(ends?.ok, JSON.stringify(r.checks)).toBe(true);
      expect((ends!.detail as { ms: number }).ms, JSON.stringify(ends)).toBeLessThan(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  // A program that accepts and never answers: the probe's own bound (timeout: 2000) ends the run while
  // its second step waits (within 20000) for a reply. The report says which step it stopped in, in JSON
  // and in text, so the user knows where their program hung.
  it('a run that times out names the step it stopped in', async () => {
    const { verifyProgram } = await import('../../src/verify/api.js');
    const { formatVerifyReport } = await import('../../src/verify/format.js');
    const d = mkdtempSync(join(tmpdir(), 'netkata-verify-timeout-'));
    try {
      const probe = join(d, 'silent.yaml');
      writeFileSync(probe, 'name: silent\ntitle: the server answers\ntimeout: 2000\nsteps:\n  - connect: c1\n  - read: { client: c1, text: "hi", within: 20000 }\n');
      const server = "require('node:net').createServer(() => undefined).listen(Number(process.argv[1]), '127.0.0.1');";
      const r = await verifyProgram({ probe, command: [process.execPath, '-e', server, '{port}'], startTimeoutMs: 30_000 });
      expect(r.ok).toBe(false);
      expect(r.error).toMatchObject({ kind: 'timeout', step: 1, verb: 'read' });
      const text = formatVerifyReport(r, { lang: 'en', color: false });
      expect(text).toContain('the run timed out after 2000 ms, during step 2 (read)');
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  }, 60_000);
});

describe.skipIf(skip)(skipTitle('watchSockets from the sources', skip, 'no /proc/net/tcp'), () => {
  it('iterates the transitions of a connection as the kernel shows them, until stop(), and refuses a bad port in one line', async () => {
    const { watchSockets } = await import('../../src/verify/api.js');
    const net = await import('node:net');
    expect(() => watchSockets({ port: 70000 })).toThrow('port must be a whole number from 1 to 65535');
    const server = net.createServer({ allowHalfOpen: true }, (s) => s.on('end', () => s.end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const watch = watchSockets({ port, intervalMs: 2 });
    const seen: string[] = [];
    const iterated = (async () => {
      for await (const t of watch) seen.push(`${t.local} ${t.from ?? 'new'}->${t.to}`);
    })();
    const client = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => client.once('connect', resolve));
    const me = `127.0.0.1:${client.localPort}`;
    client.end();
    // RFC 9293 3.6: our FIN first, the server's after it: this end ends in TIME_WAIT.
    await watch.waitFor((t) => t.local === me && t.to === 'TIME_WAIT', 5000);
    const summary = watch.stop();
    await iterated; // the iterator ends with stop()
    expect(seen).toContain(`127.0.0.1:${port} new->LISTEN`);
    expect(seen.filter((s) => s.startsWith(`${me} `)).at(-1)).toMatch(/->TIME_WAIT$/);
    expect(summary.transitions.length).toBe(seen.length);
    expect(summary.conformance.ok).toBe(true);
    await new Promise((resolve) => server.close(resolve));
  });
});
