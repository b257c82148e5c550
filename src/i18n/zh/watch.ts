import type { Messages } from '../en/index.js';

/** `netkata watch` 的文字。 */
export const watch: Messages['watch'] = {
  start: (sockets, states, what) => `netkata watch：${what}共 ${sockets} 个 TCP 套接字${states ? `（${states}）` : ''}；按 Ctrl-C 查看汇总`,
  everything: '本机',
  port: (port) => `端口 ${port} 上`,
  pid: (pid) => `进程 ${pid} 及其子进程`,
  portPid: (port, pid) => `进程 ${pid} 及其子进程在端口 ${port} 上`,
  appears: '新出现',
  gone: '已消失',
  pileUp: (count, state) =>
    state === 'CLOSE_WAIT'
      ? `警告：${count} 个套接字处于 CLOSE_WAIT：对端已关闭而应用程序没有关闭（一直留着就是泄漏）`
      : `警告：${count} 个套接字处于 ${state}：本端主动关闭了许多短连接`,
  summary: (seconds, reads) => `${seconds} 秒后的汇总（读取 /proc/net/tcp ${reads} 次）`,
  followed: (n, transitions) => `跟踪的套接字：${n} 个，状态转换：${transitions} 次`,
  now: '当前',
  labelSep: '：',
  listSep: '、',
  none: '无',
  conformanceOk: (n) => `每个状态序列都是端点状态机（linux 配置）中的路径：共 ${n} 个套接字`,
  conformanceBad: (n) => `端点状态机（linux 配置）中找不到路径的 ${n} 步：`,
  noSuchProcess: '没有这个进程（或当前用户无权读取）',
  violations: (n) => `watch：端点状态机中找不到路径的 ${n} 步`,
};
