/**
 * Window questions as exams ask them (cwnd in round n, ssthresh after a timeout or three duplicate ACKs,
 * how much may be in flight, what a zero window causes), each answer read off a run of the round-trip
 * model (src/tcp/bulk.ts), counting segments as exams do.
 */
import { runBulk, type BulkConfig, type Loss, type Round } from '../../tcp/bulk.js';
import { body, options, type Generator } from '../generator.js';
import { text, type Text } from '../question.js';

const base = (ssthresh: number, buffer: number, losses: Loss[], rounds: number): BulkConfig => ({
  variant: 'reno', unit: 'segments', mss: 1, total: 100_000, iw: 1, ssthresh, buffer,
  readRate: Infinity, readFrom: 1, rto: 1, persist: 1, nagle: true, sws: true, delayedAck: false, losses, maxRounds: rounds,
});

function table(rounds: readonly Round[], upTo: number): Text {
  const rows = rounds.filter((r) => r.round <= upTo).map((r) => `${r.round}: cwnd ${r.cwnd}, ssthresh ${r.ssthresh}`);
  const zh = rounds.filter((r) => r.round <= upTo).map((r) => `第 ${r.round} 轮：cwnd ${r.cwnd}，ssthresh ${r.ssthresh}`);
  return text(rows.join('\n'), zh.join('\n'));
}

const ZERO_CHOICES: readonly Text[] = [
  text('it starts the persist timer and sends window probes, at growing intervals, until the window opens',
    '启动持续计时器，按逐渐加长的间隔发送窗口探测报文，直到窗口打开'),
  text('it waits for the receiver\'s window update and sends nothing at all until then',
    '等待接收方的窗口更新报文，在此之前什么也不发送'),
  text('it closes the connection with a RST', '用 RST 关闭连接'),
  text('it keeps sending one segment per round trip as if the window were 1', '把窗口当作 1，每个往返时间继续发送一个报文段'),
];

export const tcpWindow: Generator = {
  name: 'tcp.window',
  topic: 'tcp',
  params: { ask: options(['cwnd-at-round', 'ssthresh-after-timeout', 'ssthresh-after-dupacks', 'in-flight', 'zero-window']) },
  make(rng, p) {
    const ask = p.option('ask');
    const ssthresh = rng.pick([8, 12, 16, 20, 24, 32]);
    const rule = text(
      'RFC 5681 slow start doubles cwnd each round up to ssthresh; congestion avoidance adds one segment per round. A timeout sets ssthresh = max(FlightSize/2, 2) and cwnd = 1; three duplicate ACKs set ssthresh the same way (Reno, then cwnd = ssthresh once fast recovery ends).',
      'RFC 5681：慢开始每轮把 cwnd 加倍，直到 ssthresh；拥塞避免每轮加一个报文段。超时令 ssthresh = max(FlightSize/2, 2)，cwnd = 1；收到 3 个重复确认时同样设置 ssthresh（Reno 在快恢复结束时令 cwnd = ssthresh）。');
    const setting = (extra: Text, rwnd?: number) => text(
      `TCP Reno counts in segments. In round 1 cwnd = 1 and ssthresh = ${ssthresh}; the receiver's window is ${rwnd ?? 1000} segments; each round the sender sends a full window and every segment is acknowledged within the round${extra.en}.`,
      `TCP Reno 以报文段为单位。第 1 轮 cwnd = 1，ssthresh = ${ssthresh}；接收窗口为 ${rwnd ?? 1000} 个报文段；每一轮发送方发满一个窗口，每个报文段都在本轮内得到确认${extra.zh}。`);
    if (ask === 'zero-window') {
      const r = runBulk({ ...base(16, 4, [], 40), total: 10, readRate: 0 });
      const probes = r.rounds.filter((x) => x.events.some((e) => e.kind === 'probe')).length;
      const answer = probes > 0 ? ZERO_CHOICES[0]! : ZERO_CHOICES[1]!;
      return body({
        prompt: text('A TCP sender has data queued, nothing in flight, and the receiver has just advertised a window of 0. What does the sender do (RFC 9293 3.8.6.1)?',
          'TCP 发送方还有数据待发，没有未确认的数据，接收方刚刚通告窗口为 0。发送方怎么做（RFC 9293 第 3.8.6.1 节）？'),
        choices: rng.shuffle(ZERO_CHOICES), answer, check: { kind: 'choice' },
        explanation: text('A window update from the receiver can be lost, and then neither side would send again: so the sender probes the zero window with one octet when its persist timer expires, doubling the interval each time (RFC 1122 4.2.2.17).',
          '接收方的窗口更新报文可能丢失，那样双方都不会再发送；所以持续计时器到期时发送方用一个字节探测零窗口，每次把间隔加倍（RFC 1122 第 4.2.2.17 节）。'),
        working: text(`simulated: buffer 4 segments, nothing read: ${probes} probes in ${r.rounds.length} rounds`, `模拟：缓存 4 个报文段，应用不读取：${r.rounds.length} 轮中发送了 ${probes} 个探测`),
        params: { ask },
      });
    }
    if (ask === 'cwnd-at-round' || ask === 'in-flight') {
      // In-flight questions keep cwnd growing (no timeout), so no earlier round was limited by rwnd.
      const timeout = ask === 'cwnd-at-round' && rng.bool() ? rng.int(6, 14) : undefined;
      const n = rng.int(3, (timeout ?? 12) + 8);
      const probe = runBulk(base(ssthresh, 1000, timeout ? [{ timeout }] : [], n));
      let rwnd: number | undefined;
      if (ask === 'in-flight') {
        // A receiver window that has not limited any earlier round (so cwnd grew as exams assume) but may
        // limit round n.
        const before = Math.max(...probe.rounds.filter((r) => r.round < n).map((r) => r.cwnd), 1);
        rwnd = rng.int(before, probe.rounds[n - 1]!.cwnd + 3);
      }
      const r = rwnd === undefined ? probe : runBulk(base(ssthresh, rwnd, timeout ? [{ timeout }] : [], n));
      const row = r.rounds[n - 1]!;
      const extra = timeout ? text(`, except that everything sent in round ${timeout} is lost and the retransmission timer expires at the end of that round`, `，只是第 ${timeout} 轮发送的报文段全部丢失，重传计时器在该轮结束时超时`) : text('', '');
      const q = ask === 'cwnd-at-round'
        ? text(` What is cwnd (in segments) in round ${n}?`, `第 ${n} 轮的 cwnd 是多少个报文段？`)
        : text(` How many segments may the sender have in flight in round ${n}?`, `第 ${n} 轮发送方最多可以有多少个报文段未被确认？`);
      const s = setting(extra, rwnd);
      return body({
        prompt: text(s.en + q.en, s.zh + q.zh),
        answer: String(ask === 'cwnd-at-round' ? row.cwnd : Math.min(row.cwnd, row.rwnd)),
        check: { kind: 'integer' },
        explanation: ask === 'cwnd-at-round' ? rule : text(`${rule.en} The sender may have min(cwnd, rwnd) unacknowledged (RFC 5681 2).`, `${rule.zh}发送方最多可有 min(cwnd, rwnd) 未确认（RFC 5681 第 2 节）。`),
        working: table(r.rounds, n),
        params: { ask, ssthresh, timeout, round: n, rwnd },
      });
    }
    const at = rng.int(6, 14);
    const dup = ask === 'ssthresh-after-dupacks';
    const r = runBulk(base(ssthresh, 1000, [dup ? { dupacks: at } : { timeout: at }], at + 1));
    const after = r.rounds[at]!;
    const extra = dup
      ? text(`, except that in round ${at} the first segment is lost and the others bring duplicate ACKs`, `，只是第 ${at} 轮的第一个报文段丢失，其余报文段带回重复确认`)
      : text(`, except that everything sent in round ${at} is lost and the retransmission timer expires at the end of that round`, `，只是第 ${at} 轮发送的报文段全部丢失，重传计时器在该轮结束时超时`);
    const s = setting(extra);
    const q = dup ? text(' What is ssthresh after the fast retransmit?', '快重传之后 ssthresh 是多少？') : text(' What is ssthresh after the timeout?', '超时之后 ssthresh 是多少？');
    return body({
      prompt: text(s.en + q.en, s.zh + q.zh),
      answer: String(after.ssthresh),
      check: { kind: 'integer' },
      explanation: rule,
      working: table(r.rounds, at + 1),
      params: { ask, ssthresh, round: at },
    });
  },
};
