/**
 * TCP questions computed by the simulator (src/tcp/simulation.ts): a short story is turned into a
 * scenario, run in virtual time, and the question reads the answer off the run (a state after a
 * segment, the next segment's flags, who passed through TIME_WAIT, when a FIN was resent). The working
 * is the ladder up to the point asked about.
 */
import type { TcpStep } from '../../scenario/tcp.js';
import { Simulation, type SegmentRecord, type TransitionRecord } from '../../tcp/simulation.js';
import { body, options, range, type Generator } from '../generator.js';
import { text, type Text } from '../question.js';
import type { Rng } from '../rng.js';
import { ladder, plainSegments } from '../ladder.js';
import { practiceScenario, type PracticeScenario } from './scenario-doc.js';

type Step = TcpStep;

interface Story {
  readonly steps: readonly Step[];
  readonly tell: Text;
}

const OPEN: readonly Step[] = [{ open: 'client' }, { settle: true }];

const STORIES = {
  'client-close': {
    steps: [...OPEN, { close: 'client' }, { settle: true }, { close: 'server' }, { settle: true }],
    tell: text('The client connects to the listening server, later closes first, and the server closes after it has read the end of stream.',
      '客户端连接正在监听的服务器，之后客户端先关闭，服务器读到流结束后也关闭。'),
  },
  'server-close': {
    steps: [...OPEN, { close: 'server' }, { settle: true }, { close: 'client' }, { settle: true }],
    tell: text('The client connects to the listening server; the server closes first, and the client closes after it has read the end of stream.',
      '客户端连接正在监听的服务器；服务器先关闭，客户端读到流结束后也关闭。'),
  },
  'data-close': {
    steps: [...OPEN, { send: { from: 'client', bytes: 100 } }, { settle: true }, { close: 'client' }, { settle: true }, { close: 'server' }, { settle: true }],
    tell: text('The client connects, sends 100 bytes, then closes first; the server closes after reading everything.',
      '客户端建立连接，发送 100 字节后先关闭；服务器读完所有数据后关闭。'),
  },
  simultaneous: {
    steps: [...OPEN, { close: 'client' }, { close: 'server' }, { settle: true }],
    tell: text('The client connects; later both applications call close() at the same moment, so both FINs cross on the wire.',
      '客户端建立连接；之后双方应用同时调用 close()，两个 FIN 在线路上交错而过。'),
  },
  abort: {
    steps: [...OPEN, { abort: 'client' }, { settle: true }],
    tell: text('The client connects, then aborts the connection (e.g. SO_LINGER with a zero timeout, then close()).',
      '客户端建立连接后中止连接（例如设置 SO_LINGER 超时为 0 后 close()）。'),
  },
  'lost-final-ack': {
    steps: [...OPEN, { close: 'client' }, { settle: true }, { drop: { from: 'client', flags: 'ACK' } }, { close: 'server' }, { settle: true }, { advance: 300_000 }],
    tell: text('The client connects and closes first; when the server closes too, the client\'s final ACK is lost on the link.',
      '客户端建立连接并先关闭；服务器随后也关闭，但客户端发出的最后一个 ACK 在链路上丢失了。'),
  },
} satisfies Record<string, Story>;

export type StoryName = keyof typeof STORIES;

interface Run {
  readonly segments: readonly SegmentRecord[];
  readonly transitions: readonly TransitionRecord[];
  readonly isn: { readonly client: number; readonly server: number };
  readonly rto: number;
  readonly msl: number;
}

/** The scenario of a story (exported for test/practice/scenario-doc.test.ts). */
export function storyScenario(story: StoryName, isn: { client: number; server: number }, rtoMs = 1000, mslMs = 30_000): PracticeScenario {
  return { name: `practice-${story}`, title: story, rto: rtoMs, msl: mslMs, isn, steps: STORIES[story].steps };
}

function simulate(rng: Rng, story: StoryName, rtoMs = 1000, mslMs = 30_000): Run {
  const isn = { client: rng.int(1, 90) * 100, server: rng.int(1, 90) * 100 + 5000 };
  const sim = new Simulation(practiceScenario(storyScenario(story, isn, rtoMs, mslMs)));
  sim.run();
  return { segments: sim.snapshot().segments, transitions: sim.transitions(), isn, rto: rtoMs, msl: mslMs };
}

function intro(story: StoryName, run: Run): Text {
  const t = STORIES[story].tell;
  return text(`${t.en} Client ISN ${run.isn.client}, server ISN ${run.isn.server}.`, `${t.zh} 客户端初始序号 ${run.isn.client}，服务器初始序号 ${run.isn.server}。`);
}

const STATE_WHY = text(
  'RFC 9293 section 3.3.2: SYN_SENT after connect, SYN_RECEIVED after a SYN in LISTEN, ESTABLISHED when our SYN is acknowledged; FIN_WAIT_1 after our FIN, FIN_WAIT_2 when it is acknowledged, TIME_WAIT when the peer\'s FIN arrives; CLOSE_WAIT after the peer\'s FIN, LAST_ACK after our FIN from there; CLOSING when both FINs cross.',
  'RFC 9293 第 3.3.2 节：connect 后进入 SYN_SENT;LISTEN 收到 SYN 进入 SYN_RECEIVED；自己的 SYN 被确认后进入 ESTABLISHED；发出 FIN 进入 FIN_WAIT_1,FIN 被确认进入 FIN_WAIT_2，再收到对方 FIN 进入 TIME_WAIT；先收到对方 FIN 进入 CLOSE_WAIT，再发出自己的 FIN 进入 LAST_ACK；双方 FIN 交错时进入 CLOSING。');

export const STORY_NAMES = Object.keys(STORIES) as StoryName[];

export const tcpStateAfter: Generator = {
  name: 'tcp.state-after',
  topic: 'tcp',
  params: { story: options(STORY_NAMES, ['client-close', 'server-close', 'data-close', 'simultaneous', 'lost-final-ack']) },
  make(rng, p) {
    const story = p.option<StoryName>('story');
    const run = simulate(rng, story);
    const delivered = run.segments.map((s, i) => [s, i] as const).filter(([s]) => !s.dropped && s.toState !== undefined);
    const [seg, k] = rng.pick(delivered);
    const shown = run.segments.slice(0, k + 1);
    const askReceiver = rng.bool();
    const who = askReceiver ? seg.to : seg.from;
    const answer = askReceiver ? seg.toState! : seg.fromState;
    const tail = askReceiver
      ? text(`Segment ${k + 1} has just arrived at the ${seg.to}. Which state is the ${seg.to} in now?`, `第 ${k + 1} 个报文段刚刚到达${zhName(seg.to)}。${zhName(seg.to)}现在处于什么状态？`)
      : text(`Which state is the ${seg.from} in right after sending segment ${k + 1}?`, `${zhName(seg.from)}刚发出第 ${k + 1} 个报文段后处于什么状态？`);
    const list = plainSegments(shown);
    const i = intro(story, run);
    return body({
      prompt: text(`${i.en}\n${list}\n${tail.en}`, `${i.zh}\n${list}\n${tail.zh}`),
      answer,
      check: { kind: 'state' },
      explanation: STATE_WHY,
      working: ladder(shown),
      params: { story, segment: k + 1, endpoint: who, role: askReceiver ? 'receiver' : 'sender', isn: run.isn },
    });
  },
};

function zhName(ep: string): string {
  return ep === 'client' ? '客户端' : ep === 'server' ? '服务器' : ep;
}

/**
 * Flags that are equally right for the segment asked about. A data segment's PSH is the sender's hint
 * (RFC 9293 3.9.1), not something the story decides, so ACK alone counts; an abort is RST in RFC 9293
 * 3.10.5, and Linux's tcp_send_active_reset() sets ACK with it (RST,ACK on loopback).
 */
function alsoRight(flags: string): string[] {
  if (flags === 'PSH,ACK') return ['ACK'];
  if (flags === 'RST') return ['RST,ACK'];
  if (flags === 'RST,ACK') return ['RST'];
  return [];
}

export const tcpNextSegment: Generator = {
  name: 'tcp.next-segment',
  topic: 'tcp',
  params: { story: options(STORY_NAMES, ['client-close', 'server-close', 'data-close', 'abort']) },
  make(rng, p) {
    const story = p.option<StoryName>('story');
    const run = simulate(rng, story);
    // The next segment must follow from what is shown: skip segments sent at the same instant as the
    // one before them by the other side (their order on the wire is a tie).
    const candidates = run.segments.map((_, i) => i).filter((i) => i > 0 && !(run.segments[i]!.at === run.segments[i - 1]!.at && run.segments[i]!.from !== run.segments[i - 1]!.from));
    const k = rng.pick(candidates);
    const next = run.segments[k]!;
    const shown = run.segments.slice(0, k);
    const i = intro(story, run);
    const list = plainSegments(shown);
    return body({
      prompt: text(`${i.en}\n${list}\nWhat does the ${next.from} send next? (flags, e.g. SYN,ACK)`, `${i.zh}\n${list}\n${zhName(next.from)}接下来发送什么？（写标志位，例如 SYN,ACK）`),
      answer: next.flags,
      accepts: alsoRight(next.flags),
      check: { kind: 'flags' },
      explanation: text('Every segment after the first SYN carries ACK. A SYN or FIN is acknowledged at once; a FIN of our own is sent only when our application closes; RST ends the connection without a handshake. PSH on a data segment only asks the receiver to deliver it now, so ACK alone is right there too; an abort is a bare RST in RFC 9293 3.10.5, and Linux sends it as RST,ACK.',
        '除第一个 SYN 外，每个报文段都带 ACK。收到 SYN 或 FIN 立即确认；自己的 FIN 要等本方应用关闭时才发；RST 不经握手直接终止连接。数据报文段上的 PSH 只是请接收方立即交付，所以只写 ACK 也对；中止连接时 RFC 9293 第 3.10.5 节只发 RST，Linux 发的是 RST,ACK。'),
      working: ladder(run.segments.slice(0, k + 1)),
      params: { story, segment: k + 1, isn: run.isn },
    });
  },
};

const WHO_CHOICES: readonly Text[] = [
  text('the client', '客户端'), text('the server', '服务器'), text('both', '双方都会'), text('neither', '双方都不会'),
];

export const tcpTimeWait: Generator = {
  name: 'tcp.time-wait',
  topic: 'tcp',
  params: { story: options(['client-close', 'server-close', 'simultaneous', 'abort']) },
  make(rng, p) {
    const story = p.option<StoryName>('story');
    const run = simulate(rng, story);
    const entered = new Set(run.transitions.filter((t) => t.to === 'TIME_WAIT').map((t) => t.endpoint));
    const index = entered.has('client') && entered.has('server') ? 2 : entered.has('client') ? 0 : entered.has('server') ? 1 : 3;
    const i = intro(story, run);
    const path = (ep: string): string => [run.transitions.find((t) => t.endpoint === ep)?.from ?? 'CLOSED', ...run.transitions.filter((t) => t.endpoint === ep).map((t) => t.to)].join(' -> ');
    const paths = `client: ${path('client')}\nserver: ${path('server')}`;
    return body({
      prompt: text(`${i.en} Who passes through TIME_WAIT?`, `${i.zh} 哪一方会经过 TIME_WAIT?`),
      choices: rng.shuffle(WHO_CHOICES),
      answer: WHO_CHOICES[index]!,
      check: { kind: 'choice' },
      explanation: text('TIME_WAIT belongs to whoever sends the last ACK of a FIN exchange: the active closer; in a simultaneous close both sides are active closers. A reset skips it altogether.',
        'TIME_WAIT 属于发送 FIN 交换中最后一个 ACK 的一方，也就是主动关闭方；同时关闭时双方都是主动关闭方。RST 直接跳过它。'),
      working: { en: `${ladder(run.segments).en}\n${paths}`, zh: `${ladder(run.segments).zh}\n${paths}` },
      params: { story, isn: run.isn },
    });
  },
};

const LOST_WHAT: readonly Text[] = [
  text('the server retransmits its FIN after the RTO; the client, still in TIME_WAIT, ACKs it again and restarts its 2MSL timer',
    '服务器在 RTO 超时后重传 FIN；仍处于 TIME_WAIT 的客户端再次确认，并重新开始 2MSL 计时'),
  text('the server stays in LAST_ACK forever', '服务器永远停在 LAST_ACK'),
  text('the client notices the loss and resends its ACK on its own timer', '客户端发现丢失，用自己的定时器重发 ACK'),
  text('the server sends a RST and the client reports an error', '服务器发送 RST，客户端报错'),
];

export const tcpLostAck: Generator = {
  name: 'tcp.lost-ack',
  topic: 'tcp',
  params: { ask: options(['what', 'server-state', 'resend-after', 'client-leaves']), rto: range(100, 5000, [200, 3000]) },
  make(rng, p) {
    const ask = p.option('ask');
    const rto = Math.round(p.int('rto') / 100) * 100;
    const msl = rng.pick([15_000, 30_000, 60_000]);
    const run = simulate(rng, 'lost-final-ack', rto, msl);
    const segs = run.segments;
    const lost = segs.findIndex((s) => s.dropped);
    const fins = segs.map((s, i) => [s, i] as const).filter(([s]) => s.from === 'server' && s.flags.includes('FIN'));
    const [firstFin] = fins[0]!;
    const [resent] = fins[1] ?? fins[0]!;
    const lastAck = [...segs].reverse().find((s) => s.from === 'client' && s.flags === 'ACK' && !s.dropped)!;
    const leave = run.transitions.find((t) => t.endpoint === 'client' && t.from === 'TIME_WAIT' && t.to === 'CLOSED');
    const serverClosed = run.transitions.find((t) => t.endpoint === 'server' && t.to === 'CLOSED');
    const i = intro('lost-final-ack', run);
    const setting = text(`${i.en} RTO ${rto} ms, MSL ${msl / 1000} s, one-way delay 10 ms.`, `${i.zh} RTO ${rto} 毫秒，MSL ${msl / 1000} 秒，单向时延 10 毫秒。`);
    const work = ladder(segs);
    const timeline = text(
      `server FIN first sent at ${firstFin.at} ms, resent at ${resent.at} ms (+${resent.at - firstFin.at} ms)${serverClosed ? `; server CLOSED at ${serverClosed.at} ms` : ''}` +
      `${leave ? `; client re-ACKed at ${lastAck.at} ms and left TIME_WAIT at ${leave.at} ms (+${leave.at - lastAck.at} ms)` : ''}`,
      `服务器 FIN 首次发送于 ${firstFin.at} 毫秒，重传于 ${resent.at} 毫秒（+${resent.at - firstFin.at} 毫秒）${serverClosed ? `；服务器在 ${serverClosed.at} 毫秒进入 CLOSED` : ''}` +
      `${leave ? `；客户端在 ${lastAck.at} 毫秒再次确认，在 ${leave.at} 毫秒离开 TIME_WAIT` : ''}`);
    const working = { en: `${work.en}\n${timeline.en}`, zh: `${work.zh}\n${timeline.zh}` };
    const why = text('The side that sent the last ACK cannot know it was lost; the peer, still waiting in LAST_ACK, retransmits its FIN when the RTO expires. That is why the active closer waits 2 MSL in TIME_WAIT: to answer such a FIN (and it restarts the 2MSL timer when it does, RFC 9293 3.10.7.4).',
      '发送最后一个 ACK 的一方无法知道它丢了；仍在 LAST_ACK 等待的对方在 RTO 超时后重传 FIN。这正是主动关闭方要在 TIME_WAIT 等 2MSL 的原因：好回应这样的 FIN（回应时重新开始 2MSL 计时，RFC 9293 3.10.7.4）。');
    const params = { ask, rto, msl, isn: run.isn, lostSegment: lost + 1 };
    switch (ask) {
      case 'server-state':
        return body({
          prompt: text(`${setting.en} Which state is the server in while it waits for the lost ACK?`, `${setting.zh} 服务器在等待这个丢失的 ACK 时处于什么状态？`),
          answer: firstFin.fromState, check: { kind: 'state' }, explanation: why, working, params,
        });
      case 'resend-after':
        return body({
          prompt: text(`${setting.en} How many milliseconds after first sending its FIN does the server send it again?`, `${setting.zh} 服务器第一次发送 FIN 之后多少毫秒会再次发送它？`),
          answer: String(resent.at - firstFin.at), check: { kind: 'integer' }, explanation: why, working, params,
        });
      case 'client-leaves': {
        const after = leave!.at - lastAck.at;
        return body({
          prompt: text(`${setting.en} The client answers the resent FIN with a new ACK. How many milliseconds after sending that ACK does the client leave TIME_WAIT?`,
            `${setting.zh} 客户端用新的 ACK 回应重传的 FIN。发出这个 ACK 之后多少毫秒，客户端离开 TIME_WAIT?`),
          answer: String(after), check: { kind: 'integer' },
          explanation: text(`${why.en} The timer restarts at the new ACK, so the client stays 2 x MSL = ${2 * msl} ms more.`, `${why.zh} 计时从新的 ACK 重新开始，所以客户端还要再等 2 x MSL = ${2 * msl} 毫秒。`),
          working, params,
        });
      }
      default: {
        const retransmitted = fins.length > 1 && segs.some((s) => s.from === 'client' && s.flags === 'ACK' && s.at >= resent.at && !s.dropped);
        const index = retransmitted ? 0 : serverClosed === undefined ? 1 : 3;
        return body({
          prompt: text(`${setting.en} What happens next?`, `${setting.zh} 接下来会发生什么？`),
          choices: rng.shuffle(LOST_WHAT), answer: LOST_WHAT[index]!, check: { kind: 'choice' }, explanation: why, working, params,
        });
      }
    }
  },
};

export const tcpOrder: Generator = {
  name: 'tcp.order',
  topic: 'tcp',
  params: { phase: options(['handshake', 'close']) },
  make(rng, p) {
    const phase = p.option('phase');
    const story: StoryName = phase === 'handshake' ? 'client-close' : rng.pick(['client-close', 'server-close'] as const);
    const run = simulate(rng, story);
    const segs = phase === 'handshake' ? run.segments.slice(0, 3) : run.segments.slice(3, 7);
    const order = rng.shuffle(segs.map((_, i) => i));
    const letters = 'ABCDEFG';
    const items = order.map((orig, pos) => `${letters[pos]}) ${segs[orig]!.from} -> ${segs[orig]!.to}  ${segs[orig]!.flags}  seq=${segs[orig]!.seq} ack=${segs[orig]!.ack}`).join('\n');
    const answer = segs.map((_, orig) => letters[order.indexOf(orig)]).join(' ');
    const i = intro(story, run);
    const what = phase === 'handshake' ? text('the three-way handshake', '三次握手') : text('the close (four-way wave)', '关闭连接（四次挥手）');
    return body({
      prompt: text(`${i.en} Put the segments of ${what.en} in the order they are sent:\n${items}`, `${i.zh} 把${what.zh}的报文段按发送顺序排列：\n${items}`),
      answer,
      check: { kind: 'order', items: segs.length },
      explanation: phase === 'handshake'
        ? text('SYN (client picks its ISN), SYN,ACK (server acknowledges ISN+1 and picks its own), ACK (client acknowledges the server\'s ISN+1).',
          'SYN（客户端选定初始序号），SYN,ACK（服务器确认 ISN+1 并选定自己的初始序号），ACK（客户端确认服务器的 ISN+1）。')
        : text('FIN from the side that closes first, its ACK, then the other side\'s FIN when its application closes, and the final ACK. Each FIN consumes one sequence number, so its ACK is seq+1.',
          '先关闭的一方发 FIN，对方确认；对方应用关闭时再发自己的 FIN，最后一个 ACK 确认它。每个 FIN 占一个序号，所以对它的确认号是 seq+1。'),
      working: ladder(phase === 'handshake' ? run.segments.slice(0, 3) : run.segments.slice(0, 7)),
      params: { phase, story, isn: run.isn },
    });
  },
};

export const tcpFlags: Generator = {
  name: 'tcp.flags',
  topic: 'tcp',
  params: { ask: options(['synack-ack', 'final-ack', 'data-ack', 'fin-ack', 'synack-flags']) },
  make(rng, p) {
    const ask = p.option('ask');
    const story: StoryName = ask === 'data-ack' || ask === 'fin-ack' ? 'data-close' : 'client-close';
    const run = simulate(rng, story);
    const s = run.segments;
    const i = intro(story, run);
    const work = (n: number): Text => ladder(s.slice(0, n));
    const ackWhy = text('An ACK number is the next sequence number the sender expects: the peer\'s last seq plus the bytes received, plus one for a SYN or FIN (each consumes one sequence number).',
      '确认号是发送方期望收到的下一个序号：对方的序号加上收到的字节数，SYN 或 FIN 各再加 1（它们各占一个序号）。');
    switch (ask) {
      case 'synack-flags':
        return body({
          prompt: text(`${i.en} Which flags does the server's reply to the client's SYN carry?`, `${i.zh} 服务器回应客户端 SYN 的报文段带哪些标志位？`),
          answer: s[1]!.flags, check: { kind: 'flags' }, explanation: ackWhy, working: work(2), params: { ask, isn: run.isn },
        });
      case 'final-ack':
        return body({
          prompt: text(`${i.en} Which acknowledgement number does the client's third handshake segment (its ACK) carry?`, `${i.zh} 客户端在三次握手第三步发送的 ACK 中，确认号是多少？`),
          answer: String(s[2]!.ack), check: { kind: 'integer' }, explanation: ackWhy, working: work(3), params: { ask, isn: run.isn },
        });
      case 'data-ack': {
        const data = s.findIndex((x) => x.len > 0);
        const reply = s.findIndex((x, j) => j > data && x.from === 'server');
        return body({
          prompt: text(`${i.en} The client's data segment has seq=${s[data]!.seq} and 100 bytes. Which acknowledgement number does the server's ACK carry?`,
            `${i.zh} 客户端的数据报文段 seq=${s[data]!.seq}，长度 100 字节。服务器回的 ACK 中确认号是多少？`),
          answer: String(s[reply]!.ack), check: { kind: 'integer' }, explanation: ackWhy, working: work(reply + 1), params: { ask, isn: run.isn },
        });
      }
      case 'fin-ack': {
        const fin = s.findIndex((x) => x.from === 'client' && x.flags.includes('FIN'));
        const reply = s.findIndex((x, j) => j > fin && x.from === 'server');
        return body({
          prompt: text(`${i.en} The client's FIN has seq=${s[fin]!.seq}. Which acknowledgement number does the server's reply carry?`,
            `${i.zh} 客户端的 FIN 序号 seq=${s[fin]!.seq}。服务器回应中的确认号是多少？`),
          answer: String(s[reply]!.ack), check: { kind: 'integer' }, explanation: ackWhy, working: work(reply + 1), params: { ask, isn: run.isn },
        });
      }
      default:
        return body({
          prompt: text(`${i.en} Which acknowledgement number does the server's SYN,ACK carry?`, `${i.zh} 服务器的 SYN,ACK 中确认号是多少？`),
          answer: String(s[1]!.ack), check: { kind: 'integer' }, explanation: ackWhy, working: work(2), params: { ask, isn: run.isn },
        });
    }
  },
};

export const TCP_GENERATORS: readonly Generator[] = [tcpStateAfter, tcpNextSegment, tcpTimeWait, tcpLostAck, tcpOrder, tcpFlags];
