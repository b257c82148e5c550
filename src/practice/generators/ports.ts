/** Port questions: a service's port, a port's service, the RFC 6335 range a port is in (src/addr/port.ts). */
import { aliasNote, lookupPort, portRange } from '../../addr/port.js';
import { SERVICE_ALIASES } from '../../addr/services.js';
import { ALIAS_NOTES_EN, ALIAS_NOTES_ZH } from '../../i18n/alias-notes.js';
import { body, options, type Generator } from '../generator.js';
import { text, type Text } from '../question.js';

/** The services every networking course expects people to know, by the name people say. */
const COMMON: readonly { readonly say: string; readonly zh: string }[] = [
  { say: 'ssh', zh: 'SSH' }, { say: 'http', zh: 'HTTP' }, { say: 'https', zh: 'HTTPS' }, { say: 'dns', zh: 'DNS' },
  { say: 'smtp', zh: 'SMTP' }, { say: 'ftp', zh: 'FTP（控制连接）' }, { say: 'telnet', zh: 'Telnet' }, { say: 'pop3', zh: 'POP3' },
  { say: 'imap', zh: 'IMAP' }, { say: 'ntp', zh: 'NTP' }, { say: 'mysql', zh: 'MySQL' }, { say: 'rdp', zh: '远程桌面 RDP' },
  { say: 'snmp', zh: 'SNMP' }, { say: 'tftp', zh: 'TFTP' }, { say: 'ldap', zh: 'LDAP' }, { say: 'bgp', zh: 'BGP' },
  { say: 'imaps', zh: 'IMAPS' }, { say: 'pop3s', zh: 'POP3S' }, { say: 'smb', zh: 'SMB' }, { say: 'ftp-data', zh: 'FTP 数据连接' },
];

function rangeExplanation(): Text {
  return text('RFC 6335 section 6: System (well-known) ports 0-1023, User (registered) ports 1024-49151, Dynamic (private, ephemeral) ports 49152-65535.',
    'RFC 6335 第 6 节：系统（知名）端口 0-1023，用户（注册）端口 1024-49151，动态（私有、临时）端口 49152-65535。');
}

export const portsNumber: Generator = {
  name: 'ports.number',
  topic: 'ports',
  params: { service: options(COMMON.map((c) => c.say)) },
  make(rng, p) {
    void rng;
    const say = p.option<string>('service');
    const zh = COMMON.find((c) => c.say === say)?.zh ?? say;
    const info = lookupPort(say);
    const note = info.alias?.note;
    const noteZh = info.alias === undefined ? undefined : aliasNote(ALIAS_NOTES_ZH, info.alias.name);
    const transports = [...new Set(info.services.map((s) => s.protocol))].join('/');
    return body({
      prompt: text(`Which port does ${say.toUpperCase()} use by default?`, `${zh}${/[\u3400-\u9fff）]$/.test(zh) ? '' : ' '}默认使用哪个端口？`),
      answer: String(info.port),
      check: { kind: 'integer' },
      explanation: text(`IANA registers ${info.services[0]?.name ?? say} on ${info.port}/${transports}${note ? ` (${note})` : ''}. ${rangeExplanation().en}`,
        `IANA 把 ${info.services[0]?.name ?? say} 登记在 ${info.port}/${transports}${noteZh ? `（${noteZh}）` : ''}。${rangeExplanation().zh}`),
      working: text(`${say} -> ${info.matches.map((m) => m.port).join(', ')} (${info.range})`, `${say} -> ${info.matches.map((m) => m.port).join('、')}(${info.range})`),
      params: { service: say },
    });
  },
};

export const portsService: Generator = {
  name: 'ports.service',
  topic: 'ports',
  params: { port: options(['21', '22', '23', '25', '53', '80', '110', '123', '143', '161', '443', '3306', '3389']) },
  make(rng, p) {
    void rng;
    const port = p.option<string>('port');
    const info = lookupPort(port);
    const names = [...new Set(info.services.filter((s) => s.duplicateOf === undefined).map((s) => s.name))];
    const aliases = Object.entries(SERVICE_ALIASES).filter(([, a]) => a.names.some((n) => names.includes(n))).map(([k]) => k);
    // People say DNS and RDP, not IANA's "domain" and "ms-wbt-server"; either is right.
    const best = aliases.find((a) => SAY_FIRST.includes(a)) ?? names[0]!;
    // The key is the name people say, IANA's name is accepted: the explanation says how the two meet
    // (IANA registers DNS as "domain"), or a key of `dns` reads against a working line of "domain".
    const alias = SERVICE_ALIASES[best] === undefined ? undefined : { note: aliasNote(ALIAS_NOTES_EN, best), noteZh: aliasNote(ALIAS_NOTES_ZH, best) };
    const range = rangeExplanation();
    return body({
      prompt: text(`Which service is registered on port ${port}? (name it, e.g. "ssh")`, `端口 ${port} 登记的是哪个服务？（写名字，例如 "ssh"）`),
      answer: best,
      accepts: [...names, ...aliases].filter((n) => n !== best),
      check: { kind: 'text' },
      explanation: alias === undefined ? range : text(`${alias.note}. ${range.en}`, `${alias.noteZh}。${range.zh}`),
      working: text(`${port}: ${info.services.map((s) => `${s.name}/${s.protocol}`).join(', ')} (${info.range})`, `${port}:${info.services.map((s) => `${s.name}/${s.protocol}`).join('、')}(${info.range})`),
      params: { port: Number(port) },
    });
  },
};

const SAY_FIRST = ['dns', 'rdp', 'smb', 'whois'];

// Not shuffled: the ranges are a scale (low to high), like numeric choices, and which one is right
// already depends on the drawn port.
const RANGE_CHOICES: readonly Text[] = [
  text('well-known', '知名端口（well-known）'), text('registered', '注册端口（registered）'), text('dynamic', '动态端口（dynamic）'),
];

export const portsRange: Generator = {
  name: 'ports.range',
  topic: 'ports',
  params: {},
  make(rng) {
    const port = rng.pick([rng.int(0, 1023), rng.int(1024, 49151), rng.int(49152, 65535), rng.pick([1023, 1024, 49151, 49152, 8080, 3306, 65535])]);
    const r = portRange(port);
    return body({
      prompt: text(`Port ${port} is in which range?`, `端口 ${port} 属于哪个范围？`),
      choices: RANGE_CHOICES,
      answer: RANGE_CHOICES.find((c) => c.en === r)!,
      check: { kind: 'choice' },
      explanation: rangeExplanation(),
      working: text(`${port} -> ${r}`, `${port} -> ${r}`),
      params: { port },
    });
  },
};

export const PORT_GENERATORS: readonly Generator[] = [portsNumber, portsService, portsRange];
