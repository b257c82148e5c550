/**
 * A small table of common services from the IANA Service Name and Transport Protocol Port Number
 * Registry (RFC 6335). Names, ports, transports and descriptions are the registry's own, copied
 * row by row; test/data/iana-services-excerpt.csv holds those rows verbatim and
 * test/addr/port.test.ts checks this table against it. A port that is absent here is not
 * necessarily unassigned: this is a teaching subset, not the 14,000-row registry.
 *
 * The registry records who asked for a number, not what listens on it: traffic on 443 need not
 * be HTTPS (IANA says so itself), so never base a trust decision on this table.
 */

export type Transport = 'tcp' | 'udp' | 'sctp';

export interface ServiceRow {
  readonly port: number;
  readonly name: string;
  readonly protocols: readonly Transport[];
  readonly description: string;
  /** IANA marks some names as duplicates of another (www, www-http -> http). */
  readonly duplicateOf?: string;
}

const TU: readonly Transport[] = ['tcp', 'udp'];
const TUS: readonly Transport[] = ['tcp', 'udp', 'sctp'];
const T: readonly Transport[] = ['tcp'];
const U: readonly Transport[] = ['udp'];

// Where the registry gives a different description per transport, the tcp row's is kept.
export const SERVICES: readonly ServiceRow[] = [
  { port: 7, name: 'echo', protocols: TU, description: 'Echo' },
  { port: 13, name: 'daytime', protocols: TU, description: 'Daytime' },
  { port: 20, name: 'ftp-data', protocols: TUS, description: 'File Transfer [Default Data]' },
  { port: 21, name: 'ftp', protocols: TUS, description: 'File Transfer Protocol [Control]' },
  { port: 22, name: 'ssh', protocols: TUS, description: 'The Secure Shell (SSH) Protocol' },
  { port: 23, name: 'telnet', protocols: TU, description: 'Telnet' },
  { port: 25, name: 'smtp', protocols: TU, description: 'Simple Mail Transfer' },
  { port: 37, name: 'time', protocols: TU, description: 'Time' },
  { port: 43, name: 'nicname', protocols: TU, description: 'Who Is' },
  { port: 53, name: 'domain', protocols: TU, description: 'Domain Name Server' },
  { port: 67, name: 'bootps', protocols: TU, description: 'Bootstrap Protocol Server' },
  { port: 68, name: 'bootpc', protocols: TU, description: 'Bootstrap Protocol Client' },
  { port: 69, name: 'tftp', protocols: TU, description: 'Trivial File Transfer' },
  { port: 79, name: 'finger', protocols: TU, description: 'Finger' },
  { port: 80, name: 'http', protocols: TUS, description: 'World Wide Web HTTP' },
  { port: 80, name: 'www', protocols: TU, description: 'World Wide Web HTTP', duplicateOf: 'http' },
  { port: 80, name: 'www-http', protocols: TU, description: 'World Wide Web HTTP', duplicateOf: 'http' },
  { port: 88, name: 'kerberos', protocols: TU, description: 'Kerberos' },
  { port: 110, name: 'pop3', protocols: TU, description: 'Post Office Protocol - Version 3' },
  { port: 111, name: 'sunrpc', protocols: TU, description: 'SUN Remote Procedure Call' },
  { port: 119, name: 'nntp', protocols: TU, description: 'Network News Transfer Protocol' },
  { port: 123, name: 'ntp', protocols: TU, description: 'Network Time Protocol' },
  { port: 135, name: 'epmap', protocols: TU, description: 'DCE endpoint resolution' },
  { port: 137, name: 'netbios-ns', protocols: TU, description: 'NETBIOS Name Service' },
  { port: 138, name: 'netbios-dgm', protocols: TU, description: 'NETBIOS Datagram Service' },
  { port: 139, name: 'netbios-ssn', protocols: TU, description: 'NETBIOS Session Service' },
  // RFC 9051 made 143/udp Reserved: IMAP is registered on tcp only.
  { port: 143, name: 'imap', protocols: T, description: 'Internet Message Access Protocol' },
  { port: 161, name: 'snmp', protocols: TU, description: 'SNMP' },
  { port: 162, name: 'snmptrap', protocols: TU, description: 'SNMPTRAP' },
  { port: 179, name: 'bgp', protocols: TUS, description: 'Border Gateway Protocol' },
  { port: 194, name: 'irc', protocols: TU, description: 'Internet Relay Chat Protocol' },
  { port: 389, name: 'ldap', protocols: TU, description: 'Lightweight Directory Access Protocol' },
  { port: 443, name: 'https', protocols: TUS, description: 'http protocol over TLS/SSL' },
  { port: 445, name: 'microsoft-ds', protocols: TU, description: 'Microsoft-DS' },
  { port: 465, name: 'urd', protocols: T, description: 'URL Rendezvous Directory for SSM' },
  { port: 465, name: 'submissions', protocols: T, description: 'Message Submission over TLS protocol' },
  { port: 465, name: 'igmpv3lite', protocols: U, description: 'IGMP over UDP for SSM' },
  { port: 500, name: 'isakmp', protocols: TU, description: 'isakmp' },
  { port: 514, name: 'shell', protocols: T, description: 'cmd like exec, but automatic authentication is performed as for login server' },
  { port: 514, name: 'syslog', protocols: U, description: '' },
  { port: 515, name: 'printer', protocols: TU, description: 'spooler' },
  { port: 520, name: 'efs', protocols: T, description: 'extended file name server' },
  { port: 520, name: 'router', protocols: U, description: 'local routing process (on site); uses variant of Xerox NS routing information protocol - RIP' },
  { port: 546, name: 'dhcpv6-client', protocols: TU, description: 'DHCPv6 Client' },
  { port: 547, name: 'dhcpv6-server', protocols: TU, description: 'DHCPv6 Server' },
  { port: 554, name: 'rtsp', protocols: TU, description: 'Real Time Streaming Protocol (RTSP)' },
  { port: 563, name: 'nntps', protocols: TU, description: 'nntp protocol over TLS/SSL (was snntp)' },
  { port: 587, name: 'submission', protocols: TU, description: 'Message Submission' },
  { port: 631, name: 'ipp', protocols: TU, description: 'IPP (Internet Printing Protocol)' },
  { port: 631, name: 'ipps', protocols: T, description: 'Internet Printing Protocol over HTTPS' },
  { port: 636, name: 'ldaps', protocols: TU, description: 'ldap protocol over TLS/SSL (was sldap)' },
  { port: 853, name: 'domain-s', protocols: TU, description: 'DNS query-response protocol run over TLS' },
  { port: 873, name: 'rsync', protocols: TU, description: 'rsync' },
  { port: 989, name: 'ftps-data', protocols: TU, description: 'ftp protocol, data, over TLS/SSL' },
  { port: 990, name: 'ftps', protocols: TU, description: 'ftp protocol, control, over TLS/SSL' },
  { port: 992, name: 'telnets', protocols: TU, description: 'telnet protocol over TLS/SSL' },
  { port: 993, name: 'imaps', protocols: T, description: 'IMAP over TLS protocol' },
  { port: 995, name: 'pop3s', protocols: TU, description: 'POP3 over TLS protocol' },
  { port: 1194, name: 'openvpn', protocols: TU, description: 'OpenVPN' },
  { port: 1433, name: 'ms-sql-s', protocols: TU, description: 'Microsoft-SQL-Server' },
  // The registry also lists an old "shilp" entry (no description) on 2049, flagged as a conflict.
  { port: 2049, name: 'nfs', protocols: TUS, description: 'Network File System - Sun Microsystems' },
  { port: 2049, name: 'shilp', protocols: TU, description: '' },
  { port: 3306, name: 'mysql', protocols: TU, description: 'MySQL' },
  { port: 3389, name: 'ms-wbt-server', protocols: TU, description: 'MS WBT Server' },
  { port: 5060, name: 'sip', protocols: TUS, description: 'SIP' },
  { port: 5353, name: 'mdns', protocols: TU, description: 'Multicast DNS' },
  { port: 5432, name: 'postgresql', protocols: TU, description: 'PostgreSQL Database' },
  { port: 5900, name: 'rfb', protocols: TU, description: 'Remote Framebuffer' },
  // 6379/udp is Reserved: Redis is registered on tcp only.
  { port: 6379, name: 'redis', protocols: T, description: 'An advanced key-value cache and store' },
  { port: 8000, name: 'irdmi', protocols: TU, description: 'iRDMI' },
  { port: 8008, name: 'http-alt', protocols: TU, description: 'HTTP Alternate' },
  { port: 8080, name: 'http-alt', protocols: TU, description: 'HTTP Alternate (see port 80)' },
  { port: 8090, name: 'opsmessaging', protocols: T, description: 'Vehicle to station messaging' },
  { port: 8443, name: 'pcsync-https', protocols: TU, description: 'PCsync HTTPS' },
  { port: 9418, name: 'git', protocols: TU, description: 'git pack transfer service' },
  { port: 11211, name: 'memcache', protocols: TU, description: 'Memory cache service' },
  // 27017/udp is Reserved: MongoDB is registered on tcp only.
  { port: 27017, name: 'mongodb', protocols: T, description: 'Mongo database system' },
];

/** Ports the registry marks Reserved on every transport (port 0: RFC 6335 section 6). */
export const RESERVED_PORTS: ReadonlySet<number> = new Set([0]);

export interface ServiceAlias {
  /** IANA service names the everyday word stands for. */
  readonly names: readonly string[];
}

/**
 * Everyday names that are not IANA service names. Looking one up answers with the registry's
 * names and says so, rather than pretending `dns` is registered. What each note says is in the
 * catalogues (src/i18n/en/port.ts and zh: `port.aliasNotes`), which cover exactly these keys.
 */
export const SERVICE_ALIASES: Readonly<Record<string, ServiceAlias>> = {
  dns: { names: ['domain'] },
  dot: { names: ['domain-s'] },
  dhcp: { names: ['bootps', 'bootpc'] },
  dhcpv6: { names: ['dhcpv6-server', 'dhcpv6-client'] },
  whois: { names: ['nicname'] },
  smb: { names: ['microsoft-ds'] },
  netbios: { names: ['netbios-ns', 'netbios-dgm', 'netbios-ssn'] },
  rdp: { names: ['ms-wbt-server'] },
  rip: { names: ['router'] },
  smtps: { names: ['submissions'] },
  imap4: { names: ['imap'] },
  pop: { names: ['pop3'] },
  rpcbind: { names: ['sunrpc'] },
  memcached: { names: ['memcache'] },
  mssql: { names: ['ms-sql-s'] },
  ipsec: { names: ['isakmp'] },
  postgres: { names: ['postgresql'] },
  vnc: { names: ['rfb'] },
  mongo: { names: ['mongodb'] },
};
