// The `tcp run` start-up shortcut (src/cli/commands/tcp-direct.ts) must print exactly what the commander
// program prints for what it takes, and hand everything else back. The full program here is the bundle's
// main.js run() (the path bin/netkata.js takes when no shortcut answers), the shortcut its tsc output: both
// real processes.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript, writeFullProgram, type Ran } from '../helpers/full-program.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'netkata-tcp-direct-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const direct = join(dir, 'direct.mjs');
writeFileSync(direct, `import { runTcpDirect } from ${JSON.stringify(pathToFileURL(join(root, 'dist/cli/commands/tcp-direct.js')).href)};
const code = await runTcpDirect(process.argv.slice(2));
process.stdout.write(code === undefined ? 'FALLBACK' : '');
if (code !== undefined) process.exitCode = code;
`);
const full = writeFullProgram(dir);
const bin = join(root, 'bin', 'netkata.js');
const userFile = join(dir, 'mine.yaml');
cpSync(join(root, 'scenarios', 'tcp', 'handshake.yaml'), userFile);

const run = (file: string, args: string[], cwd = root, env: NodeJS.ProcessEnv = {}): Ran => runScript(file, args, { cwd, env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'C', ...env } });

describe('tcp run: the shortcut and the full program', () => {
  it.each([
    [['tcp', 'run', 'handshake']],
    [['tcp', 'run', 'handshake', '--json']],
    [['tcp', 'run', 'simultaneous-close', '--profile', 'linux']],
    [['tcp', 'run', '--profile=linux', 'lost-syn']],
    [['tcp', 'run', 'normal-close', '--lang', 'zh']],
    [['tcp', 'run', 'time-wait-new-syn', '--lang=en', '--json']],
  ])('%j: the shortcut takes it, with the same stdout, stderr and exit code', (args) => {
    const mine = run(direct, args);
    expect(mine.stdout.startsWith('FALLBACK')).toBe(false);
    expect(mine).toEqual(run(full, args));
    expect(mine.code).toBe(0);
    expect(mine.stdout.length).toBeGreaterThan(100);
  });

  it('under a zh locale too', () => {
    const env = { LANG: 'zh_CN.UTF-8' };
    const mine = run(direct, ['tcp', 'run', 'handshake'], root, env);
    expect(mine).toEqual(run(full, ['tcp', 'run', 'handshake'], root, env));
    expect(mine.stdout).toMatch(/[\u3400-\u9fff]/);
  });

  it.each([
    [['tcp', 'run', 'handshake', '--pcap', join(dir, 'x.pcapng')]],
    [['tcp', 'run', 'handshake', '--help']],
    [['tcp', 'run', userFile]],
    [['tcp', 'run', 'textbook-reno']], // a window scenario
    [['tcp', 'run', 'no-such-scenario']],
    [['tcp', 'run', 'handshake', '--profile', 'bsd']],
    [['tcp', 'run', 'handshake', '--lang', 'fr']],
    [['tcp', 'run', 'handshake', 'normal-close']],
    [['tcp', 'run']],
    [['tcp', 'list']],
    [['--lang', 'zh', 'tcp', 'run', 'handshake']],
  ])('%j goes to the full program', (args) => {
    expect(run(direct, args).stdout).toBe('FALLBACK');
  });

  it.each([
    [['--lang', 'zh', 'tcp', 'run', 'handshake']],
    [['--lang=en', 'tcp', 'run', 'lost-syn', '--json']],
    [['--lang', 'zh', 'tcp', 'run', 'handshake', '--lang', 'en']],
    [['--lang', 'zh', 'exam', '--seed', '3', '--count', '4']],
    [['--lang', 'zh', 'lab', 'list']],
    [['--lang', 'xx', 'tcp', 'run', 'handshake']],
  ])('bin with a leading program option %j prints what the full program prints', (args) => {
    expect(run(bin, args)).toEqual(run(full, args));
  });

  it('a file named like a built-in scenario in the working directory is the user\'s file: the full program', () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    cpSync(userFile, join(cwd, 'handshake'));
    expect(run(direct, ['tcp', 'run', 'handshake'], cwd).stdout).toBe('FALLBACK');
  });
});
