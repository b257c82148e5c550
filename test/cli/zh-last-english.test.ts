/**
 * The last English under zh (issue 13): NAT64 prefix errors (RFC 6052 2.2: lengths 32, 40, 48, 56, 64,
 * 96; bits 64-71 zero), the lab's and tcp's option errors (a --param against its pattern too), an unknown
 * experiment or scenario, a failed lab run's last line (full-width colon after `lab <name>`), split's
 * limit, aggregate's binary input, the practice warnings (an unreadable progress file, found through
 * NETKATA_HOME as src/practice/store.ts reads it) and line mode's "could not read that answer" reason.
 * Each runs bin/netkata.js under LANG=C.UTF-8 and LANG=zh_CN.UTF-8: the English line is the one it has
 * always been; the Chinese one has the same exit code, Chinese words and the very same values (every
 * number, address and name the English line holds), and no English words but the ones the user typed
 * or a command name.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { hasProcNet } from '../../src/lab/procnet.js';
import { runOf, runPool, type Job, type Run } from '../helpers/spawn-pool.js';
import { skipTitle } from '../helpers/skip-title.js';
import { zhFindings } from '../practice/zh-text.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'netkata.js');
const home = mkdtempSync(join(tmpdir(), 'netkata-zh-last-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const HAN = /[\u3400-\u9fff]/;

function job(args: readonly string[], locale: string, input = '', env: NodeJS.ProcessEnv = {}): Job {
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', NETKATA_DEBUG: '', LANG: locale, NETKATA_HOME: join(home, 'none'), ...env };
  delete e['LC_ALL'];
  delete e['LC_MESSAGES'];
  return { key: JSON.stringify([args, locale, input, env]), file: process.execPath, args: [bin, ...args], cwd: root, env: e, input };
}

/** [args, the English line on stderr (exit 2), English words the Chinese line may keep, stdin]. */
const ERRORS: readonly (readonly [readonly string[], string, readonly string[], string?])[] = [
  [['ip', '--nat64', '64:ff9b::/95', '192.0.2.1'], 'netkata: 64:ff9b::/95: RFC 6052 allows prefix lengths 32, 40, 48, 56, 64, 96, not /95', ['RFC']],
  [['ip', '--nat64', 'bogus', '192.0.2.1'], 'netkata: bogus: a NAT64 prefix needs its length, e.g. 64:ff9b::/96', ['bogus', 'NAT']],
  [['ip', '--nat64', '10.0.0.0/8', '192.0.2.1'], 'netkata: 10.0.0.0/8: a NAT64 prefix is an IPv6 prefix', ['NAT', 'IPv']],
  [['ip', '--nat64', '64:ff9b::1.2.3.4/96', '192.0.2.1'], 'netkata: 64:ff9b::1.2.3.4/96: host bits are set; the /96 prefix is 64:ff9b::/96', []],
  [['ip', '--nat64', '2001:db8:0:0:ff00::/96', '192.0.2.1'], 'netkata: 2001:db8:0:0:ff00::/96: bits 64-71 (the u octet) must be zero (RFC 6052 section 2.2)', ['RFC']],
  [['ip', '--nat64', '64:ff9b::/96', '2001:db8::1'], 'netkata: 2001:db8::1: not inside the NAT64 prefix 64:ff9b::/96', ['NAT']],
  [['classify', '--nat64', '64:ff9b::/96', '192.0.2.1'], 'netkata: 192.0.2.1: --nat64 reads an IPv6 address; give the IPv6 address (netkata ip <ipv4> --nat64 <prefix> makes it)', ['nat', 'IPv', 'netkata', 'ipv', 'prefix']],
  [['lab', 'handshake', '--param', 'holdMs'], 'netkata: holdMs: a parameter is key=value', ['holdMs', 'key', 'value']],
  [['lab', 'handshake', '--timeout', '0'], 'netkata: 0: --timeout must be a whole number from 1 to 600000', ['timeout']],
  [['lab', 'handshake', '--period', 'abc'], 'netkata: abc: --period must be a whole number from 1 to 1000', ['abc', 'period']],
  [['lab', 'handshake', '--capture', '/nonexistent-dir/x.pcap'], 'netkata: /nonexistent-dir/x.pcap: no such directory for the capture file', ['nonexistent', 'dir', 'pcap']],
  // A parameter that fails its schema's pattern: the zh line shows the pattern as the English one does.
  [['lab', 'file', '--param', 'name=../x'], 'netkata: --param name=../x: file: name: Invalid string: must match pattern /^[\\w.-]{1,100}$/', ['param', 'name', 'file']],
  [['lab', 'nosuch'], 'netkata: nosuch: unknown experiment (netkata lab list shows them)', ['nosuch', 'netkata', 'lab', 'list']],
  [['tcp', 'states', '--profile', 'bsd'], 'netkata: bsd: unknown profile (rfc9293 or linux)', ['bsd', 'rfc', 'linux']],
  [['tcp', 'run', 'no-such-scenario'], 'netkata: no-such-scenario: no such scenario file or built-in scenario (try netkata tcp list)', ['such', 'scenario', 'netkata', 'tcp', 'list']],
  [['split', '10.0.0.0/8', '--prefix', '30'], 'netkata: 10.0.0.0/8 --prefix 30: that makes 4,194,304 subnets; netkata lists at most 65,536 (/8 into /30; use a longer parent or a shorter prefix)', ['prefix', 'netkata']],
  [['aggregate'], 'netkata: <stdin>:1: "10.0.0.0\\u0000": holds NUL bytes: a binary file, not a text list of CIDRs, addresses and ranges', ['stdin', 'NUL', 'CIDR'], '10.0.0.0\u0000\n'],
];

/** The values of a line: runs holding a digit (numbers, addresses, prefixes), in order of appearance. */
const values = (s: string): string[] => (s.match(/[0-9a-fA-F:./,\\-]*[0-9][0-9a-fA-F:./,\\-]*/g) ?? []).map((v) => v.replace(/[.,:]$/, '')).sort();

/** ASCII words of three letters or more, except the ones allowed. */
const english = (s: string, allowed: readonly string[]): string[] =>
  (s.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !allowed.some((a) => a.toLowerCase() === w.toLowerCase()));

let runs = new Map<string, Run>();
const PRACTICE = ['practice', '--topic', 'subnet', '--seed', '4', '--count', '1'];

beforeAll(async () => {
  const jobs = ERRORS.flatMap(([args, , , input]) => ['C.UTF-8', 'zh_CN.UTF-8'].map((l) => job(args, l, input)));
  jobs.push(...['C.UTF-8', 'zh_CN.UTF-8'].map((l) => job(PRACTICE, l, '999.1.1.1\n')));
  runs = await runPool(jobs);
}, 120_000);

describe('errors under zh', () => {
  it.each(ERRORS.map(([args, en, keep, input]) => [args.join(' '), args, en, keep, input] as const))('netkata %s', (_, args, en, keep, input) => {
    const e = runOf(runs, job(args, 'C.UTF-8', input));
    expect(e.code).toBe(2);
    expect(e.stderr).toBe(`${en}\n`);
    const z = runOf(runs, job(args, 'zh_CN.UTF-8', input));
    expect(z.code).toBe(2);
    expect(z.stdout).toBe('');
    const line = z.stderr.trimEnd();
    expect(line.split('\n')).toHaveLength(1);
    expect(line.startsWith('netkata: ')).toBe(true);
    expect(HAN.test(line)).toBe(true);
    expect(english(line.slice('netkata: '.length), keep)).toEqual([]);
    expect(values(line)).toEqual(values(en));
    expect(zhFindings(line.slice(line.search(HAN)))).toEqual([]);
  });
});

describe('tcp run under zh', () => {
  it('a window scenario whose expectation fails: the last line in Chinese, exit 1; English as before', () => {
    // The Tahoe run of scenarios/window/tahoe-three-dupacks.yaml, expecting a cwnd it does not reach (RFC 5681
    // 3.1: slow start doubles cwnd per round from 1, so round 2 has 2, not 3).
    const file = join(home, 'wrong-window.yaml');
    writeFileSync(file, ['kind: window', 'name: wrong-window', 'title: "a wrong expectation"', 'variant: tahoe', 'ssthresh: 8',
      'send: { segments: 10 }', 'rounds: 3', 'expect:', '  - { round: 2, cwnd: 3 }', ''].join('\n'));
    const last = (r: Run) => r.stderr.trimEnd().split('\n').at(-1)!;
    const en = runOf(new Map(), job(['tcp', 'run', file], 'C.UTF-8'));
    expect(en.code).toBe(1);
    expect(last(en)).toBe('netkata: wrong-window: 1 expectation(s) failed');
    const zh = runOf(new Map(), job(['tcp', 'run', file], 'zh_CN.UTF-8'));
    expect(zh.code).toBe(1);
    expect(last(zh)).toMatch(/^netkata: wrong-window：1 [^a-z]*$/);
    expect(HAN.test(last(zh))).toBe(true);
  });
});

describe('practice under zh', () => {
  it('an unreadable progress file: the warning in Chinese, with both paths; English as before', () => {
    const run = (locale: string) => {
      // NETKATA_HOME is the progress file's directory (src/practice/store.ts).
      const dir = join(home, locale);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'progress.json'), '{not json');
      const r = runOf(new Map(), job(['practice', '--stats'], locale, '', { NETKATA_HOME: dir }));
      const aside = join(dir, readdirSync(dir).find((f) => f.startsWith('progress.json.corrupt-'))!);
      return { r, file: join(dir, 'progress.json'), aside };
    };
    const en = run('C.UTF-8');
    expect(en.r.code).toBe(0);
    expect(en.r.stderr).toBe(`netkata: warning: ${en.file}: unreadable progress file set aside as ${en.aside}; starting with empty progress\n`);
    const zh = run('zh_CN.UTF-8');
    expect(zh.r.code).toBe(0);
    expect(zh.r.stderr).toBe(`netkata: 警告：${zh.file}：进度文件无法读取，已另存为 ${zh.aside}；从空白进度开始\n`);
  });

  it('line mode: why an answer could not be read, in Chinese, down to the parser\'s reason', () => {
    const en = runOf(runs, job(PRACTICE, 'C.UTF-8', '999.1.1.1\n'));
    const zh = runOf(runs, job(PRACTICE, 'zh_CN.UTF-8', '999.1.1.1\n'));
    const enLine = en.stdout.split('\n').find((l) => l.startsWith('? '))!;
    const zhLine = zh.stdout.split('\n').find((l) => l.startsWith('? '))!;
    // The parser's reason for 999 (an octet is 0-255: RFC 791's dotted decimal, as inet_aton reads it).
    expect(enLine).toBe('? could not read that answer: "999.1.1.1" is not an address: octet 999 is out of range 0-255');
    expect(HAN.test(zhLine)).toBe(true);
    expect(english(zhLine, [])).toEqual([]);
    expect(values(zhLine)).toEqual(values(enLine));
  });
});

describe('lab under zh', () => {
  it.skipIf(!hasProcNet())(skipTitle('a run that fails: `lab <experiment>` then a full-width colon before the Chinese reason', !hasProcNet(), 'no /proc/net/tcp'), () => {
    // The English line is pinned by test/lab/cli.test.ts (`netkata: lab handshake: timed out after 1 ms`).
    const z = runOf(new Map(), job(['lab', 'handshake', '--timeout', '1'], 'zh_CN.UTF-8'));
    expect(z.code).toBe(1);
    expect(z.stderr).toBe(`netkata: lab handshake：${messages('zh').lab.resultValue.timedOut('1')}\n`);
  });
});
