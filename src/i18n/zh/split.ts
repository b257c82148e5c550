import type { Messages } from '../en/index.js';

/** `netkata split` 的文字输出。 */
export const split: Messages['split'] = {
  hostBitsSet: (s) => `# ${s.input} 的主机位不全为零，按其网络地址 ${s.network} 划分`,
  into: (s) => `# ${s.parent} 划分为 ${s.count} 个 /${s.prefix}`,
  roundedUp: (n) => `（${n} 向上取整为 2 的幂：每借一位前缀只能一分为二）`,
  vlsm: (parent) => `# 在 ${parent} 中做 VLSM 划分：需求大的先分，每个需求取能容纳它的最小地址块`,
  need: '需求',
  hosts: '主机',
  cidr: '网段',
  firstHost: '首个主机地址',
  lastHost: '末个主机地址',
  broadcast: '广播地址',
  usable: '可用',
  addresses: '地址数',
  reservation: '# 每个地址块容纳所需主机数，另加网络地址和广播地址（教材中的保留规则）',
  v6Lan: '# 注意：IPv6 局域网不论主机多少都用 /64（RFC 4291 2.5.1、RFC 7421；SLAAC 需要）：局域网请用 --prefix 64',
  v6ByHand: '#       按主机数定大小的地址块只适合手工编址的链路，例如点到点的 /127（RFC 6164）',
  p2p: '# 只有 2 台主机的点到点链路，两端都支持时可改用 /31（RFC 3021）',
  noSpace: '# 父网段已无剩余空间',
  free: (list) => `# 剩余：${list}`,
};
