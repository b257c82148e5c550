/**
 * How `udp-echo` judges the replies to a burst of datagrams (src/verify/udp.ts judgeReplies): each case
 * is what a server of that kind sends back, written out here (a datagram is one message, RFC 768; a
 * reply read into a smaller buffer is cut, udp(7) MSG_TRUNC).
 */
import { describe, expect, it } from 'vitest';
import { judgeReplies } from '../../src/verify/udp.js';

const b = (...xs: string[]): Buffer[] => xs.map((x) => Buffer.from(x, 'utf8'));
const sent = ['one', 'two', 'three', 'four'];

describe('judgeReplies', () => {
  it.each([
    ['an echo server', b('one', 'two', 'three', 'four'), undefined],
    ['one that answers every other datagram', b('one', 'three'), 'lost'],
    ['one that has not answered yet', b(), 'lost'],
    ['one that joins two datagrams into a reply', b('onetwo', 'threefour'), 'merged'],
    ['one that joins three', b('onetwothree'), 'merged'],
    ['one that answers twice', b('one', 'two', 'three', 'four', 'four'), 'extra'],
    ['one that cuts a datagram', b('one', 'tw', 'three', 'four'), 'cut'],
    ['one that upper-cases (the tutorials\' other server)', b('ONE', 'TWO', 'THREE', 'FOUR'), 'mismatch'],
  ] as const)('%s: %s', (_, got, why) => {
    expect(judgeReplies(sent, got)).toBe(why);
  });
});
