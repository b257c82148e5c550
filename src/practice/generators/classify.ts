/** Address classification questions: scope, private (RFC 1918 / fc00::/7), globally reachable. */
import { classify, type Classification } from '../../addr/classify.js';
import { formatAddress, parseCidr } from '../../addr/parse.js';
import { body, options, type Generator } from '../generator.js';
import { text, type Text } from '../question.js';
import type { Rng } from '../rng.js';
import { pickIPv4 } from './pick-address.js';

/** A random address inside a block (host bits drawn from the rng). */
export function inside(rng: Rng, cidr: string): string {
  const c = parseCidr(cidr);
  const bits = c.version === 4 ? 32 : 128;
  const hostBits = bits - c.prefix;
  let host = 0n;
  for (let left = hostBits; left > 0; left -= 16) host = (host << 16n) | BigInt(rng.int(0, 0xffff));
  host &= (1n << BigInt(hostBits)) - 1n;
  const net = c.address & ~((1n << BigInt(hostBits)) - 1n);
  return formatAddress(c.version, net | host);
}

const V4_BLOCKS: Readonly<Record<string, readonly string[]>> = {
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
  loopback: ['127.0.0.0/8'],
  'link-local': ['169.254.1.0/24', '169.254.0.0/16'],
  shared: ['100.64.0.0/10'],
  documentation: ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'],
  multicast: ['224.0.0.0/4'],
  benchmarking: ['198.18.0.0/15'],
  reserved: ['240.0.0.0/5'],
};
const V6_BLOCKS: Readonly<Record<string, readonly string[]>> = {
  'unique-local': ['fd00::/8', 'fc00::/7'],
  'link-local': ['fe80::/64'],
  loopback: ['::1/128'],
  documentation: ['2001:db8::/32'],
  multicast: ['ff02::/16', 'ff05::/16', 'ff0e::/16'],
  'ipv4-mapped': ['::ffff:0:0/96'],
};

const SCOPE_ZH: Readonly<Record<string, string>> = {
  private: '私有', loopback: '环回', 'link-local': '链路本地', shared: '运营商共享（CGN）', documentation: '文档示例',
  multicast: '组播', benchmarking: '基准测试', reserved: '保留', global: '全球可达（公网）', 'unique-local': '唯一本地',
  'ipv4-mapped': 'IPv4 映射', unspecified: '未指定', broadcast: '广播', translation: 'NAT64 转换', teredo: 'Teredo',
  '6to4': '6to4', special: '其他特殊用途',
};

function scopeChoice(scope: string): Text {
  return { en: scope, zh: SCOPE_ZH[scope] === undefined ? scope : `${SCOPE_ZH[scope]}（${scope}）` };
}

function pickGlobal(rng: Rng, version: number): string {
  for (;;) {
    const a = version === 4 ? pickIPv4(rng) : inside(rng, rng.pick(['2400::/12', '2600::/12', '2a00::/12', '2001:4860::/32']));
    if (classify(a).global) return a;
  }
}

function rangesText(c: Classification): Text {
  if (c.ranges.length === 0) {
    return text(`${c.address} is in no special-purpose block: ordinary ${c.version === 4 ? 'unicast' : 'global unicast (2000::/3)'} space.`,
      `${c.address} 不属于任何特殊用途地址块：普通的${c.version === 4 ? '单播' : '全球单播（2000::/3）'}地址。`);
  }
  const rows = c.ranges.map((r) => `${r.cidr}  ${r.name} (${r.rfc})`).join('\n');
  return text(`${c.address} lies in:\n${rows}`, `${c.address} 属于：\n${rows}`);
}

export const classifyScope: Generator = {
  name: 'classify.scope',
  topic: 'classify',
  params: { version: options(['4', '6'], ['4', '4', '6']) },
  make(rng, p) {
    const version = Number(p.option('version'));
    const blocks = version === 4 ? V4_BLOCKS : V6_BLOCKS;
    const kind = rng.pick([...Object.keys(blocks), 'global']);
    const address = kind === 'global' ? pickGlobal(rng, version) : inside(rng, rng.pick(blocks[kind]!));
    const c = classify(address);
    const others = rng.shuffle([...Object.keys(blocks), 'global'].filter((s) => s !== c.scope)).slice(0, 3);
    const choices = rng.shuffle([c.scope, ...others]).map(scopeChoice);
    return body({
      prompt: text(`What kind of address is ${address}?`, `${address} 属于哪类地址？`),
      choices,
      answer: scopeChoice(c.scope),
      check: { kind: 'choice' },
      explanation: text('IANA keeps registries of special-purpose blocks; an address is special when one of those blocks contains it, otherwise it is ordinary (global) unicast.',
        'IANA 维护特殊用途地址块的登记表；地址落在其中某块里就是特殊地址，否则就是普通的全球单播地址。'),
      working: rangesText(c),
      params: { address },
    });
  },
};

const PRIVATE_EDGES = ['10.0.0.0/8', '11.0.0.0/8', '9.0.0.0/8', '172.15.0.0/16', '172.16.0.0/12', '172.31.0.0/16', '172.32.0.0/16',
  '192.168.0.0/16', '192.169.0.0/16', '192.167.0.0/16', '100.64.0.0/10', '169.254.0.0/16'];

export const classifyPrivate: Generator = {
  name: 'classify.private',
  topic: 'classify',
  params: { version: options(['4', '6'], ['4', '4', '4', '6']) },
  make(rng, p) {
    const version = Number(p.option('version'));
    const address = version === 4
      ? inside(rng, rng.pick(PRIVATE_EDGES))
      : inside(rng, rng.pick(['fd00::/8', 'fc00::/8', 'fe80::/64', '2001:db8::/32', 'fec0::/10']));
    const c = classify(address);
    return body({
      prompt: text(`Is ${address} a private address (${version === 4 ? 'RFC 1918' : 'unique-local, fc00::/7'})? (yes/no)`,
        `${address} 是私有地址（${version === 4 ? 'RFC 1918' : '唯一本地地址 fc00::/7'}）吗？（是/否）`),
      answer: text(c.private ? 'yes' : 'no', c.private ? '是' : '否'),
      check: { kind: 'yesno' },
      explanation: version === 4
        ? text('RFC 1918 private space is exactly 10.0.0.0/8, 172.16.0.0/12 (172.16-172.31) and 192.168.0.0/16. 100.64.0.0/10 (carrier-grade NAT) and 169.254.0.0/16 (link-local) are special but not private.',
          'RFC 1918 私有地址只有 10.0.0.0/8、172.16.0.0/12（172.16 到 172.31）和 192.168.0.0/16。100.64.0.0/10（运营商级 NAT）和 169.254.0.0/16（链路本地）虽然特殊，但不是私有地址。')
        : text('IPv6 has no RFC 1918; its private-use space is unique-local fc00::/7 (in practice fd00::/8). fe80::/10 is link-local, fec0::/10 is the deprecated site-local.',
          'IPv6 没有 RFC 1918；它的私有地址是唯一本地地址 fc00::/7（实际使用 fd00::/8）。fe80::/10 是链路本地，fec0::/10 是已废弃的站点本地。'),
      working: rangesText(c),
      params: { address },
    });
  },
};

export const classifyGlobal: Generator = {
  name: 'classify.global',
  topic: 'classify',
  params: { version: options(['4', '6'], ['4', '4', '6']) },
  make(rng, p) {
    const version = Number(p.option('version'));
    // Multicast is left out: whether a group address is reachable beyond the local network depends on
    // its scope (224.0.0.0/24 never leaves the link, 233.252.0.0/24 is documentation, ff0e:: is
    // global scope), not on one yes/no for the block; classify.scope asks about multicast instead.
    const blocks = Object.entries(version === 4 ? V4_BLOCKS : V6_BLOCKS).filter(([k]) => k !== 'multicast').map(([, v]) => v);
    const address = rng.bool() ? pickGlobal(rng, version) : inside(rng, rng.pick(rng.pick(blocks)));
    const c = classify(address);
    return body({
      prompt: text(`Is ${address} globally reachable (routable on the public Internet)? (yes/no)`, `${address} 是全球可达（可在公网路由）的地址吗？（是/否）`),
      answer: text(c.global ? 'yes' : 'no', c.global ? '是' : '否'),
      check: { kind: 'yesno' },
      explanation: text('The IANA special-purpose registries say for each block whether it is globally reachable; private, loopback, link-local, documentation and similar blocks are not.',
        'IANA 特殊用途地址登记表为每个地址块标明是否全球可达；私有、环回、链路本地、文档示例等地址块都不可达。'),
      working: rangesText(c),
      params: { address },
    });
  },
};

export const CLASSIFY_GENERATORS: readonly Generator[] = [classifyScope, classifyPrivate, classifyGlobal];
