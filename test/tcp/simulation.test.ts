/** The steppable simulation API the app uses: step, inject, snapshot (timers, segments), replay. */
import { describe, expect, it } from 'vitest';
import { parseTcpScenario } from '../../src/scenario/tcp.js';
import { Simulation } from '../../src/tcp/simulation.js';

const scenario = (steps: string, extra = '') => parseTcpScenario(`name: t\ntitle: T\n${extra}steps:\n${steps}`, 't.yaml');

describe('Simulation', () => {
  it('steps one scenario step at a time and reports each endpoint state', () => {
    const sim = new Simulation(scenario('  - open: client\n  - settle: true\n  - close: client\n'));
    expect(sim.snapshot().endpoints.map((e) => e.state)).toEqual(['CLOSED', 'LISTEN']);
    expect(sim.step()).toMatchObject({ index: 0, at: 0, action: 'open client', states: { client: 'SYN_SENT', server: 'LISTEN' }, ok: true });
    expect(sim.step()).toMatchObject({ index: 1, at: 30, states: { client: 'ESTABLISHED', server: 'ESTABLISHED' } });
    expect(sim.step()?.states).toEqual({ client: 'FIN_WAIT_1', server: 'ESTABLISHED' });
    expect(sim.done).toBe(true);
    expect(sim.step()).toBeUndefined();
  });

  it('shows running timers with remaining virtual time', () => {
    const sim = new Simulation(scenario('  - drop: { from: client, flags: SYN }\n  - open: client\n  - advance: 400ms\n'));
    sim.run();
    expect(sim.snapshot().timers).toEqual([{ endpoint: 'client', remote: 'server', timer: 'retransmission', due: 1000, remaining: 600 }]);
    expect(sim.snapshot().segments[0]).toMatchObject({ from: 'client', flags: 'SYN', dropped: true, reason: 'link' });
  });

  it('shows the TIME_WAIT timer, and a 2 h keepalive costs no wall time', () => {
    const sim = new Simulation(
      scenario('  - open: client\n  - settle: true\n  - keepalive: client\n  - crash: server\n  - advance: 3h\n'),
    );
    sim.run();
    expect(sim.now).toBe(30 + 3 * 3_600_000);
    expect(sim.states()).toEqual({ client: 'CLOSED', server: 'CLOSED' });
    expect(sim.snapshot().segments.filter((s) => s.from === 'client' && s.flags === 'ACK' && s.at > 1000)).toHaveLength(9);
    // RFC 9293 profile: the last probe goes unanswered and the connection ends without a RST (the RST on
    // keepalive give-up is Linux's tcp_keepalive_timer, below).
    expect(sim.snapshot().segments.at(-1)).toMatchObject({ from: 'client', flags: 'ACK', dropped: true, reason: 'host down' });
    expect(sim.snapshot().segments.some((s) => s.flags.includes('RST'))).toBe(false);
    const linux = new Simulation(
      scenario('  - open: client\n  - settle: true\n  - keepalive: client\n  - crash: server\n  - advance: 3h\n'),
      { profile: 'linux' },
    );
    linux.run();
    expect(linux.snapshot().segments.at(-1)).toMatchObject({ from: 'client', flags: 'RST,ACK', dropped: true, reason: 'host down' });
  });

  it('accepts injected events between steps (drop the next segment, close, crash)', () => {
    const sim = new Simulation(scenario('  - open: client\n  - settle: true\n  - settle: true\n'));
    sim.step();
    sim.step();
    sim.inject({ drop: { from: 'server', flags: 'ACK' } });
    sim.inject({ close: 'client' });
    sim.step();
    const snap = sim.snapshot();
    expect(snap.steps.map((s) => [s.action, s.injected])).toEqual([
      ['open client', false],
      ['settle', false],
      ['drop from=server flags=ACK', true],
      ['close client', true],
      ['settle', false],
    ]);
    // The server's ACK of the FIN was lost: the client retransmitted its FIN and the server acknowledged again.
    const fins = snap.segments.filter((s) => s.from === 'client' && s.flags === 'FIN,ACK');
    expect(fins.map((s) => s.at)).toEqual([30, 1030]);
    expect(sim.states()).toEqual({ client: 'FIN_WAIT_2', server: 'CLOSE_WAIT' });
    expect(sim.result().steps.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(() => sim.inject({ crash: 'nobody' })).toThrow(/unknown endpoint/);
  });

  it('replays deterministically: stepping a new simulation to step k gives the same snapshot', () => {
    const s = scenario('  - open: client\n  - settle: true\n  - send: { from: client, bytes: 5000 }\n  - close: client\n  - settle: true\n  - close: server\n  - settle: true\n  - advance: 2m\n');
    const a = new Simulation(s);
    const snaps = [];
    while (!a.done) {
      a.step();
      snaps.push(JSON.stringify(a.snapshot()));
    }
    for (let k = 0; k < snaps.length; k++) {
      const b = new Simulation(s);
      for (let i = 0; i <= k; i++) b.step();
      expect(JSON.stringify(b.snapshot())).toBe(snaps[k]);
    }
  });

  it('notes an application call the machine has no transition for, and calls on a crashed host', () => {
    const sim = new Simulation(scenario('  - send: { from: client, bytes: 10 }\n  - crash: server\n  - close: server\n'));
    sim.run();
    expect(sim.snapshot().steps.map((s) => s.note)).toEqual([
      'SEND in CLOSED: no transition (RFC 9293 3.10: error, nothing sent)',
      undefined,
      'server has crashed: CLOSE ignored',
    ]);
    expect(sim.snapshot().segments).toEqual([]);
  });

  it('with three endpoints, a second client gets a connection of its own at the listener', () => {
    const sim = new Simulation(
      scenario(
        '  - open: { from: a, to: server }\n  - open: { from: b, to: server }\n  - settle: true\n  - expect: { a: ESTABLISHED, b: ESTABLISHED, server: ESTABLISHED, accepted: { server: 2 } }\n',
        'endpoints: { a: { isn: 100 }, b: { isn: 200 }, server: { isn: 5000, listen: true } }\n',
      ),
    );
    const r = sim.run();
    expect(r.failures).toEqual([]);
    expect(r.segments.filter((x) => x.flags === 'SYN,ACK').map((x) => [x.from, x.to, x.ack])).toEqual([
      ['server', 'a', 101],
      ['server', 'b', 201],
    ]);
  });

  it('splits data into MSS-sized segments with PSH on the last one', () => {
    const sim = new Simulation(scenario('  - open: client\n  - settle: true\n  - send: { from: client, bytes: 3000 }\n  - settle: true\n'));
    sim.run();
    const data = sim.result().segments.filter((s) => s.len > 0);
    expect(data.map((s) => [s.flags, s.seq, s.len])).toEqual([
      ['ACK', 1001, 1460],
      ['ACK', 2461, 1460],
      ['PSH,ACK', 3921, 80],
    ]);
  });

  it('holds a SYN flood to the backlog: 128 half-open TCBs, later SYNs dropped, freed after the SYN,ACK retries', () => {
    const sim = new Simulation(
      scenario('  - flood: { to: server, syns: 1000, spoofed: true }\n  - advance: 1s\n  - advance: 70s\n', 'endpoints: { client: {}, server: { listen: true, backlog: 128 } }\n'),
    );
    sim.step();
    sim.step();
    expect(sim.snapshot().endpoints[1]).toMatchObject({ backlog: 128, state: 'LISTEN', accepted: 0 });
    expect(sim.snapshot().segments.filter((s) => s.flags === 'SYN,ACK' && s.at < 1000)).toHaveLength(128);
    sim.step();
    expect(sim.snapshot().endpoints[1]!.backlog).toBe(0);
    expect(sim.snapshot().timers).toEqual([]);
  });

  it('with the backlog full and syncookies, every later SYN gets its own SYN,ACK: to its source, ack = SEG.SEQ+1 (RFC 9293 3.10.7.2)', () => {
    const sim = new Simulation(
      scenario('  - flood: { to: server, syns: 200, spoofed: true }\n  - advance: 15ms\n', 'endpoints: { client: {}, server: { listen: true, backlog: 4, syncookies: true } }\n'),
    );
    sim.run();
    const segs = sim.snapshot().segments;
    const syns = segs.filter((s) => s.flags === 'SYN');
    const synAcks = segs.filter((s) => s.flags === 'SYN,ACK');
    expect(syns).toHaveLength(200);
    // 4 from the half-open TCBs, 196 stateless cookie answers; the backlog stays at 4.
    expect(synAcks).toHaveLength(200);
    expect(sim.snapshot().endpoints[1]).toMatchObject({ state: 'LISTEN', backlog: 4 });
    const seqOf = new Map(syns.map((s) => [s.from, s.seq]));
    for (const sa of synAcks) expect(sa.ack).toBe((seqOf.get(sa.to)! + 1) >>> 0);
    expect(new Set(synAcks.map((s) => s.to)).size).toBe(200);
    // The first 4 arrivals record their half-open TCB's state, the stateless ones the listener's.
    expect(syns.slice(0, 4).map((s) => s.toState)).toEqual(Array(4).fill('SYN_RECEIVED'));
    expect(new Set(syns.slice(4).map((s) => s.toState))).toEqual(new Set(['LISTEN']));
  });

  it('a RST in SYN_RECEIVED reached from LISTEN returns the server to LISTEN (RFC 9293 3.10.7.4)', () => {
    const sim = new Simulation(scenario('  - drop: { from: server, flags: "SYN,ACK" }\n  - open: client\n  - advance: 20ms\n  - abort: client\n  - settle: true\n'));
    sim.run();
    expect(sim.transitions().filter((t) => t.endpoint === 'server').map((t) => t.to)).toEqual(['LISTEN', 'SYN_RECEIVED', 'LISTEN']);
  });

  describe.each(['rfc9293', 'linux'] as const)('SYN,ACK retries run out (profile %s)', (profile) => {
    // The client's host dies after its SYN: the server's SYN,ACKs go unanswered. 1+2+4+8+16 s of resends,
    // then 32 s for the last one: the give-up is at 10 ms + 63 s.
    const steps = '  - open: client\n  - advance: 15ms\n  - crash: client\n  - advance: 63005ms\n  - advance: 10ms\n';

    it('a named passive open ends CLOSED under rfc9293 (3.10.8), back in LISTEN under linux', () => {
      const sim = new Simulation(scenario(steps), { profile });
      sim.run();
      const server = sim.transitions().filter((t) => t.endpoint === 'server');
      expect(server.map((t) => t.to)).toEqual(['LISTEN', 'SYN_RECEIVED', profile === 'linux' ? 'LISTEN' : 'CLOSED']);
      expect(server.at(-1)).toMatchObject({ at: 63_010, event: 'RETRANSMISSION_TIMEOUT' });
      expect(sim.snapshot().segments.filter((x) => x.from === 'server' && x.flags === 'SYN,ACK')).toHaveLength(6);
      expect(sim.snapshot().endpoints[1]).toMatchObject({ backlog: 0 });
    });

    it('flood half-open TCBs are freed without touching the named listener', () => {
      const sim = new Simulation(scenario('  - flood: { to: server, syns: 300, spoofed: true }\n  - advance: 64s\n'), { profile });
      sim.run();
      expect(sim.snapshot().endpoints[1]).toMatchObject({ state: 'LISTEN', backlog: 0 });
      expect(sim.snapshot().timers).toEqual([]);
      // The only named change of the server is its passive open.
      expect(sim.transitions().filter((t) => t.endpoint === 'server').map((t) => t.to)).toEqual(['LISTEN']);
    });
  });

  it('SYN retries: rfc9293 resends 5 times (SCENARIOS.md), linux 6 (tcp_syn_retries), a scenario\'s retries both', () => {
    const lostSyns = '  - drop: { from: client, flags: SYN, count: 20 }\n  - open: client\n  - advance: 300s\n';
    const run = (profile: 'rfc9293' | 'linux', extra = '') => {
      const sim = new Simulation(scenario(lostSyns, extra), { profile });
      sim.run();
      const syns = sim.snapshot().segments.filter((x) => x.from === 'client' && x.flags === 'SYN');
      const end = sim.transitions().find((t) => t.endpoint === 'client' && t.to === 'CLOSED');
      return { syns: syns.length, closedAt: end?.at };
    };
    // Give-up after the last resend's timeout: rto * (2^(n+1) - 1).
    expect(run('rfc9293')).toEqual({ syns: 6, closedAt: 63_000 });
    expect(run('linux')).toEqual({ syns: 7, closedAt: 127_000 });
    expect(run('linux', 'config: { retries: 2 }\n')).toEqual({ syns: 3, closedAt: 7_000 });
    expect(run('rfc9293', 'config: { retries: 2 }\n')).toEqual({ syns: 3, closedAt: 7_000 });
  });

  it('SYN,ACK retries: linux uses tcp_synack_retries = 5 when the scenario sets none, else the scenario\'s', () => {
    const steps = '  - open: client\n  - advance: 15ms\n  - crash: client\n  - advance: 300s\n';
    const synAcks = (extra: string) => {
      const sim = new Simulation(scenario(steps, extra), { profile: 'linux' });
      sim.run();
      return sim.snapshot().segments.filter((x) => x.from === 'server' && x.flags === 'SYN,ACK').length;
    };
    expect(synAcks('')).toBe(6);
    expect(synAcks('config: { retries: 1 }\n')).toBe(2);
  });
});
