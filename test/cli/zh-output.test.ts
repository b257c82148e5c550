/**
 * The one-shot commands in Chinese (issue 13): `LANG=zh_CN.UTF-8 netkata <cmd>` and `netkata --lang zh
 * <cmd>` print the same text, in Chinese labels taken from the zh catalogue, with the very values the
 * English output has (every address, prefix, count and bit string, compared as a multiset of tokens),
 * and the English output holds the values Python's ipaddress gives (the vectors below, from
 * `python3 -c "import ipaddress ..."`, and RFC 4291 appendix A for the EUI-64). The zh text passes the
 * typesetting checker (full-width punctuation beside Chinese, no stray spaces: test/practice/zh-text.ts)
 * and no line is wider than 80 terminal columns, measured with string-width. Runs bin/netkata.js, so
 * `subnet`, `classify` and `ip` under LANG go through the CommonJS shortcut and under --lang through the
 * full program: their equality checks the two paths too. Needs `npm run build` (npm test does).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { optionRunPicker, runOf, runPool, type Job, type Run } from '../helpers/spawn-pool.js';
import { messages } from '../../src/i18n/index.js';
import { zhFindings } from '../practice/zh-text.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'netkata.js');
const zh = messages('zh');

function job(args: readonly string[], locale: string, input = ''): Job {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', NETKATA_DEBUG: '', LANG: locale };
  delete env['LC_ALL'];
  delete env['LC_MESSAGES'];
  delete env['FORCE_COLOR'];
  return { key: JSON.stringify([args, locale, input]), file: process.execPath, args: [bin, ...args], cwd: root, env, input };
}

// Every run the cases make, started a few at a time before them (test/helpers/spawn-pool.ts).
let runs = new Map<string, Run>();

function netkata(args: readonly string[], locale: string, input = ''): Run {
  const j = job(args, locale, input);
  return runOf(runs, j);
}

const HAN = /[\u3400-\u9fff]/;

const byOption = optionRunPicker();

/**
 * The values of a text output: runs of hex digits, dots, colons, slashes and percent signs holding a
 * digit or a colon (addresses, CIDRs, masks, counts, bit strings). English words never qualify (a word
 * of hex letters alone holds no digit), and Chinese text around a value does not change it.
 */
function values(text: string): string[] {
  return (text.match(/[0-9a-fA-F:./%]+/g) ?? [])
    // A colon or full stop closing an English clause is punctuation, not part of the value (`::` is).
    .map((t) => t.replace(/(?<!:)[:.]$/, ''))
    .filter((t) => /[0-9:]/.test(t) && /[0-9a-fA-F]/.test(t))
    .sort();
}

/** Lines wider than 80 columns, except a line whose one value alone is 60 or more (an IPv6 reverse name). */
function tooWide(text: string): string[] {
  return text.split('\n').filter((l) => stringWidth(l) > 80 && !l.split(/\s+/).some((w) => w.length >= 60));
}

/** Findings per line; the indentation and padding at a line's ends are layout, not text (trimmed). */
function typesetting(text: string): string[] {
  return text.split('\n').flatMap((l) => zhFindings(l.trim()).map((f) => `${f.rule} at "${f.at}"`));
}

interface Case {
  readonly args: readonly string[];
  /** Catalogue labels the zh output must show. */
  readonly labels: readonly string[];
  /** Values the English output must hold (Python's ipaddress, RFC 4291 appendix A, IANA's port registry). */
  readonly expect: readonly string[];
  readonly stream?: 'stdout' | 'stderr';
  readonly input?: string;
  /** One record per input line (`--stdin`): a line is never wrapped, so no width limit. */
  readonly records?: boolean;
}

const CASES: readonly Case[] = [
  {
    args: ['subnet', '192.168.12.87/26'],
    labels: [zh.subnet.netmask, zh.subnet.network, zh.subnet.broadcast, zh.subnet.hosts, zh.subnet.noteNet, '反掩码', '可用主机数'],
    expect: ['192.168.12.64/26', '255.255.255.192', '0.0.0.63', '192.168.12.127', '192.168.12.65', '192.168.12.126', '62'],
  },
  {
    args: ['subnet', '10.0.0.1', '255.255.255.254'],
    labels: [zh.subnet.note31, zh.subnet.none],
    expect: ['10.0.0.0/31', '10.0.0.0', '10.0.0.1'],
  },
  {
    args: ['subnet', '2001:db8::1/61'],
    labels: [zh.subnet.groupBinary(4), zh.subnet.addresses, zh.subnet.last],
    expect: ['2001:db8::/61', '147573952589676412928', '2001:db8:0:7:ffff:ffff:ffff:ffff'],
  },
  {
    args: ['same-segment', '192.168.12.87/24', '192.168.13.7'],
    labels: [zh.sameSegment.octetByOctet, zh.sameSegment.differ, zh.sameSegment.no, zh.sameSegment.network],
    expect: ['192.168.12.0', '192.168.13.0'],
  },
  {
    args: ['same-segment', '192.168.1.10', '192.168.1.200', '--mask', '/24'],
    labels: [zh.sameSegment.same, zh.sameSegment.yes, '同一网段'],
    expect: ['192.168.1.0'],
  },
  {
    args: ['classify', '10.1.2.3'],
    labels: [zh.classify.scope, zh.classify.scopes.private, zh.classify.yes],
    expect: ['10.0.0.0/8'],
  },
  {
    args: ['classify', '::ffff:127.0.0.1'],
    labels: [zh.classify.scopes['ipv4-mapped'], zh.classify.scopes.loopback, zh.classify.no],
    expect: ['127.0.0.1', '::ffff:0:0/96'],
  },
  {
    args: ['ip', '224.1.2.3'],
    labels: [zh.ip.integer, zh.ip.binary, zh.ip.reverse, zh.ip.groupMac],
    expect: ['3758162435', '3.2.1.224.in-addr.arpa', '11100000.00000001.00000010.00000011', '01:00:5e:01:02:03'],
  },
  {
    args: ['split', '192.168.1.0/24', '--prefix', '26'],
    labels: [zh.split.cidr, zh.split.broadcast, zh.split.usable],
    expect: ['192.168.1.0/26', '192.168.1.64/26', '192.168.1.128/26', '192.168.1.192/26'],
  },
  {
    args: ['split', '192.168.1.0/24', '--hosts', '50,20,10,2'],
    labels: [zh.split.need, zh.split.reservation, zh.split.p2p],
    expect: ['192.168.1.0/26', '192.168.1.64/27', '192.168.1.96/28', '192.168.1.112/30'],
  },
  {
    args: ['split', '2001:db8::/120', '--hosts', '100,10'],
    labels: [zh.split.addresses, '局域网'],
    expect: ['2001:db8::/121', '2001:db8::80/124'],
  },
  {
    // The CIDRs go to stdout (the same in every language); the summary is the text, on stderr.
    args: ['range', '10.0.0.1', '10.0.0.20'],
    labels: ['个地址'],
    expect: ['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/30', '10.0.0.8/29', '10.0.0.16/30', '10.0.0.20/32'],
    stream: 'stderr',
  },
  {
    args: ['aggregate'],
    input: '10.0.0.1/24\n10.0.1.0/24\n',
    labels: ['项输入', '主机位'],
    expect: ['10.0.0.0/23'],
    stream: 'stderr',
  },
  {
    args: ['port', '443'],
    labels: [zh.port.range['well-known'], zh.port.footer],
    expect: ['443'],
  },
  {
    args: ['port', '0'],
    labels: [zh.port.reserved],
    expect: ['0'],
  },
  {
    args: ['mac', '00:1a:2b:3c:4d:5e'],
    labels: [zh.mac.firstOctet, zh.mac.unicast, zh.mac.universal, zh.mac.linkLocal, zh.mac.ouiOrg],
    expect: ['02:1a:2b:ff:fe:3c:4d:5e', 'fe80::21a:2bff:fe3c:4d5e'],
  },
  {
    args: ['mac', '01:00:5e:01:02:03'],
    labels: [zh.mac.ipv4Group, zh.mac.groupNote, zh.mac.multicast],
    expect: ['224.1.2.3', '239.129.2.3'],
  },
  {
    args: ['subnet', '--stdin'],
    input: '192.168.12.87/26\n1.2.3\n',
    labels: [zh.subnet.network, zh.cli.stdinError],
    expect: ['192.168.12.64/26', '192.168.12.127'],
    records: true,
  },
];

describe('zh text output of the one-shot commands', () => {
  beforeAll(async () => {
    runs = await runPool(CASES.flatMap((c) => [job(c.args, 'C', c.input), job(c.args, 'zh_CN.UTF-8', c.input), ...(byOption(c.args) ? [job(['--lang', 'zh', ...c.args], 'C', c.input)] : [])]));
  }, 120_000);
  it.each(CASES)('$args', (c) => {
    const stream = c.stream ?? 'stdout';
    const en = netkata(c.args, 'C', c.input);
    const byLocale = netkata(c.args, 'zh_CN.UTF-8', c.input);
    const viaOption = byOption(c.args) ? netkata(['--lang', 'zh', ...c.args], 'C', c.input) : undefined;
    const enText = en[stream];
    // English: the Python-checked values, and no Chinese.
    for (const v of c.expect) expect(en.stdout + en.stderr).toContain(v);
    expect(HAN.test(enText)).toBe(false);
    // The locale and --lang give the same run.
    if (viaOption !== undefined) expect(viaOption).toEqual(byLocale);
    expect(byLocale.code).toBe(en.code);
    const text = byLocale[stream];
    for (const label of c.labels) expect(text).toContain(label);
    // The same values as the English output, in both streams.
    expect(values(byLocale.stdout)).toEqual(values(en.stdout));
    expect(values(byLocale.stderr)).toEqual(values(en.stderr));
    expect(typesetting(text)).toEqual([]);
    if (c.records !== true) expect(tooWide(byLocale.stdout + byLocale.stderr)).toEqual([]);
  });

  // One test per command (three runs each), so that a loaded machine stays within the per-test deadline.
  it.each([['subnet', '192.168.12.87/26', '--json'], ['classify', '::ffff:127.0.0.1', '--json'], ['mac', '00:1a:2b:3c:4d:5e', '--json'], ['split', '10.0.0.0/24', '--count', '3', '--json']])(
    'JSON stays English and byte-identical under zh: %s', (...args) => {
      const en = netkata(args, 'C');
      expect(en.code).toBe(0);
      expect(netkata(args, 'zh_CN.UTF-8')).toEqual(en);
      expect(netkata(['--lang', 'zh', ...args], 'C')).toEqual(en);
    },
  );

  it('LC_ALL wins over LANG, and --lang over both (POSIX locale precedence)', () => {
    const zhLine = netkata(['subnet', '10.0.0.1/8'], 'zh_CN.UTF-8').stdout;
    expect(HAN.test(zhLine)).toBe(true);
    const env = (extra: Record<string, string>, args: string[]) =>
      spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LC_MESSAGES: '', ...extra } }).stdout;
    expect(env({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }, ['subnet', '10.0.0.1/8'])).toBe(netkata(['subnet', '10.0.0.1/8'], 'C').stdout);
    expect(env({ LC_ALL: 'zh_CN.UTF-8', LANG: 'C' }, ['subnet', '10.0.0.1/8'])).toBe(zhLine);
    expect(env({ LC_ALL: 'zh_CN.UTF-8', LANG: 'C' }, ['--lang', 'en', 'subnet', '10.0.0.1/8'])).toBe(netkata(['subnet', '10.0.0.1/8'], 'C').stdout);
  });
});
