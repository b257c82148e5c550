#!/usr/bin/env node
// Produces test/data/procnet-{tcp,tcp6,ss}.txt: one snapshot of the kernel's TCP tables with sockets
// held on purpose in LISTEN, SYN_SENT, ESTABLISHED, FIN_WAIT1, FIN_WAIT2 (also orphaned), TIME_WAIT,
// CLOSE_WAIT and LAST_ACK, on 127.0.0.1 and ::1, read from /proc/net/tcp{,6} and, right after, from
// `ss -tanoeH` (iproute2 reads the same sockets over netlink, not /proc: the independent source the
// parser's tests compare against). Only lines of this script's own ports are kept.
// Run on Linux: node test/data/procnet-capture.mjs
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ports = new Set();
const keep = [];

function listen(host, opts = {}) {
  return new Promise((resolve) => {
    const conns = [];
    const s = net.createServer({ allowHalfOpen: true, ...opts }, (c) => conns.push(c));
    s.listen({ host, port: 0 }, () => {
      ports.add(s.address().port);
      keep.push(s);
      resolve({ server: s, conns, port: s.address().port });
    });
  });
}
function connect(host, port) {
  return new Promise((resolve) => {
    const c = net.connect({ host, port, allowHalfOpen: true }, () => resolve(c));
    keep.push(c);
  });
}

// v4 listener; connection 1 ESTABLISHED, 2 half-closed (FIN_WAIT2 / CLOSE_WAIT), 3 TIME_WAIT,
// 4 orphaned FIN_WAIT2 (end then destroy: a timewait socket with substate FIN_WAIT2).
const a = await listen('127.0.0.1');
const c1 = await connect('127.0.0.1', a.port);
c1.write('hi'); // rx_queue 2 at the server end if it does not read
const c2 = await connect('127.0.0.1', a.port);
const c3 = await connect('127.0.0.1', a.port);
const c4 = await connect('127.0.0.1', a.port);
await sleep(20);
a.conns[0].pause();
c2.end();
c3.end();
c4.end();
await sleep(20);
a.conns[2].end();
c4.destroy();
// Zero window: the server end stops reading; FIN queued behind unsent data holds FIN_WAIT1.
const c5 = await connect('127.0.0.1', a.port);
await sleep(10);
a.conns[4].pause();
c5.write(Buffer.alloc(1 << 20));
c5.end();
// LAST_ACK: the client half-closes and stops reading; the server writes a lot, then closes.
const c6 = await connect('127.0.0.1', a.port);
await sleep(10);
c6.pause();
c6.end();
await sleep(10);
a.conns[5].write(Buffer.alloc(1 << 20));
a.conns[5].end();

// SYN_SENT: a listener with backlog 1 in a process that never accepts; the third client's SYN is dropped.
const child = spawn(process.execPath, ['-e', `
  const s = require('net').createServer().listen({ host: '127.0.0.1', port: 0, backlog: 1 }, () => {
    console.log(s.address().port);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5000);
  });`], { stdio: ['ignore', 'pipe', 'inherit'] });
const bport = await new Promise((r) => child.stdout.once('data', (d) => r(Number(String(d).trim()))));
ports.add(bport);
for (let i = 0; i < 3; i++) keep.push(net.connect({ host: '127.0.0.1', port: bport }).on('error', () => {}));

// v6: listener, one connection ESTABLISHED, one TIME_WAIT.
const b = await listen('::1');
const d1 = await connect('::1', b.port);
const d2 = await connect('::1', b.port);
await sleep(10);
d2.end();
await sleep(10);
b.conns[1].end();
await sleep(100);

const mine = (line) => [...ports].some((p) => line.includes(`:${p.toString(16).toUpperCase().padStart(4, '0')} `));
const tcp = readFileSync('/proc/net/tcp', 'latin1').split('\n');
const tcp6 = readFileSync('/proc/net/tcp6', 'latin1').split('\n');
const ss = execFileSync('ss', ['-tanoeH'], { encoding: 'utf8' }).split('\n');
const ssMine = (line) => [...ports].some((p) => new RegExp(`:${p}\\s`).test(line + ' '));
writeFileSync(join(here, 'procnet-tcp.txt'), [tcp[0], ...tcp.slice(1).filter(mine)].join('\n') + '\n');
writeFileSync(join(here, 'procnet-tcp6.txt'), [tcp6[0], ...tcp6.slice(1).filter(mine)].join('\n') + '\n');
writeFileSync(join(here, 'procnet-ss.txt'), ss.filter(ssMine).join('\n') + '\n');
console.log(`ports ${[...ports].join(' ')}`);
child.kill();
for (const k of keep) k.destroy?.() ?? k.close?.();
for (const k of keep) if (k.close) k.close();
process.exit(0);
