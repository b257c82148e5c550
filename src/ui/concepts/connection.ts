import { parseTcpScenario, type TcpScenario } from '../../scenario/tcp.js';
import type { Bilingual } from './text.js';

/**
 * The handshake and the close, told step by step beside the live endpoint machine. Each lesson is a
 * small scenario run on the real simulator (one segment arrival per step, 10 ms link delay); the text
 * for the step the run is at sits next to the states the machine is really in.
 */
export interface LessonStep {
  /** One line: who sends what. */
  readonly title: Bilingual;
  readonly text: Bilingual;
}

export interface Lesson {
  readonly id: 'handshake' | 'close';
  readonly scenario: TcpScenario;
  /** Scenario steps run before the lesson starts (the close starts from an open connection). */
  readonly setupSteps: number;
  /** Explanations by number of lesson steps taken (0 = before the first). */
  readonly steps: readonly LessonStep[];
}

const HANDSHAKE_YAML = `
name: concept-handshake
title: The three-way handshake
config: { delay: 10ms }
steps:
  - open: client
  - advance: 10ms
  - advance: 10ms
  - advance: 10ms
`;

const CLOSE_YAML = `
name: concept-close
title: The four-way close
config: { delay: 10ms, msl: 30s }
steps:
  - open: client
  - settle: true
  - close: client
  - advance: 10ms
  - advance: 10ms
  - close: server
  - advance: 10ms
  - advance: 10ms
  - advance: 60s
`;

export const HANDSHAKE: Lesson = {
  id: 'handshake',
  scenario: parseTcpScenario(HANDSHAKE_YAML, 'concepts/handshake'),
  setupSteps: 0,
  steps: [
    {
      title: { en: 'before: server listens', zh: '开始前：服务器监听' },
      text: {
        en: 'The server called bind() and listen(): its endpoint is in LISTEN, waiting for a SYN. The client has no connection yet: CLOSED.',
        zh: '服务器调用了 bind() 和 listen()，处于 LISTEN，等待 SYN。客户端还没有连接：CLOSED。',
      },
    },
    {
      title: { en: '1. client → SYN', zh: '1. 客户端 → SYN' },
      text: {
        en: 'connect() sends a SYN carrying the client\'s initial sequence number (seq=1000) and moves to SYN_SENT. A retransmission timer (RTO) starts in case the SYN is lost.',
        zh: 'connect() 发送 SYN，携带客户端的初始序号（seq=1000），进入 SYN_SENT。同时启动重传定时器（RTO），以防 SYN 丢失。',
      },
    },
    {
      title: { en: '2. server → SYN,ACK', zh: '2. 服务器 → SYN,ACK' },
      text: {
        en: 'The server answers with its own SYN (seq=5000) and acknowledges the client\'s: ack=1001, because a SYN uses up one sequence number. It is now SYN_RECEIVED, a half-open connection in the backlog.',
        zh: '服务器回复自己的 SYN（seq=5000），并确认客户端的 SYN：ack=1001，因为 SYN 占用一个序号。服务器进入 SYN_RECEIVED，这是半连接队列中的一个半开连接。',
      },
    },
    {
      title: { en: '3. client → ACK', zh: '3. 客户端 → ACK' },
      text: {
        en: 'The client sees its SYN acknowledged, enters ESTABLISHED and acknowledges the server\'s SYN with ack=5001. connect() returns.',
        zh: '客户端收到对自己 SYN 的确认，进入 ESTABLISHED，并用 ack=5001 确认服务器的 SYN。connect() 返回。',
      },
    },
    {
      title: { en: 'done: both ESTABLISHED', zh: '完成：双方 ESTABLISHED' },
      text: {
        en: 'The ACK arrives: the server is ESTABLISHED and accept() hands the connection to the program. Three segments, because each side must send its own sequence number and hear it acknowledged; the third also lets the server reject an old duplicate SYN (RFC 9293 3.5).',
        zh: 'ACK 到达，服务器进入 ESTABLISHED，accept() 把连接交给程序。之所以是三次：双方都要发出自己的初始序号并得到对方确认；第三次还让服务器能识别并拒绝过期的重复 SYN（RFC 9293 3.5）。',
      },
    },
  ],
};

export const CLOSE: Lesson = {
  id: 'close',
  scenario: parseTcpScenario(CLOSE_YAML, 'concepts/close'),
  setupSteps: 2,
  steps: [
    {
      title: { en: 'before: connection open', zh: '开始前：连接已建立' },
      text: {
        en: 'Both ends are ESTABLISHED. Either may close first; here the client does, which makes it the active closer.',
        zh: '双方都处于 ESTABLISHED。任何一方都可以先关闭；这里由客户端先关，它就是主动关闭方。',
      },
    },
    {
      title: { en: '1. client → FIN', zh: '1. 客户端 → FIN' },
      text: {
        en: 'close() sends a FIN: "I have nothing more to send". The client is in FIN_WAIT_1 until the FIN is acknowledged; the RTO guards the FIN.',
        zh: 'close() 发送 FIN，表示“我没有数据要发了”。在 FIN 被确认之前，客户端处于 FIN_WAIT_1；FIN 也受重传定时器保护。',
      },
    },
    {
      title: { en: '2. server → ACK', zh: '2. 服务器 → ACK' },
      text: {
        en: 'The server acknowledges the FIN and enters CLOSE_WAIT. Its program reads end-of-file (recv returns 0) but may still send: the connection is half-closed.',
        zh: '服务器确认 FIN，进入 CLOSE_WAIT。它的程序读到文件结束（recv 返回 0），但仍然可以继续发送：连接处于半关闭状态。',
      },
    },
    {
      title: { en: 'client in FIN_WAIT_2', zh: '客户端进入 FIN_WAIT_2' },
      text: {
        en: 'The ACK reaches the client: FIN_WAIT_2, waiting for the server\'s FIN. A server that never closes leaves sockets piling up in CLOSE_WAIT: that is a bug in the server program.',
        zh: 'ACK 到达客户端：进入 FIN_WAIT_2，等待服务器的 FIN。服务器若一直不调用 close，套接字会堆积在 CLOSE_WAIT，这是服务器程序的缺陷。',
      },
    },
    {
      title: { en: '3. server → FIN', zh: '3. 服务器 → FIN' },
      text: {
        en: 'The server program calls close(): its FIN goes out and it waits in LAST_ACK for the acknowledgement.',
        zh: '服务器程序调用 close()：发出自己的 FIN，在 LAST_ACK 中等待确认。',
      },
    },
    {
      title: { en: '4. client → ACK, TIME_WAIT', zh: '4. 客户端 → ACK，进入 TIME_WAIT' },
      text: {
        en: 'The client acknowledges the FIN and enters TIME_WAIT for 2×MSL (here 2×30 s). The 2MSL timer is running: watch it in the timer list.',
        zh: '客户端确认 FIN，进入 TIME_WAIT，停留 2×MSL（这里是 2×30 秒）。2MSL 定时器正在运行，见定时器列表。',
      },
    },
    {
      title: { en: 'server CLOSED', zh: '服务器 CLOSED' },
      text: {
        en: 'The last ACK arrives and the server is CLOSED. Four segments, because each direction is closed on its own; the server\'s ACK and FIN are separate since its program decides when to close.',
        zh: '最后的 ACK 到达，服务器进入 CLOSED。之所以四次：两个方向各自关闭；服务器的 ACK 和 FIN 分开发，因为何时关闭由它的程序决定。',
      },
    },
    {
      title: { en: '2MSL later: client CLOSED', zh: '2MSL 之后：客户端 CLOSED' },
      text: {
        en: 'TIME_WAIT ends. It existed to resend the last ACK if it was lost (the server would repeat its FIN) and to let old segments of this connection die out before the same address and port pair is used again.',
        zh: 'TIME_WAIT 结束。它的作用：若最后的 ACK 丢失，服务器会重发 FIN，客户端还能再次确认；并让本连接的旧报文段在网络中消失，之后同一地址端口对才能安全复用。',
      },
    },
  ],
};
