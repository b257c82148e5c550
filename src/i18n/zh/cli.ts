import type { Messages } from '../en/index.js';

/** CLI 自身的单行错误与提示（commander 的用法错误、未知命令、缺少子命令、错误的 --lang）。 */
export const cli: Messages['cli'] = {
  unknownOption: '未知选项',
  missingArgument: (name) => `缺少必需的参数 ${name}`,
  optionMissingArgument: '缺少选项的值',
  tooManyArguments: (n) => `参数太多：应有 ${n.expected} 个，实际 ${n.got} 个`,
  didYouMean: (names) => `（是不是 ${names}？）`,
  notCommand: '不是 netkata 的命令',
  notGroupCommand: (group) => `不是 ${group} 的子命令`,
  listThem: (where) => `（${where} --help 会列出全部）`,
  didYouMeanCommand: (name) => `；是不是 ${name}？`,
  whichOne: (names) => `要哪一个？缺少子命令：${names}`,
  unknownLanguage: '未知语言（可用 en 或 zh）',
  needsTerminal: '交互模式需要终端（试试 netkata --help）',
  stdinNoArgs: (command) => `${command} --stdin 从标准输入读取，不要再给地址参数`,
  subnetNeedsAddress: 'subnet 需要一个地址，例如 192.168.12.87/24（或用 --stdin）',
  classifyNeedsAddress: 'classify 需要一个地址，例如 ::ffff:127.0.0.1（或用 --stdin）',
  ipNeedsAddress: 'ip 需要一个地址、--from-int <n>、--from-binary <bits> 或 --stdin',
  ipOneSource: '只能给出其中一个：地址、--from-int、--from-binary 或 --stdin',
  ipNat64With: '--nat64 只能和地址或 --stdin 一起用，不能和 --from-int 或 --from-binary 一起用',
  rangeNeedsEnd: 'range 需要 <start> <end>，或一个参数 <start>-<end>',
  splitHow: '请说明如何划分：--prefix <n>、--count <n> 或 --hosts <list>',
  splitOne: (got) => `--prefix、--count、--hosts 只能选一个（给出了 ${got.join('、')}）`,
  cannotRead: (why) => `无法读取：${why}`,
  stdinError: '错误',
  internalError: (what) => `内部错误：${what}（设置 NETKATA_DEBUG=1 查看详情）`,
};
