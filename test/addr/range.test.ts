import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { InputError } from '../../src/errors.js';
import { seeded } from './vectors.js';
import { rangeInfo, summarizeBig, summarizeV4 } from '../../src/addr/range.js';

interface RangeVector { start: string; end: string; cidrs: string[] }
const vectors = (JSON.parse(readFileSync(new URL('../data/sets-vectors.json', import.meta.url), 'utf8')) as { range: RangeVector[] }).range;

/** mulberry32 as a float in [0, 1): seeded, so failures replay. */
const rng = (seed: number): (() => number) => {
  const next = seeded(seed);
  return () => next() / 4294967296;
};

/** Any UTF-16 code unit, lone surrogates and controls included (fast-check's 'binary' unit is slow to generate). */
const utf16 = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

describe('range against Python ipaddress.summarize_address_range', () => {
  it(`${vectors.length} ranges (IPv4 and IPv6, edges included) give the same CIDR list`, () => {
    for (const v of vectors) expect(rangeInfo(v.start, v.end).cidrs, `${v.start} - ${v.end}`).toEqual(v.cidrs);
  });

  it('the textbook case 10.0.0.1 - 10.0.0.9', () => {
    expect(rangeInfo('10.0.0.1', '10.0.0.9')).toEqual({
      version: 4, start: '10.0.0.1', end: '10.0.0.9', addressCount: 9,
      cidrs: ['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/30', '10.0.0.8/31'],
    });
  });

  it('the whole IPv4 space is 0.0.0.0/0 and the IPv6 count is a decimal string', () => {
    expect(rangeInfo('0.0.0.0', '255.255.255.255').cidrs).toEqual(['0.0.0.0/0']);
    expect(rangeInfo('::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toMatchObject({ cidrs: ['::/0'], addressCount: (2n ** 128n).toString() });
  });
});

describe('IPv4 number path equals the bigint path', () => {
  it('on 20,000 seeded random ranges', () => {
    const r = rng(31);
    for (let i = 0; i < 20_000; i++) {
      const a = Math.floor(r() * 2 ** 32);
      const span = [0, 1, Math.floor(r() * 256), Math.floor(r() * 2 ** 20), Math.floor(r() * 2 ** 32)][i % 5]!;
      const b = Math.min(2 ** 32 - 1, a + span);
      const fast: string[] = [];
      const big: string[] = [];
      summarizeV4(a, b, (x, p) => fast.push(`${x}/${p}`));
      summarizeBig(4, BigInt(a), BigInt(b), (x, p) => big.push(`${x}/${p}`));
      if (fast.join() !== big.join()) expect(fast, `${a}-${b}`).toEqual(big);
    }
  });
});

describe('bad ranges are InputErrors with a reason', () => {
  it.each([
    ['10.0.0.9', '10.0.0.1', /start is after end/],
    ['10.0.0.1', '::1', /IPv4 and end is IPv6/],
    ['fe80::1%eth0', 'fe80::9', /zone id/],
    ['10.0.0.0/8', '10.0.0.9', /not a CIDR/],
    ['010.0.0.1', '10.0.0.9', /leading zero/],
    ['127.1', '127.0.0.9', /shorthand/],
  ])('%s %s', (a, b, why) => {
    expect(() => rangeInfo(a, b)).toThrow(InputError);
    expect(() => rangeInfo(a, b)).toThrow(why);
  });
});

describe('fuzz: rangeInfo on 100,000 arbitrary string pairs', () => {
  it('never throws anything but a one-line InputError; an accepted range yields at least one CIDR', () => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    onTestFinished(() => { Error.stackTraceLimit = limit; });
    const check = (a: string, b: string): void => {
      try {
        const info = rangeInfo(a, b);
        if (info.cidrs.length === 0) throw new Error(`no CIDRs for ${a} ${b}`);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        if (e.message === '' || e.message.includes('\n')) throw new Error(`bad message for ${JSON.stringify([a, b])}`);
      }
    };
    fc.assert(fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), check), { numRuns: 30_000, seed: 31 });
    fc.assert(fc.property(fc.string({ unit: utf16, maxLength: 16 }), fc.string({ unit: utf16, maxLength: 16 }), check), { numRuns: 20_000, seed: 32 });
    const octet = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom('00', '01', '', 'x'));
    const v4 = fc.array(octet, { minLength: 3, maxLength: 5 }).map((o) => o.join('.'));
    const v6 = fc.array(fc.constantFrom('', '0', '1', 'ffff', 'db8', '2001', 'fffff', 'g'), { minLength: 2, maxLength: 9 }).map((g) => g.join(':'));
    const addr = fc.oneof(v4, v4, v6);
    fc.assert(fc.property(addr, addr, check), { numRuns: 50_000, seed: 33 });
  });
});
