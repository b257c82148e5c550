/**
 * Routing-table questions: the summary (supernet) route of a set of networks, and the next hop a
 * router picks by longest-prefix match (RFC 1812 5.2.4.3). Containment and networks come from
 * src/addr's subnet(); the working shows the common bits and the matching entries.
 */
import type { SubnetIPv4 } from '../../addr/subnet.js';
import { body, range, type Generator } from '../generator.js';
import { text, type Text } from '../question.js';
import { pickIPv4 } from './pick-address.js';
import { subnet4, u32 } from './exam-ipv4.js';

const contains = (cidr: string, address: string): boolean => {
  const [net, p] = cidr.split('/') as [string, string];
  return subnet4(address, Number(p)).network === net;
};

export const routeSummary: Generator = {
  name: 'route.summary',
  topic: 'subnet',
  params: { prefix: range(16, 28, [20, 27]), count: range(2, 8, [2, 6]) },
  make(rng, p) {
    const prefix = p.int('prefix');
    const count = p.int('count');
    const size = 2 ** (32 - prefix);
    // `count` networks of the same length out of a window of 8 neighbours: sometimes an aligned run
    // that summarises exactly, sometimes a run that straddles a boundary and needs a shorter prefix.
    const window = subnet4(pickIPv4(rng), prefix - 3);
    const start = u32(window.network);
    const picks = rng.shuffle([0, 1, 2, 3, 4, 5, 6, 7]).slice(0, count).sort((a, b) => a - b);
    const nets = picks.map((i) => subnet4(start + i * size, prefix));
    const lo = nets[0]!;
    const hi = nets[nets.length - 1]!;
    let summary = prefix;
    while (subnet4(lo.network, summary).network !== subnet4(hi.network, summary).network) summary--;
    const s = subnet4(lo.network, summary);
    const list = nets.map((n) => n.cidr).join(', ');
    const bits = (n: SubnetIPv4): string => n.binary.network.replace(/\./g, '');
    const mark = (n: SubnetIPv4): string => `${bits(n).slice(0, summary)}|${bits(n).slice(summary, prefix)}`;
    const covered = 2 ** (prefix - summary);
    return body({
      prompt: text(`A router advertises one route for ${list}. What is the smallest single summary route (CIDR) that covers them all?`,
        `路由器要用一条路由通告 ${nets.map((n) => n.cidr).join('、')}。能覆盖它们全部的最小汇总路由（CIDR）是什么？`),
      answer: s.cidr,
      check: { kind: 'cidr' },
      explanation: text('Write the networks in binary and keep the bits they all share: the number of common leading bits is the summary\'s prefix, and those bits followed by zeros are its network.',
        '把各网络写成二进制，保留它们共有的前导位：共同前导位的位数就是汇总路由的前缀长度，这些位后面补 0 就是汇总后的网络地址。'),
      working: text(`${nets.map((n) => `${n.network.padEnd(16)}${mark(n)}`).join('\n')}\n${summary} common bits -> ${s.cidr} (covers ${covered} /${prefix} networks${covered > count ? `, ${covered - count} of them not listed` : ''})`,
        `${nets.map((n) => `${n.network.padEnd(16)}${mark(n)}`).join('\n')}\n共同前导位 ${summary} 位 -> ${s.cidr}（覆盖 ${covered} 个 /${prefix} 网络${covered > count ? `，其中 ${covered - count} 个不在列表里` : ''}）`),
      params: { networks: nets.map((n) => n.cidr) },
    });
  },
};

export const routeLongestMatch: Generator = {
  name: 'route.lpm',
  topic: 'subnet',
  params: {},
  make(rng) {
    const dest = pickIPv4(rng);
    // Nested routes that contain the destination (short, middle, long), a near miss (the long route's
    // sibling: one bit different just above its boundary) and the default route.
    const short = rng.int(8, 16);
    const middle = rng.int(short + 2, 22);
    const long = rng.int(middle + 2, 28);
    const covering = [short, middle, long].map((pl) => subnet4(dest, pl).cidr);
    const longNet = u32(subnet4(dest, long).network);
    const sibling = subnet4((longNet ^ 2 ** (32 - long)) >>> 0, long).cidr;
    const dropLong = rng.bool(); // half the time the longest covering route is missing: the middle one wins
    const routes = [...covering.filter((_, i) => !(dropLong && i === 2)), sibling, '0.0.0.0/0'];
    const hops = rng.shuffle(['R1', 'R2', 'R3', 'R4', 'R5']).slice(0, routes.length);
    const table = rng.shuffle(routes.map((r, i) => ({ route: r, hop: hops[i]! })));
    const matching = table.filter((t) => contains(t.route, dest));
    const best = matching.reduce((a, b) => (Number(b.route.split('/')[1]) > Number(a.route.split('/')[1]) ? b : a));
    const rows = table.map((t) => `  ${t.route.padEnd(20)}-> ${t.hop}`).join('\n');
    const choices: Text[] = [...hops].sort().map((h) => text(h, h));
    const work = table.map((t) => `${t.route.padEnd(20)}${contains(t.route, dest) ? `matches (/${t.route.split('/')[1]})` : 'no match'}`).join('\n');
    return body({
      prompt: text(`A router has this routing table:\n${rows}\nTo which next hop does it forward a packet for ${dest}?`,
        `路由器的路由表如下：\n${rows}\n目的地址为 ${dest} 的分组转发给哪个下一跳？`),
      choices,
      answer: text(best.hop, best.hop),
      check: { kind: 'choice' },
      explanation: text('Of all routes that contain the destination, the router uses the one with the longest prefix (longest-prefix match, RFC 1812 5.2.4.3); the default route 0.0.0.0/0 matches everything and is used only when nothing longer does.',
        '在所有包含目的地址的路由中，路由器选前缀最长的一条（最长前缀匹配，RFC 1812 第 5.2.4.3 节）；默认路由 0.0.0.0/0 匹配一切，只有没有更长的匹配时才使用。'),
      working: text(`${work}\nlongest match: ${best.route} -> ${best.hop}`, `${work.replace(/matches \((\/\d+)\)/g, '匹配（$1）').replace(/no match/g, '不匹配')}\n最长匹配：${best.route} -> ${best.hop}`),
      params: { dest, table },
    });
  },
};

export const ROUTING_GENERATORS: readonly Generator[] = [routeSummary, routeLongestMatch];
