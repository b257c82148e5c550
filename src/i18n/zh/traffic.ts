import type { Messages } from '../en/index.js';

/** “真实流量”界面：逐个报文段回放抓包文件，以及本机套接字的实时状态。状态名、标志位与 seq/ack 不译。 */
export const traffic: Messages['traffic'] = {
  choose: '真实连接，逐个状态',
  capture: '打开抓包文件',
  captureDesc: 'pcap 或 pcapng 文件（也可是 .gz）：每个连接都送入端点状态机',
  watch: '实时套接字',
  watchDesc: '读取 /proc/net/tcp 中本机的 TCP 套接字，并用端点状态机检验',
  file: '抓包文件',
  filePrompt: '.pcap 或 .pcapng 文件的路径，按 Enter 打开',
  reading: '正在读取抓包文件……',
  pick: '选择一个连接，按 Enter 逐段查看',
  step: (k, n) => `第 ${k} 个报文段，共 ${n} 个`,
  start: '尚未到第一个报文段：按 → 或空格前进',
  /** Between a connection's final states and how it ended. */
  clauseSep: '；',
  time: '时间',
  port: '端口',
  portPrompt: '输入端口号，按 Enter 过滤（留空：全部套接字）',
  every: '本机全部套接字',
  onPort: (port) => `端口 ${port} 上的套接字`,
  counts: (counts) => `当前：${counts}`,
  noTransition: '尚无状态转换（每秒读取两次该表）',
  noProcNet: '此处没有 /proc/net/tcp：实时套接字需要 Linux',
};
