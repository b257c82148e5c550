import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { InputError } from '../../src/errors.js';
import { lookupPort, parsePortNumber, portRange } from '../../src/addr/port.js';
import { SERVICE_ALIASES, SERVICES } from '../../src/addr/services.js';

/** Rows of test/data/iana-services-excerpt.csv (copied from the IANA registry): name, port, protocol. */
function ianaRows(): { name: string; port: number; protocol: string }[] {
  const text = readFileSync(new URL('../data/iana-services-excerpt.csv', import.meta.url), 'utf8');
  const rows: { name: string; port: number; protocol: string }[] = [];
  for (const line of text.split('\n').slice(1)) {
    if (line === '' || line.startsWith('#') || line.startsWith('Service Name')) continue;
    // Only the first three columns matter here; none of them contains a comma.
    const [name, port, protocol] = line.split(',');
    rows.push({ name: name!, port: Number(port), protocol: protocol! });
  }
  return rows;
}

/** Any UTF-16 code unit, lone surrogates and controls included (fast-check's 'binary' unit is slow to generate). */
const utf16 = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

describe('services table against the IANA registry excerpt', () => {
  const rows = ianaRows();
  const ports = [...new Set(rows.map((r) => r.port))];

  it('covers the ports the seed tutorials name', () => {
    for (const p of [20, 21, 22, 23, 25, 53, 67, 68, 80, 110, 123, 143, 443, 3306, 8080]) expect(ports).toContain(p);
  });

  it.each(ports)('port %i lists exactly the (name, protocol) pairs IANA registers', (port) => {
    const expected = rows.filter((r) => r.port === port && r.name !== '').map((r) => `${r.name}/${r.protocol}`).sort();
    const actual = lookupPort(String(port)).services.map((s) => `${s.name}/${s.protocol}`).sort();
    expect(actual).toEqual(expected);
  });

  it('every table row appears in the excerpt (no service invented)', () => {
    const known = new Set(rows.map((r) => `${r.name}/${r.port}/${r.protocol}`));
    for (const s of SERVICES) for (const p of s.protocols) expect(known.has(`${s.name}/${s.port}/${p}`), `${s.name}/${s.port}/${p}`).toBe(true);
  });

  it('descriptions are the registry text of the tcp row (or the only row)', () => {
    for (const s of SERVICES) {
      const line = readFileSync(new URL('../data/iana-services-excerpt.csv', import.meta.url), 'utf8')
        .split('\n').find((l) => l.startsWith(`${s.name},${s.port},${s.protocols[0]},`));
      expect(line, `${s.name}/${s.port}`).toBeDefined();
      const desc = line!.split(',').slice(3).join(',').replace(/^"|"$/g, '');
      expect(s.description).toBe(desc);
    }
  });

  it('IMAP and IMAPS are tcp only (RFC 9051 reserved their udp ports)', () => {
    expect(lookupPort('143').services.map((s) => s.protocol)).toEqual(['tcp']);
    const imaps = lookupPort('imaps');
    expect(imaps.services.map((s) => `${imaps.port}/${s.protocol}`)).toEqual(['993/tcp']);
  });

  it('aliases point at names that exist in the table', () => {
    for (const [alias, a] of Object.entries(SERVICE_ALIASES)) {
      for (const n of a.names) expect(SERVICES.some((s) => s.name === n), `${alias} -> ${n}`).toBe(true);
      expect(SERVICES.some((s) => s.name === alias), `${alias} must not shadow an IANA name`).toBe(false);
    }
  });
});

describe('port ranges (RFC 6335 section 6)', () => {
  it.each([
    [0, 'well-known'], [1023, 'well-known'], [1024, 'registered'], [49151, 'registered'],
    [49152, 'dynamic'], [65535, 'dynamic'],
  ] as const)('%i is %s', (port, range) => {
    expect(portRange(port)).toBe(range);
    expect(lookupPort(String(port)).range).toBe(range);
  });

  it('port 0 is reserved', () => {
    expect(lookupPort('0').reserved).toBe(true);
    expect(lookupPort('0').services).toEqual([]);
  });
});

describe('lookup by service name', () => {
  it('https -> 443 on tcp, udp and sctp', () => {
    const r = lookupPort('https');
    expect(r.lookup).toBe('service');
    expect(r.port).toBe(443);
    expect(r.services.map((s) => s.protocol)).toEqual(['tcp', 'udp', 'sctp']);
    expect(r.alias).toBeUndefined();
  });

  it('is case-insensitive', () => {
    expect(lookupPort('SSH').port).toBe(22);
  });

  it('dns is an alias of domain and says so', () => {
    const r = lookupPort('dns');
    expect(r.port).toBe(53);
    expect(r.alias?.names).toEqual(['domain']);
    expect(r.services.every((s) => s.name === 'domain')).toBe(true);
  });

  it('dhcp is an alias of bootps (67) and bootpc (68)', () => {
    const r = lookupPort('dhcp');
    expect(r.matches.map((m) => m.port)).toEqual([67, 68]);
    expect(r.matches.map((m) => m.services[0]!.name)).toEqual(['bootps', 'bootpc']);
    expect(r.alias?.note).toMatch(/BOOTP/);
  });

  it('http-alt is registered on 8008 and 8080', () => {
    expect(lookupPort('http-alt').matches.map((m) => m.port)).toEqual([8008, 8080]);
  });

  it('an unknown name is an InputError', () => {
    expect(() => lookupPort('nosuchservice')).toThrow(InputError);
  });
});

describe('strict port numbers', () => {
  it.each(['', '-1', '+80', '65536', '99999999999', '080', '8 0', '0x50', '80.0', '1e3'])('rejects %j', (s) => {
    expect(() => lookupPort(s)).toThrow(InputError);
  });
  it('accepts 0 and 65535', () => {
    expect(parsePortNumber('0')).toBe(0);
    expect(parsePortNumber('65535')).toBe(65535);
  });
});

describe('fuzz: lookupPort on 100,000 arbitrary strings', () => {
  it('never throws anything but a one-line InputError', () => {
    // Capturing 100,000 stack traces costs seconds and tells us nothing here.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    onTestFinished(() => { Error.stackTraceLimit = limit; });
    const check = (s: string): void => {
      try {
        const r = lookupPort(s);
        if (!(r.port >= 0 && r.port <= 65535)) throw new Error(`port ${r.port} out of range for ${JSON.stringify(s)}`);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        if (e.message === '' || e.message.includes('\n')) throw new Error(`bad message for ${JSON.stringify(s)}`);
      }
    };
    fc.assert(fc.property(fc.string({ maxLength: 20 }), check), { numRuns: 30_000, seed: 11 });
    fc.assert(fc.property(fc.string({ unit: utf16, maxLength: 20 }), check), { numRuns: 20_000, seed: 12 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'0123456789-+ abcdhtpsx'), maxLength: 8 }), check), { numRuns: 50_000, seed: 13 });
  });
});
