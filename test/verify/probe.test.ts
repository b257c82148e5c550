/**
 * Probe files and the state reading verify relies on, without sockets.
 *
 * - Every built-in probe parses, and names its checks uniquely (a test asks for them by name).
 * - A bad probe is one line: file, line, path, what is wrong.
 * - The program's state sequences are read as RFC 9293 says a passive close goes (3.6, 3.10.7.4: a FIN
 *   in ESTABLISHED -> CLOSE_WAIT; the application's CLOSE -> LAST_ACK; the ACK of our FIN -> CLOSED),
 *   even when the poll saw only ESTABLISHED and then nothing, a second or more later: on loopback with a
 *   live client, neither a keepalive failure nor running out of retransmissions can explain it.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { checkConformance } from '../../src/lab/conformance.js';
import type { Observation } from '../../src/lab/observer.js';
import { parseVerifyProbe, verbOf } from '../../src/scenario/verify.js';
import { builtinProbes, loadProbe } from '../../src/verify/probes.js';
import { firstMissing, loopbackConformance, programActions } from '../../src/verify/run.js';

describe('the built-in probes', () => {
  const names = builtinProbes();
  it('are the ones CLI.md lists', () => {
    expect(names).toEqual(['client-close', 'close-behaviour', 'concurrent', 'echo', 'file', 'framing', 'udp-echo']);
  });
  it.each(names.map((n) => [n]))('%s parses and names each of its checks once', (name) => {
    const probe = loadProbe(name);
    expect(probe.name).toBe(name);
    const checks = probe.steps.flatMap((s) => {
      const body = Object.values(s)[0] as { name?: string };
      return ['read', 'read-file', 'server-states', 'no-state', 'accepts', 'datagrams', 'accept-client', 'client-states'].includes(verbOf(s)) ? [body.name] : [];
    });
    expect(checks.every((c) => c !== undefined)).toBe(true);
    expect(new Set(checks).size).toBe(checks.length);
  });
});

describe('a bad probe is one line with the file and line', () => {
  const bad = (body: string): string => {
    try {
      parseVerifyProbe(`name: p\ntitle: t\nsteps:\n${body}`, 'p.yaml');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).message;
    }
    throw new Error('parsed');
  };
  it.each([
    ['two payloads in a send', '  - send: { client: c1, text: a, hex: "00" }\n', 'p.yaml:4: steps[0].send: give exactly one of text, hex or frames'],
    ['a read with nothing to expect', '  - read: { client: c1 }\n', 'p.yaml:4: steps[0].read: give exactly one of text, hex or frames, or eof: true'],
    ['odd hex', '  - send: { client: c1, hex: "abc" }\n', 'p.yaml:4: steps[0].send.hex: hex digits, two per byte'],
    ['a step with two verbs', '  - { connect: c1, close: c1 }\n', 'p.yaml:4: steps[0]: a step is a mapping with one verb (connect, open, send, read, read-file, shutdown, close, abort, pause, server-states, no-state, accepts, datagrams, accept-client, client-states)'],
  ])('%s', (_what, body, message) => {
    expect(bad(body)).toBe(message);
  });
  it('an unknown state', () => {
    expect(bad('  - no-state: { state: CLOSEWAIT }\n')).toMatch(/^p\.yaml:4: steps\[0\]\.no-state\.state: .*CLOSE_WAIT/);
  });
});

describe('reading the program\'s sockets against the endpoint machine', () => {
  const port = 40000;
  const obs = (at: number, state: Observation['state'], vanished = false): Observation => ({
    at,
    socket: 'server<-c1',
    local: `127.0.0.1:${port}`,
    remote: '127.0.0.1:50000',
    state,
    ...(vanished ? { vanished: true as const } : { inode: 7 }),
  });
  // RFC 9293 3.6 (passive close) and the state diagram of 3.3.2.
  const PASSIVE_CLOSE = ['LISTEN', 'SYN_RECEIVED', 'ESTABLISHED', 'CLOSE_WAIT', 'LAST_ACK', 'CLOSED'];

  it.each([[5], [1500], [120_000]])('ESTABLISHED, then gone %i ms later, is the passive close', (gap) => {
    const o = [obs(10, 'ESTABLISHED'), obs(10 + gap, 'CLOSED', true)];
    const c = checkConformance(o, programActions(o, port), loopbackConformance());
    expect(c.ok).toBe(true);
    expect(c.paths['server<-c1']!.map((p) => p.state)).toEqual(PASSIVE_CLOSE);
    expect(c.paths['server<-c1']!.map((p) => p.observed)).toEqual([false, false, true, false, false, true]);
  });

  it('a socket stuck in CLOSE_WAIT has not passed LAST_ACK; one that went on has', () => {
    const stuck = [obs(10, 'ESTABLISHED'), obs(20, 'CLOSE_WAIT')];
    const path = checkConformance(stuck, programActions(stuck, port), loopbackConformance()).paths['server<-c1']!;
    expect(firstMissing(path, ['CLOSE_WAIT', 'LAST_ACK', 'CLOSED'])).toBe('LAST_ACK');
    const done = [...stuck, obs(30, 'CLOSED', true)];
    const path2 = checkConformance(done, programActions(done, port), loopbackConformance()).paths['server<-c1']!;
    expect(firstMissing(path2, ['CLOSE_WAIT', 'LAST_ACK', 'CLOSED'])).toBeUndefined();
    // in order: LAST_ACK before CLOSE_WAIT is not on it
    expect(firstMissing(path2, ['LAST_ACK', 'CLOSE_WAIT'])).toBe('CLOSE_WAIT');
  });

  it('ESTABLISHED -> SYN_SENT on the program\'s end of a connection is no path of the machine', () => {
    const o = [obs(10, 'ESTABLISHED'), obs(20, 'SYN_SENT')];
    expect(checkConformance(o, programActions(o, port), loopbackConformance()).ok).toBe(false);
  });
});
