import type { Messages } from '../en/index.js';

const HAN = /[\u3400-\u9fff]/;
/** 两段文字相接：汉字与汉字之间不留空格，汉字与符号、数字之间留一个。 */
const join = (a: string, b: string): string => (HAN.test(a.at(-1) ?? '') && HAN.test(b[0] ?? '') ? a + b : `${a} ${b}`);

/**
 * 窗口场景（`netkata tcp run <窗口场景>`）与模拟器的窗口视图（src/ui/tcp/WindowView.tsx）：按轮次显示流量控制与
 * 拥塞控制。术语按国内教材：拥塞窗口 cwnd、慢开始门限 ssthresh、慢开始、拥塞避免、快重传、快恢复、超时重传、
 * 重复确认、零窗口、持续计时器、窗口探测、窗口更新；cwnd、ssthresh、rwnd 与 RFC 编号保留为符号。
 */
export const windows: Messages['windows'] = {
  round: (n: number, of: number) => `第 ${n} 轮（共 ${of} 轮）`,
  bar: (scale: number) => `本轮开始时发送方的窗口（每格 = ${scale} 个单位）`,
  sentAcked: '已发送并已确认',
  sentUnacked: '已发送未确认',
  usable: '允许发送',
  notAllowed: '暂不允许发送',
  sent: (n: number) => `本轮发送：${n}`,
  plot: '到目前为止的 cwnd 与 ssthresh',
  next: '下一轮',
  previous: '上一轮',
  back: '返回',

  head: { round: '轮次', flight: '在途数据', sent: '本轮发送', phase: '阶段', event: '事件' },
  phase: { 'slow-start': '慢开始', avoidance: '拥塞避免', recovery: '快恢复' },
  variant: (name: string, rfc: string | undefined) => (rfc === undefined ? name : `${name}（${rfc}）`),

  event: {
    fastRetransmit: (ssthresh: number, cwnd: number) => `3 个重复确认：快重传，ssthresh ${ssthresh}，cwnd ${cwnd}`,
    partialAck: (cwnd: number) => `部分确认：重传下一个缺口，cwnd ${cwnd}`,
    recoveryExit: (cwnd: number) => `快恢复结束：cwnd = ssthresh = ${cwnd}`,
    timeout: (ssthresh: number, cwnd: number) => `超时重传：ssthresh ${ssthresh}，cwnd ${cwnd}，重新慢开始`,
    // recover 是 RFC 6582 的变量名，按符号保留。
    noFastRetransmit: (recover: number) => `3 个重复确认未越过 recover（${recover}）：不做快重传`,
    lost: (seq: number) => `丢失序号 ${seq}`,
    lostCount: (n: number) => `丢失 ${n} 个报文段`,
    dupAcks: (n: number) => `${n} 个重复确认`,
    zeroWindow: '零窗口：启动持续计时器',
    probe: (seq: number) => `窗口探测，序号 ${seq}`,
    updateLost: '窗口更新丢失',
    windowUpdate: (win: number) => `窗口更新：rwnd ${win}`,
    done: '数据全部确认',
  },
  eventJoin: '；',
  eventName: {
    timeout: '超时重传', 'fast-retransmit': '快重传', 'partial-ack': '部分确认', 'recovery-exit': '快恢复结束',
    'no-fast-retransmit': '不做快重传', lost: '丢失', 'dup-acks': '重复确认', 'zero-window': '零窗口', probe: '窗口探测',
    'update-lost': '窗口更新丢失', 'window-update': '窗口更新', done: '数据全部确认',
  },
  eventNameJoin: '、',

  notes: {
    congestion: (variant: string, unit: string, iw: number) => `拥塞控制：${variant}；单位：${unit}；初始窗口 ${iw}`,
    segments: '报文段',
    bytes: (mss: number) => `字节（MSS ${mss}）`,
    linuxCubic: (variant: string) =>
      `Linux：默认的拥塞控制算法是 CUBIC（RFC 9438；net.ipv4.tcp_congestion_control = cubic），这里不模拟，本次运行用 ${variant}`,
    linuxIw: 'Linux：初始窗口为 10 个报文段（RFC 6928，TCP_INIT_CWND）',
    linuxPrr: 'Linux：快恢复按比例降速（PRR，RFC 6937）发送，而不是每收到一个重复确认就增大 cwnd',
    linuxProbe: 'Linux：零窗口探测报文段用一个旧序号且不带数据（tcp_xmit_probe_skb），而不是一个新字节',
  },

  legend: {
    cwnd: (mark: string) => `cwnd${mark.startsWith('（') ? '' : ' '}${mark}`,
    ssthresh: (mark: string) => `ssthresh${mark.startsWith('（') ? '' : ' '}${mark}`,
    first: '（第一条线）',
    second: '（第二条线）',
    x: (step: number) => `横轴：轮次${step > 1 ? `（每 ${step} 轮取一点）` : ''}`,
    y: (unit: 'segments' | 'bytes') => `纵轴：${unit === 'bytes' ? '字节' : '报文段'}`,
    join: '  ',
    axesJoin: '，',
  },

  failure: {
    ended: (round: number, rounds: number) => `第 ${round} 轮：运行在 ${rounds} 轮后已结束`,
    field: (round: number, field: string, got: string, want: string) => `第 ${round} 轮：${field}：${join('期望', want)}，${join('实际', got)}`,
    noEvent: (round: number, event: string, events: string) => `第 ${round} 轮：没有${event}事件（本轮事件：${events || '无'}）`,
    fields: { flight: '在途数据', sent: '本轮发送', phase: '阶段' },
  },
  failLine: (failure: string) => `失败：${failure}`,
  finalFailed: (n: number) => `结束：${n} 项检查未通过`,
  finalPassed: (complete: boolean) => `结束：${complete ? '数据全部交付并确认' : '最后一轮后仍有数据未完成'}；检查全部通过`,
};
