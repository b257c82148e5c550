/** Events the application, a peer or a timer could send to one TCB, built from its current variables. */
import { ACK, FIN, PSH, RST, SYN, seqAdd } from '../../../src/tcp/segment.js';
import { TIMER_BIT, TIMER_EVENT, TIMERS, type Tcb, type TcpEvent } from '../../../src/tcp/tcb.js';

const PEER_ISN = 300;
const COOKIE = 0x5eed;

/** Segments a peer (or a stale network) could send to this TCB, built from its current variables. */
function peerEvents(t: Tcb, state: string): TcpEvent[] {
  const seg = (flags: number, seq: number, ack: number, len = 0, extra: Partial<TcpEvent> = {}): TcpEvent =>
    ({ type: 'SEGMENT', seg: { flags, seq: seq >>> 0, ack: ack >>> 0, len }, ...extra }) as TcpEvent;
  const inOrder = state === 'LISTEN' || state === 'CLOSED' || state === 'SYN_SENT' ? PEER_ISN + 1 : t.rcvNxt;
  return [
    seg(SYN, PEER_ISN, 0),
    seg(SYN, PEER_ISN, 0, 0, { backlogFull: true, cookie: COOKIE }),
    seg(SYN | ACK, PEER_ISN, seqAdd(t.iss, 1)),
    seg(SYN | ACK, PEER_ISN, seqAdd(t.iss, 7)),
    seg(SYN, t.irs, 0), // the peer's SYN again
    seg(ACK, PEER_ISN + 1, COOKIE + 1, 0, { cookie: COOKIE }),
    seg(ACK, inOrder, t.sndNxt),
    seg(ACK, inOrder, t.sndUna),
    seg(ACK, inOrder, seqAdd(t.sndNxt, 5)),
    seg(ACK, seqAdd(inOrder, -1), t.sndNxt), // old sequence number (keepalive probe)
    seg(PSH | ACK, inOrder, t.sndNxt, 100),
    seg(FIN | ACK, inOrder, t.sndNxt),
    seg(FIN | ACK, inOrder, t.sndUna),
    seg(FIN | ACK, seqAdd(inOrder, -1), t.sndNxt), // a retransmitted FIN
    seg(RST, inOrder, 0),
    seg(RST, seqAdd(inOrder, 1000), 0), // in the window, not at RCV.NXT: challenge ACK
    seg(RST, seqAdd(inOrder, 200_000), 0), // outside the window: dropped
    seg(RST, seqAdd(inOrder, -1), 0), // just below the window: dropped, or (Linux, after a FIN) the FIN's number: reset
    seg(RST | ACK, 0, t.sndNxt),
    seg(FIN, inOrder, 0), // no ACK bit: dropped in a synchronized state (fifth check)
    seg(PSH, seqAdd(inOrder, -300), 0, 100), // old, no ACK: unacceptable
    seg(PSH | ACK, seqAdd(inOrder, 200), t.sndNxt, 100), // beyond a gap: held out of order
    seg(FIN | ACK, seqAdd(inOrder, -50), t.sndNxt, 50), // straddles RCV.NXT: old data, new FIN
    seg(SYN, seqAdd(inOrder, 10), 0), // a new SYN inside the window
    seg(SYN, seqAdd(t.rcvNxt, 100_000), 0, 0, { listening: true }), // a new SYN above RCV.NXT (TIME_WAIT reuse)
    seg(SYN | ACK, t.irs, seqAdd(t.iss, 1)), // the peer's SYN,ACK of a simultaneous open
  ];
}

export function eventsFor(t: Tcb, state: string): TcpEvent[] {
  const app: TcpEvent[] = [
    { type: 'PASSIVE_OPEN' },
    { type: 'ACTIVE_OPEN' },
    { type: 'SEND', bytes: 100 },
    { type: 'CLOSE' },
    { type: 'CLOSE', half: true },
    { type: 'ABORT' },
    { type: 'SET_KEEPALIVE' },
  ];
  const timeouts = TIMERS.filter((n) => t.timers & TIMER_BIT[n]).map((n) => ({ type: TIMER_EVENT[n] }) as TcpEvent);
  return [...app, ...peerEvents(t, state), ...timeouts];
}

