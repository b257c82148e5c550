/**
 * TCP 模拟器的中文文字（与 `../en/tcp.ts` 键一一对应）。术语按国内教材：三次握手、四次挥手、报文段、
 * 序号、确认号、窗口、重传、超时、半连接队列、保活；状态名（ESTABLISHED、TIME_WAIT）和标志位（SYN、ACK、
 * FIN、RST）保留 RFC 写法，箭头上的 seq=、ack= 也照教材的时序图写法保留。
 */
import type { AskSpec, ExpectSpec, FaultSpec, InjectSpec } from '../../scenario/tcp.js';
import type { Messages } from '../en/index.js';

type Open = string | { readonly from: string; readonly to?: string; readonly isn?: number };
type Shutdown = string | { readonly endpoint: string; readonly how?: 'wr' | 'rd' | 'rdwr' };

const from = (ep: string | undefined): string => (ep === undefined ? '' : ` ${ep} 发出的`);
const next = (n: number | undefined): string => (n === undefined || n === 1 ? '下一个' : `接下来 ${n} 个`);
const flagsOf = (flags: string | undefined): string => (flags === undefined ? '' : ` ${flags} `);
const seqOf = (s: { readonly seq?: number; readonly absolute?: boolean }): string =>
  s.seq === undefined ? '' : `（seq=${s.seq}${s.absolute ? '，绝对序号' : ''}）`;
/** 一组 `端点=值`：`server=128，client=0`。 */
const pairs = (r: Readonly<Record<string, unknown>>, show: (v: unknown) => string = String): string =>
  Object.entries(r).map(([k, v]) => `${k}=${show(v)}`).join('，');
const EXPECT_WORD: Readonly<Record<string, string>> = {
  backlog: '半连接队列',
  accepted: '已建立连接',
  error: '错误',
  read: '已读字节',
  eof: '读到结尾',
};

function expectText(e: ExpectSpec): string {
  const parts: string[] = [];
  for (const [k, x] of Object.entries(e)) {
    if (k === 'sent') parts.push(`已发送=[${(x as { from: string; flags: string }[]).map((s) => `${s.from} ${s.flags}`).join('；')}]`);
    else if (EXPECT_WORD[k] !== undefined) {
      parts.push(`${EXPECT_WORD[k]} ${pairs(x as Record<string, unknown>, (v) => (v === true ? '是' : v === false ? '否' : v === 'none' ? '无' : String(v)))}`);
    } else parts.push(`${k}=${String(x)}`);
  }
  return `检查：${parts.join('，')}`;
}

function injectText(s: InjectSpec): string {
  const fields = (['seq', 'ack', 'win', 'len'] as const).filter((k) => s[k] !== undefined).map((k) => ` ${k}=${s[k]}`).join('');
  return `注入报文段：${s.from}${s.to === undefined ? '' : ` -> ${s.to}`} ${s.flags}${fields}${s.absolute ? '（绝对序号）' : ''}`;
}

/** 检查项的名称：端点名是它的状态，`backlog.server` 是 server 的半连接队列。 */
function fieldText(field: string): string {
  const dot = field.indexOf('.');
  const [kind, ep] = dot === -1 ? [field, ''] : [field.slice(0, dot), field.slice(dot + 1)];
  switch (kind) {
    case 'sent':
      return '发送的报文段';
    case 'backlog':
      return `${ep} 的半连接队列`;
    case 'accepted':
      return `${ep} 已建立的连接数`;
    case 'error':
      return `${ep} 的错误`;
    case 'read':
      return `${ep} 已读取的字节数`;
    case 'eof':
      return `${ep} 是否读到结尾`;
    default:
      return `${field} 的状态`;
  }
}

export const tcp: Messages['tcp'] = {
  step: {
    listen: (ep: string) => `${ep} 被动打开（监听）`,
    open: (o: Open) =>
      typeof o === 'string'
        ? `${o} 主动打开（发起连接）`
        : `${o.from} 主动打开${o.to === undefined ? '' : `，连接 ${o.to}`}${o.isn === undefined ? '' : `，初始序号 ${o.isn}`}`,
    send: (s: { readonly from: string; readonly bytes: number }) => `${s.from} 发送 ${s.bytes} 字节`,
    close: (ep: string) => `${ep} 关闭连接`,
    shutdown: (s: Shutdown) => {
      const ep = typeof s === 'string' ? s : s.endpoint;
      const how = typeof s === 'string' ? 'wr' : (s.how ?? 'wr');
      return how === 'wr' ? `${ep} 半关闭（关闭写方向）` : how === 'rd' ? `${ep} 关闭读方向` : `${ep} 关闭读写两个方向`;
    },
    abort: (ep: string) => `${ep} 中止连接`,
    crash: (ep: string) => `${ep} 主机崩溃`,
    reboot: (ep: string) => `${ep} 主机重启`,
    keepalive: (ep: string) => `${ep} 开启保活`,
    inject: injectText,
    drop: (s: FaultSpec) => `链路丢弃${from(s.from)}${next(s.count)}${flagsOf(s.flags)}报文段${seqOf(s)}`,
    duplicate: (s: FaultSpec) => `链路复制${from(s.from)}${next(s.count)}${flagsOf(s.flags)}报文段（各送达两次）`,
    reorder: (s: { readonly from?: string; readonly count?: number }) =>
      `链路乱序：${s.from === undefined ? '' : `${s.from} 发出的`}下一个报文段被其后 ${s.count ?? 1} 个报文段超过`,
    flood: (s: { readonly to: string; readonly syns: number; readonly spoofed?: boolean }) => `SYN 洪泛：${s.syns} 个伪造源地址的 SYN 发往 ${s.to}`,
    advance: (duration: string) => `时间前进 ${duration}`,
    settle: '运行至稳定（没有在途报文段，也没有待重传的报文段）',
    expect: expectText,
    ask: (a: AskSpec) => `提问：${a.zh?.prompt ?? a.prompt}`,
  },

  verdict: {
    isRstOutOfWindow: '忽略：RST 在窗口之外（RFC 5961 3.2）',
    isUnacceptable: '不可接受（第一项检查）：回复 ACK 后丢弃',
    isRstInexact: 'RST 的序号不等于 RCV.NXT：回复挑战 ACK（RFC 5961 3.2）',
    hasSyn: '已同步状态下收到 SYN：回复挑战 ACK（RFC 5961 4.2）',
    hasNoAck: '丢弃：没有 ACK 标志（第五项检查）',
    isSynWithBacklogFull: '丢弃：半连接队列已满',
    isRst: '忽略：RST',
  },
  ignoredIn: (state: string) => `在 ${state} 状态下被忽略`,

  why: {
    retransmit: (n: number) => `#${n}`,
    challengeAck: '挑战 ACK',
    ackUnacceptable: '确认不可接受的报文段',
    synAckAgain: '再次发送 SYN,ACK',
    keepaliveProbe: (n: number) => `保活探测 #${n}`,
  },

  call: {
    crashed: (host: string, event: string) => `${host} 已崩溃：${event}被忽略`,
    noTransition: (event: string, state: string) => `${state} 状态下的${event}没有对应的转换（RFC 9293 3.10：返回错误，不发送报文段）`,
    closing: (event: string, state: string) => `${state} 状态下的${event}：错误 EPIPE，连接正在关闭（RFC 9293 3.10.2），不发送报文段`,
    shutdownRd: '关闭读方向：不发送任何报文段（RFC 9293 没有接收方向的 CLOSE）',
  },

  event: {
    PASSIVE_OPEN: '被动打开',
    ACTIVE_OPEN: '主动打开',
    SEND: '发送（SEND）',
    CLOSE: '关闭（CLOSE）',
    ABORT: '中止（ABORT）',
    SET_KEEPALIVE: '开启保活',
    RETRANSMISSION_TIMEOUT: '重传超时',
    TIME_WAIT_TIMEOUT: '2MSL 超时',
    FIN_WAIT_2_TIMEOUT: 'FIN_WAIT_2 超时',
    KEEPALIVE_TIMEOUT: '保活超时',
    USER_TIMEOUT: '用户超时',
  },

  ladder: {
    header: (scenario: string, profile: string) => `${scenario}（行为模型 ${profile}）：每行一个事件，箭头画在发送时刻`,
    time: '时间',
    script: '（脚本）',
    /** A crashed host's column. */
    down: '宕机',
    lost: 'X 丢失',
    duplicated: '（两份）',
    twice: '送达两份',
    hostDown: '主机已宕机',
    inFlight: '仍在途中',
    late: (sent: string, arrived: string) => `${sent} 发出，${arrived} 到达`,
    secondCopy: '（第二份）',
    notes: (notes: readonly string[]) => `  （${notes.join('；')}）`,
    verdictNote: (endpoint: string, verdict: string) => `${endpoint}：${verdict}`,
    transition: (endpoint: string, why: string, to: string) => `（${endpoint}：${why} -> ${to}）`,
    received: (flags: string) => `收到 ${flags}`,
    why: (why: string) => (why.startsWith('#') ? ` ${why}` : `（${why}）`),
    verdictCell: (ok: boolean) => (ok ? '通过  ' : '失败  '),
    failure: (field: string, expected: string, actual: string) =>
      `${field}：期望 ${expected.replace(/; /g, '；')}，实际 ${actual.replace(/; /g, '；')}`,
    failureJoin: '；',
    injected: '（注入）',
    stepNote: (note: string) => `  【${note}】`,
    flood: (parts: readonly string[]) => `【洪泛】${parts.join('，')}`,
    floodSyn: (n: number, target: string) => `${n} 个来自伪造源地址的 SYN -> ${target}`,
    floodSynAck: (n: number) => `${n} 个发往伪造源地址的 SYN,ACK（永远得不到应答）`,
    floodOther: (n: number) => `${n} 个其他洪泛报文段`,
    crashed: '（已崩溃）',
    scripted: (name: string) => `${name}（脚本）`,
    final: (states: readonly string[], at: string, verdict: string) => `结束（${at}）：${states.join('，')}；${verdict}`,
    passed: '全部通过',
    failed: (n: number) => `未通过（${n} 项检查不符）`,
  },

  field: fieldText,

  runFailed: (scenario: string, n: number) => `${scenario}：${n} 项检查未通过`,

  states: {
    header: (profile: string, states: number, transitions: number) => `TCP 端点状态机（行为模型 ${profile}）：${states} 个状态，${transitions} 个转换`,
    stay: '保持原状态',
    ignored: '忽略',
    reenter: (state: string) => `${state}（重新进入）`,
  },

  screen: {
    floodNotDrawn: (n: number) => `另有 ${n} 个洪泛报文段（未画出）`,
    timer: {
      retransmission: 'RTO',
      timeWait: '2MSL',
      finWait2: 'FIN_WAIT_2',
      keepalive: '保活',
      user: '用户超时',
    },
  },
};
