/**
 * `verify` reads the kernel table of the listener's family only (each read of /proc/net/tcp or tcp6
 * walks the kernel's whole socket hash), and adds the other table as soon as the program holds a socket
 * there. The program here listens on 127.0.0.1 (tcp) and, for each client, connects out to a listener of
 * its own on [::1] (tcp6) and relays the bytes through it: the report must show those IPv6 sockets as the
 * program's, in ESTABLISHED, as the kernel had them. (Before the table was chosen, both were read on every
 * poll; a run that never added tcp6 shows none of them.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasProcNet } from '../../src/lab/procnet.js';
import { skipTitle } from '../helpers/skip-title.js';
import type { VerifyReport } from '../../src/verify/run.js';

const bin = new URL('../../bin/netkata.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'netkata-verify-families-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RELAY = `
import net from 'node:net';
// The inner echo server, on IPv6 loopback, ephemeral port.
const inner = net.createServer((s) => { s.on('error', () => {}); s.pipe(s); });
inner.listen(0, '::1', () => {
  const innerPort = inner.address().port;
  net.createServer((client) => {
    client.on('error', () => {});
    // Out over IPv6 to the inner server; its replies go back to the client.
    const out = net.connect({ host: '::1', port: innerPort });
    out.on('error', () => client.destroy());
    client.pipe(out);
    out.pipe(client);
  }).listen(Number(process.env.PORT), '127.0.0.1');
});
`;

let ipv6 = false;
beforeAll(async () => {
  writeFileSync(join(dir, 'relay.mjs'), RELAY);
  ipv6 = await new Promise<boolean>((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(0, '::1', () => s.close(() => resolve(true)));
  });
});

const skip = !hasProcNet();
describe.skipIf(skip)(skipTitle('netkata verify: a program with sockets in both tables', skip, 'no /proc/net/tcp'), () => {
  it('an IPv4 server relaying over IPv6: its tcp6 sockets are observed too (skips when ::1 cannot be bound)', ({ skip: skipNow }) => {
    if (!ipv6) skipNow('::1 cannot be bound here');
    const r = spawnSync(process.execPath, [bin, 'verify', '--probe', 'echo', '--json', '--', process.execPath, join(dir, 'relay.mjs')], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as VerifyReport;
    expect(report.host).toBe('127.0.0.1');
    const v6 = report.observations.filter((o) => o.local.startsWith('[::1]:') && !o.vanished);
    // Both ends of each relay connection (the program holds both): the outgoing socket and the one its
    // inner server accepted.
    const established = new Set(v6.filter((o) => o.state === 'ESTABLISHED').map((o) => `${o.local} ${o.remote}`));
    expect(established.size).toBeGreaterThanOrEqual(2);
    // And the IPv4 side as before.
    expect(report.observations.some((o) => o.local.startsWith('127.0.0.1:') && o.state === 'ESTABLISHED')).toBe(true);
  });
});
