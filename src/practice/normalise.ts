/**
 * Answer normalisers: each reads what a person typed into one canonical key, or explains why it could
 * not be read. Two answers are the same when their keys are equal. Tolerance lives here (`/24`, `24`
 * and `255.255.255.0`; `SYN-RECEIVED`, `SYN_RCVD`, `SYN-RECV`; `syn+ack`; any case of hex; extra
 * spaces); strictness too, where the form is the point of the question.
 */
import { expandIPv6, formatIPv4, formatIPv6Text, parseAddress, parseCidr, parseMask } from '../addr/parse.js';
import type { AnswerKind, Text } from './question.js';
import { InputError, reasonZh } from '../errors.js';

export type Reading =
  | { readonly ok: true; readonly key: string }
  | { readonly ok: false; readonly why: Text };

function ok(key: string): Reading {
  return { ok: true, key };
}
function bad(en: string, zh: string): Reading {
  return { ok: false, why: { en, zh } };
}

/**
 * Trim, collapse runs of spaces, turn what a Chinese IME types into ASCII: full-width ASCII
 * (U+FF01-FF5E: （）：；，！？ and full-width digits and letters), the ideographic full stop 。 (what
 * the "." key gives in Chinese mode, so `192。168。1。1` is an address), 、 as a list comma and curly
 * quotes; then drop one "answer:" lead-in, quotes around the whole answer and a sentence-ending mark.
 */
export function tidy(input: string): string {
  return input
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\u3002/g, '.')
    .replace(/[，、]/g, ',')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(答案?|answer)\s*:\s*/i, '')
    .replace(/^(["'])(.*)\1$/, '$2')
    .replace(/\s*[.!?]$/, '')
    .trim();
}

/** RFC 9293 state names and the spellings people meet elsewhere (Linux ss/netstat, BSD, textbooks). */
const STATE_ALIASES: Readonly<Record<string, string>> = {
  CLOSED: 'CLOSED', CLOSE: 'CLOSED',
  LISTEN: 'LISTEN', LISTENING: 'LISTEN',
  SYN_SENT: 'SYN_SENT', SYN_SEND: 'SYN_SENT',
  SYN_RECEIVED: 'SYN_RECEIVED', SYN_RCVD: 'SYN_RECEIVED', SYN_RECV: 'SYN_RECEIVED', SYN_RCV: 'SYN_RECEIVED',
  ESTABLISHED: 'ESTABLISHED', ESTAB: 'ESTABLISHED',
  FIN_WAIT_1: 'FIN_WAIT_1', FIN_WAIT1: 'FIN_WAIT_1',
  FIN_WAIT_2: 'FIN_WAIT_2', FIN_WAIT2: 'FIN_WAIT_2',
  CLOSE_WAIT: 'CLOSE_WAIT',
  CLOSING: 'CLOSING',
  LAST_ACK: 'LAST_ACK',
  TIME_WAIT: 'TIME_WAIT', TIMEWAIT: 'TIME_WAIT',
};

export function readState(input: string): Reading {
  // "TIME_WAIT状态", "处于 TIME-WAIT", "the TIME_WAIT state": the state name is the answer.
  const name = tidy(input).replace(/^(处于|进入|变为|变成|转入|in|the)\s*/i, '').replace(/\s*(状态|state)$/i, '');
  const k = name.toUpperCase().replace(/[\s-]+/g, '_');
  const state = STATE_ALIASES[k] ?? STATE_ALIASES[k.replace(/_/g, '')] ?? undefined;
  if (state !== undefined) return ok(state);
  return bad(`"${input.trim()}" is not a TCP state name (e.g. SYN_SENT, ESTABLISHED, TIME_WAIT)`,
    `“${input.trim()}”不是 TCP 状态名（例如 SYN_SENT、ESTABLISHED、TIME_WAIT）`);
}

/** tshark prints flags from the low bit up: FIN, SYN, RST, PSH, ACK, URG, ECE, CWR. */
const FLAG_ORDER = ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR'] as const;

/**
 * `SYN,ACK`, `syn+ack`, `[SYN, ACK]`, and the textbook notation `SYN=1, ACK=1, seq=x, ack=x+1`:
 * a flag written `=1` is set, `=0` is not, and the sequence and acknowledgment numbers beside them
 * (lower case in the textbooks, any value but a lone 0 or 1) are not flags.
 */
export function readFlags(input: string): Reading {
  const t = tidy(input)
    .replace(/\b(seq|ack|win|len|rwnd|mss)\s*=\s*(?![01]\b)[^\s,;]+/gi, ' ')
    .replace(/\b([a-z]{3})\s*=\s*1\b/gi, '$1')
    .replace(/\b[a-z]{3}\s*=\s*0\b/gi, ' ')
    .replace(/\s*(报文段|报文|segment|packet)$/i, '');
  const tokens = t.toUpperCase().replace(/[\[\]]/g, '').split(/[\s,;+/|&-]+|和|与|及/).filter((x) => x !== '');
  if (tokens.length === 0) return bad('no flags given', '没有写标志位');
  const set = new Set<string>();
  for (const x of tokens) {
    if (x === 'SYNACK') { set.add('SYN'); set.add('ACK'); continue; }
    const flag = x === 'RESET' ? 'RST' : x === 'PUSH' ? 'PSH' : x;
    if (!(FLAG_ORDER as readonly string[]).includes(flag)) {
      return bad(`"${x}" is not a TCP flag (SYN, ACK, FIN, RST, PSH, URG)`, `“${x}”不是 TCP 标志位（SYN、ACK、FIN、RST、PSH、URG）`);
    }
    set.add(flag);
  }
  return ok(FLAG_ORDER.filter((f) => set.has(f)).join(','));
}

/**
 * Units and Chinese measure words that say what is counted without changing the number: `9 次`,
 * `65507字节`, `62 hosts`, `8 位`, `60 s`. Units that scale the number (ms, min, KB) are left on,
 * so `2 min` for a question in seconds is asked again instead of read as 2.
 */
const COUNT_UNIT = /\s*(个字节|字节|bytes?|b|比特|bits?|位|个子网|个主机|个地址|个端口|个|次|台|跳|hops?|秒|s|secs?|seconds?|段|条|块|组|subnets?|hosts?|addresses|times|segments?)$/i;

export function readInteger(input: string): Reading {
  const t = tidy(input).replace(COUNT_UNIT, '').replace(/[\s,_']/g, '');
  if (/^\d+$/.test(t)) return ok(BigInt(t).toString());
  return bad(`"${input.trim()}" is not a whole number`, `“${input.trim()}”不是整数`);
}

/**
 * The bits as written, leading zeros kept: "write 10 as an 8-bit binary number" wants 00001010, and
 * 1010 has the right value but not the asked width. Separators between octets or nibbles are dropped;
 * grade.ts names the rule when only the width or the grouping is off.
 */
export function readBinary(input: string): Reading {
  const t = tidy(input).replace(/^0b/i, '').replace(/\s*(位|bits?)$/i, '');
  const groups = t.split(/[\s._]+/);
  const digits = groups.join('');
  if (!/^[01]+$/.test(digits)) {
    return bad(`"${input.trim()}" is not a binary number (only 0 and 1)`, `“${input.trim()}”不是二进制数（只能有 0 和 1）`);
  }
  // Groups are a reading aid: octets or nibbles, all the same size; anything else hides a wrong octet.
  if (groups.length > 1 && !groups.every((g) => g.length === 8) && !groups.every((g) => g.length === 4)) return ok(`ungrouped:${groups.join('.')}`);
  return ok(digits);
}

export function readHex(input: string): Reading {
  const t = tidy(input).replace(/^0x/i, '').replace(/[\s:._-]/g, '');
  if (/^[0-9a-f]+$/i.test(t)) return ok(BigInt('0x' + t).toString(16));
  return bad(`"${input.trim()}" is not a hexadecimal number`, `“${input.trim()}”不是十六进制数`);
}

/** Any of aa:bb:cc:dd:ee:ff, aa-bb-..., aabb.ccdd.eeff, any case. Also three octets (an OUI). */
export function readMac(input: string): Reading {
  const t = tidy(input).toLowerCase();
  const hex = t.replace(/[:.\- ]/g, '');
  if (/^[0-9a-f]+$/.test(hex) && (hex.length === 12 || hex.length === 6)) {
    return ok(hex.replace(/(..)(?!$)/g, '$1:'));
  }
  return bad(`"${input.trim()}" is not a MAC address (six octets in hex)`, `“${input.trim()}”不是 MAC 地址（六个十六进制字节）`);
}

const YES = new Set(['yes', 'y', 'true', 't', 'same', 'same segment', 'same network', 'correct', 'right',
  '是', '对', '是的', '对的', '正确', '能', '可以', '可', '会', '相同', '同一网段', '在同一网段', '在同一个网段', '属于同一网段', '在', '同']);
const NO = new Set(['no', 'n', 'false', 'f', 'different', 'not', 'different segments', 'wrong',
  '否', '不', '不是', '错', '错误', '不对', '不正确', '不能', '不可以', '不可', '不会', '不同', '不相同', '不在',
  '不在同一网段', '不在同一个网段', '不属于同一网段', '不同网段']);

/** Yes or no in English or Chinese; `是，在同一网段` and `不能。` are read by their first word. */
export function readYesNo(input: string): Reading {
  const t = tidy(input).toLowerCase();
  for (const w of [t, t.split(/\s*[,;:]\s*/)[0]!]) {
    if (YES.has(w)) return ok('yes');
    if (NO.has(w)) return ok('no');
  }
  return bad(`answer yes or no (not "${input.trim()}")`, `请回答“是”或“否”（不是“${input.trim()}”）`);
}

/**
 * An address with an optional prefix (`/26` or a dotted mask after a space). The prefix stays in the
 * key: `24.221.0.0/18` is a right network answer for a /18 question, `24.221.0.0/8` is not, and
 * grade.ts knows which prefix the question is about.
 */
function splitPrefix(t: string): { address: string; prefix?: number } {
  const slash = /^([^/\s]+)\s*\/\s*(\d{1,3})$/.exec(t);
  if (slash) return { address: slash[1]!, prefix: Number(slash[2]) };
  const dotted = /^(\S+) (\d+\.\d+\.\d+\.\d+)$/.exec(t);
  if (dotted) {
    try {
      return { address: dotted[1]!, prefix: parseMask(dotted[2]!, 4) };
    } catch {
      return { address: t };
    }
  }
  return { address: t };
}

export function readIPv4(input: string): Reading {
  const { address, prefix } = splitPrefix(tidy(input));
  try {
    const a = parseAddress(address);
    if (a.version !== 4) return bad('expected an IPv4 address', '应当是 IPv4 地址');
    if (prefix !== undefined && prefix > 32) return bad(`"${input.trim()}": an IPv4 prefix is 0-32`, `“${input.trim()}”：IPv4 前缀长度是 0 到 32`);
    const text = formatIPv4(Number(a.value));
    return ok(prefix === undefined ? text : `${text}/${prefix}`);
  } catch (e) {
    return notAnAddress(input, e);
  }
}

/** Why a parser refused the answer, in both languages (a reason the parser gave in Chinese too). */
function because(e: unknown): Text {
  const en = e instanceof Error ? e.message : String(e);
  return { en, zh: e instanceof InputError && e.reason !== undefined ? reasonZh(e.reason) : en };
}

function notAnAddress(input: string, e: unknown): Reading {
  const why = because(e);
  return bad(`"${input.trim()}" is not an address: ${why.en}`, `“${input.trim()}”不是合法地址：${why.zh}`);
}

/** IPv6 by value (any valid spelling), or by exact form: RFC 5952 text, or all 32 digits (any case). */
export function readIPv6(input: string, form: 'any' | 'rfc5952' | 'expanded'): Reading {
  const split = form === 'any' ? splitPrefix(tidy(input)) : { address: tidy(input) };
  const t = split.address;
  let value: bigint;
  try {
    const a = parseAddress(t);
    if (a.version !== 6) return bad('expected an IPv6 address', '应当是 IPv6 地址');
    value = a.value;
  } catch (e) {
    return notAnAddress(input, e);
  }
  // The canonical text is the one every command prints: RFC 5952 section 4, plus section 5's mixed form for
  // IPv4-mapped and NAT64 Well-Known-Prefix addresses, so a compression question about ::ffff:7f00:1 wants
  // ::ffff:127.0.0.1 (the same text `netkata ip` shows as the answer).
  const canonical = formatIPv6Text(value);
  if (form === 'any') return ok(split.prefix === undefined ? canonical : `${canonical}/${split.prefix}`);
  if (form === 'rfc5952') return ok(t === canonical ? canonical : `not-rfc5952:${t}`);
  return ok(t.toLowerCase() === expandIPv6(value) ? expandIPv6(value) : `not-expanded:${t}`);
}

/** `192.168.1.64/26` or `192.168.1.64 255.255.255.192`; host bits must be zero (it names a network). */
export function readCidr(input: string): Reading {
  const t = tidy(input);
  try {
    const parts = t.split(' ');
    const c = parts.length === 2 ? parseCidr(parts[0]!, parts[1]!) : parseCidr(t);
    if (!t.includes('/') && parts.length !== 2) return bad('give the prefix too, e.g. 192.168.1.64/26', '请带上前缀，例如 192.168.1.64/26');
    return ok(`${c.version === 4 ? formatIPv4(Number(c.address)) : formatIPv6Text(c.address)}/${c.prefix}`);
  } catch (e) {
    return notAnAddress(input, e);
  }
}

/** A mask in the forms the question allows: `/24` or `24` (prefix), `255.255.255.0` (dotted). */
export function readMask(input: string, forms: readonly string[]): Reading {
  const t = tidy(input).replace(/\s/g, '').replace(/(位|bits?)$/i, '');
  const dotted = t.includes('.');
  if (dotted && !forms.includes('dotted')) return bad('write the prefix length (e.g. /24), not a dotted mask', '请写前缀长度（例如 /24），不要写点分掩码');
  if (!dotted && !forms.includes('prefix')) return bad('write the dotted mask (e.g. 255.255.255.0)', '请写点分十进制掩码（例如 255.255.255.0）');
  try {
    return ok(`/${parseMask(t, 4)}`);
  } catch (e) {
    const why = because(e);
    return bad(`"${input.trim()}" is not a mask: ${why.en}`, `“${input.trim()}”不是合法掩码：${why.zh}`);
  }
}

/** `B C A`, `b,c,a`, `BCA`, `B -> C -> A`: the letters in order. */
export function readOrder(input: string, items: number): Reading {
  const letters = tidy(input).toUpperCase().replace(/->|→|>|[\s,;]/g, '');
  const valid = 'ABCDEFGHIJ'.slice(0, items);
  if (letters.length === items && [...letters].every((c) => valid.includes(c)) && new Set(letters).size === items) {
    return ok(letters);
  }
  return bad(`give all ${items} letters ${[...valid].join(', ')} once each, in order (e.g. ${[...valid].reverse().join(' ')})`,
    `请按顺序写出 ${[...valid].join('、')} 这 ${items} 个字母，每个一次（例如 ${[...valid].reverse().join(' ')}）`);
}

/**
 * Terms that Chinese textbooks spell differently for one thing, each mapped to the spelling the banks
 * use: 谢希仁《计算机网络》 writes 运输层 and 网际层 (TCP/IP's internet layer, the OSI network layer's
 * place) and calls the IANA port ranges 熟知/登记/短暂端口 (RFC 6335 section 6: system or well-known,
 * user or registered, dynamic or private ports).
 */
const TERMS: readonly (readonly [RegExp, string])[] = [
  [/运输层/g, '传输层'],
  [/网际层/g, '网络层'],
  [/(熟知|系统)端口/g, '知名端口'],
  [/登记端口/g, '注册端口'],
  [/(短暂|临时|私有)端口/g, '动态端口'],
  [/端口号/g, '端口'],
  [/\bwell known\b/g, 'well-known'],
  [/\bephemeral\b/g, 'dynamic'],
];

/** Free text: case, spaces, trailing punctuation and the textbook spelling of a term do not matter. */
export function readText(input: string): Reading {
  let t = tidy(input).toLowerCase().replace(/[.!?。!?]+$/, '').replace(/\s*([,/()])\s*/g, '$1');
  for (const [from, to] of TERMS) t = t.replace(from, to);
  if (t === '') return bad('empty answer', '答案为空');
  return ok(t);
}

/** The canonical key of an answer under a kind (choices are resolved by grade.ts, which knows them). */
export function read(kind: AnswerKind, input: string): Reading {
  switch (kind.kind) {
    case 'ipv4': return readIPv4(input);
    case 'ipv6': return readIPv6(input, kind.form);
    case 'cidr': return readCidr(input);
    case 'mask': return readMask(input, kind.forms);
    case 'integer': return readInteger(input);
    case 'binary': return readBinary(input);
    case 'hex': return readHex(input);
    case 'mac': return readMac(input);
    case 'yesno': return readYesNo(input);
    case 'state': return readState(input);
    case 'flags': return readFlags(input);
    case 'order': return readOrder(input, kind.items);
    case 'choice':
    case 'table': // graded cell by cell in table.ts; as a whole it is read as text
    case 'text': return readText(input);
  }
}
