/**
 * When this machine cannot run a command (exit 3), the one line says why in the chosen language: a kernel
 * without /proc/net/tcp (NETKATA_PROC_NET pointed at a directory without it), `--capture` without
 * dumpcap and io-models without python3 (PATH holding node alone), stdin that is a directory. The English
 * line is checked word for word; the Chinese one has the same exit code and values, Chinese words, and
 * no English words but program names and the options the user typed.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { zhFindings } from '../practice/zh-text.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'netkata.js');
const dir = mkdtempSync(join(tmpdir(), 'netkata-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const onlyNode = join(dir, 'bin');
mkdirSync(onlyNode);
symlinkSync(process.execPath, join(onlyNode, 'node'));

function run(args: string[], lang: string, env: NodeJS.ProcessEnv = {}): { code: number | null; stderr: string } {
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', NETKATA_DEBUG: '', LANG: lang, ...env };
  delete e['LC_ALL'];
  delete e['LC_MESSAGES'];
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: e, input: '' });
  return { code: r.status, stderr: r.stderr };
}

const CASES: readonly { args: string[]; env: NodeJS.ProcessEnv; en: string; keep: readonly string[] }[] = [
  { args: ['lab', 'close'], env: { NETKATA_PROC_NET: join(dir, 'none') }, en: `netkata: the lab reads kernel TCP states from ${join(dir, 'none', 'tcp')}, which this system (linux) does not have; it needs Linux`, keep: ['TCP', 'linux', 'Linux', 'netkata', 'tmp', 'none', 'tcp', 'env'] },
  { args: ['lab', 'close', '--capture'], env: { PATH: onlyNode }, en: "netkata: --capture needs Wireshark's dumpcap (Debian: apt-get install tshark)", keep: ['capture', 'Wireshark', 'dumpcap', 'Debian', 'apt', 'get', 'install', 'tshark', 'netkata'] },
  { args: ['lab', 'io-models'], env: { PATH: onlyNode }, en: "netkata: io-models runs the tutorials' servers in Python: python3 is not installed", keep: ['io', 'models', 'Python', 'python3', 'netkata'] },
];

describe('exit 3 in the chosen language', () => {
  it.each(CASES)('$args', ({ args, env, en, keep }) => {
    const e = run(args, 'C.UTF-8', env);
    expect(e.code).toBe(3);
    expect(e.stderr.trim()).toBe(en);
    const z = run(args, 'zh_CN.UTF-8', env);
    expect(z.code).toBe(3);
    const line = z.stderr.trim();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/[\u3400-\u9fff]/);
    // The same values: every number and path of the English line.
    for (const v of en.match(/\/[\w/.-]+|\d+/g) ?? []) expect(line).toContain(v);
    const english = (line.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((w) => !keep.includes(w) && !dir.includes(w));
    expect(english).toEqual([]);
    expect(zhFindings(line.replace(/^netkata: /, '')).map((f) => f.rule)).toEqual([]);
  });

  it('stdin that cannot be read (a directory): 标准输入', () => {
    const sh = (lang: string) => spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" subnet --stdin < /`], { encoding: 'utf8', env: { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1' } });
    const e = sh('C.UTF-8');
    expect(e.status).toBe(3);
    expect(e.stderr.trim()).toBe('netkata: stdin: is a directory');
    const z = sh('zh_CN.UTF-8');
    expect(z.status).toBe(3);
    expect(z.stderr.trim()).toMatch(/^netkata: 标准输入：[\u3400-\u9fff]+$/);
  });
});
