/**
 * Answer normalisers: each reads what a person typed into one canonical key, or explains why it could
 * not be read. Two answers are the same when their keys are equal. Tolerance lives here (`/24`, `24`
 * and `255.255.255.0`; `SYN-RECEIVED`, `SYN_RCVD`, `SYN-RECV`; `syn+ack`; any case of hex; extra
 * spaces); strictness too, where the form is the point of the question.
 */
import { expandIPv6, formatIPv4, formatIPv6Text, parseAddress, parseCidr, parseMask } from '../addr/parse.js';
import type { AnswerKind, Text } from './question.js';

export type Reading =
  | { readonly ok: true; readonly key: string }
  | { readonly ok: false; readonly why: Text };

function ok(key: string): Reading {
  return { ok: true, key };
}
function bad(en: string, zh: string): Reading {
  return { ok: false, why: { en, zh } };
}

/** Trim, collapse runs of spaces, turn full-width ASCII (typed with a Chinese IME) into ASCII. */
export function tidy(input: string): string {
  return input
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[，、]/g, ',')
    .replace(/\s+/g, ' ')
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
  const k = tidy(input).toUpperCase().replace(/[\s-]+/g, '_');
  const state = STATE_ALIASES[k] ?? STATE_ALIASES[k.replace(/_/g, '')] ?? undefined;
  if (state !== undefined) return ok(state);
  return bad(`"${input.trim()}" is not a TCP state name (e.g. SYN_SENT, ESTABLISHED, TIME_WAIT)`,
    `"${input.trim()}" 不是 TCP 状态名(例如 SYN_SENT、ESTABLISHED、TIME_WAIT)`);
}

/** tshark prints flags from the low bit up: FIN, SYN, RST, PSH, ACK, URG, ECE, CWR. */
const FLAG_ORDER = ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR'] as const;

export function readFlags(input: string): Reading {
  const tokens = tidy(input).toUpperCase().replace(/[\[\]]/g, '').split(/[\s,+/|&-]+/).filter((t) => t !== '');
  if (tokens.length === 0) return bad('no flags given', '没有写标志位');
  const set = new Set<string>();
  for (const t of tokens) {
    if (t === 'SYNACK') { set.add('SYN'); set.add('ACK'); continue; }
    const flag = t === 'RESET' ? 'RST' : t === 'PUSH' ? 'PSH' : t;
    if (!(FLAG_ORDER as readonly string[]).includes(flag)) {
      return bad(`"${t}" is not a TCP flag (SYN, ACK, FIN, RST, PSH, URG)`, `"${t}" 不是 TCP 标志位(SYN、ACK、FIN、RST、PSH、URG)`);
    }
    set.add(flag);
  }
  return ok(FLAG_ORDER.filter((f) => set.has(f)).join(','));
}

export function readInteger(input: string): Reading {
  const t = tidy(input).replace(/[\s,_']/g, '');
  if (/^\d+$/.test(t)) return ok(BigInt(t).toString());
  return bad(`"${input.trim()}" is not a whole number`, `"${input.trim()}" 不是整数`);
}

export function readBinary(input: string): Reading {
  const t = tidy(input).replace(/^0b/i, '').replace(/[\s._]/g, '');
  if (/^[01]+$/.test(t)) return ok(BigInt('0b' + t).toString());
  return bad(`"${input.trim()}" is not a binary number (only 0 and 1)`, `"${input.trim()}" 不是二进制数(只能有 0 和 1)`);
}

export function readHex(input: string): Reading {
  const t = tidy(input).replace(/^0x/i, '').replace(/[\s:._-]/g, '');
  if (/^[0-9a-f]+$/i.test(t)) return ok(BigInt('0x' + t).toString(16));
  return bad(`"${input.trim()}" is not a hexadecimal number`, `"${input.trim()}" 不是十六进制数`);
}

/** Any of aa:bb:cc:dd:ee:ff, aa-bb-..., aabb.ccdd.eeff, any case. Also three octets (an OUI). */
export function readMac(input: string): Reading {
  const t = tidy(input).toLowerCase();
  const hex = t.replace(/[:.\- ]/g, '');
  if (/^[0-9a-f]+$/.test(hex) && (hex.length === 12 || hex.length === 6)) {
    return ok(hex.replace(/(..)(?!$)/g, '$1:'));
  }
  return bad(`"${input.trim()}" is not a MAC address (six octets in hex)`, `"${input.trim()}" 不是 MAC 地址(六个十六进制字节)`);
}

const YES = new Set(['yes', 'y', 'true', 't', 'same', 'same segment', 'same network', '是', '对', '是的', '相同', '同一网段', '在同一网段', '在', '同']);
const NO = new Set(['no', 'n', 'false', 'f', 'different', 'not', 'different segments', '否', '不', '不是', '错', '不同', '不在', '不在同一网段', '不同网段']);

export function readYesNo(input: string): Reading {
  const t = tidy(input).toLowerCase().replace(/[.!。!]+$/, '');
  if (YES.has(t)) return ok('yes');
  if (NO.has(t)) return ok('no');
  return bad(`answer yes or no (not "${input.trim()}")`, `请回答 是 或 否(不是"${input.trim()}")`);
}

/** `192.168.1.0/24` for a network answer: the address is what is asked, a correct prefix does no harm. */
function dropPrefix(t: string): string {
  const m = /^([^/]+)\/\d{1,3}$/.exec(t);
  return m ? m[1]! : t;
}

export function readIPv4(input: string): Reading {
  const t = dropPrefix(tidy(input));
  try {
    const a = parseAddress(t);
    if (a.version !== 4) return bad('expected an IPv4 address', '应当是 IPv4 地址');
    return ok(formatIPv4(Number(a.value)));
  } catch (e) {
    return notAnAddress(input, e);
  }
}

function notAnAddress(input: string, e: unknown): Reading {
  const reason = e instanceof Error ? e.message : String(e);
  return bad(`"${input.trim()}" is not an address: ${reason}`, `"${input.trim()}" 不是合法地址:${reason}`);
}

/** IPv6 by value (any valid spelling), or by exact form: RFC 5952 text, or all 32 digits (any case). */
export function readIPv6(input: string, form: 'any' | 'rfc5952' | 'expanded'): Reading {
  const t = form === 'any' ? dropPrefix(tidy(input)) : tidy(input);
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
  if (form === 'any') return ok(canonical);
  if (form === 'rfc5952') return ok(t === canonical ? canonical : `not-rfc5952:${t}`);
  return ok(t.toLowerCase() === expandIPv6(value) ? expandIPv6(value) : `not-expanded:${t}`);
}

/** `192.168.1.64/26` or `192.168.1.64 255.255.255.192`; host bits must be zero (it names a network). */
export function readCidr(input: string): Reading {
  const t = tidy(input);
  try {
    const parts = t.split(' ');
    const c = parts.length === 2 ? parseCidr(parts[0]!, parts[1]!) : parseCidr(t);
    if (!t.includes('/') && parts.length !== 2) return bad('give the prefix too, e.g. 192.168.1.64/26', '请带上前缀,例如 192.168.1.64/26');
    return ok(`${c.version === 4 ? formatIPv4(Number(c.address)) : formatIPv6Text(c.address)}/${c.prefix}`);
  } catch (e) {
    return notAnAddress(input, e);
  }
}

/** A mask in the forms the question allows: `/24` or `24` (prefix), `255.255.255.0` (dotted). */
export function readMask(input: string, forms: readonly string[]): Reading {
  const t = tidy(input).replace(/\s/g, '');
  const dotted = t.includes('.');
  if (dotted && !forms.includes('dotted')) return bad('write the prefix length (e.g. /24), not a dotted mask', '请写前缀长度(例如 /24),不要写点分掩码');
  if (!dotted && !forms.includes('prefix')) return bad('write the dotted mask (e.g. 255.255.255.0)', '请写点分十进制掩码(例如 255.255.255.0)');
  try {
    return ok(`/${parseMask(t, 4)}`);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return bad(`"${input.trim()}" is not a mask: ${reason}`, `"${input.trim()}" 不是合法掩码:${reason}`);
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
    `请按顺序写出 ${[...valid].join('、')} 这 ${items} 个字母,每个一次(例如 ${[...valid].reverse().join(' ')})`);
}

/** Free text: case, spaces and trailing punctuation do not matter. */
export function readText(input: string): Reading {
  const t = tidy(input).toLowerCase().replace(/[.!?。!?]+$/, '').replace(/\s*([,/()])\s*/g, '$1');
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
