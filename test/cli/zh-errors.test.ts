/**
 * The one-line errors in Chinese (issue 13, BRIEF: `netkata: <input>: <what is wrong>`, exit 2): under
 * LANG=zh_CN.UTF-8 and under --lang zh every bad input a user commonly types (addresses, masks,
 * prefixes, ports, MACs, a split, an unknown command or option, a missing argument, a bad --lang, an
 * unreadable file, practice's --seed and --count) is still one line on stderr with exit 2, now in
 * Chinese, naming the same input and the same numbers as the English line, and set with full-width
 * punctuation (test/practice/zh-text.ts). Needs `npm run build` (npm test does).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionRunPicker, runOf, runPool, type Job, type Run } from '../helpers/spawn-pool.js';
import { zhFindings } from '../practice/zh-text.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'netkata.js');
const dir = mkdtempSync(join(tmpdir(), 'netkata-zh-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function job(args: readonly string[], locale: string): Job {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', NETKATA_DEBUG: '', LANG: locale, XDG_DATA_HOME: dir, HOME: dir };
  delete env['LC_ALL'];
  delete env['LC_MESSAGES'];
  return { key: JSON.stringify([args, locale]), file: process.execPath, args: [bin, ...args], cwd: root, env, input: '' };
}

// Every run the cases below make, started a few at a time before them (test/helpers/spawn-pool.ts).
let runs = new Map<string, Run>();
const planned: Job[] = [];

function netkata(args: readonly string[], locale: string): Run {
  const j = job(args, locale);
  return runOf(runs, j);
}

const HAN = /[\u3400-\u9fff]/;

const byOption = optionRunPicker();
const numbers = (s: string): string[] => (s.match(/\d+/g) ?? []).sort();

const BAD: readonly (readonly string[])[] = [
  ['subnet', '010.0.0.1'],
  ['subnet', '1.2.3'],
  ['subnet', '10.0.0.256/8'],
  ['subnet', '1.2.3.4/33'],
  ['subnet', '1.2.3.4', '255.0.255.0'],
  ['subnet', '1.2.3.4', '0.0.0.255'],
  ['subnet', '1:2:3:4:5:6:7:8:9'],
  ['subnet', '::ffff:1.2.3.256'],
  ['subnet', '１９２.１６８.１.１'],
  ['subnet'],
  ['subnet', '1.2.3.4', '1.2.3.4', '1.2.3.4'],
  ['classify', '10.0.0.0/8'],
  ['ip', '--from-binary', '012'],
  ['port', '70000'],
  ['port', 'nosuchservice'],
  ['mac', '00:11:22:33:44'],
  ['mac', '0011.2233.44gg'],
  ['range', '10.0.0.9', '10.0.0.1'],
  ['split', '10.0.0.0/24', '--prefix', '8'],
  ['split', '10.0.0.0/24', '--hosts', '1,,2'],
  ['split', '10.0.0.0/24'],
  ['same-segment', '1.1.1.1', '1.1.1.2'],
  ['same-segment', '1.2.3.4'],
  ['subent', '1.2.3.4'],
  ['tcp', 'foo'],
  ['subnet', '1.2.3.4', '--jsn'],
  ['split', '10.0.0.0/8', '--prefix'],
  ['aggregate', join(dir, 'no-such-list.txt')],
  ['exam', '--seed', 'x'],
  ['practice', '--count', '0'],
];

describe('zh one-line errors', () => {
  beforeAll(async () => {
    for (const args of BAD) planned.push(job(args, 'C'), job(args, 'zh_CN.UTF-8'), ...(byOption(args) ? [job(['--lang', 'zh', ...args], 'C')] : []));
    runs = await runPool(planned);
  }, 120_000);
  it.each(BAD)('%j', (...args) => {
    const en = netkata(args, 'C');
    const zh = netkata(args, 'zh_CN.UTF-8');
    if (byOption(args)) expect(netkata(['--lang', 'zh', ...args], 'C')).toEqual(zh);
    for (const r of [en, zh]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^netkata: [^\n]+\n$/);
      expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
    }
    expect(HAN.test(en.stderr)).toBe(false);
    expect(HAN.test(zh.stderr)).toBe(true);
    const line = zh.stderr.slice('netkata: '.length).trim();
    expect(zhFindings(line).map((f) => `${f.rule} at "${f.at}"`)).toEqual([]);
    // The same input before the message (`<input>: ` in English, `<input>：` in Chinese), and every number
    // of the English line (a count, an octet, a prefix, a bit string) in the Chinese one. (Chinese may say
    // more: `所有的 1 必须在前` for "the one bits must all come first".)
    const enInput = /^netkata: (.+?): /.exec(en.stderr)?.[1];
    const zhInput = /^netkata: (.+?)：/.exec(zh.stderr)?.[1];
    if (enInput !== undefined && zhInput !== undefined && !HAN.test(zhInput)) expect(zhInput).toBe(enInput);
    const left = numbers(zh.stderr);
    for (const n of numbers(en.stderr)) {
      expect(left, `${n} of the English line`).toContain(n);
      left.splice(left.indexOf(n), 1);
    }
  });

  it('a bad --lang is one line in the locale\'s language, exit 2', () => {
    const en = netkata(['--lang', 'xx', 'subnet', '1.2.3.4'], 'C');
    const zh = netkata(['--lang', 'xx', 'subnet', '1.2.3.4'], 'zh_CN.UTF-8');
    expect(en).toMatchObject({ code: 2, stdout: '', stderr: 'netkata: --lang xx: unknown language (use en or zh)\n' });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/^netkata: --lang xx：[^\n]*[\u3400-\u9fff][^\n]*\n$/);
  });
});
