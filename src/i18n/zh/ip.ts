import type { Messages } from '../en/index.js';

/** `netkata ip` 的文字输出：各行标签与注释。值后的括注用全角括号（GB/T 15834《标点符号用法》），紧接在值后，不加空格。 */
export const ip: Messages['ip'] = {
  address: '地址',
  integer: '整数',
  hex: '十六进制',
  binary: '二进制',
  octets: '四个八位组',
  ipv4Mapped: 'IPv4 映射',
  mappedHex: (hex) => `（${hex}）`,
  reverse: '反向解析',
  groupMac: '组播 MAC',
  groupMac4: '（01:00:5e 加低 23 位；RFC 1112 6.4）',
  groupMac6: '（33:33 加低 32 位；RFC 2464 7）',
  expanded: '完整写法',
  zone: '区域',
  hexForm: '十六进制写法',
  embedded: '内嵌 IPv4',
  embeddedKind: (kind) => `（${kind}）`,
  kinds: { 'ipv4-mapped': 'IPv4 映射', nat64: 'NAT64', '6to4': '6to4', teredo: 'Teredo' },
};
