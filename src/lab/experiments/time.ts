import { randomBytes } from 'node:crypto';
import type dgram from 'node:dgram';
import { z } from 'zod';
import type { Experiment } from '../experiment.js';
import { monotonicMs } from '../observer.js';

const Params = z.object({ samples: z.number().int().min(1).max(20).default(3) }).strict();

const Request = z.object({ v: z.literal(1), nonce: z.string().regex(/^[0-9a-f]{16}$/) }).strict();

export const time: Experiment<z.output<typeof Params>> = {
  name: 'time',
  title: 'UDP time service: the server clock and the measured round trip',
  explain:
    'The client sends a small JSON request with a random nonce; the server answers with its clock (ms since ' +
    'the epoch and ISO 8601) and the nonce, so a stray or replayed reply is not taken for ours. The client ' +
    'times the round trip with a monotonic clock and estimates the offset between the clocks as ' +
    'server time - (send time + RTT/2), the idea behind NTP, keeping the sample with the smallest RTT. The ' +
    'server answers a fixed format: the tutorial version passed a format string from the network to ' +
    'strftime; nothing received is ever interpreted here.',
  tcp: false,
  params: Params,
  async run(run, p) {
    const server = await run.udp();
    server.on('message', (msg, rinfo) => {
      let req: z.output<typeof Request>;
      try {
        req = Request.parse(JSON.parse(msg.toString('utf8')));
      } catch {
        return; // not a request: no answer (a reply could be used to reflect traffic)
      }
      const now = Date.now();
      server.send(JSON.stringify({ nonce: req.nonce, serverTimeMs: now, serverTime: new Date(now).toISOString() }), rinfo.port, rinfo.address);
    });
    const client = await run.udp();
    const to = (server.address() as dgram.RemoteInfo).port;
    const samples: { rttMs: number; offsetMs: number; serverTime: string }[] = [];
    for (let i = 0; i < p.samples; i++) {
      const nonce = randomBytes(8).toString('hex');
      const wallSent = Date.now();
      const t0 = monotonicMs();
      const reply = new Promise<{ nonce: string; serverTimeMs: number; serverTime: string }>((resolve) => {
        const onMsg = (m: Buffer): void => {
          const r = JSON.parse(m.toString('utf8')) as { nonce: string; serverTimeMs: number; serverTime: string };
          if (r.nonce !== nonce) return;
          client.off('message', onMsg);
          resolve(r);
        };
        client.on('message', onMsg);
      });
      client.send(JSON.stringify({ v: 1, nonce }), to, run.host);
      const r = await run.guard(reply);
      const rtt = monotonicMs() - t0;
      samples.push({ rttMs: round(rtt), offsetMs: round(r.serverTimeMs - (wallSent + rtt / 2)), serverTime: r.serverTime });
    }
    const best = samples.reduce((a, b) => (b.rttMs < a.rttMs ? b : a));
    return { serverTime: best.serverTime, rttMs: best.rttMs, offsetMs: best.offsetMs, samples };
  },
};

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
