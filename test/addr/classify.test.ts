import { Address4, Address6 } from 'ip-address';
import * as lib4 from 'ip-address/dist/v4/constants.js';
import * as lib6 from 'ip-address/dist/v6/constants.js';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/addr/classify.js';
import { renderClassifyText } from '../../src/cli/render/classify-text.js';
import { classify as ZH } from '../../src/i18n/zh/classify.js';
import { formatIPv4, formatIPv6, parseCidr } from '../../src/addr/parse.js';
import { IPV4_SPECIAL, IPV6_SPECIAL } from '../../src/addr/special-ranges.js';
import { seeded, vectors } from './vectors.js';

const norm = (cidr: string): string => {
  const c = parseCidr(cidr);
  return `${c.version === 4 ? formatIPv4(Number(c.address)) : formatIPv6(c.address)}/${c.prefix}`;
};

describe('the registry table matches the one ip-address 10.7 generated from the IANA CSVs', () => {
  it.each([
    ['IPv4', IPV4_SPECIAL.filter((r) => r.source === 'iana-ipv4-special'), lib4.SPECIAL_PURPOSE],
    ['IPv6', IPV6_SPECIAL.filter((r) => r.source === 'iana-ipv6-special'), lib6.SPECIAL_PURPOSE],
  ] as const)('%s: same blocks, names and Globally Reachable column', (_, ours, theirs) => {
    const mine = ours.map((r) => [norm(r.cidr), r.name, r.globallyReachable]);
    const lib = theirs.map(([cidr, name, reachable]) => [norm(cidr), name, reachable]);
    expect(mine).toEqual(lib);
  });
  it('every block names its RFC', () => {
    for (const r of [...IPV4_SPECIAL, ...IPV6_SPECIAL]) expect(r.rfc).toMatch(/^RFC \d+/);
  });
});

describe('SSRF bypass spellings of loopback and private addresses are not global', () => {
  it.each([
    ['::ffff:127.0.0.1', '127.0.0.1', 'loopback'],
    ['::fFFf:7f00:1', '127.0.0.1', 'loopback'],
    ['0:0:0:0:0:ffff:10.0.0.1', '10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', '169.254.169.254', 'link-local'],
    ['64:ff9b::7f00:1', '127.0.0.1', 'loopback'],
    ['64:ff9b::a00:1', '10.0.0.1', 'private'],
    ['2002:7f00:1::1', '127.0.0.1', 'loopback'],
  ])('%s carries %s (%s)', (text, v4, scope) => {
    const c = classify(text);
    expect(c.global).toBe(false);
    expect(c.embeddedIPv4).toBe(v4);
    expect(c.embedded?.scope).toBe(scope);
  });
  it('RFC 1918 inside a mapped address is private', () => {
    expect(classify('0:0:0:0:0:ffff:10.0.0.1').private).toBe(true);
  });
  it('127.1 and 012.1.2.3 are rejected, not classified', () => {
    expect(() => classify('127.1')).toThrow(/shorthand/);
    expect(() => classify('012.1.2.3')).toThrow(/leading zero/);
  });
});

describe('scope per block (IANA registries; CLI.md scope names)', () => {
  it.each([
    ['0.0.0.0', 'unspecified'], ['0.1.2.3', 'special'], ['127.0.0.1', 'loopback'], ['10.1.2.3', 'private'],
    ['172.31.255.255', 'private'], ['192.168.1.1', 'private'], ['100.64.0.1', 'shared'], ['169.254.1.1', 'link-local'],
    ['224.0.0.1', 'multicast'], ['239.1.2.3', 'multicast'], ['255.255.255.255', 'broadcast'], ['192.0.2.1', 'documentation'],
    ['198.51.100.1', 'documentation'], ['203.0.113.9', 'documentation'], ['198.18.0.1', 'benchmarking'],
    ['240.0.0.1', 'reserved'], ['192.0.0.8', 'special'], ['8.8.8.8', 'global'], ['172.32.0.1', 'global'],
    ['::', 'unspecified'], ['::1', 'loopback'], ['fe80::1', 'link-local'], ['fd00::1', 'unique-local'],
    ['ff02::1', 'multicast'], ['::ffff:1.2.3.4', 'ipv4-mapped'], ['64:ff9b::1.2.3.4', 'translation'],
    ['64:ff9b:1::1', 'translation'], ['2001::1', 'teredo'], ['2002::1', '6to4'], ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'], ['2001:2::1', 'benchmarking'], ['100::1', 'special'], ['fec0::1', 'reserved'],
    ['4000::1', 'reserved'], ['2606:4700::1111', 'global'],
  ])('%s: %s', (a, scope) => {
    expect(classify(a).scope).toBe(scope);
  });

  it('lists ranges most specific first with cidr, name and rfc', () => {
    expect(classify('192.0.0.9').ranges).toEqual([
      { cidr: '192.0.0.9/32', name: 'Port Control Protocol Anycast', rfc: 'RFC 7723' },
      { cidr: '192.0.0.0/24', name: 'IETF Protocol Assignments', rfc: 'RFC 6890, Section 2.1' },
    ]);
    // the most specific block decides: PCP anycast is globally reachable inside a non-global /24
    expect(classify('192.0.0.9').global).toBe(true);
  });
});

describe('embedded IPv4 (RFC 6052 NAT64, RFC 3056 6to4, RFC 4380 Teredo, RFC 4291 mapped)', () => {
  // The IANA IPv6 special-purpose registry: ::ffff:0:0/96 (RFC 4291) "Globally Reachable: False". A
  // mapped address of a global IPv4 address is therefore not global, and the text says why: with no
  // reason beside "global no", the embedded line's "global yes" read as a contradiction.
  it('the text names the registry entry when the wrapper, not its IPv4 address, makes it not global', () => {
    const line = (a: string, t?: typeof ZH): string => renderClassifyText(classify(a), false, t).split('\n')[2]!;
    expect(line('::ffff:1.2.3.4')).toMatch(/^  global +no  \(IANA: ::ffff:0:0\/96 is not marked globally reachable\)$/);
    expect(line('::ffff:1.2.3.4', ZH)).toContain('（IANA 注册表未将 ::ffff:0:0/96 标为全球可达）');
    expect(line('::ffff:127.0.0.1')).toMatch(/\(its IPv4 127\.0\.0\.1 is loopback\)$/); // the IPv4 address's own reason first
    expect(line('64:ff9b::808:808')).toMatch(/^  global +yes$/);
  });
  it('RFC 6052 2.4: 192.0.2.33 under 64:ff9b::/96 is 64:ff9b::c000:221, printed 64:ff9b::192.0.2.33', () => {
    const c = classify('64:ff9b::c000:221');
    expect(c.address).toBe('64:ff9b::192.0.2.33'); // RFC 5952 section 5 / RFC 6052 2.4 text form
    expect(c.embeddedIPv4).toBe('192.0.2.33');
    expect(c.embedded?.kind).toBe('nat64');
    // 64:ff9b::/96 is globally reachable (registry), but only as far as its IPv4 address is
    expect(c.global).toBe(false);
    expect(classify('64:ff9b::808:808').global).toBe(true);
  });
  it('RFC 6052 2.4: the /96 network-specific form 2001:db8:122:344::192.0.2.33 parses to those bits', () => {
    expect(classify('2001:db8:122:344::192.0.2.33').address).toBe('2001:db8:122:344::c000:221');
  });
  it('Teredo (RFC 4380 section 4 layout): server, obfuscated client and port', () => {
    const c = classify('2001:0:4136:e378:8000:63bf:3fff:fdd2');
    expect(c.teredo).toEqual({ server: '65.54.227.120', client: '192.0.2.45', clientPort: 40000, flags: 0x8000 });
    expect(c.embeddedIPv4).toBe('192.0.2.45');
    expect(c.global).toBe(false);
  });
  it.each(vectors.notationV6.filter((v) => v.ipv4Mapped ?? v.sixtofour ?? v.teredo).map((v) => [v.address, v] as const))(
    'Python agrees on the IPv4 inside %s',
    (_, v) => {
      const c = classify(v.address);
      const want = v.ipv4Mapped ?? v.sixtofour ?? v.teredo?.[1];
      expect(c.embeddedIPv4).toBe(want);
      if (v.teredo) expect(c.teredo?.server).toBe(v.teredo[0]);
    },
  );
});

/**
 * Blocks where Python 3.11.7's is_global differs from the IANA registries (it predates the gh-113171
 * fix that landed in 3.12.4): each with the registry's answer, checked below on a probe address.
 */
const PYTHON_311_DIFFERS: { cidr: string; probe: string; registryGlobal: boolean; why: string }[] = [
  { cidr: '192.0.0.0/24', probe: '192.0.0.200', registryGlobal: false, why: 'IETF Protocol Assignments: Python lists only 192.0.0.0/29 and .170/31' },
  { cidr: '192.88.99.2/32', probe: '192.88.99.2', registryGlobal: false, why: '6a44-relay anycast (RFC 6751) is not in Python\'s list' },
  { cidr: '224.0.0.0/4', probe: '224.0.0.251', registryGlobal: false, why: 'multicast is not a unicast destination; Python calls it global' },
  { cidr: '2001::/23', probe: '2001:20::1', registryGlobal: true, why: 'Python marks all of 2001::/23 private; the registry makes PCP, TURN, DNS-SD anycast, AMT, AS112, ORCHIDv2, DETs global' },
  { cidr: '64:ff9b::/96', probe: '64:ff9b::7f00:1', registryGlobal: false, why: 'NAT64 reaches the embedded IPv4 address; Python does not look inside' },
  { cidr: '64:ff9b:1::/48', probe: '64:ff9b:1::1', registryGlobal: false, why: 'RFC 8215 local-use NAT64 is not in Python\'s list' },
  { cidr: '100:0:0:1::/64', probe: '100:0:0:1::1', registryGlobal: false, why: 'Dummy IPv6 Prefix (RFC 9780) is newer than Python 3.11.7' },
  { cidr: '2002::/16', probe: '2002:808:808::1', registryGlobal: false, why: '6to4 is N/A in the registry (needs a relay); Python calls it global' },
  { cidr: '3fff::/20', probe: '3fff::1', registryGlobal: false, why: 'Documentation (RFC 9637) is newer than Python 3.11.7' },
  { cidr: '5f00::/16', probe: '5f00::1', registryGlobal: false, why: 'SRv6 SIDs (RFC 9602) are newer than Python 3.11.7' },
  { cidr: '::/3', probe: '::2', registryGlobal: false, why: 'outside 2000::/3, the only global unicast space (IANA IPv6 Address Space); Python does not check' },
  { cidr: '4000::/2', probe: '4000::1', registryGlobal: false, why: 'outside 2000::/3' },
  { cidr: '8000::/1', probe: 'ff0e::1', registryGlobal: false, why: 'outside 2000::/3 (includes multicast and fec0::/10)' },
];

function inCidr(address: string, cidr: string): boolean {
  const a = parseCidr(address);
  const c = parseCidr(cidr);
  if (a.version !== c.version) return false;
  const shift = BigInt((c.version === 4 ? 32 : 128) - c.prefix);
  return a.address >> shift === c.address >> shift;
}

describe(`global vs Python ${vectors.python} is_global (${vectors.classify.length} addresses)`, () => {
  it.each(PYTHON_311_DIFFERS.map((d) => [d.cidr, d] as const))('where Python differs, %s follows the registry', (_, d) => {
    expect(inCidr(d.probe, d.cidr)).toBe(true);
    expect(classify(d.probe).global).toBe(d.registryGlobal);
  });

  it('agrees everywhere else, and the comparison covers most vectors', () => {
    let compared = 0;
    for (const v of vectors.classify) {
      if (PYTHON_311_DIFFERS.some((d) => inCidr(v.address, d.cidr))) continue;
      compared++;
      const c = classify(v.address);
      if (c.global !== v.isGlobal) expect({ address: v.address, global: c.global }).toEqual({ address: v.address, global: v.isGlobal });
      if (v.isMulticast) expect(c.scope).toBe('multicast');
      if (v.isLoopback) expect(c.scope).toBe('loopback');
    }
    expect(compared).toBeGreaterThan(vectors.classify.length / 2);
  });
});

describe('global vs ip-address isGlobal() (seeded random addresses + probes)', () => {
  // One deliberate difference: ip-address answers for an IPv4-mapped address with its IPv4 address's
  // answer (::ffff:8.8.8.8 global); netkata also applies the registry's "not globally reachable" for
  // ::ffff:0:0/96 itself, so a mapped address is never global. Stricter, and what the registry says.
  const libGlobal = (text: string, version: 4 | 6): boolean =>
    version === 4 ? new Address4(text).isGlobal() : new Address6(text).isGlobal();
  const isMapped = (text: string): boolean => inCidr(text, '::ffff:0:0/96');

  it('agree on 20,000 addresses', () => {
    const next = seeded(0x5eed0006);
    const probes = vectors.classify.map((v) => [v.address, v.version] as const);
    const cidrs = [...IPV4_SPECIAL, ...IPV6_SPECIAL].map((r) => parseCidr(r.cidr));
    for (let i = 0; i < 20_000; i++) {
      let text: string;
      let version: 4 | 6;
      const kind = next() % 3;
      if (kind === 0) {
        text = formatIPv4(next());
        version = 4;
      } else if (kind === 1) {
        let v = 0n;
        for (let k = 0; k < 4; k++) v = (v << 32n) | BigInt(next());
        text = formatIPv6(v);
        version = 6;
      } else {
        // a random address inside a random special block, so every block gets hit
        const c = cidrs[next() % cidrs.length]!;
        const bits = c.version === 4 ? 32 : 128;
        let r = 0n;
        for (let k = 0; k < 4; k++) r = (r << 32n) | BigInt(next());
        const host = r & ((1n << BigInt(bits - c.prefix)) - 1n);
        const base = (c.address >> BigInt(bits - c.prefix)) << BigInt(bits - c.prefix);
        text = c.version === 4 ? formatIPv4(Number(base | host)) : formatIPv6(base | host);
        version = c.version;
      }
      probes.push([text, version]);
    }
    for (const [text, version] of probes) {
      const ours = classify(text).global;
      const theirs = version === 6 && isMapped(text) ? false : libGlobal(text, version);
      if (ours !== theirs) expect({ text, global: ours }).toEqual({ text, global: theirs });
    }
    expect(libGlobal('::ffff:8.8.8.8', 6)).toBe(true);
    expect(classify('::ffff:8.8.8.8').global).toBe(false);
  });
});
