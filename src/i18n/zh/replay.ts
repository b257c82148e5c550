import type { Messages } from '../en/index.js';

/** `netkata tcp replay`：抓包里的连接逐个送入端点状态机。状态名、标志位与 seq/ack 两种语言都不译。 */
export const replay: Messages['replay'] = {
  heading: (file, format, frames, segments, connections, profile) =>
    `${file}：${format}，${frames} 帧，${segments} 个 TCP 报文段，${connections} 个连接（${profile} 配置）`,
  truncated: (bytes) => `最后一条记录不完整（文件中只有 ${bytes} 字节），已略过`,
  gzipTruncated: 'gzip 数据流提前结束，已读取解出的部分',
  selected: (n, of) => `${of} 个连接中有 ${n} 个符合条件`,
  summary: '连接',
  connection: (id, a, b) => `#${id}  ${a} -> ${b}`,
  segments: (aToB, bToA) => `${aToB + bToA} 个报文段（-> ${aToB} / <- ${bToA}）`,
  ended: { fin: '结束方式：FIN', rst: '结束方式：RST', open: '仍未关闭', timeout: '超时（重传无应答）' },
  states: (a, b) => `a ${a}，b ${b}`,
  unknownState: '?（未抓到应答）',
  midStream: '抓包始于连接中途：两端都从 ESTABLISHED 开始',
  anomalyCounts: (list) => `异常：${list}`,
  count: (n, name) => `${name} ${n} 次`,
  listSep: '，',
  clauseSep: '；',
  anomaly: {
    retransmission: '重传',
    'out-of-order': '乱序',
    'lost-segment': '缺口（前一报文段未抓到）',
    'duplicate-ack': '重复 ACK',
    'zero-window': '零窗口',
    rst: 'RST',
    impossible: '状态机无法接受',
  },
  impossible: (end, state, rule) => `${end} 在 ${state} 状态无法接受（${rule}）`,
  ladderHeading: (id, a, b) => `#${id}  a = ${a}   b = ${b}`,
  columns: { time: '时间/s', a: 'a', segment: '报文段', b: 'b' },
  calls: (list) => `调用：${list}`,
  moreRows: (n) => `……另有 ${n} 个报文段（已计入上面的统计，未画出）`,
  laddersOmitted: (n) => `共 ${n} 个连接：用 --connection N、--port 或 --host 选一个查看其梯形图`,
  mermaidOne: (n) => `--mermaid 只画一个连接（现有 ${n} 个符合）：用 --connection N 选定`,
  noConnection: '没有符合条件的连接',
};
