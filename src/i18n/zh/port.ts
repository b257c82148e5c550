import type { Messages } from '../en/index.js';

/** `netkata port` 的文字输出；服务说明来自 IANA 注册表（英文原文），别名说明是 netkata 的，在此翻译。 */
export const port: Messages['port'] = {
  range: {
    'well-known': '知名端口（系统端口），0-1023',
    registered: '注册端口（用户端口），1024-49151',
    dynamic: '动态端口（私有、临时端口），49152-65535：IANA 从不分配',
  },
  reserved: 'IANA 保留；绑定端口 0 表示请操作系统分配任一空闲的临时端口',
  duplicateOf: (name) => `（IANA：与 ${name} 重复）`,
  noService: 'netkata 的服务表（IANA 注册表的子集）中没有这个端口的服务',
  notServiceName: (a) => `“${a.name}”不是 IANA 服务名：${a.note}`,
  footer: '（IANA 记录的是谁注册了这个端口号，而不是谁在上面监听）',
  aliasNotes: {
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
  },
};
