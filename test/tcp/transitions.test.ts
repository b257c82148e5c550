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

  it('the linux profile adds the RST answers to data after close() and to close() with unread data, and keeps the listener when a SYN,ACK gives up, nothing else', () => {
    const key = (t: { from: string; event: string; guard?: string; to: string }) => `${t.from} ${t.event} ${t.guard} ${t.to}`;
    const rfc = new Set(listTransitions('rfc9293').map(key));
    const extra = listTransitions('linux').filter((t) => !rfc.has(key(t)));
    expect(extra.map(key).sort()).toEqual([
      'CLOSE_WAIT CLOSE closeWithUnreadData CLOSED',
      'ESTABLISHED CLOSE closeWithUnreadData CLOSED',
      'FIN_WAIT_1 SEGMENT dataAfterClose CLOSED',
      'FIN_WAIT_2 SEGMENT dataAfterClose CLOSED',
      'SYN_RECEIVED RETRANSMISSION_TIMEOUT retransmissionsExhaustedPassive LISTEN',
    ]);
    // ... and removes nothing: rfc9293 has no transition linux lacks.
    const linux = new Set(listTransitions('linux').map(key));
    expect(listTransitions('rfc9293').filter((t) => !linux.has(key(t)))).toEqual([]);
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
    expect(lines).toContain('    TIME_WAIT --> TIME_WAIT : SEGMENT if isFin');
  });
});
