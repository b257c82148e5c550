import type { Messages } from '../en/index.js';

/** `netkata verify` 的文字报告。状态名保留 RFC 9293 的写法；JSON 报告不经过本节（保持英文）。 */
export const verify: Messages['verify'] = {
  heading: (name, title) => `验证 ${name}：${title}`,
  program: '被测程序',
  programLine: (command, pid, port) => `${command}（进程号 ${pid}），端口 ${port}`,
  external: '已在运行',
  /** Between a check's statement and what went wrong. */
  partSep: '；',
  labelSep: '：',
  pass: '通过',
  fail: '失败',
  reply: (expected, got, ms, within) => `期望 ${expected}，收到 ${got}（${ms} ms，限时 ${within} ms）`,
  replyWhy: {
    mismatch: '应答与期望不同',
    timeout: '未能按时收齐',
    closed: '连接先结束了',
    'no-eof': '服务器没有结束连接',
  },
  states: (socket, path, within) => `${socket} 在 ${within} ms 内依次经过 ${path}`,
  statesMissing: (state) => `始终未到 ${state}`,
  noState: (state, within) => `${within} ms 后程序没有处于 ${state} 的套接字`,
  noStateLeft: (sockets) => `仍有：${sockets}`,
  accepts: (ms, within) => `新的客户端被接受（${ms} ms，限时 ${within} ms）`,
  acceptsWhy: {
    refused: (error) => `连接被拒绝（${error}）：已无进程监听`,
    'not-accepted': '内核已完成三次握手，但程序始终没有调用 accept()',
  },
  conformance: '程序每个套接字的内核状态序列都是端点状态机（linux 配置）中的路径',
  step: (verb, error) => `步骤 ${verb} 失败：${error}`,
  exited: (at, how) => `程序在运行中结束，时间 ${at} ms（${how}）`,
  exitCode: (code) => `退出码 ${code}`,
  exitSignal: (signal) => `信号 ${signal}`,
  stderr: '其标准错误输出的最后几行：',
  timeout: (ms) => `运行超时（${ms} ms）`,
  interrupted: 'verify：已中断；被测程序与所有客户端均已停止',
  verdictOk: (n) => `结论：通过（共 ${n} 项检查）`,
  verdictUnfinished: '结论：失败（运行未完成）',
  verdictBad: (failed, n) => `结论：失败（${n} 项检查中 ${failed} 项未通过）`,
  checkFailed: (names) => `未通过的检查：${names}`,
};
