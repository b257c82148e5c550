/**
 * CLOSE and CLOSE with `half` (shutdown(SHUT_WR), Node's end()) under both profiles. RFC 9293's CLOSE
 * only means "no more to send", so the endpoint keeps receiving in FIN_WAIT_1/2. Linux tells the two
 * apart: after close(2) it answers new data with a RST and a close(2) with unread data sends a RST
 * instead of a FIN (tcp_rcv_state_process, tcp_close; RFC 1122 4.2.2.13), while after shutdown(SHUT_WR)
 * it keeps receiving. The kernel shows the latter in the lab's last-ack experiment: the client end()s,
 * then receives about a megabyte in FIN_WAIT_2 (test/lab/capture.test.ts replays that capture).
 * Numbers are RFC 9293 figure 6's: A's ISN 100, B's 300.
 */
import { describe, expect, it } from 'vitest';
import { compileMachine, createEngineEndpoint, fire, type EngineEndpoint } from '../../src/tcp/engine.js';
import { ACK, FIN, PSH, RST, SYN, type Segment } from '../../src/tcp/segment.js';
import type { ProfileName } from '../../src/tcp/profile.js';
import type { TcpEvent } from '../../src/tcp/tcb.js';

function established(profile: ProfileName, appReads = true) {
  const machine = compileMachine(profile);
  const sent: Segment[] = [];
  const fx = { send: (s: Segment) => sent.push(s), startTimer() {}, cancelTimer() {} };
  const ep: EngineEndpoint = createEngineEndpoint(machine, { isn: 100, appReads }, fx);
  const go = (ev: TcpEvent) => fire(machine, ep, ev, fx);
  go({ type: 'ACTIVE_OPEN' });
  go({ type: 'SEGMENT', seg: { seq: 300, ack: 101, flags: SYN | ACK, len: 0 } });
  expect(ep.state).toBe('ESTABLISHED');
  sent.length = 0;
  return { ep, sent, go };
}

describe('data arriving after CLOSE', () => {
  it.each([
    ['linux', false, 'CLOSED', RST],
    ['linux', true, 'FIN_WAIT_2', ACK],
    ['rfc9293', false, 'FIN_WAIT_2', ACK],
    ['rfc9293', true, 'FIN_WAIT_2', ACK],
  ] as const)('%s, half %s: %s', (profile, half, state, answer) => {
    const { ep, sent, go } = established(profile);
    go({ type: 'CLOSE', half });
    go({ type: 'SEGMENT', seg: { seq: 301, ack: 102, flags: ACK, len: 0 } }); // B acks A's FIN
    expect(ep.state).toBe('FIN_WAIT_2');
    sent.length = 0;
    go({ type: 'SEGMENT', seg: { seq: 301, ack: 102, flags: PSH | ACK, len: 5 } });
    expect(ep.state).toBe(state);
    expect(sent.at(-1)!.flags & (RST | ACK)).toBe(answer === RST ? RST | ACK : ACK);
    if (answer === ACK) expect(sent.at(-1)!.ack).toBe(306);
  });
});

describe('CLOSE with received data unread', () => {
  it.each([
    ['linux', false, 'CLOSED', RST],
    ['linux', true, 'FIN_WAIT_1', FIN],
    ['rfc9293', false, 'FIN_WAIT_1', FIN],
  ] as const)('%s, half %s: %s', (profile, half, state, flag) => {
    const { ep, sent, go } = established(profile, false);
    go({ type: 'SEGMENT', seg: { seq: 301, ack: 101, flags: PSH | ACK, len: 5 } });
    sent.length = 0;
    go({ type: 'CLOSE', half });
    expect(ep.state).toBe(state);
    expect(sent.some((s) => (s.flags & flag) !== 0)).toBe(true);
  });
});
