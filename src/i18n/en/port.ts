/**
 * `netkata port` text output. Service descriptions are IANA's data (English). The alias notes are
 * netkata's: `alias.note` in `--json` is the English one here (src/addr/port.ts), the text output the
 * language's.
 */
export const port = {
  range: {
    'well-known': 'well-known (system) port, 0-1023',
    registered: 'registered (user) port, 1024-49151',
    dynamic: 'dynamic (private, ephemeral) port, 49152-65535: never assigned by IANA',
  },
  reserved: 'reserved by IANA; binding to port 0 asks the OS for any free ephemeral port',
  duplicateOf: (name: string) => ` (IANA: duplicate of ${name})`,
  noService: "no service in netkata's table (a subset of the IANA registry)",
  notServiceName: (a: { readonly name: string; readonly note: string }) => `"${a.name}" is not an IANA service name: ${a.note}`,
  footer: '(IANA records who registered a number, not what listens on it)',
  /** Everyday service words that are not IANA names (src/addr/services.ts SERVICE_ALIASES): what IANA calls them. */
  aliasNotes: {
    dns: 'IANA registers DNS as "domain" (53); DNS over TLS is "domain-s" (853)',
    dot: 'DNS over TLS (RFC 7858) is registered as "domain-s"',
    dhcp: 'DHCP (RFC 2131) uses the BOOTP ports: server 67 "bootps", client 68 "bootpc"',
    dhcpv6: 'DHCPv6 (RFC 8415): server 547, client 546',
    whois: 'IANA registers WHOIS as "nicname" (43)',
    smb: 'SMB over TCP uses 445, registered as "microsoft-ds"',
    netbios: 'NetBIOS over TCP/IP uses three ports, 137-139',
    rdp: 'Remote Desktop uses 3389, registered as "ms-wbt-server"',
    rip: 'RIP uses 520/udp, registered as "router"',
    smtps: 'mail submission over implicit TLS (RFC 8314) is "submissions" (465)',
    imap4: 'IANA registers IMAP as "imap" (143)',
    pop: 'IANA registers POP3 as "pop3" (110)',
    rpcbind: 'the portmapper / rpcbind is registered as "sunrpc" (111)',
    memcached: 'memcached is registered as "memcache" (11211)',
    mssql: 'Microsoft SQL Server is registered as "ms-sql-s" (1433)',
    ipsec: 'IKE for IPsec is registered as "isakmp" (500)',
    postgres: 'PostgreSQL is registered as "postgresql" (5432)',
    vnc: 'VNC speaks the Remote Framebuffer protocol (RFC 6143), registered as "rfb" (5900)',
    mongo: 'MongoDB is registered as "mongodb" (27017)',
  },
} as const;
