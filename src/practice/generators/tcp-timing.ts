/**
 * A whole connection's timing: with a one-way delay d (RTT = 2d), when each side reaches ESTABLISHED,
 * and when the active closer leaves TIME_WAIT (2 MSL after the peer's FIN arrives, RFC 9293 3.3.2).
 * The times are read off a simulated run (src/tcp/simulation.ts) on a virtual clock.
 */
import { Simulation } from '../../tcp/simulation.js';
import { body, options, type Generator } from '../generator.js';
import { text } from '../question.js';
import { ladder } from '../ladder.js';
import { practiceScenario, type PracticeScenario } from './scenario-doc.js';

export const tcpTiming: Generator = {
  name: 'tcp.timing',
  topic: 'tcp',
  params: { ask: options(['client-established', 'server-established', 'client-closed', 'time-wait']) },
  make(rng, p) {
    const ask = p.option('ask');
    const delay = rng.pick([5, 10, 20, 25, 40, 50]);
    const msl = rng.pick([15, 30, 60, 120]);
    const sim = new Simulation(practiceScenario(timingScenario(delay, msl)));
    sim.run();
    const segs = sim.snapshot().segments;
    const tr = sim.transitions();
    const at = (ep: string, to: string): number => tr.find((t) => t.endpoint === ep && t.to === to)!.at;
    const clientFin = segs.find((s) => s.from === 'client' && s.flags.includes('FIN'))!.at;
    const serverFin = segs.find((s) => s.from === 'server' && s.flags.includes('FIN'))!.at;
    const setting = text(
      `One-way delay ${delay} ms (RTT ${2 * delay} ms), MSL ${msl} s, no losses. The client calls connect() at 0 ms; the client calls close() at ${clientFin} ms and the server calls close() at ${serverFin} ms. Every segment is sent the moment it is due.`,
      `单向时延 ${delay} 毫秒（RTT ${2 * delay} 毫秒），MSL 为 ${msl} 秒，没有丢包。客户端在 0 毫秒调用 connect()；客户端在 ${clientFin} 毫秒调用 close()，服务器在 ${serverFin} 毫秒调用 close()。每个报文段都在该发送时立即发出。`);
    const why = text('The client is ESTABLISHED when the SYN,ACK arrives (1 RTT after its SYN), the server when the third segment arrives (1.5 RTT). The active closer enters TIME_WAIT when the peer\'s FIN arrives and stays 2 MSL (RFC 9293 3.3.2), then CLOSED.',
      '客户端收到 SYN,ACK 时进入 ESTABLISHED（发出 SYN 后 1 个 RTT），服务器收到第三个报文段时进入 ESTABLISHED（1.5 个 RTT）。主动关闭方收到对方 FIN 时进入 TIME_WAIT，等待 2MSL（RFC 9293 第 3.3.2 节）后进入 CLOSED。');
    const lad = ladder(segs);
    const times = text(
      `client ESTABLISHED at ${at('client', 'ESTABLISHED')} ms, server ESTABLISHED at ${at('server', 'ESTABLISHED')} ms; client TIME_WAIT at ${at('client', 'TIME_WAIT')} ms, CLOSED at ${at('client', 'TIME_WAIT')} + 2 x ${msl * 1000} = ${at('client', 'TIME_WAIT') + 2 * msl * 1000} ms`,
      `客户端在 ${at('client', 'ESTABLISHED')} 毫秒进入 ESTABLISHED，服务器在 ${at('server', 'ESTABLISHED')} 毫秒进入 ESTABLISHED；客户端在 ${at('client', 'TIME_WAIT')} 毫秒进入 TIME_WAIT，在 ${at('client', 'TIME_WAIT')} + 2 x ${msl * 1000} = ${at('client', 'TIME_WAIT') + 2 * msl * 1000} 毫秒进入 CLOSED`);
    const working = text(`${lad.en}\n${times.en}`, `${lad.zh}\n${times.zh}`);
    const params = { ask, delay, msl, clientClose: clientFin, serverClose: serverFin };
    const ms = (n: number) => ({ answer: String(n), check: { kind: 'integer' } as const });
    switch (ask) {
      case 'client-established':
        return body({ prompt: text(`${setting.en} At what time (ms) does the client reach ESTABLISHED?`, `${setting.zh}客户端在第几毫秒进入 ESTABLISHED 状态？`), ...ms(at('client', 'ESTABLISHED')), explanation: why, working, params });
      case 'server-established':
        return body({ prompt: text(`${setting.en} At what time (ms) does the server reach ESTABLISHED?`, `${setting.zh}服务器在第几毫秒进入 ESTABLISHED 状态？`), ...ms(at('server', 'ESTABLISHED')), explanation: why, working, params });
      case 'time-wait':
        return body({ prompt: text(`${setting.en} How many seconds does the client stay in TIME_WAIT?`, `${setting.zh}客户端在 TIME_WAIT 状态停留多少秒？`), ...ms((at('client', 'CLOSED') - at('client', 'TIME_WAIT')) / 1000), explanation: why, working, params });
      default:
        return body({ prompt: text(`${setting.en} At what time (ms) does the client's connection reach CLOSED?`, `${setting.zh}客户端的连接在第几毫秒进入 CLOSED 状态？`), ...ms(at('client', 'CLOSED')), explanation: why, working, params });
    }
  },
};

/** The scenario of a timing question: one-way delay in ms, MSL in seconds (exported for the tests). */
export function timingScenario(delay: number, msl: number): PracticeScenario {
  return {
    name: 'practice-timing',
    title: 'timing',
    delay,
    msl: msl * 1000,
    isn: { client: 1000, server: 5000 },
    steps: [{ open: 'client' }, { settle: true }, { close: 'client' }, { settle: true }, { close: 'server' }, { settle: true }, { advance: (2 * msl + 1) * 1000 }],
  };
}
