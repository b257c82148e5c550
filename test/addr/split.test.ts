import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { InputError } from '../../src/errors.js';
import { errorOf } from '../helpers/input-error.js';
import { parseCidr } from '../../src/addr/parse.js';
import { MAX_SUBNETS, parseHostList, parseSplitCount, parseSplitPrefix, planSplit, split } from '../../src/addr/split.js';

interface SplitVector { parent: string; prefix: number; subnets: { cidr: string; network: string; broadcast: string; addressCount: number }[] }
interface VlsmVector { parent: string; hosts: number[]; subnets: { need: number; hosts: number; cidr: string }[] | null; missing: number | null }
const data = JSON.parse(readFileSync(new URL('../data/sets-vectors.json', import.meta.url), 'utf8')) as { split: SplitVector[]; vlsm: VlsmVector[] };


describe('split --prefix against Python IPv4Network.subnets(new_prefix=...)', () => {
  it(`${data.split.length} parents: same subnets, networks, broadcasts and sizes`, () => {
    for (const v of data.split) {
      const r = split(v.parent, { kind: 'prefix', prefix: v.prefix });
      expect(r.parent).toBe(v.parent);
      expect(r.subnets.map((s) => s.cidr), v.parent).toEqual(v.subnets.map((s) => s.cidr));
      r.subnets.forEach((s, i) => {
        const py = v.subnets[i]!;
        expect(s.network).toBe(py.network);
        expect(Number(s.addressCount)).toBe(py.addressCount);
        if (s.version === 4) {
          // RFC 3021: a /31 and a /32 have no broadcast; Python still names the last address.
          expect(s.broadcast).toBe(s.prefix >= 31 ? null : py.broadcast);
        } else {
          expect(s.lastAddress).toBe(py.broadcast);
        }
      });
    }
  });

  it('the subnet objects are the `subnet` command objects (192.168.1.0/24 into /26)', () => {
    const r = split('192.168.1.0/24', { kind: 'prefix', prefix: 26 });
    expect(r.subnets[1]).toMatchObject({
      version: 4, cidr: '192.168.1.64/26', network: '192.168.1.64', netmask: '255.255.255.192',
      firstHost: '192.168.1.65', lastHost: '192.168.1.126', broadcast: '192.168.1.127', hostCount: 62, addressCount: 64,
    });
  });

  it('a parent written with host bits is split from its network and flagged', () => {
    const r = split('192.168.1.77/24', { kind: 'prefix', prefix: 25 });
    expect(r.parent).toBe('192.168.1.0/24');
    expect(r.parentHostBits).toBe(true);
    expect(r.subnets.map((s) => s.cidr)).toEqual(['192.168.1.0/25', '192.168.1.128/25']);
  });

  it('refuses a prefix shorter than the parent or longer than the address', () => {
    expect(errorOf(() => split('10.0.0.0/16', { kind: 'prefix', prefix: 8 }))).toMatch(/shorter than the parent/);
    expect(errorOf(() => split('10.0.0.0/16', { kind: 'prefix', prefix: 33 }))).toMatch(/longer than IPv4's 32 bits/);
  });
});

describe('output limit', () => {
  it(`lists exactly ${MAX_SUBNETS.toLocaleString('en-US')} subnets (10.0.0.0/8 into /24)`, () => {
    // The plan, not the 65,536 subnet objects: the limit is the point here.
    const r = planSplit(parseCidr('10.0.0.0/8'), { kind: 'prefix', prefix: 24 });
    expect(r.blocks.length).toBe(65_536);
    expect(r.blocks.at(-1)).toEqual({ address: 0x0affff00n, prefix: 24 });
  });

  it('refuses more before building anything, even for ::/0 into /128', () => {
    expect(errorOf(() => split('10.0.0.0/8', { kind: 'prefix', prefix: 25 }))).toMatch(/131,072 subnets; netkata lists at most 65,536/);
    expect(errorOf(() => split('::/0', { kind: 'prefix', prefix: 128 }))).toMatch(/^::\/0 --prefix 128: that makes 340,282,366,920,938,463,463,374,607,431,768,211,456 subnets/);
    expect(errorOf(() => split('10.0.0.0/8', { kind: 'count', count: 65_537 }))).toMatch(/at most 65,536/);
  });
});

describe('split --count', () => {
  it('rounds 5 up to 8 (a prefix bit only halves) and says what was asked', () => {
    const r = split('192.168.1.0/24', { kind: 'count', count: 5 });
    expect(r).toMatchObject({ requested: 5, produced: 8, prefix: 27 });
    expect(r.subnets.map((s) => s.cidr)).toEqual([0, 32, 64, 96, 128, 160, 192, 224].map((x) => `192.168.1.${x}/27`));
  });

  it('1 gives the parent itself; 2 halves it', () => {
    expect(split('10.0.0.0/8', { kind: 'count', count: 1 }).subnets.map((s) => s.cidr)).toEqual(['10.0.0.0/8']);
    expect(split('2001:db8::/32', { kind: 'count', count: 2 }).subnets.map((s) => s.cidr)).toEqual(['2001:db8::/33', '2001:db8:8000::/33']);
  });

  it('refuses more subnets than the block has room for', () => {
    expect(errorOf(() => split('192.0.2.0/30', { kind: 'count', count: 8 }))).toMatch(/cannot be cut into 8 subnets: 8 blocks need 3 more prefix bits and only 2 are left/);
  });
});

describe('split --hosts (VLSM) against an independent first-fit search in Python', () => {
  it(`${data.vlsm.length} plans: same blocks in address order, or the same shortfall`, () => {
    for (const v of data.vlsm) {
      if (v.subnets === null) {
        expect(v.missing).toBeGreaterThan(0);
        expect(errorOf(() => split(v.parent, { kind: 'hosts', hosts: v.hosts })), v.parent).toMatch(
          new RegExp(`: ${v.missing!.toLocaleString('en-US')} missing$`),
        );
        continue;
      }
      const r = split(v.parent, { kind: 'hosts', hosts: v.hosts });
      expect(r.subnets.map((s) => ({ need: s.need, hosts: s.hostsNeeded, cidr: s.cidr })), `${v.parent} ${v.hosts.join(',')}`).toEqual(v.subnets);
    }
  });

  it('the textbook plan 192.168.1.0/24 for 50, 20, 10 and 2 hosts, with the free space left', () => {
    const r = split('192.168.1.0/24', { kind: 'hosts', hosts: [50, 20, 10, 2] });
    expect(r.subnets.map((s) => [s.cidr, s.hostCount])).toEqual([
      ['192.168.1.0/26', 62], ['192.168.1.64/27', 30], ['192.168.1.96/28', 14], ['192.168.1.112/30', 2],
    ]);
    expect(r.free).toEqual(['192.168.1.116/30', '192.168.1.120/29', '192.168.1.128/25']);
  });

  it('keeps the input order among equal needs and reports each need by position', () => {
    const r = split('10.0.0.0/24', { kind: 'hosts', hosts: [10, 60, 10] });
    expect(r.subnets.map((s) => [s.need, s.cidr])).toEqual([[2, '10.0.0.0/26'], [1, '10.0.0.64/28'], [3, '10.0.0.80/28']]);
  });

  it('an unfittable plan says how many addresses are missing', () => {
    expect(errorOf(() => split('192.168.1.0/24', { kind: 'hosts', hosts: [200, 60] }))).toBe(
      '200,60: the plan needs 320 addresses but 192.168.1.0/24 has 256: 64 missing',
    );
  });

  it('a 254-host need fills a /24; 255 does not fit', () => {
    expect(split('192.168.1.0/24', { kind: 'hosts', hosts: [254] }).subnets.map((s) => s.cidr)).toEqual(['192.168.1.0/24']);
    expect(errorOf(() => split('192.168.1.0/24', { kind: 'hosts', hosts: [255] }))).toMatch(/256 missing$/);
  });
});

describe('option parsing', () => {
  it('prefix: 26 or /26', () => {
    expect(parseSplitPrefix('26')).toBe(26);
    expect(parseSplitPrefix('/26')).toBe(26);
    expect(parseSplitPrefix('0')).toBe(0);
  });
  it.each([
    [() => parseSplitPrefix('026'), /leading zero/],
    [() => parseSplitPrefix('x'), /positive whole number/],
    [() => parseSplitCount('0'), /at least 1/],
    [() => parseSplitCount('-2'), /positive whole number/],
    [() => parseHostList(''), /empty host list/],
    [() => parseHostList('50,,10'), /need 2 is empty/],
    [() => parseHostList('50,1.5'), /need 2 \(1\.5\) must be a positive whole number/],
    [() => parseHostList('50,0'), /at least 1/],
  ] as const)('%#: rejects with a reason', (f, why) => {
    expect(errorOf(f)).toMatch(why);
  });
  it('host list allows spaces after commas', () => {
    expect(parseHostList('50, 20 ,10')).toEqual([50, 20, 10]);
  });

  it('fuzz: option parsers on 30,000 arbitrary strings throw only InputErrors', () => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    onTestFinished(() => { Error.stackTraceLimit = limit; });
    const ok = (f: () => unknown): void => {
      try {
        f();
      } catch (e) {
        if (!(e instanceof InputError) || e.message.includes('\n')) throw e;
      }
    };
    const arb = fc.oneof(fc.string({ maxLength: 16 }), fc.string({ unit: fc.constantFrom(...'0123456789,/ -.'), maxLength: 16 }));
    fc.assert(fc.property(arb, (s) => { ok(() => parseSplitPrefix(s)); ok(() => parseSplitCount(s)); ok(() => parseHostList(s)); }), { numRuns: 30_000, seed: 51 });
  });
});
