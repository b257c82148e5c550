import type { Messages } from '../en/index.js';

/** 模拟器的窗口视图（src/ui/tcp/WindowView.tsx）：按轮次显示流量控制与拥塞控制。 */
export const windows: Messages['windows'] = {
  round: (n: number, of: number) => `第 ${n} 轮（共 ${of} 轮）`,
  bar: '本轮开始时发送方的窗口',
  sentAcked: '已发送并已确认',
  sentUnacked: '已发送未确认',
  usable: '允许发送',
  notAllowed: '暂不允许发送',
  scale: (n: number) => `每格 = ${n} 个单位`,
  sent: (n: number) => `本轮发送：${n}`,
  plot: '到目前为止的 cwnd 与 ssthresh',
  next: '下一轮',
  previous: '上一轮',
  back: '返回',
};
