/**
 * The notes on everyday service words that are not IANA names (src/addr/services.ts SERVICE_ALIASES):
 * what IANA calls them. The catalogues give them as `port.aliasNotes` (en/port.ts, zh/port.ts); they live
 * here, outside src/i18n/zh/, because practice's port questions carry both languages and the English
 * exam shortcut must not load the zh catalogue (test/cli/bundle.test.ts).
 */
export const ALIAS_NOTES_EN = {
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
} as const;

export const ALIAS_NOTES_ZH: { readonly [K in keyof typeof ALIAS_NOTES_EN]: string } = {
  dns: 'IANA 把 DNS 登记为“domain”（53）；DNS over TLS 登记为“domain-s”（853）',
  dot: 'DNS over TLS（RFC 7858）登记为“domain-s”',
  dhcp: 'DHCP（RFC 2131）使用 BOOTP 的端口：服务器 67“bootps”，客户端 68“bootpc”',
  dhcpv6: 'DHCPv6（RFC 8415）：服务器 547，客户端 546',
  whois: 'IANA 把 WHOIS 登记为“nicname”（43）',
  smb: 'SMB over TCP 使用 445，登记为“microsoft-ds”',
  netbios: 'NetBIOS over TCP/IP 使用 137-139 三个端口',
  rdp: '远程桌面使用 3389，登记为“ms-wbt-server”',
  rip: 'RIP 使用 520/udp，登记为“router”',
  smtps: '隐式 TLS 的邮件提交（RFC 8314）登记为“submissions”（465）',
  imap4: 'IANA 把 IMAP 登记为“imap”（143）',
  pop: 'IANA 把 POP3 登记为“pop3”（110）',
  rpcbind: 'portmapper / rpcbind 登记为“sunrpc”（111）',
  memcached: 'memcached 登记为“memcache”（11211）',
  mssql: 'Microsoft SQL Server 登记为“ms-sql-s”（1433）',
  ipsec: 'IPsec 的 IKE 登记为“isakmp”（500）',
  postgres: 'PostgreSQL 登记为“postgresql”（5432）',
  vnc: 'VNC 使用远程帧缓冲协议（RFC 6143），登记为“rfb”（5900）',
  mongo: 'MongoDB 登记为“mongodb”（27017）',
};
