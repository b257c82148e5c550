/** The listing of states and transitions comes from the machine, and the lab's sequence checker uses it. */
import { describe, expect, it } from 'vitest';
import { createEndpointMachine } from '../../src/tcp/endpoint.machine.js';
import { listTransitions, toMermaid } from '../../src/tcp/transitions.js';
import { TCP_STATES } from '../../src/tcp/states.js';

describe('listTransitions', () => {
  it('lists exactly the transitions of the machine object, state by state', () => {
    const machine = createEndpointMachine('rfc9293', 'explicit');
    let n = 0;
    for (const node of Object.values(machine.root.states)) for (const list of node.transitions.values()) n += list.length;
    expect(listTransitions()).toHaveLength(n);
    expect(new Set(listTransitions().map((t) => t.from))).toEqual(new Set(TCP_STATES));
  });

  it('names events by kind: application calls, received segments, timeouts', () => {
    const kinds = new Map(listTransitions().map((t) => [t.event, t.kind]));
    expect(kinds.get('CLOSE')).toBe('application');
    expect(kinds.get('SEGMENT')).toBe('segment');
    expect(kinds.get('TIME_WAIT_TIMEOUT')).toBe('timeout');
    expect(listTransitions().find((t) => t.from === 'SYN_SENT' && t.to === 'ESTABLISHED')).toMatchObject({
      event: 'SEGMENT',
      guard: 'isSynAckAcceptable',
      actions: ['acceptSynAck'],
    });
  });

  it('the linux profile differs exactly by its documented kernel behaviours (profile.ts), nothing else', () => {
    const key = (t: { from: string; event: string; guard?: string; to: string }) => `${t.from} ${t.event} ${t.guard} ${t.to}`;
    const rfc = new Set(listTransitions('rfc9293').map(key));
    const extra = listTransitions('linux').filter((t) => !rfc.has(key(t)));
    expect(extra.map(key).sort()).toEqual([
      // tcp_close, RFC 1122 4.2.2.13: close() with unread data resets.
      'CLOSE_WAIT CLOSE closeWithUnreadData CLOSED',
      // tcp_reset_check: after the peer's FIN, a RST at its sequence number resets.
      'CLOSE_WAIT SEGMENT isRstAtFinSequence CLOSED',
      'CLOSING SEGMENT isRstAtFinSequence CLOSED',
      'ESTABLISHED CLOSE closeWithUnreadData CLOSED',
      // tcp_rcv_state_process: data after close() is answered with RST.
      'FIN_WAIT_1 SEGMENT dataAfterClose CLOSED',
      // tcp_fin_timeout, for orphaned sockets only.
      'FIN_WAIT_2 FIN_WAIT_2_TIMEOUT isOrphaned CLOSED',
      'FIN_WAIT_2 SEGMENT dataAfterClose CLOSED',
      'LAST_ACK SEGMENT isRstAtFinSequence CLOSED',
      // inet_csk_reqsk_queue_prune: the listener stays.
      'SYN_RECEIVED RETRANSMISSION_TIMEOUT retransmissionsExhaustedPassive LISTEN',
      // tcp_check_req: the peer's SYN again is answered with the SYN,ACK again.
      'SYN_RECEIVED SEGMENT isDuplicateSyn SYN_RECEIVED',
      // tcp_timewait_state_process: TCP_TW_SYN reopens; any ACK reschedules the timewait socket.
      'TIME_WAIT SEGMENT hasAck TIME_WAIT',
      'TIME_WAIT SEGMENT isNewSynInTimeWait SYN_RECEIVED',
      'TIME_WAIT SEGMENT isUnacceptableWithAck TIME_WAIT',
    ]);
    // ... and removes only RFC 9293 3.10.4's immediate FIN for CLOSE in SYN_RECEIVED (Linux defers it).
    const linux = new Set(listTransitions('linux').map(key));
    expect(listTransitions('rfc9293').filter((t) => !linux.has(key(t))).map(key)).toEqual(['SYN_RECEIVED CLOSE nothingQueued FIN_WAIT_1']);
  });
});

describe('toMermaid', () => {
  it('is a stateDiagram-v2 whose lines are all `A --> B : label` with known states', () => {
    const lines = toMermaid().trimEnd().split('\n');
    expect(lines[0]).toBe('stateDiagram-v2');
    expect(lines[1]).toBe('    [*] --> CLOSED');
    const states = new Set<string>(TCP_STATES);
    for (const l of lines.slice(2)) {
      const m = /^ {4}([A-Z_0-9]+) --> ([A-Z_0-9]+) : ([A-Za-z0-9_ ]+)$/.exec(l);
      expect(m, l).not.toBeNull();
      expect(states.has(m![1]!) && states.has(m![2]!)).toBe(true);
    }
    expect(lines).toContain('    TIME_WAIT --> TIME_WAIT : SEGMENT if isPeerFin');
  });
});
