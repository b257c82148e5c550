import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { InputError } from '../../src/errors.js';
import { errorOf } from '../helpers/input-error.js';
import { seeded } from './vectors.js';
import { aggregate, aggregateGeneric, aggregateText, parseAggregateLine } from '../../src/addr/aggregate.js';

interface AggVector { lines: string[]; input: number; hostBitsSet: number; output: string[] }
const vectors = (JSON.parse(readFileSync(new URL('../data/sets-vectors.json', import.meta.url), 'utf8')) as { aggregate: AggVector[] }).aggregate;

/** mulberry32 as a float in [0, 1): seeded, so failures replay. */
const rng = (seed: number): (() => number) => {
  const next = seeded(seed);
  return () => next() / 4294967296;
};


const ip4 = (n: number): string => `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
const mask4 = (p: number): string => ip4(p === 0 ? 0 : (0xffffffff << (32 - p)) >>> 0);

/** Seeded input in every form the line parser takes, clustered so that merging happens. */
function randomInput(seed: number, lines: number): string {
  const r = rng(seed);
  const int = (n: number): number => Math.floor(r() * n);
  const out: string[] = [];
  const base = int(2 ** 32) & 0xfff00000;
  for (let i = 0; i < lines; i++) {
    const a = (base + int(2 ** 20)) >>> 0;
    const p = 12 + int(21);
    const net = p === 0 ? 0 : (a & ((0xffffffff << (32 - p)) >>> 0)) >>> 0;
    const k = r();
    let line: string;
    if (k < 0.45) line = `${ip4(net)}/${p}`;
    else if (k < 0.55) line = `${ip4(a)}/${p}`; // host bits, maybe
    else if (k < 0.65) line = ip4(a);
    else if (k < 0.72) line = `${ip4(a)}-${ip4(Math.min(2 ** 32 - 1, a + int(5000)))}`;
    else if (k < 0.76) line = `${ip4(net)}/${mask4(p)}`;
    else if (k < 0.8) line = `${ip4(net)} ${mask4(p)}`;
    else if (k < 0.85) line = `2001:db8::${(int(65536)).toString(16)}/${116 + int(13)}`;
    else if (k < 0.88) line = `  ${ip4(net)}/${p}\t# note`;
    else if (k < 0.9) line = '# comment';
    else if (k < 0.92) line = '';
    else if (k < 0.95) line = `${ip4(net)}/${p}\r`;
    else line = `${ip4(a)} - ${ip4(a + int(40))}`;
    out.push(line);
  }
  return out.join('\n');
}

/** Any UTF-16 code unit, lone surrogates and controls included (fast-check's 'binary' unit is slow to generate). */
const utf16 = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

describe('aggregate against Python ipaddress.collapse_addresses', () => {
  it(`${vectors.length} inputs: output, input count and host-bit count match (fast path)`, () => {
    for (const v of vectors) {
      const r = aggregate(v.lines.join('\n'));
      expect({ input: r.input, output: r.output, hostBitsSet: r.hostBitsSet }).toEqual({ input: v.input, output: v.output, hostBitsSet: v.hostBitsSet });
    }
  });

  it('the same as text lines (aggregateText, the CLI text output written as bytes)', () => {
    for (const v of vectors) {
      const r = aggregateText(v.lines.join('\n'));
      expect({ input: r.input, text: r.text, count: r.count, hostBitsSet: r.hostBitsSet }).toEqual({ input: v.input, text: v.output.map((c) => `${c}\n`).join(''), count: v.output.length, hostBitsSet: v.hostBitsSet });
    }
  });

  it('the same through the generic bigint path', () => {
    for (const v of vectors) {
      const r = aggregateGeneric(v.lines.join('\n'));
      expect({ input: r.input, output: r.output, hostBitsSet: r.hostBitsSet }).toEqual({ input: v.input, output: v.output, hostBitsSet: v.hostBitsSet });
    }
  });

  it('adjacent /24s merge, IPv4 comes before IPv6, blank and comment lines are not inputs', () => {
    const r = aggregate('# office\n\n2001:db8::/33\n10.0.1.0/24\n10.0.0.0/24\n2001:db8:8000::/33\n');
    expect(r).toEqual({ input: 4, output: ['10.0.0.0/23', '2001:db8::/32'], hostBitsSet: 0 });
  });

  it('reads 10.0.0.1/8 as 10.0.0.0/8 and reports it; --strict rejects it with the line number', () => {
    const r = aggregate('192.0.2.0/24\n10.0.0.1/8\n');
    expect(r.output).toEqual(['10.0.0.0/8', '192.0.2.0/24']);
    expect(r.hostBitsSet).toBe(1);
    expect(r.hostBitsExample).toEqual({ line: 2, input: '10.0.0.1/8', network: '10.0.0.0/8' });
    expect(errorOf(() => aggregate('192.0.2.0/24\n10.0.0.1/8\n', { strict: true, source: 'routes.txt' }))).toMatch(
      /^routes\.txt:2: 10\.0\.0\.1\/8: host bits set: not a network address \(its network is 10\.0\.0\.0\/8\)$/,
    );
  });

  it('a bad line names the source and line number', () => {
    expect(errorOf(() => aggregate('10.0.0.0/8\n\n10.0.0.256/24\n', { source: '<stdin>' }))).toMatch(
      /^<stdin>:3: 10\.0\.0\.256(\/24)?: octet 256 is out of range/,
    );
  });

  it.each([
    ['10.0.0.0/33', /larger than 32/],
    ['10.0.0.0/08', /leading zero/],
    ['10.0.0.0/255.0.255.0', /not contiguous/],
    ['10.0.0.9-10.0.0.1', /start is after end/],
    ['10.0.0.1-::1', /IPv4 and end is IPv6/],
    ['10.0.0.0/8-10.0.0.9', /not CIDRs/],
    ['10.0.0.1 10.0.0.2 10.0.0.3', /one CIDR, address or start-end range per line/],
    ['fe80::1%eth0', /zone ids/],
    ['127.1', /shorthand/],
  ])('rejects %j', (line, why) => {
    expect(() => aggregate(line)).toThrow(why);
    expect(() => aggregateGeneric(line)).toThrow(why);
  });
});

describe('IPv4 fast path equals the generic bigint path', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seeded random input %i (3,000 lines, every line form)', (seed) => {
    const text = randomInput(seed, 3000);
    expect(aggregate(text)).toEqual(aggregateGeneric(text));
  });

  it('one large seeded input (50,000 lines)', () => {
    const text = randomInput(99, 50_000);
    expect(aggregate(text)).toEqual(aggregateGeneric(text));
  });

  it.each([1, 2, 3, 99])('aggregateText of seeded random input %i: the generic path\'s CIDRs, one per line', (seed) => {
    const text = randomInput(seed, seed === 99 ? 50_000 : 3000);
    const { output, ...rest } = aggregateGeneric(text);
    const { bytes, ...got } = aggregateText(text);
    const want = output.map((c) => `${c}\n`).join('');
    expect({ ...got, text: got.text }).toEqual({ ...rest, text: want, count: output.length });
    expect(Buffer.from(bytes).toString('latin1')).toBe(want);
  });
});

describe('output properties', () => {
  it('idempotent, sorted, disjoint and with no two mergeable neighbours', () => {
    for (let seed = 10; seed < 20; seed++) {
      const out = aggregate(randomInput(seed, 2000)).output;
      expect(aggregate(out.join('\n')).output).toEqual(out);
      const v4 = out.filter((c) => !c.includes(':')).map((c) => {
        const [a, p] = c.split('/');
        const n = a!.split('.').reduce((x, o) => x * 256 + Number(o), 0);
        return { start: n, end: n + 2 ** (32 - Number(p)) - 1, p: Number(p) };
      });
      for (let i = 1; i < v4.length; i++) {
        const x = v4[i - 1]!;
        const y = v4[i]!;
        expect(y.start).toBeGreaterThan(x.end);
        // Siblings (same size, x aligned on the doubled block, y right after) would merge into one CIDR.
        const sibling = x.p === y.p && y.start === x.end + 1 && x.start % 2 ** (33 - x.p) === 0;
        expect(sibling, `${out[i - 1]} ${out[i]}`).toBe(false);
      }
    }
  });
});

describe('fuzz: the aggregate line parser on 100,000 arbitrary strings', () => {
  it('never throws anything but a one-line InputError, and both paths agree', () => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    onTestFinished(() => { Error.stackTraceLimit = limit; });
    const outcome = (f: () => unknown): string => {
      try {
        return JSON.stringify(f(), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        if (e.message === '' || e.message.includes('\n')) throw new Error('bad message');
        return `error: ${e.parseMessage}`;
      }
    };
    // 100,000 strings through aggregate(), which hands every line the fast path cannot take to
    // parseAggregateLine; a further 15,000 also through the generic path, which must agree.
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (s) => { outcome(() => aggregate(s)); }), { numRuns: 20_000, seed: 41 });
    fc.assert(fc.property(fc.string({ unit: utf16, maxLength: 24 }), (s) => { outcome(() => aggregate(s)); }), { numRuns: 10_000, seed: 42 });
    const shaped = fc.string({ unit: fc.constantFrom(...'0123456789./-: #\t%af'), maxLength: 24 });
    fc.assert(fc.property(shaped, (s) => { outcome(() => aggregate(s)); }), { numRuns: 70_000, seed: 43 });
    fc.assert(fc.property(shaped, (s) => {
      outcome(() => parseAggregateLine(s));
      const fast = outcome(() => aggregate(s));
      const generic = outcome(() => aggregateGeneric(s));
      if (fast !== generic) throw new Error(`paths disagree on ${JSON.stringify(s)}: ${fast} vs ${generic}`);
    }), { numRuns: 15_000, seed: 44 });
  });
});
