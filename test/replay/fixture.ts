/**
 * The captures the replay tests read: real programs on loopback (curl against a Python http.server)
 * recorded by several dumpcaps at once (classic pcap on lo, pcapng on lo, Linux cooked v1 and v2 on
 * `any`, and lo + any in one pcapng with two interfaces), then the same packets in the other forms a
 * capture comes in: editcap's conversions (nanosecond pcap, pcapng from pcap), byte-swapped files, other
 * link types (raw IP, BSD loopback, VLAN tags) and IP options / IPv6 extension headers written in by the
 * test's own code, and a gzip. tshark reads every one of them on its own: it is the reference.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { curl, servedFile, startDumpcap, startHttpServer } from '../helpers/loopback-capture.js';

/** A free ephemeral port on 127.0.0.1 (bound, then released for curl --local-port). */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export interface Fixture {
  readonly dir: string;
  /** Real captures, by name. */
  readonly real: Record<string, string>;
  /** Rewritten and converted captures, by name. */
  readonly derived: Record<string, string>;
  /** The kernel's TCP sockets on the two server ports right after the traffic (`ss -tanH`: state, local, peer). */
  readonly kernel: { readonly state: string; readonly local: string; readonly peer: string }[];
}

/** The traffic: a normal request, a keep-alive session of three, an aborted transfer, IPv6, a port reused. */
export async function makeFixture(dir: string): Promise<Fixture> {
  const www = join(dir, 'www');
  mkdirSync(www);
  servedFile(www, 'small', 3000);
  servedFile(www, 'big', 8 << 20);
  const v4 = await startHttpServer('127.0.0.1', www);
  const v6 = await startHttpServer('::1', www);
  const filter = `tcp port ${v4.port} or tcp port ${v6.port}`;
  const real = {
    lo_pcap: join(dir, 'lo.pcap'),
    lo_pcapng: join(dir, 'lo.pcapng'),
    sll: join(dir, 'sll.pcap'),
    sll2: join(dir, 'sll2.pcapng'),
    multi: join(dir, 'multi.pcapng'),
  };
  const caps = [
    await startDumpcap(['-i', 'lo', '-s', '200', '-P', '-f', filter], real.lo_pcap),
    await startDumpcap(['-i', 'lo', '-s', '200', '-f', filter], real.lo_pcapng),
    await startDumpcap(['-i', 'any', '-s', '200', '-y', 'LINUX_SLL', '-P', '-f', filter], real.sll),
    await startDumpcap(['-i', 'any', '-s', '200', '-y', 'LINUX_SLL2', '-f', filter], real.sll2),
    await startDumpcap(['-i', 'lo', '-s', '200', '-f', filter, '-i', 'any', '-s', '200', '-y', 'LINUX_SLL2', '-f', filter], real.multi),
  ];
  const base = `http://127.0.0.1:${v4.port}`;
  try {
    await curl([`${base}/small`]);
    await curl([`${base}/small`, `${base}/small`, `${base}/small`]); // one connection, three requests
    await curl(['--max-filesize', '1000', `${base}/big`]); // aborted: closed with data unread -> RST
    await curl(['-g', `http://[::1]:${v6.port}/small`]);
    const local = await freePort();
    // The server closes first (a reply that ends at its close: curl cannot close before the server's FIN,
    // as it could after a Content-Length, which left the client in TIME_WAIT on a loaded machine and the
    // port never reused), so the client's port is free at once and the second SYN meets the server's
    // TIME_WAIT: the same 4-tuple again with a new ISN.
    await curl(['--local-port', String(local), `${base}/close-first`]);
    // The first socket may still hold the port for a moment (LAST_ACK until the server's ACK lands): a
    // failed bind (curl exit 45) or connect (7: the 4-tuple still taken) sends no data: try again until it works.
    for (let i = 0; i < 50 && (await curl(['--local-port', String(local), `${base}/close-first`])) !== 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    // A client that reads slowly: its window closes (zero window, window probes), then it gives up (RST).
    await curl(['--limit-rate', '50k', '--max-time', '1', `${base}/big`]);
  } finally {
    for (const c of caps) await c.stop();
    await v4.stop();
    await v6.stop();
  }
  const ss = spawnSync('ss', ['-tanH'], { encoding: 'utf8' });
  const kernel = ss.stdout.split('\n').map((l) => l.trim().split(/\s+/)).filter((f) => f.length >= 5)
    .map(([state, , , local, peer]) => ({ state: state!, local: local!, peer: peer! }))
    .filter((k) => [v4.port, v6.port].some((p) => k.local.endsWith(`:${p}`) || k.peer.endsWith(`:${p}`)));
  return { dir, real, kernel, derived: derive(dir, real.lo_pcap, real.lo_pcapng) };
}

const run = (cmd: string, args: string[]): void => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
};

interface Rec {
  readonly sec: number;
  readonly frac: number;
  readonly orig: number;
  readonly data: Buffer;
}

/** The records of a little-endian microsecond pcap (what dumpcap -P writes here). */
function pcapRecords(file: string): { link: number; recs: Rec[] } {
  const b = readFileSync(file);
  if (b.readUInt32LE(0) !== 0xa1b2c3d4) throw new Error('expected a little-endian µs pcap');
  const recs: Rec[] = [];
  for (let o = 24; o + 16 <= b.length; ) {
    const caplen = b.readUInt32LE(o + 8);
    recs.push({ sec: b.readUInt32LE(o), frac: b.readUInt32LE(o + 4), orig: b.readUInt32LE(o + 12), data: b.subarray(o + 16, o + 16 + caplen) });
    o += 16 + caplen;
  }
  return { link: b.readUInt32LE(20), recs };
}

/** A pcap written with the given byte order, link type and records (data changed by `map`, or dropped when it returns undefined). */
function writePcap(file: string, link: number, recs: readonly Rec[], be: boolean, map: (d: Buffer) => Buffer | undefined): void {
  const parts: Buffer[] = [];
  const h = Buffer.alloc(24);
  const w32 = (buf: Buffer, v: number, o: number) => (be ? buf.writeUInt32BE(v, o) : buf.writeUInt32LE(v, o));
  const w16 = (buf: Buffer, v: number, o: number) => (be ? buf.writeUInt16BE(v, o) : buf.writeUInt16LE(v, o));
  w32(h, 0xa1b2c3d4, 0);
  w16(h, 2, 4);
  w16(h, 4, 6);
  w32(h, 262144, 16);
  w32(h, link, 20);
  parts.push(h);
  for (const r of recs) {
    const d = map(r.data);
    if (!d) continue;
    const rh = Buffer.alloc(16);
    w32(rh, r.sec, 0);
    w32(rh, r.frac, 4);
    w32(rh, d.length, 8);
    w32(rh, d.length + Math.max(0, r.orig - r.data.length), 12);
    parts.push(rh, d);
  }
  writeFileSync(file, Buffer.concat(parts));
}

/** A pcapng with every block's fields byte-swapped (the file a big-endian machine writes). */
function swapPcapng(src: string, dst: string): void {
  const b = Buffer.from(readFileSync(src));
  for (let o = 0; o < b.length; ) {
    const type = b.readUInt32LE(o);
    const len = b.readUInt32LE(o + 4);
    const sw32 = (at: number) => b.writeUInt32BE(b.readUInt32LE(at), at);
    const sw16 = (at: number) => b.writeUInt16BE(b.readUInt16LE(at), at);
    const options = (from: number, fixed: Record<number, 2 | 4 | 8>) => {
      for (let p = from; p + 4 <= o + len - 4; ) {
        const code = b.readUInt16LE(p);
        const olen = b.readUInt16LE(p + 2);
        sw16(p);
        sw16(p + 2);
        const size = fixed[code];
        if (size === 4) sw32(p + 4);
        if (size === 8) b.writeBigUInt64BE(b.readBigUInt64LE(p + 4), p + 4);
        if (code === 0) break;
        p += 4 + ((olen + 3) & ~3);
      }
    };
    if (type === 0x0a0d0d0a) {
      sw32(o + 8); // byte-order magic
      sw16(o + 12);
      sw16(o + 14);
      b.writeBigUInt64BE(b.readBigUInt64LE(o + 16), o + 16);
      options(o + 24, {});
    } else if (type === 1) {
      sw16(o + 8);
      sw16(o + 10);
      sw32(o + 12);
      options(o + 16, { 14: 8 });
    } else if (type === 6) {
      for (const at of [8, 12, 16, 20, 24]) sw32(o + at);
      const caplen = b.readUInt32BE(o + 20);
      options(o + 28 + ((caplen + 3) & ~3), { 2: 4, 4: 8 });
    } else if (type === 5) {
      sw32(o + 8);
      sw32(o + 12);
      sw32(o + 16);
      options(o + 20, { 2: 8, 3: 8, 4: 8, 5: 8, 6: 8, 7: 8, 8: 8 });
    }
    sw32(o);
    sw32(o + 4);
    sw32(o + len - 4);
    o += len;
  }
  writeFileSync(dst, b);
}

const ETH = 14;
const ipOf = (d: Buffer): Buffer => d.subarray(ETH);
const v4only = (d: Buffer): Buffer | undefined => (d[ETH]! >> 4 === 4 ? ipOf(d) : undefined);
const v6only = (d: Buffer): Buffer | undefined => (d[ETH]! >> 4 === 6 ? ipOf(d) : undefined);
/** BSD loopback: the address family (2 for IPv4, `v6` for IPv6) as 4 bytes in `order`, then the IP packet. */
const family = (order: 'le' | 'be', v6: number) => (d: Buffer): Buffer => {
  const ip = ipOf(d);
  const x = Buffer.alloc(4);
  const v = ip[0]! >> 4 === 6 ? v6 : 2;
  if (order === 'le') x.writeUInt32LE(v);
  else x.writeUInt32BE(v);
  return Buffer.concat([x, ip]);
};
/** Ethernet with an 802.1ad outer and an 802.1Q inner tag before the IP type. */
function vlan(d: Buffer): Buffer {
  const tags = Buffer.from([0x88, 0xa8, 0x00, 0x64, 0x81, 0x00, 0x00, 0x0a]);
  return Buffer.concat([d.subarray(0, 12), tags, d.subarray(12)]);
}
/** IPv4 with 8 bytes of options (NOP x3, a 4-byte unknown option, EOL): IHL 7, total length + 8. */
function ipv4Options(d: Buffer): Buffer {
  if (d[ETH]! >> 4 !== 4 || d.readUInt16BE(ETH + 2) > 65535 - 8) return d; // a full 64 KiB loopback packet has no room
  const ip = d.subarray(ETH);
  const ihl = (ip[0]! & 0x0f) * 4;
  const out = Buffer.concat([d.subarray(0, ETH + ihl), Buffer.from([1, 1, 1, 0x1e, 4, 0, 0, 0]), d.subarray(ETH + ihl)]);
  out[ETH] = 0x40 | ((ihl + 8) / 4);
  out.writeUInt16BE(ip.readUInt16BE(2) + 8, ETH + 2);
  return out;
}
/** IPv6 with a hop-by-hop header (PadN) and a destination options header before TCP. */
function ipv6Extensions(d: Buffer): Buffer {
  if (d[ETH]! >> 4 !== 6 || d.readUInt16BE(ETH + 4) > 65535 - 16) return d;
  const next = d[ETH + 6]!;
  const hbh = Buffer.from([60, 0, 1, 4, 0, 0, 0, 0]);
  const dst = Buffer.from([next, 0, 1, 4, 0, 0, 0, 0]);
  const out = Buffer.concat([d.subarray(0, ETH + 40), hbh, dst, d.subarray(ETH + 40)]);
  out[ETH + 6] = 0; // hop-by-hop first
  out.writeUInt16BE(d.readUInt16BE(ETH + 4) + 16, ETH + 4);
  return out;
}

/** Direction of a TCP segment with data (IPv4 over Ethernet), or undefined. */
function tcpKey(d: Buffer): string | undefined {
  if (d[ETH]! >> 4 !== 4 || d[ETH + 9] !== 6) return undefined;
  const ihl = (d[ETH]! & 0x0f) * 4;
  const tcp = ETH + ihl;
  const len = d.readUInt16BE(ETH + 2) - ihl - (d[tcp + 12]! >> 4) * 4;
  return len > 0 ? `${d.readUInt16BE(tcp)}>${d.readUInt16BE(tcp + 2)}` : undefined;
}

function derive(dir: string, pcap: string, pcapng: string): Record<string, string> {
  const f = (name: string) => join(dir, name);
  const out: Record<string, string> = {};
  out['nsec_pcap'] = f('nsec.pcap');
  run('editcap', ['-F', 'nsecpcap', pcap, out['nsec_pcap']]);
  out['pcapng_from_pcap'] = f('from-pcap.pcapng');
  run('editcap', ['-F', 'pcapng', pcap, out['pcapng_from_pcap']]);
  out['pcapng_be'] = f('be.pcapng');
  swapPcapng(pcapng, out['pcapng_be']);
  const { link, recs } = pcapRecords(pcap);
  if (link !== 1) throw new Error(`lo capture of link type ${link}, expected Ethernet`);
  const same = (d: Buffer) => d;
  out['pcap_be'] = f('be.pcap');
  writePcap(out['pcap_be'], 1, recs, true, same);
  out['raw'] = f('raw.pcap');
  writePcap(out['raw'], 101, recs, false, ipOf);
  out['raw_be'] = f('raw-be.pcap');
  writePcap(out['raw_be'], 101, recs, true, ipOf);
  out['ipv4'] = f('ipv4.pcap');
  writePcap(out['ipv4'], 228, recs, false, v4only);
  out['ipv6'] = f('ipv6.pcap');
  writePcap(out['ipv6'], 229, recs, false, v6only);
  // BSD loopback: DLT_NULL's family in the writer's order (30 = macOS AF_INET6, 28 = FreeBSD's), DLT_LOOP's
  // in network order (24 = OpenBSD AF_INET6).
  out['null_le'] = f('null-le.pcap');
  writePcap(out['null_le'], 0, recs, false, family('le', 30));
  out['null_be'] = f('null-be.pcap');
  writePcap(out['null_be'], 0, recs, true, family('be', 28));
  out['loop'] = f('loop.pcap');
  writePcap(out['loop'], 108, recs, false, family('be', 24));
  out['vlan'] = f('vlan.pcap');
  writePcap(out['vlan'], 1, recs, false, vlan);
  out['ip_options'] = f('ip-options.pcap');
  writePcap(out['ip_options'], 1, recs, false, (d) => ipv6Extensions(ipv4Options(d)));
  // Two data segments of one direction swapped in place (times kept: the later one now comes first), and
  // one data segment removed: tshark calls them out of order and a gap (previous segment not captured).
  const data = recs.map((r, i) => ({ i, key: tcpKey(r.data) })).filter((x) => x.key !== undefined);
  // Two back-to-back data segments of one direction when the capture has them (it depends on timing: on
  // loopback each is often ACKed before the next), else the first two of one direction with only the
  // other direction's segments between (the keep-alive session's requests always give one).
  let [p, q] = [-1, -1];
  const adjacent = data.findIndex((x, j) => j + 1 < data.length && data[j + 1]!.i === x.i + 1 && data[j + 1]!.key === x.key);
  if (adjacent >= 0) [p, q] = [data[adjacent]!.i, data[adjacent + 1]!.i];
  for (let j = 0; p < 0 && j < data.length; j++) {
    const next = data.find((y, m) => m > j && y.key === data[j]!.key);
    if (next) [p, q] = [data[j]!.i, next.i];
  }
  if (p < 0) throw new Error('no two data segments one way');
  const swapped = recs.map((r, i) => (i === p ? { ...r, data: recs[q]!.data, orig: recs[q]!.orig } : i === q ? { ...r, data: recs[p]!.data, orig: recs[p]!.orig } : r));
  out['reordered'] = f('reordered.pcap');
  writePcap(out['reordered'], 1, swapped, false, same);
  out['gap'] = f('gap.pcap');
  writePcap(out['gap'], 1, recs.filter((_, i) => i !== p), false, same);
  out['crafted'] = f('crafted.pcap');
  writeCrafted(out['crafted']);
  out['gzip'] = f('lo.pcapng.gz');
  writeFileSync(out['gzip'], gzipSync(readFileSync(pcapng)));
  return out;
}

/**
 * Segments no loopback run makes on demand, written at chosen times (raw IPv4): a handshake whose RTT is
 * 20 ms (tshark's out-of-order threshold then), a gap, a segment 4 ms late (out of order under that
 * threshold, a retransmission under the 3 ms default), a window update beside a duplicate ACK, a zero
 * window and its probe.
 */
function writeCrafted(file: string): void {
  const C = [10, 0, 0, 1];
  const S = [10, 0, 0, 2];
  const seg = (us: number, up: boolean, flags: number, seq: number, ack: number, len: number, win = 512): Rec => {
    const d = Buffer.alloc(40 + len);
    d[0] = 0x45;
    d.writeUInt16BE(40 + len, 2);
    d[8] = 64;
    d[9] = 6;
    d.set(up ? C : S, 12);
    d.set(up ? S : C, 16);
    d.writeUInt16BE(up ? 1234 : 80, 20);
    d.writeUInt16BE(up ? 80 : 1234, 22);
    d.writeUInt32BE(seq, 24);
    d.writeUInt32BE(ack, 28);
    d[32] = 0x50;
    d[33] = flags;
    d.writeUInt16BE(win, 34);
    return { sec: 1_700_000_000 + Math.floor(us / 1e6), frac: us % 1e6, orig: d.length, data: d };
  };
  const [SYN, ACK, PA, FA] = [0x02, 0x10, 0x18, 0x11];
  const recs = [
    seg(0, true, SYN, 100, 0, 0),
    seg(10_000, false, SYN | ACK, 500, 101, 0),
    seg(20_000, true, ACK, 101, 501, 0),
    seg(21_000, true, PA, 101, 501, 100),
    seg(22_000, true, PA, 301, 501, 100), // 201..300 not yet seen: a gap
    seg(26_000, true, PA, 201, 501, 100), // 4 ms later, below the highest: out of order (RTT 20 ms)
    seg(27_000, false, ACK, 501, 201, 0),
    seg(27_100, false, ACK, 501, 201, 0, 1024), // same ack, new window: a window update
    seg(27_200, false, ACK, 501, 201, 0, 1024), // same ack, same window: a duplicate ACK
    seg(27_300, false, ACK, 501, 401, 0, 1024),
    seg(27_400, false, ACK, 501, 401, 0, 0), // zero window
    seg(30_000, true, PA, 401, 501, 1), // zero window probe
    seg(30_100, false, ACK, 501, 401, 0, 0),
    seg(50_000, false, ACK, 501, 402, 0, 1024),
    seg(50_100, true, FA, 402, 501, 0),
    seg(50_200, false, FA, 501, 403, 0),
    seg(50_300, true, ACK, 403, 502, 0),
  ];
  writePcap(file, 101, recs, false, (d) => d);
}
