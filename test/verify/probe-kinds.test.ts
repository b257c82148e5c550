/**
 * A probe's `transport` and `role` decide which verbs it may use (docs/scenarios.md): a UDP probe has no
 * connection to connect, close or watch in TCP states; a client probe's program connects to netkata, so
 * netkata accepts instead of connecting. A wrong verb is one line with the file and the line.
 */
import { describe, expect, it } from 'vitest';
import { parseVerifyProbe } from '../../src/scenario/verify.js';

const error = (body: string): string => {
  try {
    parseVerifyProbe(`name: p\ntitle: t\n${body}`, 'p.yaml');
  } catch (e) {
    return (e as Error).message;
  }
  return 'parsed';
};

describe('transport and role', () => {
  it.each([
    ['a udp probe that connects', 'transport: udp\nsteps:\n  - connect: c1\n', 'p.yaml:5: steps[0].connect: a udp probe takes only datagrams, pause'],
    ['datagrams in a tcp probe', 'steps:\n  - datagrams: { send: ["a"], replies: ["a"] }\n', 'p.yaml:4: steps[0].datagrams: datagrams need transport: udp'],
    ['a client probe that connects', 'role: client\nsteps:\n  - connect: c1\n', 'p.yaml:5: steps[0].connect: a role: client probe takes only accept-client, send, read, shutdown, close, pause, client-states'],
    ['accept-client in a server probe', 'steps:\n  - accept-client: { client: c1 }\n', 'p.yaml:4: steps[0].accept-client: accept-client needs role: client'],
    ['a udp client probe', 'role: client\ntransport: udp\nsteps:\n  - pause: 1\n', 'p.yaml:3: role: role: client is for tcp probes'],
  ])('%s is refused', (_, body, message) => {
    expect(error(body)).toBe(message);
  });

  it('defaults: tcp, server; datagrams take quiet 200 and within 2000', () => {
    const p = parseVerifyProbe('name: p\ntitle: t\ntransport: udp\nsteps:\n  - datagrams: { send: ["a"], replies: ["a"] }\n', 'p.yaml');
    expect(p.steps[0]).toEqual({ datagrams: { send: ['a'], replies: ['a'], within: 2000, quiet: 200 } });
    expect(parseVerifyProbe('name: p\ntitle: t\nsteps:\n  - pause: 1\n', 'p.yaml')).toMatchObject({ transport: 'tcp', role: 'server' });
  });
});
