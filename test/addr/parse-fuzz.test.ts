// Property fuzz: 100,000 arbitrary strings into every parser. Nothing but an InputError may come out,
// and an InputError's message is one line.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { classify } from '../../src/addr/classify.js';
import { parseNat64Prefix } from '../../src/addr/nat64.js';
import { fromBinary, fromInteger, notation } from '../../src/addr/notation.js';
import { parseAddress, parseCidr, parseIPv4ToUint32, parseMask } from '../../src/addr/parse.js';
import { sameSegment } from '../../src/addr/same-segment.js';
import { subnetJsonLine } from '../../src/addr/subnet-bulk.js';

const RUNS = 100_000;
const NSP48 = parseNat64Prefix('2001:db8:122::/48');

// Mostly strings built from address characters (to get deep into the parsers), plus arbitrary unicode.
const addressish = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFx.:/%'), maxLength: 48 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 48 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 48 }) },
);

function onlyInputErrors(f: (s: string) => unknown): (s: string) => void {
  return (s) => {
    try {
      f(s);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      if (e.message.includes('\n') || e.message === '') throw new Error(`bad message for ${JSON.stringify(s)}: ${e.message}`);
    }
  };
}

const parsers: [string, (s: string) => unknown][] = [
  ['parseAddress', parseAddress],
  ['parseCidr', (s) => parseCidr(s)],
  ['parseIPv4ToUint32', parseIPv4ToUint32],
  ['parseMask', (s) => parseMask(s, 4)],
  ['classify', classify],
  ['notation', notation],
  ['fromInteger', (s) => fromInteger(s)],
  ['fromBinary', fromBinary],
  ['subnet line', subnetJsonLine],
  ['sameSegment', (s) => sameSegment(s, '192.168.1.1', '/24')],
  ['parseNat64Prefix', parseNat64Prefix],
  ['notation under a NAT64 prefix', (s) => notation(s, NSP48)],
];

describe('parsers under 100,000 arbitrary strings', () => {
  // Capturing a stack for each of ~900,000 rejections costs most of the run and proves nothing here.
  let limit = Error.stackTraceLimit;
  beforeAll(() => {
    limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
  });
  afterAll(() => {
    Error.stackTraceLimit = limit;
  });
  // One property feeds each string to every parser, so each sees all 100,000 and generation is paid once.
  it(`${parsers.map(([name]) => name).join(', ')}: no exception but InputError escapes`, () => {
    const checks = parsers.map(([name, f]) => [name, onlyInputErrors(f)] as const);
    fc.assert(
      fc.property(addressish, (s) => {
        for (const [name, check] of checks) {
          try {
            check(s);
          } catch (e) {
            throw new Error(`${name}(${JSON.stringify(s)}) threw ${String(e)}`);
          }
        }
      }),
      { numRuns: RUNS, seed: 0x6e6b },
    );
  }, 120_000); // ~5 s on an idle 2-core machine; the limit only guards a loaded one
});
