import type { Messages } from '../en/index.js';

/** `netkata range` 与 `netkata aggregate` 写到标准错误的摘要（标准输出只有 CIDR）。 */
export const ranges: Messages['ranges'] = {
  rangeNote: (r) => `# ${r.start} - ${r.end}：共 ${r.count} 个地址，${r.cidrs} 个 CIDR`,
  aggregateNote: (a) => `# ${a.inputs} 项输入 -> ${a.cidrs} 个 CIDR`,
  hostBitsNote: (h) =>
    `# ${h.count} 项输入的主机位不全为零，已按其网络地址读入（第 ${h.line} 行：${h.input} -> ${h.network}）；加 --strict 则拒绝`,
  readingTerminal: 'netkata aggregate：正在从终端读取，每行一项，按 Ctrl-D 结束',
};
