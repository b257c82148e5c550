import type { Bilingual } from './text.js';

/**
 * The OSI reference model (ISO/IEC 7498-1) and the five-layer model textbooks use for the Internet
 * (RFC 1122's four layers with the link layer split into data link and physical).
 */
export interface OsiLayer {
  readonly n: number;
  readonly name: Bilingual;
  /** The five-layer model's layer that covers it. */
  readonly tcpip: number;
  readonly lives: Bilingual;
}

export interface TcpIpLayer {
  readonly n: number;
  readonly name: Bilingual;
  /** What a unit of data is called at this layer. */
  readonly pdu: Bilingual;
  /** Addresses, devices and protocols that belong here. */
  readonly lives: Bilingual;
}

export const OSI_LAYERS: readonly OsiLayer[] = [
  {
    n: 7,
    name: { en: 'Application', zh: '应用层' },
    tcpip: 5,
    lives: { en: 'what programs ask of each other: HTTP, DNS, SMTP, FTP, SSH', zh: '程序之间的请求与应答：HTTP、DNS、SMTP、FTP、SSH' },
  },
  {
    n: 6,
    name: { en: 'Presentation', zh: '表示层' },
    tcpip: 5,
    lives: { en: 'how data is encoded: character sets, compression, encryption (TLS)', zh: '数据的编码方式：字符集、压缩、加密（TLS）' },
  },
  {
    n: 5,
    name: { en: 'Session', zh: '会话层' },
    tcpip: 5,
    lives: { en: 'dialogues between programs: opening, resuming, checkpoints', zh: '程序间的对话：建立、恢复、检查点' },
  },
  {
    n: 4,
    name: { en: 'Transport', zh: '传输层' },
    tcpip: 4,
    lives: { en: 'process to process: TCP and UDP, port numbers', zh: '进程到进程：TCP 与 UDP、端口号' },
  },
  {
    n: 3,
    name: { en: 'Network', zh: '网络层' },
    tcpip: 3,
    lives: { en: 'host to host across networks: IP addresses, routing, ICMP, routers', zh: '跨网络的主机到主机：IP 地址、路由、ICMP、路由器' },
  },
  {
    n: 2,
    name: { en: 'Data link', zh: '数据链路层' },
    tcpip: 2,
    lives: { en: 'one link or LAN: Ethernet frames, MAC addresses, switches, ARP', zh: '一条链路或一个局域网：以太网帧、MAC 地址、交换机、ARP' },
  },
  {
    n: 1,
    name: { en: 'Physical', zh: '物理层' },
    tcpip: 1,
    lives: { en: 'bits as signals: cables, fibre, radio, hubs, repeaters', zh: '比特变成信号：电缆、光纤、无线电、集线器、中继器' },
  },
];

export const TCPIP_LAYERS: readonly TcpIpLayer[] = [
  {
    n: 5,
    name: { en: 'Application', zh: '应用层' },
    pdu: { en: 'message', zh: '消息' },
    lives: { en: 'OSI 5-7 folded into one; your program and its protocol', zh: '合并了 OSI 的 5-7 层；你的程序和它的协议' },
  },
  {
    n: 4,
    name: { en: 'Transport', zh: '传输层' },
    pdu: { en: 'segment / datagram', zh: '报文段 / 数据报' },
    lives: { en: 'TCP segment or UDP datagram; ports pick the process', zh: 'TCP 报文段或 UDP 数据报；端口找到进程' },
  },
  {
    n: 3,
    name: { en: 'Network', zh: '网络层' },
    pdu: { en: 'packet', zh: '分组（包）' },
    lives: { en: 'IP packet; the subnet mask decides local or via gateway', zh: 'IP 分组；子网掩码决定直接投递还是交给网关' },
  },
  {
    n: 2,
    name: { en: 'Data link', zh: '数据链路层' },
    pdu: { en: 'frame', zh: '帧' },
    lives: { en: 'Ethernet frame between MAC addresses; ARP maps IP to MAC', zh: 'MAC 地址之间的以太网帧；ARP 把 IP 映射到 MAC' },
  },
  {
    n: 1,
    name: { en: 'Physical', zh: '物理层' },
    pdu: { en: 'bits', zh: '比特' },
    lives: { en: 'the signal on the wire or in the air', zh: '线缆上或空中的信号' },
  },
];

export const LAYERS_NOTE: Bilingual = {
  en: 'Sending goes down the stack, each layer adding its header (encapsulation); receiving goes up, each layer removing it. A socket is the door between your program (application) and the transport layer.',
  zh: '发送时数据自上而下，每层加上自己的首部（封装）；接收时自下而上逐层拆掉。套接字（socket）就是程序（应用层）与传输层之间的那扇门。',
};
