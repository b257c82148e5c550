/**
 * Special addresses exams ask about by name: the limited broadcast 255.255.255.255, a subnet's directed
 * broadcast, 0.0.0.0, loopback, the all-hosts and all-routers groups 224.0.0.1 and 224.0.0.2, and the
 * IPv4-mapped and (deprecated) IPv4-compatible IPv6 forms. The address is drawn and parsed; which
 * meaning it has is decided from its value, each rule with the RFC it comes from.
 */
import { formatIPv4, parseAddress, parseCidr } from '../../addr/parse.js';
import { subnet } from '../../addr/subnet.js';
import { body, type Generator } from '../generator.js';
import { text, type Text } from '../question.js';
import type { Rng } from '../rng.js';
import { pickIPv4 } from './pick-address.js';

const MEANINGS = {
  limited: text('limited broadcast: every host on this link, never forwarded by a router', '受限广播地址：本链路上的所有主机，路由器不转发'),
  directed: text('directed broadcast of a subnet: every host of that subnet', '直接广播地址：某个子网内的所有主机'),
  unspecified: text('"this host" / unspecified: a source address before the host has one (e.g. in DHCP discovery)', '“本主机”/未指定地址：主机还没有地址时用作源地址（例如 DHCP 发现阶段）'),
  loopback: text('loopback: the host itself, never on the wire', '环回地址：主机自身，不会出现在线路上'),
  allHosts: text('the all-hosts multicast group of the local network', '本地网络上所有主机的组播组'),
  allRouters: text('the all-routers multicast group of the local network', '本地网络上所有路由器的组播组'),
  mapped: text('an IPv4-mapped IPv6 address: an IPv4 node as seen by an IPv6 socket', 'IPv4 映射的 IPv6 地址：IPv6 套接字眼中的 IPv4 节点'),
  compatible: text('an IPv4-compatible IPv6 address (deprecated, was for automatic tunnels)', 'IPv4 兼容的 IPv6 地址（已废弃，曾用于自动隧道）'),
} as const;
type Meaning = keyof typeof MEANINGS;

const WHY: Readonly<Record<Meaning, Text>> = {
  limited: text('RFC 919 / RFC 1122 3.2.1.3: 255.255.255.255 is the limited broadcast, delivered to every host of the local link and never forwarded.', 'RFC 919 和 RFC 1122 第 3.2.1.3 节：255.255.255.255 是受限广播地址，发给本链路上的所有主机，路由器不转发。'),
  directed: text('RFC 922 / RFC 1122 3.2.1.3: a subnet\'s address with all host bits 1 is its directed broadcast; a router can deliver it from afar (most block it today, RFC 2644).', 'RFC 922 和 RFC 1122 第 3.2.1.3 节：主机位全为 1 的地址是该子网的直接广播地址，可从远处发往该子网（如今路由器大多默认不转发，RFC 2644）。'),
  unspecified: text('RFC 1122 3.2.1.3: 0.0.0.0 means "this host on this network" and may only be a source, e.g. a DHCP client\'s DISCOVER.', 'RFC 1122 第 3.2.1.3 节：0.0.0.0 表示“本网络上的本主机”，只能用作源地址，例如 DHCP 客户端发送 DISCOVER 时。'),
  loopback: text('RFC 1122 3.2.1.3: 127.0.0.0/8 is loopback; packets to it never leave the host.', 'RFC 1122 第 3.2.1.3 节：127.0.0.0/8 是环回地址，发往它的分组不会离开本机。'),
  allHosts: text('RFC 1112 / the IANA multicast registry: 224.0.0.1 is All Systems on this subnet; 224.0.0.0/24 is never forwarded.', 'RFC 1112 与 IANA 组播地址登记表：224.0.0.1 是本子网上的所有主机（All Systems）；224.0.0.0/24 不会被路由器转发。'),
  allRouters: text('The IANA multicast registry: 224.0.0.2 is All Routers on this subnet.', 'IANA 组播地址登记表：224.0.0.2 是本子网上的所有路由器（All Routers）。'),
  mapped: text('RFC 4291 2.5.5.2: ::ffff:0:0/96 followed by the IPv4 address; a dual-stack socket shows IPv4 peers this way.', 'RFC 4291 第 2.5.5.2 节：::ffff:0:0/96 后接 IPv4 地址；双栈套接字这样表示 IPv4 对端。'),
  compatible: text('RFC 4291 2.5.5.1: 96 zero bits followed by the IPv4 address (not :: or ::1); deprecated, no longer used.', 'RFC 4291 第 2.5.5.1 节：前 96 位全 0，后接 IPv4 地址（不包括 :: 和 ::1）；已废弃，不再使用。'),
};

/** The meaning of an address, from its value alone (a directed broadcast also needs its prefix). */
export function meaningOf(address: string, prefix?: number): Meaning | undefined {
  const a = parseAddress(address);
  if (a.version === 6) {
    if (a.value >> 32n === 0xffffn) return 'mapped';
    if (a.value >> 32n === 0n && a.value > 1n) return 'compatible';
    return undefined;
  }
  const v = Number(a.value);
  if (v === 0xffffffff) return 'limited';
  if (v === 0) return 'unspecified';
  if (v >>> 24 === 127) return 'loopback';
  if (v === 0xe0000001) return 'allHosts';
  if (v === 0xe0000002) return 'allRouters';
  if (prefix !== undefined && prefix <= 30 && subnet(parseCidr(`${address}/${prefix}`)).version === 4) {
    const s = subnet(parseCidr(`${address}/${prefix}`));
    if (s.version === 4 && s.broadcast === address) return 'directed';
  }
  return undefined;
}

function draw(rng: Rng, kind: Meaning): { address: string; prefix?: number } {
  switch (kind) {
    case 'limited': return { address: '255.255.255.255' };
    case 'unspecified': return { address: '0.0.0.0' };
    case 'loopback': return { address: rng.pick(['127.0.0.1', `127.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`]) };
    case 'allHosts': return { address: '224.0.0.1' };
    case 'allRouters': return { address: '224.0.0.2' };
    case 'directed': {
      const prefix = rng.int(16, 28);
      const s = subnet(parseCidr(`${pickIPv4(rng)}/${prefix}`));
      return { address: s.version === 4 ? s.broadcast! : '', prefix };
    }
    case 'mapped': case 'compatible': {
      let v4 = pickIPv4(rng);
      if (kind === 'compatible' && v4.startsWith('0.')) v4 = formatIPv4(0x01000001);
      return { address: `${kind === 'mapped' ? '::ffff:' : '::'}${v4}` };
    }
  }
}

/** A host address (not the network or broadcast) in the /prefix subnet of `near`. */
function hostIn(rng: Rng, near: string, prefix: number): string {
  const s = subnet(parseCidr(`${near}/${prefix}`));
  if (s.version !== 4) throw new Error('expected IPv4');
  const net = Number(parseAddress(s.network).value);
  return formatIPv4(net + rng.int(1, s.addressCount - 2));
}

export const classifySpecial: Generator = {
  name: 'classify.special',
  topic: 'classify',
  params: {},
  make(rng) {
    const kinds = Object.keys(MEANINGS) as Meaning[];
    const kind = rng.pick(kinds);
    const { address, prefix } = draw(rng, kind);
    const meaning = meaningOf(address, prefix)!;
    const v6 = address.includes(':');
    // Three wrong meanings of the same family (IPv4 or IPv6 first), so the address's form alone does not answer.
    const family = kinds.filter((k) => k !== meaning && ((k === 'mapped' || k === 'compatible') === v6));
    const others = rng.shuffle(kinds.filter((k) => k !== meaning && !family.includes(k)));
    const wrong = [...rng.shuffle(family), ...others].slice(0, 3);
    const choices = rng.shuffle([meaning, ...wrong]).map((k) => MEANINGS[k]);
    // Every IPv4 question names the asking host and its prefix, not only the directed-broadcast one,
    // so the presence of a mask does not give that answer away.
    const hostPrefix = prefix ?? rng.int(16, 28);
    const host = v6 ? undefined : hostIn(rng, prefix === undefined ? pickIPv4(rng) : address, hostPrefix);
    return body({
      prompt: host === undefined
        ? text(`What is ${address}?`, `${address} 是什么地址？`)
        : text(`A host is configured as ${host}/${hostPrefix}. What is the address ${address}?`, `某主机配置的地址是 ${host}/${hostPrefix}。地址 ${address} 是什么地址？`),
      choices,
      answer: MEANINGS[meaning],
      check: { kind: 'choice' },
      explanation: WHY[meaning],
      working: text(`${address}${prefix === undefined ? '' : `/${prefix}`} -> ${MEANINGS[meaning].en}`, `${address}${prefix === undefined ? '' : `/${prefix}`} -> ${MEANINGS[meaning].zh}`),
      params: host === undefined ? { address, kind } : { address, host, prefix: hostPrefix, kind },
    });
  },
};
