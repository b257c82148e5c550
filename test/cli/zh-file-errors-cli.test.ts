/**
 * The CLI end of issue 13's last English errors (the reasons themselves are checked in process by
 * test/scenario/zh-file-errors.test.ts): bin/netkata.js under LANG=C.UTF-8 and LANG=zh_CN.UTF-8 prints a
 * bad scenario file's YAML error, verify's missing probe, a program verify cannot start (exit 3, the
 * program named once), replay's bad --host (it was an internal error, exit 70) and a command group's
 * subcommand list as one line; the Chinese line holds none of the English catalogue's text for it.
 * Needs `npm run build` (npm test does).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { runOf, runPool, type Job, type Run } from '../helpers/spawn-pool.js';
import { zhFindings } from '../practice/zh-text.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'netkata.js');
const dir = mkdtempSync(join(tmpdir(), 'netkata-zh-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dup = join(dir, 'dup.yaml');
writeFileSync(dup, 'name: a\nname: b\nsteps: []\n');
const HAN = /[\u3400-\u9fff]/;
const en = messages('en').errors;
const zh = messages('zh').errors;

function job(args: readonly string[], locale: string): Job {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', NETKATA_DEBUG: '', LANG: locale };
  delete env['LC_ALL'];
  delete env['LC_MESSAGES'];
  return { key: JSON.stringify([args, locale]), file: process.execPath, args: [bin, ...args], cwd: dir, env, input: '' };
}

/**
 * [args, exit code, the English line (null: pinned elsewhere, test/scenario/zh-file-errors.test.ts and
 * test/verify/cli.test.ts, so not spawned again here), English text the zh line must not hold, what it must hold].
 */
const CASES: readonly (readonly [readonly string[], number, string | null, readonly string[], readonly string[]])[] = [
  [['tcp', 'run', dup], 2, null, ['Map keys must be unique'], [`${dup}:2:1：`]],
  [['verify'], 2, null, [en.verifyWhichProbe], [`verify：${zh.verifyWhichProbe}`]],
  [['verify', '--probe', 'echo', '--', '/nonexistent-prog'], 3, 'netkata: /nonexistent-prog: no such program', [en.programMissing], [`/nonexistent-prog：${zh.programMissing}`]],
  [['tcp', 'replay', dup, '--host', '1:2:3'], 2, 'netkata: 1:2:3: not an IPv4 or IPv6 address', [en.replayHost], [`1:2:3：${zh.replayHost}`]],
  [['tcp'], 2, null, ['which one', 'run, replay'], ['run、replay、list、states']],
];

let runs = new Map<string, Run>();
beforeAll(async () => {
  runs = await runPool(CASES.flatMap(([args, , enLine]) => [...(enLine === null ? [] : [job(args, 'C.UTF-8')]), job(args, 'zh_CN.UTF-8')]));
}, 60_000);

describe('errors of files and of verify, replay and command groups under zh', () => {
  it.each(CASES.map(([args, ...rest]) => [args.join(' '), args, ...rest] as const))('netkata %s', (_, args, code, enLine, english, held) => {
    if (enLine !== null) expect(runOf(runs, job(args, 'C.UTF-8'))).toEqual({ code, stdout: '', stderr: `${enLine}\n` });
    const z = runOf(runs, job(args, 'zh_CN.UTF-8'));
    expect(z.code).toBe(code);
    expect(z.stdout).toBe('');
    expect(z.stderr).toMatch(/^netkata: [^\n]+\n$/);
    expect(HAN.test(z.stderr)).toBe(true);
    for (const t of english) expect(z.stderr).not.toContain(t);
    for (const t of held) expect(z.stderr).toContain(t);
    expect(z.stderr.split('/nonexistent-prog').length).toBeLessThanOrEqual(2); // the program named once
    const line = z.stderr.trimEnd();
    expect(zhFindings(line.slice(line.search(HAN)))).toEqual([]);
  });
});
