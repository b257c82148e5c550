/**
 * A port chosen for the program is free when chosen but not reserved: before the program binds it, any
 * process's connect() (or sendto()) may take it as its ephemeral source port, and the program fails with
 * EADDRINUSE. npm test once got a `verify --probe file` run with no report from that (1 run in 17, with
 * other tests connecting all the time). Here the test takes the chosen port itself, as such a connect()
 * would: with a TCP socket connected from it (or a UDP socket bound to it), which the kernel then refuses
 * to let the program bind (Linux lets two sockets share a port only when both set SO_REUSEADDR and neither
 * listens; a connect()ed socket sets none). The run must start the program again on another port, give up
 * after PORT_ATTEMPTS ports, and never retry a program that failed on a port nobody else holds.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { hasProcNet } from '../../src/lab/procnet.js';
import { freePort, PORT_ATTEMPTS, ProgramStartError } from '../../src/verify/program.js';
import { freeUdpPort } from '../../src/verify/udp.js';
import { verifyProgram } from '../../src/verify/run.js';
import { skipTitle } from '../helpers/skip-title.js';

const programs = new URL('./programs/', import.meta.url).pathname;
const held: (net.Socket | net.Server | dgram.Socket)[] = [];

/** A loopback port taken as an outgoing connection's source port is: connect() with no bind, so the kernel picks it (and sets no SO_REUSEADDR). */
async function takenTcpPort(): Promise<number> {
  const server = net.createServer((s) => held.push(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  held.push(server);
  const client = net.connect({ host: '127.0.0.1', port: (server.address() as net.AddressInfo).port });
  await new Promise<void>((r, j) => client.once('connect', r).once('error', j));
  held.push(client);
  return client.localPort!;
}

async function takenUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
  held.push(s);
  return s.address().port;
}

/** A chooser that gives `first` ports (taken) and then free ones, and counts its calls. */
function chooser(first: (() => Promise<number>)[], then: () => Promise<number>): { choose: () => Promise<number>; chosen: number[] } {
  const chosen: number[] = [];
  return {
    chosen,
    choose: async () => {
      const p = await (first[chosen.length] ?? then)();
      chosen.push(p);
      return p;
    },
  };
}

afterAll(() => {
  for (const h of held) (h as { close?: () => void; destroy?: () => void }).destroy?.() ?? (h as { close: () => void }).close();
});

const skip = !hasProcNet();
describe.skipIf(skip)(skipTitle('verify: a chosen port taken before the program binds it', skip, 'no /proc/net/tcp'), () => {
  it('TCP: the echo server, refused its first port, is started again on another and passes', async () => {
    const c = chooser([takenTcpPort], freePort);
    const report = await verifyProgram({ probe: 'echo', command: ['python3', `${programs}echo.py`, '{port}', 'echo'], startTimeoutMs: 60_000 }, { tcp: c.choose });
    expect(c.chosen).toHaveLength(2);
    expect(report.port).toBe(c.chosen[1]);
    expect(report.checks.filter((k) => !k.ok).map((k) => k.name)).toEqual([]);
    expect(report.ok).toBe(true);
  }, 90_000);

  it(`TCP: gives up after ${PORT_ATTEMPTS} taken ports with the program's own error`, async () => {
    const c = chooser(Array.from({ length: PORT_ATTEMPTS + 1 }, () => takenTcpPort), freePort);
    const run = verifyProgram({ probe: 'echo', command: ['python3', `${programs}echo.py`, '{port}', 'echo'], startTimeoutMs: 60_000 }, { tcp: c.choose });
    await expect(run).rejects.toBeInstanceOf(ProgramStartError);
    await expect(run).rejects.toThrow(/exited|Address already in use/);
    expect(c.chosen).toHaveLength(PORT_ATTEMPTS);
  }, 120_000);

  it('a program that fails on a port nobody else holds is not started again', async () => {
    const c = chooser([], freePort);
    await expect(verifyProgram({ probe: 'echo', command: [process.execPath, '-e', 'process.exit(3)'], startTimeoutMs: 60_000 }, { tcp: c.choose })).rejects.toBeInstanceOf(ProgramStartError);
    expect(c.chosen).toHaveLength(1);
  }, 60_000);

  it('UDP: the echo server, refused its first port, is started again on another and passes', async () => {
    const c = chooser([takenUdpPort], freeUdpPort);
    const report = await verifyProgram({ probe: 'udp-echo', command: ['python3', `${programs}udp.py`, '{port}', 'echo'], startTimeoutMs: 60_000 }, { udp: c.choose });
    expect(c.chosen).toHaveLength(2);
    expect(report.port).toBe(c.chosen[1]);
    expect(report.ok).toBe(true);
  }, 90_000);
});
