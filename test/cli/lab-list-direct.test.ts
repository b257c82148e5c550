// The `lab list` start-up shortcut (src/cli/commands/lab-list-direct.ts) against the full program (the
// bundle's main.js run(), what bin/netkata.js runs when no shortcut answers): the same output for what it
// takes, and everything else handed back. Real processes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript, writeFullProgram, type Ran } from '../helpers/full-program.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'netkata-lab-list-direct-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The shortcut as it ships (the tsc output would read its list from the sources' registry instead).
const direct = join(dir, 'direct.cjs');
writeFileSync(direct, `const code = require(${JSON.stringify(join(root, 'dist/bundle/lab-list-direct.cjs'))}).runLabListDirect(process.argv.slice(2));
process.stdout.write(code === undefined ? 'FALLBACK' : '');
if (code !== undefined) process.exitCode = code;
`);
const full = writeFullProgram(dir);
const bin = join(root, 'bin', 'netkata.js');
const run = (file: string, args: string[], env: NodeJS.ProcessEnv = {}): Ran => runScript(file, args, { env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'C', ...env } });

describe('lab list: the shortcut and the full program', () => {
  it.each([[['lab', 'list']], [['lab', 'list', '--json']]])('%j: the same stdout, stderr and exit code', (args) => {
    const mine = run(direct, args);
    expect(mine.stdout.startsWith('FALLBACK')).toBe(false);
    expect(mine).toEqual(run(full, args));
    expect(run(bin, args)).toEqual(mine);
    expect(mine.stdout).toMatch(args.includes("--json") ? /"name": "handshake"/ : /^handshake {4}/m);
  });

  it.each([
    [['lab', 'list', '--help'], {}],
    [['lab', 'list', '--json', '--json'], {}],
    [['lab', 'list', 'x'], {}],
    [['lab', 'list', '--lang', 'zh'], {}],
    [['lab', 'list'], { LANG: 'zh_CN.UTF-8' }],
    [['lab', 'handshake'], {}],
  ] as [string[], NodeJS.ProcessEnv][])('%j %j goes to the full program', (args, env) => {
    expect(run(direct, args, env).stdout).toBe('FALLBACK');
  });
});
