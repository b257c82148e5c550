/**
 * Independent reference computations for the generated questions: plain uint32 arithmetic, a
 * string-level IPv6 compressor (itself checked against Python's ipaddress vectors), small tables typed
 * from the IANA registries, and the segment/state sequences of RFC 9293's figures. None of this imports
 * src/addr or src/tcp.
 */
export const u32 = (s: string): number => s.split('.').reduce((a, o) => a * 256 + Number(o), 0);
export const fmt4 = (n: number): string => [24, 16, 8, 0].map((b) => (n >>> b) & 255).join('.');
export const maskOf = (p: number): number => (p === 0 ? 0 : (0xffffffff << (32 - p)) >>> 0);

export function groupsOf(address: string): number[] {
  // Parse a valid IPv6 text (no zone) into 8 groups. A dotted tail (RFC 5952 section 5 mixed form,
  // ::ffff:192.0.2.1, which netkata prints for IPv4-mapped addresses) is the last two groups.
  const dotted = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const text = dotted === null ? address
    : `${dotted[1]!}${(Number(dotted[2]) * 256 + Number(dotted[3])).toString(16)}:${(Number(dotted[4]) * 256 + Number(dotted[5])).toString(16)}`;
  const [head, tail] = text.includes('::') ? text.split('::') as [string, string] : [text, undefined];
  const h = head === '' ? [] : head.split(':').map((g) => parseInt(g, 16));
  if (tail === undefined) return h;
  const t = tail === '' ? [] : tail.split(':').map((g) => parseInt(g, 16));
  return [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
}

/** RFC 5952 section 4, written from the RFC text. */
export function compress(groups: readonly number[]): string {
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i >= 2 && j - i > bestLen) { best = i; bestLen = j - i; }
    if (j > i) i = j - 1;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

export const explode = (groups: readonly number[]): string => groups.map((g) => g.toString(16).padStart(4, '0')).join(':');

/** IANA port numbers of the services the generator asks about (service-names-port-numbers registry). */
export const IANA_PORTS: Readonly<Record<string, number>> = {
  ssh: 22, http: 80, https: 443, dns: 53, smtp: 25, ftp: 21, telnet: 23, pop3: 110, imap: 143, ntp: 123,
  mysql: 3306, rdp: 3389, snmp: 161, tftp: 69, ldap: 389, bgp: 179, imaps: 993, pop3s: 995, smb: 445, 'ftp-data': 20,
};

interface Block { readonly net: bigint; readonly prefix: number; readonly scope: string; readonly global: boolean; readonly v: 4 | 6 }
function block(cidr: string, scope: string, global = false): Block {
  const [a, p] = cidr.split('/') as [string, string];
  if (a.includes(':')) {
    const g = groupsOf(a);
    return { net: g.reduce((v, x) => (v << 16n) | BigInt(x), 0n), prefix: Number(p), scope, global, v: 6 };
  }
  return { net: BigInt(u32(a)), prefix: Number(p), scope, global, v: 4 };
}
/** The blocks the classify generators draw from, with scope and the registry's Globally Reachable column. */
const BLOCKS: readonly Block[] = [
  block('10.0.0.0/8', 'private'), block('172.16.0.0/12', 'private'), block('192.168.0.0/16', 'private'),
  block('127.0.0.0/8', 'loopback'), block('169.254.0.0/16', 'link-local'), block('100.64.0.0/10', 'shared'),
  block('192.0.2.0/24', 'documentation'), block('198.51.100.0/24', 'documentation'), block('203.0.113.0/24', 'documentation'),
  block('224.0.0.0/4', 'multicast'), block('198.18.0.0/15', 'benchmarking'), block('240.0.0.0/4', 'reserved'),
  block('fc00::/7', 'unique-local'), block('fe80::/10', 'link-local'), block('::1/128', 'loopback'),
  block('2001:db8::/32', 'documentation'), block('ff00::/8', 'multicast'), block('::ffff:0:0/96', 'ipv4-mapped'),
  block('fec0::/10', 'reserved'),
];

export function refClassify(address: string): { scope: string; global: boolean; private: boolean } {
  const v = address.includes(':') ? 6 : 4;
  const value = v === 4 ? BigInt(u32(address)) : groupsOf(address).reduce((a, x) => (a << 16n) | BigInt(x), 0n);
  const bits = v === 4 ? 32 : 128;
  const hits = BLOCKS.filter((b) => b.v === v && (value >> BigInt(bits - b.prefix)) === (b.net >> BigInt(bits - b.prefix)))
    .sort((a, b) => b.prefix - a.prefix);
  const top = hits[0];
  if (top === undefined) return { scope: 'global', global: true, private: false };
  return { scope: top.scope, global: top.global, private: top.scope === 'private' || top.scope === 'unique-local' };
}

/**
 * RFC 9293 connection stories as segment lists (sender, flags) with the sender's state after sending
 * and the receiver's after processing; section 3.6 figures 12 (normal close) and 13 (simultaneous),
 * section 3.5 figure 6 (handshake), 3.10.7.4 (FIN retransmitted into TIME_WAIT), 3.10.5 (ABORT: RST).
 */
type Row = readonly [from: 'client' | 'server', flags: string, fromState: string, toState: string | null];
const OPEN: readonly Row[] = [
  ['client', 'SYN', 'SYN_SENT', 'SYN_RECEIVED'],
  ['server', 'SYN,ACK', 'SYN_RECEIVED', 'ESTABLISHED'],
  ['client', 'ACK', 'ESTABLISHED', 'ESTABLISHED'],
];
const activeClose = (a: 'client' | 'server', p: 'client' | 'server'): Row[] => [
  [a, 'FIN,ACK', 'FIN_WAIT_1', 'CLOSE_WAIT'],
  [p, 'ACK', 'CLOSE_WAIT', 'FIN_WAIT_2'],
  [p, 'FIN,ACK', 'LAST_ACK', 'TIME_WAIT'],
  [a, 'ACK', 'TIME_WAIT', 'CLOSED'],
];
export const STORIES: Readonly<Record<string, readonly Row[]>> = {
  'client-close': [...OPEN, ...activeClose('client', 'server')],
  'server-close': [...OPEN, ...activeClose('server', 'client')],
  'data-close': [...OPEN, ['client', 'PSH,ACK', 'ESTABLISHED', 'ESTABLISHED'], ['server', 'ACK', 'ESTABLISHED', 'ESTABLISHED'], ...activeClose('client', 'server')],
  simultaneous: [...OPEN,
    ['client', 'FIN,ACK', 'FIN_WAIT_1', 'CLOSING'], ['server', 'FIN,ACK', 'FIN_WAIT_1', 'CLOSING'],
    ['server', 'ACK', 'CLOSING', 'TIME_WAIT'], ['client', 'ACK', 'CLOSING', 'TIME_WAIT']],
  abort: [...OPEN, ['client', 'RST', 'CLOSED', 'CLOSED']],
  'lost-final-ack': [...OPEN,
    ['client', 'FIN,ACK', 'FIN_WAIT_1', 'CLOSE_WAIT'], ['server', 'ACK', 'CLOSE_WAIT', 'FIN_WAIT_2'],
    ['server', 'FIN,ACK', 'LAST_ACK', 'TIME_WAIT'], ['client', 'ACK', 'TIME_WAIT', null],
    ['server', 'FIN,ACK', 'LAST_ACK', 'TIME_WAIT'], ['client', 'ACK', 'TIME_WAIT', 'CLOSED']],
};

export const TIME_WAIT_WHO: Readonly<Record<string, string>> = {
  'client-close': 'the client', 'server-close': 'the server', simultaneous: 'both', abort: 'neither',
};
