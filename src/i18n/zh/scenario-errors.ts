import type { Messages } from '../en/index.js';
import type { scenarioErrors as En } from '../en/scenario-errors.js';

type S = string;
/** YAML 和 zod 的类型名按 YAML 的说法：object 是映射，array 是列表。 */
const typeName = (t: S): S =>
  ({ object: '映射', array: '列表', string: '字符串', number: '数', int: '整数', boolean: '布尔值', undefined: '空（没有值）', null: '空值（null）', bigint: '整数', literal: '字面值' })[t] ?? t;
const list = (xs: readonly S[]): S => xs.join('、');
const quoted = (xs: readonly S[]): S => `“${xs.join('”、“')}”`;

/** 应为某类型、实际是另一类型；整数位置上的非整数说“不是整数”（zod 把 1.5 的类型报成 number）。 */
function expectedType(expected: S, found: S | undefined): S {
  if (found === undefined) return `应为${typeName(expected)}`;
  if (expected === 'int' && found === 'number') return '应为整数，实际不是整数';
  return `应为${typeName(expected)}，实际是${typeName(found)}`;
}

/** yaml 包的错误码（yaml 2.x 的 ErrorCode），MISSING_CHAR 再按缺的是什么细分。 */
function yamlWhy(code: S, en: S): S {
  if (code === 'MISSING_CHAR') {
    if (/closing .?quote/.test(en)) return '引号没有闭合';
    if (/followed by map values/.test(en)) return '隐式键后面缺少“:”和值';
    if (/without - indicator/.test(en)) return '序列项缺少“-”';
    if (/space after :/.test(en)) return '“:”后面缺少空格';
    if (/Missing , /.test(en)) return '流式集合的项之间缺少“,”';
    if (/Comments must be separated/.test(en)) return '注释的“#”前面要有空白';
    return '缺少必要的字符';
  }
  const why: Readonly<Record<S, S>> = {
    ALIAS_PROPS: '别名节点不能带锚点或标签',
    BAD_ALIAS: '别名或锚点写得不对',
    BAD_COLLECTION_TYPE: '标签与集合的类型不符',
    BAD_DIRECTIVE: '指令写得不对',
    BAD_DQ_ESCAPE: '双引号字符串里有无效的转义序列',
    BAD_INDENT: '缩进不对',
    BAD_PROP_ORDER: '锚点和标签的位置不对',
    BAD_SCALAR_START: '普通标量不能以这个字符开头（请加引号）',
    BLOCK_AS_IMPLICIT_KEY: '紧凑写法的映射里不能再嵌套块结构',
    BLOCK_IN_FLOW: '流式集合（{ } 或 [ ]）里不能有块结构',
    DUPLICATE_KEY: '映射中的键重复了',
    IMPOSSIBLE: 'YAML 结构无法解析',
    KEY_OVER_1024_CHARS: '隐式键超过 1024 个字符',
    MULTILINE_IMPLICIT_KEY: '隐式键必须写在一行里（是不是缺了“:”或缩进不对？）',
    MULTIPLE_ANCHORS: '一个节点最多只能有一个锚点',
    MULTIPLE_DOCS: '文件里有多个 YAML 文档，只能有一个',
    MULTIPLE_TAGS: '一个节点最多只能有一个标签',
    NON_STRING_KEY: '键必须是字符串',
    RESOURCE_EXHAUSTION: '别名展开过多',
    TAB_AS_INDENT: '不能用制表符缩进，请用空格',
    TAG_RESOLVE_FAILED: '无法解析的标签',
    UNEXPECTED_TOKEN: '这里出现了意外的记号',
  };
  return why[code] ?? 'YAML 语法错误';
}

/** 场景、实验、探测和题库文件的错误原因，键与 ../en/scenario-errors.ts 一一对应。 */
export const scenarioErrors: Pick<Messages['errors'], keyof typeof En> = {
  yamlSyntax: (y) => `${y.file}:${y.line}:${y.col}：YAML 语法错误：${yamlWhy(y.code, y.en)}`,
  fileIssue: (i) => `${i.file}:${i.line}：${i.path || '（整个文件）'}：${i.why}`,
  fileEmpty: (want) => `文件是空的；应为${want}`,
  fileNotMapping: (m) => `应为${m.want}，实际是${m.found}`,
  wantMapping: (keys) => `由 key: value 行组成的 YAML 映射${keys === undefined ? '' : `（${list(keys)}）`}`,
  foundNothing: '空的',
  foundList: '列表',
  foundMapping: '映射',
  foundValue: (v) => `${typeName(v.type)} ${v.json}`,
  unknownKeys: (k) => `未知的键${quoted(k.keys)}${k.valid === undefined ? '' : k.valid.length === 0 ? '（这里不允许有键）' : `（可用的键：${list(k.valid)}）`}`,
  expectedType: (t) => expectedType(t.expected, t.found),
  zodIssue: (i) => {
    const what = i.origin === 'string' ? '字符数' : i.origin === 'array' || i.origin === 'set' ? '项数' : '值';
    switch (i.code) {
      case 'too_small': return `${what}应${i.inclusive === false ? '大于' : '不小于'} ${i.limit}`;
      case 'too_big': return `${what}应${i.inclusive === false ? '小于' : '不大于'} ${i.limit}`;
      case 'invalid_value': return `${i.input === undefined ? '取值无效' : `${i.input} 不是允许的取值`}（可选：${list(i.values ?? [])}）`;
      case 'invalid_format': return i.format === 'regex' ? (i.pattern === undefined ? '格式不对' : `不符合格式 ${i.pattern}`) : `不是合法的 ${i.format}`;
      case 'not_multiple_of': return `应为 ${i.limit} 的倍数`;
      case 'invalid_union': return '不符合任何一种允许的写法';
      case 'invalid_key': return '映射中有无效的键';
      case 'invalid_element': return '有无效的元素';
      case 'invalid_type': return i.expected === undefined ? '类型不对' : expectedType(i.expected, i.found);
      case 'unrecognized_keys': return i.keys === undefined ? '有未知的键' : `未知的键${quoted(i.keys)}`;
      default: return '取值不合要求';
    }
  },
  labParam: (p) => `${p.name}：${p.path ? `${p.path}：` : ''}${p.why}`,
  labUnknownParams: (k) => `未知的参数${quoted(k.keys)}${k.valid === undefined ? '' : k.valid.length === 0 ? `（${k.name} 没有参数）` : `（可用的参数：${list(k.valid)}）`}`,
  badDuration: (v) => `时长 ${v} 写得不对（可写 250ms、30s、2m、2h 或毫秒数）`,
  unknownState: (s) => `未知的状态 ${s.state}（可选：${list(s.states)}）`,
  endpointName: '端点名由字母、数字、“-”和“_”组成，以字母开头',
  flagsShape: '标志位写成字符串（如“SYN,ACK”）或列表（如 [SYN, ACK]）',
  unknownFlags: (f) => `未知的标志位 ${f}（例如 SYN、SYN,ACK、ACK、FIN,ACK、RST、RST,ACK、PSH,ACK）`,
  unknownAppError: (e) => `未知的错误 ${e.error}（可选：${list(e.errors)}）`,
  spoofedOnly: '只模拟源地址伪造的洪泛（spoofed: true）',
  flagKeyTrap: (k) => `“${k}”被读成了一个键：在 { } 里逗号会结束值，请写成带引号的 flags: "SYN,${k}"，或写成列表 [SYN, ${k}]`,
  zhChoicesNoChoices: '给出了 zh.choices，但英文题目没有选项',
  zhAnswerEnglish: (a) => `没有 zh.choices 时，答案必须与英文答案相同（${a}）`,
  zhChoicesCount: (c) => `中文选项有 ${c.zh} 个，英文选项有 ${c.en} 个（两者按位置一一对应）`,
  zhAnswerNotChoice: (a) => `${a} 不是中文选项之一`,
  zhAnswerPosition: (p) => `中文答案是第 ${p.got} 个选项，英文答案却是第 ${p.want} 个`,
  stepOneVerbShape: (verbs) => `每个步骤是只含一个动作的映射（${list(verbs)}）`,
  stepVerbCount: (found) => `每个步骤只能有一个动作，这里有 ${found.length ? list(found) : '零个'}`,
  unknownVerb: (v) => `未知的动作“${v.verb}”（可选：${list(v.verbs)}）`,
  scenarioKebab: '名称用短横线连接的小写形式（如 lost-final-ack）',
  twoEndpoints: '一个场景至少需要两个端点',
  unknownEndpoint: (e) => `未知的端点“${e.name}”（已有端点：${list(e.names)}）`,
  fromTo: (verb) => `端点多于两个时，请写成 ${verb}: {from, to}`,
  scriptedExpect: (k) => `“${k}”是脚本端点：它没有 TCB，也就没有可检查的状态`,
  scriptedSpeaks: (k) => `“${k}”是脚本端点：它只能通过 inject 步骤发送报文段`,
  windowKebab: '名称用短横线连接的小写形式（如 textbook-reno）',
  windowSendShape: 'send 写成 { segments: n } 或 { bytes: n }',
  windowLossShape: '每个丢包设定是以下写法之一：{ segment: n }、{ seq: n }、{ timeout: r }、{ dupacks: r }、{ update: n }、{ rate: p, seed: n }（r 为轮次）',
  windowMss: 'mss 只用于 unit: bytes（否则以报文段为单位）',
  windowSendSegments: 'unit: segments 时请写 send { segments: n }',
  windowSendBytes: 'unit: bytes 时请写 send { bytes: n }',
  labState: (s) => `未知的状态“${s.state}”（可选：${list(s.states)}，末尾可加“?”）`,
  socketName: '套接字名由小写字母、数字和“-”组成，或用“*”作通配符',
  kebab: '用短横线连接的小写形式',
  clientName: '客户端名由小写字母、数字和“-”组成',
  clientRef: '客户端名，或以“*”结尾的前缀（匹配所有以它开头的客户端）',
  hexBytes: '十六进制数字，每个字节两位',
  checkName: '检查项名由小写字母、数字和“-”组成',
  payloadOne: 'text、hex、frames 三者必须且只能给出一个',
  payloadOneOrEof: 'text、hex、frames 三者必须且只能给出一个，或写 eof: true',
  udpVerbsOnly: (verbs) => `udp 探针只能用 ${list(verbs)}`,
  datagramsNeedUdp: 'datagrams 需要 transport: udp',
  clientRoleTcp: 'role: client 只用于 tcp 探针',
  clientRoleVerbsOnly: (verbs) => `role: client 探针只能用 ${list(verbs)}`,
  verbNeedsClientRole: (verb) => `${verb} 需要 role: client`,
  clientRoleNeedsCommand: 'role: client 探针要由 netkata 启动被测程序：请把命令写在 -- 之后，不能用 --port',
  clientNotAccepted: (name) => `这一步没有接受到名为“${name}”的客户端`,
  clientRoleReads: 'role: client 探针只读取 text 或 hex',
  udpStepsOnly: 'udp 探针只有 datagrams 和 pause 两种步骤',
  bankNotEmpty: '不能为空',
  bankKebab: '须用短横线连接的小写形式（a-z、0-9、“-”）',
  bankAnswerChoice: (choices) => `必须是选项之一（${list(choices)}）`,
  bankZhChoicesCount: '中文选项的个数必须与英文选项相同，顺序一致',
  bankZhChoicesMissing: '选择题的选项也要有中文（zh.choices）',
  bankZhAnswerChoice: '必须是 zh.choices 中的一项',
  bankChoiceCheck: '有选项的题目按“choice”判分（check: choice）',
  bankUnknownGenerator: (known) => `未知的生成器（已有：${list(known)}）`,
  bankUnknownParam: (p) => `${p.generator} 没有这个参数${p.known.length ? `（已有：${list(p.known)}）` : '（它不带参数）'}`,
  bankRangeShape: (r) => `应为 ${r.min}..${r.max} 之内的一个数，或范围 [min, max]`,
  bankEmptyRange: (r) => `范围 [${r.lo}, ${r.hi}] 是空的`,
  bankOutsideRange: (r) => `[${r.lo}, ${r.hi}] 超出了 ${r.min}..${r.max}`,
  bankOptionsShape: (options) => `应为以下一项或多项：${list(options)}`,
  bankUnknownOption: (o) => `未知的选项“${o.option}”（已有：${list(o.options)}）`,
  bankUnknownTopic: (topics) => `未知的主题（已有：${list(topics)}）`,
  bankDuplicateId: (prev) => `id 重复（questions[${prev}] 也用了它）`,
};
