// `netkata tcp replay` on large captures (issue 15: "memory stays bounded by open connections, not by file
// size"): MB/s and peak RSS of the real bin against `tshark -r F -q -z conv,tcp` on the same file, in the
// same run. Two generated classic pcap files (Ethernet, IPv4), each at two sizes:
// - many: short HTTP-like connections (handshake, request, a 4000-byte response, FIN both ways), every one
//   on its own 4-tuple: the connection count grows with the file;
// - spread: the same connections, one every 2 ms of capture time (500 a second, the rate of a busy web
//   server): each is finished after its client's 60 s of TIME_WAIT, and only then kept as its summary;
// - long: 8 bulk transfers of full 1448-byte segments interleaved, an ACK every second segment: the
//   connection count stays 8 however large the file, so peak RSS must not grow with it.
// Peak RSS is the child's VmHWM (/proc/PID/status), read until it exits.
//
//   node bench/tcp-replay.bench.js            (or: npm run bench tcp-replay)
//   SIZES=100,400 KINDS=long node bench/tcp-replay.bench.js   (MB; default 100,400; many,spread,long)
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'netkata.js');
const SIZES = (process.env.SIZES ?? '100,400').split(',').map(Number);
const KINDS = (process.env.KINDS ?? 'many,spread,long').split(',');
const dir = mkdtempSync(join(tmpdir(), 'netkata-replay-bench-'));

/** A pcap writer: records buffered in 4 MB blocks. */
function writer(file) {
  const fd = openSync(file, 'w');
  let buf = Buffer.alloc(4 << 20);
  let used = 0;
  let total = 0;
  const flush = () => {
    writeSync(fd, buf, 0, used);
    total += used;
    used = 0;
  };
  const head = Buffer.alloc(24);
  head.writeUInt32LE(0xa1b2c3d4, 0);
  head.writeUInt16LE(2, 4);
  head.writeUInt16LE(4, 6);
  head.writeUInt32LE(262144, 16);
  head.writeUInt32LE(1, 20);
  writeSync(fd, head);
  total += 24;
  let usec = 0;
  return {
    get size() {
      return total + used;
    },
    /** Move the capture's clock on (µs) before the next packet. */
    wait(us) {
      usec += us;
    },
    /** One Ethernet/IPv4/TCP packet with `len` payload bytes (zeros). */
    packet(src, sport, dst, dport, flags, seq, ack, len) {
      const caplen = 14 + 20 + 20 + len;
      if (used + 16 + caplen > buf.length) flush();
      usec += 7;
      const o = used;
      buf.fill(0, o, o + 16 + caplen);
      buf.writeUInt32LE(1_700_000_000 + Math.floor(usec / 1e6), o);
      buf.writeUInt32LE(usec % 1e6, o + 4);
      buf.writeUInt32LE(caplen, o + 8);
      buf.writeUInt32LE(caplen, o + 12);
      const e = o + 16;
      buf.writeUInt16BE(0x0800, e + 12);
      const ip = e + 14;
      buf[ip] = 0x45;
      buf.writeUInt16BE(40 + len, ip + 2);
      buf[ip + 8] = 64;
      buf[ip + 9] = 6;
      buf.writeUInt32BE(src >>> 0, ip + 12);
      buf.writeUInt32BE(dst >>> 0, ip + 16);
      const t = ip + 20;
      buf.writeUInt16BE(sport, t);
      buf.writeUInt16BE(dport, t + 2);
      buf.writeUInt32BE(seq >>> 0, t + 4);
      buf.writeUInt32BE(ack >>> 0, t + 8);
      buf[t + 12] = 0x50;
      buf[t + 13] = flags;
      buf.writeUInt16BE(512, t + 14);
      used += 16 + caplen;
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}

const SYN = 2, ACK = 16, PSH = 8, FIN = 1;

function makeMany(file, mb, gapUs = 0) {
  const w = writer(file);
  const server = 0x0a000001;
  for (let i = 0; w.size < mb * 1e6; i++) {
    const client = 0x0b000000 + Math.floor(i / 60000);
    const port = 1024 + (i % 60000);
    const c = 1000 + i, s = 5000 + i;
    const up = (f, seq, ack, len) => w.packet(client, port, server, 80, f, seq, ack, len);
    const down = (f, seq, ack, len) => w.packet(server, 80, client, port, f, seq, ack, len);
    w.wait(gapUs);
    up(SYN, c, 0, 0);
    down(SYN | ACK, s, c + 1, 0);
    up(ACK, c + 1, s + 1, 0);
    up(PSH | ACK, c + 1, s + 1, 100);
    down(ACK, s + 1, c + 101, 0);
    down(PSH | ACK, s + 1, c + 101, 4000);
    up(ACK, c + 101, s + 4001, 0);
    up(FIN | ACK, c + 101, s + 4001, 0);
    down(FIN | ACK, s + 4001, c + 102, 0);
    up(ACK, c + 102, s + 4002, 0);
  }
  w.close();
}

function makeLong(file, mb) {
  const w = writer(file);
  const N = 8;
  const seq = Array.from({ length: N }, (_, i) => 1000 * (i + 1));
  const server = 0x0a000001;
  const client = 0x0b000001;
  for (let i = 0; i < N; i++) {
    w.packet(client, 2000 + i, server, 80, SYN, 7, 0, 0);
    w.packet(server, 80, client, 2000 + i, SYN | ACK, seq[i], 8, 0);
    w.packet(client, 2000 + i, server, 80, ACK, 8, seq[i] + 1, 0);
    seq[i] += 1;
  }
  for (let k = 0; w.size < mb * 1e6; k++) {
    const i = k % N;
    w.packet(server, 80, client, 2000 + i, ACK, seq[i], 8, 1448);
    seq[i] += 1448;
    if (Math.floor(k / N) % 2 === 1) w.packet(client, 2000 + i, server, 80, ACK, 8, seq[i], 0);
  }
  w.close();
}

/** Runs a command; returns wall ms and its peak RSS (VmHWM, MB), read from /proc while it runs. */
function measure(cmd, args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    let peak = 0;
    const poll = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch {
        // exited between polls
      }
    };
    const timer = setInterval(poll, 20);
    child.on('exit', () => poll());
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`${cmd} exited ${code}: ${err.slice(0, 300)}`));
      else resolve({ ms: performance.now() - t0, rss: peak });
    });
  });
}

const hasTshark = spawnSync('tshark', ['--version']).status === 0;
console.log(`node ${process.version}; ${hasTshark ? spawnSync('tshark', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] : 'tshark not installed: netkata only'}`);
console.log('file            size   netkata tcp replay (MB/s, peak RSS)   tshark -q -z conv,tcp (MB/s, peak RSS)');
try {
  const spread = (file, mb) => makeMany(file, mb, 2000);
  for (const [kind, make] of [['many', makeMany], ['spread', spread], ['long', makeLong]].filter(([k]) => KINDS.includes(k))) {
    for (const mb of SIZES) {
      const file = join(dir, `${kind}-${mb}.pcap`);
      make(file, mb);
      const size = statSync(file).size / 1e6;
      const ours = await measure(process.execPath, [bin, 'tcp', 'replay', file]);
      const theirs = hasTshark ? await measure('tshark', ['-r', file, '-q', '-z', 'conv,tcp']) : undefined;
      const fmt = (r) => `${(size / (r.ms / 1000)).toFixed(1).padStart(7)} MB/s ${r.rss.toFixed(0).padStart(6)} MB`;
      console.log(`${`${kind}-${mb}`.padEnd(14)} ${size.toFixed(0).padStart(5)} MB  ${fmt(ours).padEnd(37)} ${theirs ? fmt(theirs) : '-'}`);
      rmSync(file);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
