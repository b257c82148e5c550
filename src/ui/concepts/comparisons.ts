import type { Bilingual } from './text.js';

export interface ComparisonRow {
  readonly aspect: Bilingual;
  readonly a: Bilingual;
  readonly b: Bilingual;
}

export interface Comparison {
  readonly a: string;
  readonly b: string;
  readonly rows: readonly ComparisonRow[];
  readonly note: Bilingual;
}

export const TCP_VS_UDP: Comparison = {
  a: 'TCP',
  b: 'UDP',
  rows: [
    {
      aspect: { en: 'connection', zh: '连接' },
      a: { en: 'yes: three-way handshake first, four-way close after', zh: '有：先三次握手，结束时四次挥手' },
      b: { en: 'none: each datagram goes on its own', zh: '无：每个数据报各自发送' },
    },
    {
      aspect: { en: 'delivery', zh: '可靠性' },
      a: { en: 'reliable: acknowledged, retransmitted after the RTO', zh: '可靠：有确认，超时（RTO）重传' },
      b: { en: 'best effort: a lost datagram is just gone', zh: '尽力而为：丢了就是丢了' },
    },
    {
      aspect: { en: 'order', zh: '顺序' },
      a: { en: 'in order, by sequence numbers', zh: '按序号保证有序' },
      b: { en: 'may arrive reordered or duplicated', zh: '可能乱序或重复' },
    },
    {
      aspect: { en: 'boundaries', zh: '消息边界' },
      a: { en: 'a byte stream: sends can merge or split ("sticky packets"), so frame your messages', zh: '字节流：多次发送可能合并或拆开（“粘包”），需自己分帧' },
      b: { en: 'kept: one sendto is one recvfrom', zh: '保留：一次 sendto 对应一次 recvfrom' },
    },
    {
      aspect: { en: 'header', zh: '首部' },
      a: { en: '20-60 bytes; flow and congestion control', zh: '20-60 字节；有流量控制和拥塞控制' },
      b: { en: '8 bytes; no control, less delay', zh: '8 字节；无控制，延迟更小' },
    },
    {
      aspect: { en: 'sockets', zh: '套接字' },
      a: { en: 'listen, accept, connect, send, recv', zh: 'listen、accept、connect、send、recv' },
      b: { en: 'bind, sendto, recvfrom; no listen or accept', zh: 'bind、sendto、recvfrom；没有 listen 和 accept' },
    },
    {
      aspect: { en: 'used by', zh: '典型应用' },
      a: { en: 'HTTP/1.1 and 2, SSH, SMTP, FTP, file transfer', zh: 'HTTP/1.1 与 2、SSH、SMTP、FTP、文件传输' },
      b: { en: 'DNS queries, NTP, DHCP, voice and video, QUIC (HTTP/3)', zh: 'DNS 查询、NTP、DHCP、语音视频、QUIC(HTTP/3)' },
    },
  ],
  note: {
    en: 'UDP is not "for small files": it has no notion of files at all. Anything reliable over UDP (QUIC, TFTP) rebuilds acknowledgements and retransmission itself.',
    zh: 'UDP 并不是“传小文件用的”，它根本没有文件的概念。基于 UDP 的可靠传输（QUIC、TFTP）都要自己实现确认与重传。',
  },
};

export const CS_VS_BS: Comparison = {
  a: 'C/S',
  b: 'B/S',
  rows: [
    {
      aspect: { en: 'the client', zh: '客户端' },
      a: { en: 'a program you install (chat apps, games, office suites)', zh: '需要安装的程序（聊天软件、游戏、办公套件）' },
      b: { en: 'the web browser; the page is the client', zh: '浏览器；网页就是客户端' },
    },
    {
      aspect: { en: 'updates', zh: '升级' },
      a: { en: 'every installed copy must be updated', zh: '每个安装的副本都要升级' },
      b: { en: 'update the server and every user has it', zh: '升级服务器，所有用户立即生效' },
    },
    {
      aspect: { en: 'where the work is', zh: '逻辑在哪' },
      a: { en: 'client and server share it; rich, fast interfaces', zh: '客户端与服务器分担；界面丰富、响应快' },
      b: { en: 'mostly the server; the page shows and asks', zh: '主要在服务器；页面负责展示和请求' },
    },
    {
      aspect: { en: 'protocol', zh: '协议' },
      a: { en: 'any: its own over TCP or UDP', zh: '任意：可在 TCP 或 UDP 上自定义' },
      b: { en: 'HTTP(S), WebSocket', zh: 'HTTP(S)、WebSocket' },
    },
    {
      aspect: { en: 'reach', zh: '覆盖面' },
      a: { en: 'users who installed it; LAN or Internet', zh: '装了它的用户；局域网或互联网均可' },
      b: { en: 'anyone with a browser and the address', zh: '任何有浏览器和网址的人' },
    },
  ],
  note: {
    en: 'B/S is a kind of C/S: the browser is a general-purpose client. Underneath both, a server listens on a fixed address and port and clients connect to it with sockets.',
    zh: 'B/S 是 C/S 的一种：浏览器是一个通用的客户端。两者底层都是服务器在固定的地址和端口上监听，客户端用套接字去连接。',
  },
};
