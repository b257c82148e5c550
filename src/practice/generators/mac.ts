/** MAC address questions: OUI, the I/G (multicast) and U/L (locally administered) bits, modified EUI-64. */
import { macInfo } from '../../addr/mac.js';
import { body, options, type Generator } from '../generator.js';
import { text } from '../question.js';
import type { Rng } from '../rng.js';

const FIRST_OCTETS = [0x00, 0x00, 0x3c, 0xa4, 0xf0, 0x02, 0x01, 0x33, 0xde, 0xac, 0x52, 0xfe, 0x08, 0x0a, 0xb8, 0xff];

function pickMac(rng: Rng): string {
  const octets = [rng.pick(FIRST_OCTETS), ...Array.from({ length: 5 }, () => rng.int(0, 255))];
  const sep = rng.pick([':', '-', ':']);
  const s = octets.map((o) => o.toString(16).padStart(2, '0')).join(sep);
  return rng.int(0, 4) === 0 ? s.toUpperCase() : s;
}

function firstOctetRows(mac: string): { en: string; zh: string } {
  const i = macInfo(mac);
  const first = parseInt(i.mac.slice(0, 2), 16);
  const bits = first.toString(2).padStart(8, '0');
  const en = `first octet ${i.mac.slice(0, 2)} = ${bits}: I/G (bit 0, rightmost) = ${bits[7]} -> ${i.multicast ? 'group/multicast' : 'individual/unicast'}; U/L (bit 1) = ${bits[6]} -> ${i.local ? 'locally administered' : 'universal (vendor OUI)'}`;
  const zh = `第一个字节 ${i.mac.slice(0, 2)} = ${bits}:I/G 位（最右边第 0 位）= ${bits[7]} -> ${i.multicast ? '组播' : '单播'}；U/L 位（第 1 位）= ${bits[6]} -> ${i.local ? '本地管理' : '全球唯一（厂商 OUI）'}`;
  return { en, zh };
}

export const macOui: Generator = {
  name: 'mac.oui',
  topic: 'mac',
  params: {},
  make(rng) {
    // A vendor OUI only means something in a universal unicast address (both low bits of octet 1 clear).
    const mac = pickMac(rng).replace(/^(.)(.)/, (_m, a: string, b: string) => a + (parseInt(b, 16) & 0xc).toString(16));
    const i = macInfo(mac);
    return body({
      prompt: text(`What is the OUI (vendor part) of ${mac}?`, `${mac} 的 OUI（厂商标识部分）是什么？`),
      answer: i.oui,
      check: { kind: 'mac' },
      explanation: text('The first three octets are the Organizationally Unique Identifier the IEEE assigns to a vendor; the last three are the vendor\'s own serial number for the interface.',
        '前三个字节是 IEEE 分配给厂商的组织唯一标识符（OUI），后三个字节是厂商给这块网卡编的序号。'),
      working: text(`${i.mac} = ${i.oui} | ${i.nic}`, `${i.mac} = ${i.oui} | ${i.nic}`),
      params: { mac },
    });
  },
};

export const macBits: Generator = {
  name: 'mac.bits',
  topic: 'mac',
  params: { bit: options(['multicast', 'local']) },
  make(rng, p) {
    const mac = pickMac(rng);
    const i = macInfo(mac);
    const bit = p.option('bit');
    const yes = bit === 'multicast' ? i.multicast : i.local;
    return body({
      prompt: bit === 'multicast'
        ? text(`Is ${mac} a group (multicast or broadcast) address? (yes/no)`, `${mac} 是组播（或广播）地址吗？（是/否）`)
        : text(`Is ${mac} locally administered (not a vendor-assigned address)? (yes/no)`, `${mac} 是本地管理的地址（不是厂商分配的）吗？（是/否）`),
      answer: text(yes ? 'yes' : 'no', yes ? '是' : '否'),
      check: { kind: 'yesno' },
      explanation: text('Both flags sit in the first octet: bit 0 (the least significant) is I/G, 1 for group addresses; bit 1 is U/L, 1 for locally administered addresses (virtual machines, randomised Wi-Fi addresses).',
        '两个标志都在第一个字节：第 0 位（最低位）是 I/G，组播地址为 1；第 1 位是 U/L，本地管理地址为 1（虚拟机、随机化的 Wi-Fi 地址）。'),
      working: firstOctetRows(mac),
      params: { mac, bit },
    });
  },
};

export const macLinkLocal: Generator = {
  name: 'mac.link-local',
  topic: 'mac',
  params: {},
  make(rng) {
    const mac = pickMac(rng).replace(/^(.)[13579bdf]/i, '$10'); // a unicast MAC: interface identifiers come from those
    const i = macInfo(mac);
    return body({
      prompt: text(`Which IPv6 link-local address does modified EUI-64 (SLAAC) derive from ${mac}?`, `用修改后的 EUI-64（SLAAC）由 ${mac} 生成的 IPv6 链路本地地址是什么？`),
      answer: i.linkLocalIPv6,
      check: { kind: 'ipv6', form: 'any' },
      explanation: text('RFC 4291 appendix A: split the MAC after the OUI, insert ff:fe, flip the U/L bit (0x02 of the first octet), and put the 64 bits after fe80::/64.',
        'RFC 4291 附录 A：在 OUI 之后把 MAC 拆开，中间插入 ff:fe，把第一个字节的 U/L 位（0x02）取反，再接在 fe80::/64 后面。'),
      working: text(`${i.mac} -> insert ff:fe, flip U/L -> ${i.eui64} -> fe80:: + ${i.interfaceId} = ${i.linkLocalIPv6}`,
        `${i.mac} -> 插入 ff:fe、U/L 位取反 -> ${i.eui64} -> fe80:: + ${i.interfaceId} = ${i.linkLocalIPv6}`),
      params: { mac },
    });
  },
};

export const MAC_GENERATORS = [macOui, macBits, macLinkLocal];
