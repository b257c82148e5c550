import type { Messages } from '../en/index.js';

/** `netkata same-segment` 的文字输出。 */
export const sameSegment: Messages['sameSegment'] = {
  title: (t) => `是否同一网段？${t.ip1} 与 ${t.ip2}，子网掩码 ${t.mask}（/${t.prefix}）`,
  address: 'IP 地址',
  mask: '子网掩码',
  and: 'AND',
  network: '网络地址',
  octetByOctet: '逐字节：',
  groupByGroup: '逐组：',
  octet: (n) => `第 ${n} 字节`,
  group: (n) => `第 ${n} 组`,
  same: '相同',
  differ: '不同',
  yes: '是',
  no: '否',
  zonesDiffer: (z) =>
    `：区域不同（${z.zone1} 与 ${z.zone2}）。一个区域就是一条链路（RFC 4007 第 6 节），所以虽然两个网络地址都是 ${z.network}，它们仍在两条链路上。`,
  sameNetwork: (s) =>
    `：两个网络地址都是 ${s.network}，属于同一网段，主机之间直接通信（${s.v4 ? 'ARP' : '邻居发现'}查到对方的 MAC 地址），不经过网关。`,
  differentNetworks: (d) =>
    `：网络地址不同（${d.network1} 与 ${d.network2}），不在同一网段，每台主机都把数据包交给默认网关，由它转发。`,
};
