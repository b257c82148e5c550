import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { InputError } from '../../src/errors.js';
import { macInfo, parseMac } from '../../src/addr/mac.js';

interface MacVector { mac: string; eui64: string; linkLocalIPv6: string; multicast: boolean; local: boolean }
const vectors = (JSON.parse(readFileSync(new URL('../data/sets-vectors.json', import.meta.url), 'utf8')) as { mac: MacVector[] }).mac;

/** Any UTF-16 code unit, lone surrogates and controls included (fast-check's 'binary' unit is slow to generate). */
const utf16 = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

describe('RFC examples', () => {
  it('RFC 2464 section 4: 34-56-78-9A-BC-DE has interface identifier 36-56-78-FF-FE-9A-BC-DE', () => {
    const m = macInfo('34-56-78-9A-BC-DE');
    expect(m.eui64).toBe('36:56:78:ff:fe:9a:bc:de');
    expect(m.interfaceId).toBe('3656:78ff:fe9a:bcde');
    // RFC 2464 section 5: the link-local address is fe80::/64 followed by the identifier.
    expect(m.linkLocalIPv6).toBe('fe80::3656:78ff:fe9a:bcde');
  });

  it('RFC 4291 appendix A: the universal/local bit is inverted (u=0 in a universal MAC becomes 1)', () => {
    const universal = macInfo('00:00:5e:00:53:01');
    expect(universal.local).toBe(false);
    expect(universal.eui64.startsWith('02:')).toBe(true);
    const local = macInfo('02:00:00:00:00:01');
    expect(local.local).toBe(true);
    // A locally administered 02:00:00:00:00:01 yields the simple identifier ::ff:fe00:1 (appendix A's motivation).
    expect(local.linkLocalIPv6).toBe('fe80::ff:fe00:1');
  });

  it('I/G bit: 01:00:5e:00:00:01 (IPv4 multicast, RFC 1112 section 6.4) is a group address', () => {
    const m = macInfo('01:00:5e:00:00:01');
    expect(m.multicast).toBe(true);
    expect(m.local).toBe(false);
  });

  it('ff:ff:ff:ff:ff:ff is the broadcast address: group and local bits set', () => {
    const m = macInfo('ff:ff:ff:ff:ff:ff');
    expect(m).toMatchObject({ multicast: true, local: true, broadcast: true });
  });
});

describe('three notations, any case', () => {
  it.each(['aa:bb:cc:dd:ee:ff', 'AA-BB-CC-DD-EE-FF', 'aabb.ccdd.eeff', 'AaBb.CcDd.EeFf', 'aA:Bb:cC:Dd:eE:fF'])('%s', (s) => {
    const m = macInfo(s);
    expect(m.mac).toBe('aa:bb:cc:dd:ee:ff');
    expect(m.oui).toBe('aa:bb:cc');
    expect(m.nic).toBe('dd:ee:ff');
  });
});

describe('strict rejection with a reason', () => {
  it.each([
    ['', /empty/],
    ['aabbccddeeff', /no separators/],
    ['a:b:c:d:e:f', /not 2 hex digits/],
    ['aa:bb:cc:dd:ee', /5 groups/],
    ['aa:bb:cc:dd:ee:ff:00:11', /EUI-64/],
    ['aa:bb-cc:dd:ee:ff', /mixed separators/],
    ['aa:bb:cc:dd:ee:fg', /not 2 hex digits/],
    ['aabb.ccdd', /3 groups/],
    ['aab.bccd.deef', /not 4 hex digits/],
    [' aa:bb:cc:dd:ee:ff', /whitespace/],
    ['aa_bb_cc_dd_ee_ff', /unexpected character/],
    ['aa::cc:dd:ee:ff', /not 2 hex digits/],
  ])('%j', (s, why) => {
    expect(() => parseMac(s)).toThrow(InputError);
    expect(() => parseMac(s)).toThrow(why);
  });
});

describe('vectors computed with Python (test/data/gen_sets_vectors.py)', () => {
  it(`${vectors.length} MACs: EUI-64, link-local (RFC 5952 text by ipaddress), I/G and U/L bits`, () => {
    for (const v of vectors) {
      for (const text of [v.mac, v.mac.toUpperCase().replace(/:/g, '-'), v.mac.replace(/:/g, '').replace(/(.{4})(?!$)/g, '$1.')]) {
        const m = macInfo(text);
        expect({ mac: m.mac, eui64: m.eui64, linkLocalIPv6: m.linkLocalIPv6, multicast: m.multicast, local: m.local }).toEqual(v);
      }
    }
  });
});

describe('fuzz: parseMac on 100,000 arbitrary strings', () => {
  it('never throws anything but a one-line InputError; accepted input round-trips', () => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    onTestFinished(() => { Error.stackTraceLimit = limit; });
    const check = (s: string): void => {
      let m;
      try {
        m = macInfo(s);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        if (e.message === '' || e.message.includes('\n')) throw new Error(`bad message for ${JSON.stringify(s)}`);
        return;
      }
      if (macInfo(m.mac).mac !== m.mac || m.mac.replace(/:/g, '') !== s.replace(/[:.-]/g, '').toLowerCase()) {
        throw new Error(`round trip failed for ${JSON.stringify(s)}`);
      }
    };
    fc.assert(fc.property(fc.string({ maxLength: 24 }), check), { numRuns: 30_000, seed: 21 });
    fc.assert(fc.property(fc.string({ unit: utf16, maxLength: 20 }), check), { numRuns: 20_000, seed: 22 });
    // Mostly MAC-shaped strings, so the accepting paths are exercised too.
    const hexPair = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFg'), minLength: 1, maxLength: 3 });
    const shaped = fc.tuple(fc.array(hexPair, { minLength: 2, maxLength: 8 }), fc.constantFrom(':', '-', '.', ':', '-'))
      .map(([groups, sep]) => groups.join(sep));
    fc.assert(fc.property(shaped, check), { numRuns: 50_000, seed: 23 });
  });
});
