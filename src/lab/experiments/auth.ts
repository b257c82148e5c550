import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Experiment } from '../experiment.js';
import type { LabRun } from '../lab-run.js';
import { encodeFrame } from '../framing.js';
import { FrameReader } from './frame-io.js';
import { lab as text } from '../../i18n/en/lab.js';

const CHALLENGE_BYTES = 32;
const MAC_BYTES = 32; // SHA-256

export function hmacSha256(key: Uint8Array, challenge: Uint8Array): Buffer {
  return createHmac('sha256', key).update(challenge).digest();
}

/**
 * The server's check. timingSafeEqual takes the same time wherever the first differing byte is, so a
 * client cannot find the right answer byte by byte by timing the replies; it needs equal lengths, and
 * the length of a MAC is no secret, so that is checked first.
 */
export function verifyAnswer(key: Uint8Array, challenge: Uint8Array, answer: Uint8Array): boolean {
  const expected = hmacSha256(key, challenge);
  return answer.length === expected.length && timingSafeEqual(answer, expected);
}

type Attempt = 'right key' | 'wrong key' | 'replayed answer';

async function attempt(run: LabRun, port: number, i: number, who: Attempt, key: Buffer, recorded: Buffer | undefined): Promise<{ accepted: boolean; answer: Buffer }> {
  const client = await run.connect(`client-${i}`, `server-${i}`, port);
  const reader = new FrameReader(run, client, 1024);
  const challenge = await reader.next();
  const answer = who === 'replayed answer' ? recorded! : hmacSha256(key, challenge);
  client.write(encodeFrame(answer));
  const verdict = (await reader.next()).toString('utf8');
  run.end(client);
  await run.waitDone(`client-${i}`, `server-${i}`);
  return { accepted: verdict === 'accepted', answer };
}

export const auth: Experiment<Record<string, never>> = {
  name: 'auth',
  title: 'Client authentication: HMAC-SHA256 over a random challenge',
  explain:
    'The server sends 32 random bytes, fresh for every connection; the client answers ' +
    'HMAC-SHA256(shared key, challenge); the server recomputes it and compares in constant time. The right ' +
    'key is accepted; a wrong key is rejected; an answer recorded from an earlier connection is rejected ' +
    "because the challenge changed (no replay). The tutorials' hmac.new(key, msg) without a digest meant " +
    'HMAC-MD5 (and is an error since Python 3.8); their plain md5(key + challenge) is not a MAC at all. ' +
    'This authenticates the client only and encrypts nothing: use TLS for the channel. And the server never ' +
    'runs anything it receives.',
  tcp: true,
  params: z.object({}).strict(),
  async run(run) {
    const key = randomBytes(32);
    const { port } = await run.listen({}, (s) => {
      const challenge = randomBytes(CHALLENGE_BYTES);
      const reader = new FrameReader(run, s, MAC_BYTES);
      s.write(encodeFrame(challenge));
      void reader
        .next()
        .then((answer) => {
          s.write(encodeFrame(Buffer.from(verifyAnswer(key, challenge, answer) ? 'accepted' : 'rejected')));
          run.end(s);
        })
        .catch(() => run.destroy(s));
    });
    const right = await attempt(run, port, 1, 'right key', key, undefined);
    const wrong = await attempt(run, port, 2, 'wrong key', randomBytes(32), undefined);
    const replay = await attempt(run, port, 3, 'replayed answer', key, right.answer);
    return {
      mac: 'HMAC-SHA256',
      challengeBytes: CHALLENGE_BYTES,
      attempts: [
        { client: 'client-1', who: text.resultValue.rightKey, accepted: right.accepted },
        { client: 'client-2', who: text.resultValue.wrongKey, accepted: wrong.accepted },
        { client: 'client-3', who: text.resultValue.replayed, accepted: replay.accepted },
      ],
      accepted: [right.accepted, wrong.accepted, replay.accepted],
    };
  },
};

