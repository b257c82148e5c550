// `netkata tcp replay` on files whose contents the test knows: the simulator's captures (toPcap/toPcapng,
// checked against tshark in test/tcp/pcap.test.ts) and byte layouts written here from the format specs
// (libpcap's record header, draft-ietf-opsawg-pcapng blocks, RFC 791 fragments, RFC 8200 fragment
// headers). What comes out is held against the simulator's own run of the same scenario (the machine fed
// the capture ends where the simulated endpoints ended), against the layout the test wrote, and against
// the CLI conventions (one-line errors, exit 2). The real-traffic checks against tshark and the kernel
// are in replay-tshark.test.ts.
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { CaptureDecoder } from '../../src/replay/capture-decoder.js';
import type { DecodedSegment } from '../../src/replay/packet.js';
import { Replay } from '../../src/replay/replay.js';
import { parseTcpScenario } from '../../src/scenario/tcp.js';
import { toPcap, toPcapng } from '../../src/tcp/pcap.js';
import { Simulation } from '../../src/tcp/simulation.js';
import { displayWidth } from '../../src/text-width.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'netkata-replay-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const netkata = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'netkata.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 30_000 });

function simulate(name: string) {
  const file = join(root, 'scenarios', 'tcp', `${name}.yaml`);
  const scenario = parseTcpScenario(readFileSync(file, 'utf8'), file);
  const sim = new Simulation(scenario);
  const result = sim.run();
  return { sim, result, names: sim.endpointNames(), profile: sim.snapshot().profile };
}

function decode(bytes: Uint8Array, chunk = bytes.length): { segs: DecodedSegment[]; end: ReturnType<CaptureDecoder['end']> } {
  const segs: DecodedSegment[] = [];
  const d = new CaptureDecoder((s) => segs.push(s));
  for (let o = 0; o < bytes.length; o += chunk) d.push(bytes.subarray(o, o + chunk));
  return { segs, end: d.end() };
}

function replayOf(segs: readonly DecodedSegment[], profile: 'linux' | 'rfc9293') {
  const r = new Replay({ profile, keepRows: () => true, rowLimit: 1000 });
  for (const s of segs) r.push(s);
  return r.finish();
}

describe('the endpoint machine fed a simulated capture ends where the simulation ended', () => {
  // Lossless scenarios between two endpoints (a capture shows what was sent; a lost segment would be in
  // the file but never delivered).
  it.each(['normal-close', 'half-close', 'simultaneous-close', 'abort', 'close-unread-data', 'handshake'])('%s', (name) => {
    const { sim, result, names, profile } = simulate(name);
    expect(result.segments.some((s) => s.dropped)).toBe(false);
    const conns = replayOf(decode(toPcapng(result.segments, names)).segs, profile);
    expect(conns).toHaveLength(1);
    // The simulation runs its timers (TIME_WAIT's 2MSL ends in CLOSED); a capture shows no timer, so
    // each end is held against its state after its last transition not caused by a timer.
    const final: Record<string, string> = {};
    for (const t of sim.transitions()) if (!t.event.endsWith('_TIMEOUT')) final[t.endpoint] = t.to;
    // Endpoint i is 127.0.0.(i+1) (src/tcp/pcap.ts addressOf).
    const byAddress = (a: string) => final[names[Number(a.split(':')[0]!.split('.')[3]) - 1]!];
    expect(conns[0]!.states).toEqual([byAddress(conns[0]!.a), byAddress(conns[0]!.b)]);
    expect(conns[0]!.midStream).toBe(false);
  });

  it('a capture that starts after the handshake: both ends start in ESTABLISHED, said so, and end as the simulation did', () => {
    const { sim, result, names, profile } = simulate('normal-close');
    const cut = result.segments.slice(3); // SYN, SYN,ACK, ACK left out
    expect(result.segments.slice(0, 3).map((s) => s.flags)).toEqual(['SYN', 'SYN,ACK', 'ACK']);
    const [c] = replayOf(decode(toPcapng(cut, names)).segs, profile);
    expect(c!.midStream).toBe(true);
    expect(c!.rows![0]!.states.every((s) => s !== 'SYN_SENT' && s !== 'SYN_RECEIVED')).toBe(true);
    const final: Record<string, string> = {};
    for (const t of sim.transitions()) if (!t.event.endsWith('_TIMEOUT')) final[t.endpoint] = t.to;
    expect([...c!.states].sort()).toEqual(Object.values(final).sort());
    expect(c!.anomalies).toEqual({});
  });

  it('a capture whose data went unanswered by a retransmission: the connection timed out; its anomalies are counted', () => {
    const { result, names, profile } = simulate('lost-syn');
    const [c] = replayOf(decode(toPcapng(result.segments.slice(0, 2), names)).segs, profile);
    // Two SYNs and nothing back: the second is a retransmission and nobody answered.
    expect(c!.anomalies.retransmission).toBe(1);
    expect(c!.ended).toBe('timeout');
    expect(c!.states).toEqual(['SYN_SENT', null]);
  });
});

/** A classic pcap (little-endian, µs) of raw IPv4 packets: the layout of libpcap's savefile format. */
function pcapOf(packets: readonly Uint8Array[], link = 101): Uint8Array {
  const out = new Uint8Array(24 + packets.reduce((n, p) => n + 16 + p.length, 0));
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0xa1b2c3d4, true);
  dv.setUint16(4, 2, true);
  dv.setUint16(6, 4, true);
  dv.setUint32(16, 65535, true);
  dv.setUint32(20, link, true);
  let o = 24;
  packets.forEach((p, i) => {
    dv.setUint32(o, 1_700_000_000 + i, true);
    dv.setUint32(o + 8, p.length, true);
    dv.setUint32(o + 12, p.length, true);
    out.set(p, o + 16);
    o += 16 + p.length;
  });
  return out;
}

/** IPv4 (+ TCP header, 20 bytes, ports 1000 -> 2000) with the fragment field given. */
function ipv4Tcp(fragment: number, payload = 0): Uint8Array {
  const b = new Uint8Array(40 + payload);
  const dv = new DataView(b.buffer);
  b[0] = 0x45;
  dv.setUint16(2, b.length);
  dv.setUint16(6, fragment);
  b[9] = 6;
  b.set([10, 0, 0, 1, 10, 0, 0, 2], 12);
  dv.setUint16(20, 1000);
  dv.setUint16(22, 2000);
  dv.setUint32(24, 7);
  b[32] = 0x50;
  b[33] = 0x02;
  return b;
}

describe('a reset the machine sends itself is not an application abort', () => {
  // RFC 9293 3.10.7.3 (and freebsd-net/tcp-testsuite rcv-syn-ack-syn-sent-ack-outside-*, in
  // scenarios/tcp/conformance/): in SYN_SENT a SYN,ACK whose ACK is not acceptable is answered with
  // <SEQ=SEG.ACK><CTL=RST>, and the state stays SYN_SENT; the SYN is retransmitted later. That RST
  // carries no ACK, yet it answers the SYN,ACK: the capture must not read it as the application aborting.
  const seg = (frame: number, from: string, to: string, flags: number, seq: number, ack: number): DecodedSegment => ({ frame, sec: 1_700_000_000, nsec: frame * 1000, time: 0, from, to, flags, seq, ack, len: 0, window: 65535 });
  const [A, B] = ['10.0.0.1:40000', '10.0.0.2:80'];
  it.each(['linux', 'rfc9293'] as const)('%s: the client stays in SYN_SENT, no ABORT is inferred, and its retransmitted SYN follows', (profile) => {
    const [c] = replayOf([
      seg(1, A, B, 0x02, 1000, 0), // SYN, ISS 1000
      seg(2, B, A, 0x12, 7000, 5555), // SYN,ACK acknowledging what was never sent (SEG.ACK > SND.NXT)
      seg(3, A, B, 0x04, 5555, 0), // RST <SEQ=SEG.ACK>
      seg(4, A, B, 0x02, 1000, 0), // the SYN again
    ], profile);
    const rows = c!.rows!;
    expect(rows.flatMap((r) => r.calls)).not.toContain('a ABORT');
    expect(rows.map((r) => r.states[0])).toEqual(['SYN_SENT', 'SYN_SENT', 'SYN_SENT', 'SYN_SENT']);
    expect(c!.states[0]).toBe('SYN_SENT');
  });
});

describe('capture decoding from the format specs', () => {
  it('RFC 791: a fragment at offset 0 (MF set) carries the TCP header; one at offset > 0 does not', () => {
    const { segs } = decode(pcapOf([ipv4Tcp(0x2000, 8), ipv4Tcp(0x0003), ipv4Tcp(0x4000)]));
    expect(segs.map((s) => s.frame)).toEqual([1, 3]);
    expect(segs[0]).toMatchObject({ from: '10.0.0.1:1000', to: '10.0.0.2:2000', seq: 7, flags: 2, len: 8 });
  });

  it('RFC 8200: TCP after a fragment header is read when the fragment offset is 0, skipped otherwise', () => {
    const v6 = (offset: number) => {
      const b = new Uint8Array(40 + 8 + 20);
      const dv = new DataView(b.buffer);
      b[0] = 0x60;
      dv.setUint16(4, 28);
      b[6] = 44; // fragment header next
      b[23] = 1;
      b[39] = 2;
      b[40] = 6; // then TCP
      dv.setUint16(42, offset << 3);
      dv.setUint16(48, 1000);
      dv.setUint16(50, 2000);
      b[60] = 0x50;
      b[61] = 0x10;
      return b;
    };
    const { segs } = decode(pcapOf([v6(0), v6(5)]));
    expect(segs.map((s) => [s.frame, s.from, s.to, s.len])).toEqual([[1, '[::1]:1000', '[::2]:2000', 0]]);
  });

  it('pcapng: several interfaces, each with its own link type and if_tsresol (10^-3 and 2^-10), a Simple Packet Block, comments skipped', () => {
    const blocks: number[][] = [];
    const le32 = (v: number) => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, v >>> 24];
    const le16 = (v: number) => [v & 255, v >>> 8];
    const block = (type: number, body: number[]) => {
      const len = 12 + body.length;
      blocks.push([...le32(type), ...le32(len), ...body, ...le32(len)]);
    };
    const pad = (b: number[]) => [...b, ...new Array((4 - (b.length % 4)) % 4).fill(0)];
    block(0x0a0d0d0a, [...le32(0x1a2b3c4d), ...le16(1), ...le16(0), ...le32(0xffffffff), ...le32(0xffffffff)]);
    // Interface 0: Ethernet, if_tsresol 3 (ms). Interface 1: raw IP, if_tsresol 0x8a (2^-10 s).
    block(1, [...le16(1), 0, 0, ...le32(0), ...le16(9), ...le16(1), 3, 0, 0, 0, ...le16(0), ...le16(0)]);
    block(1, [...le16(101), 0, 0, ...le32(0), ...le16(9), ...le16(1), 0x8a, 0, 0, 0, ...le16(0), ...le16(0)]);
    const eth = [...new Array(12).fill(0), 0x08, 0x00, ...ipv4Tcp(0)];
    const ts0 = 1_700_000_000_123; // ms
    block(6, [...le32(0), ...le32(Math.floor(ts0 / 2 ** 32)), ...le32(ts0 >>> 0), ...le32(eth.length), ...le32(eth.length), ...pad(eth)]);
    block(0x0000000bad, []); // a block type netkata does not know: skipped by its length
    const ts1 = 1_700_000_001 * 1024 + 512; // 2^-10 s units: .5 s
    const raw = [...ipv4Tcp(0)];
    block(6, [...le32(1), ...le32(Math.floor(ts1 / 2 ** 32)), ...le32(ts1 >>> 0), ...le32(raw.length), ...le32(raw.length), ...pad(raw),
      ...le16(1), ...le16(5), ...[...'hello'].map((c) => c.charCodeAt(0)), 0, 0, 0, ...le16(0), ...le16(0)]);
    block(3, [...le32(eth.length), ...pad(eth)]); // SPB: interface 0, no timestamp
    const bytes = Uint8Array.from(blocks.flat());
    for (const chunk of [bytes.length, 7, 1]) {
      const { segs, end } = decode(bytes, chunk);
      expect(end).toEqual({ format: 'pcapng', frames: 3, truncatedBytes: 0 });
      expect(segs.map((s) => [s.frame, s.sec, s.nsec])).toEqual([[1, 1_700_000_000, 123_000_000], [2, 1_700_000_001, 500_000_000], [3, 0, 0]]);
    }
  });

  it('a record cut off by the end of the file is counted, not fatal, in pcap and pcapng, in any chunking', () => {
    const { result, names } = simulate('normal-close');
    for (const [bytes, first] of [[toPcap(result.segments, names), 24], [toPcapng(result.segments, names), 0]] as const) {
      const all = decode(bytes).segs;
      for (let cut = 1; cut < 40; cut += 6) { // within the last record (an ACK: 40 bytes of packet)
        const short = bytes.subarray(0, bytes.length - cut);
        const { segs, end } = decode(short, 13);
        expect(segs.length).toBe(all.length - 1);
        expect(end.truncatedBytes).toBeGreaterThan(0);
        // pcap: the 24-byte header, then 16 bytes + the IPv4 packet (20 + 20 + payload) per record.
        if (first === 24) expect(end.truncatedBytes).toBe(short.length - 24 - all.slice(0, -1).reduce((n, s) => n + 16 + 40 + s.len, 0));
      }
    }
  });

  it('random block bytes after a valid pcapng header: whole segments or an InputError, never another exception', () => {
    const { result, names } = simulate('handshake');
    const head = toPcapng(result.segments.slice(0, 1), names);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 1, max: 50 }), (tail, chunk) => {
      const bytes = new Uint8Array(head.length + tail.length);
      bytes.set(head);
      bytes.set(tail, head.length);
      try {
        decode(bytes, chunk);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
      }
    }), { numRuns: 2000, seed: 15 });
  });
});

describe('netkata tcp replay on the command line', () => {
  const { result, names } = simulate('normal-close');
  const pcapng = join(dir, 'normal-close.pcapng');
  writeFileSync(pcapng, toPcapng(result.segments, names));
  const two = join(dir, 'two.pcap');
  const other = simulate('abort');
  // Two connections: the second scenario's endpoints moved to other ports (+100) by rewriting TCP ports.
  const b = toPcap(other.result.segments, other.names);
  const dv = new DataView(b.buffer, b.byteOffset);
  for (let o = 24; o < b.length; o += 16 + dv.getUint32(o + 8, true)) {
    dv.setUint16(o + 16 + 20, dv.getUint16(o + 16 + 20) + 100);
    dv.setUint16(o + 16 + 22, dv.getUint16(o + 16 + 22) + 100);
  }
  writeFileSync(two, Buffer.concat([toPcap(result.segments, names), b.subarray(24)]));

  it('bad files: one line `netkata: <file>: <why>` and exit 2', () => {
    mkdirSync(join(dir, 'a-dir'));
    writeFileSync(join(dir, 'text.pcap'), 'hello, this is not a capture\n');
    writeFileSync(join(dir, 'empty.pcap'), '');
    const wifi = toPcap(result.segments, names);
    new DataView(wifi.buffer, wifi.byteOffset).setUint32(20, 105, true);
    writeFileSync(join(dir, 'wifi.pcap'), wifi);
    writeFileSync(join(dir, 'bad.gz'), gzipSync(Buffer.from('no capture in here')));
    const cases: [string, RegExp][] = [
      ['missing.pcap', /no such file/],
      ['a-dir', /directory/],
      ['text.pcap', /not a capture file/],
      ['empty.pcap', /empty/],
      ['wifi.pcap', /link type 105/],
      ['bad.gz', /not a capture file/],
    ];
    for (const [name, why] of cases) {
      const r = netkata(['tcp', 'replay', join(dir, name)]);
      expect(r.status, name).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^netkata: ${join(dir, name).replace(/[.]/g, '\\.')}: [^\\n]+\\n$`));
      expect(r.stderr).toMatch(why);
    }
  });

  it('a truncated last record and a cut gzip stream are reported, exit 0', () => {
    const bytes = readFileSync(pcapng);
    writeFileSync(join(dir, 'cut.pcapng'), bytes.subarray(0, bytes.length - 10));
    const r = netkata(['tcp', 'replay', join(dir, 'cut.pcapng'), '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { truncatedBytes: number; segments: number };
    expect(doc.segments).toBe(result.segments.length - 1);
    expect(doc.truncatedBytes).toBeGreaterThan(0);
    const gz = gzipSync(bytes);
    writeFileSync(join(dir, 'cut.pcapng.gz'), gz.subarray(0, gz.length - 30));
    const t = netkata(['tcp', 'replay', join(dir, 'cut.pcapng.gz')]);
    expect(t.status).toBe(0);
    expect(t.stdout).toMatch(/gzip stream ends early/);
  });

  it('summary first, then a ladder per connection; filters pick one; every line within 80 cells, in English and Chinese', () => {
    for (const lang of ['en', 'zh']) {
      const r = netkata(['--lang', lang, 'tcp', 'replay', two]);
      expect(r.status).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines.filter((l) => displayWidth(l) > 80)).toEqual([]);
      expect(lines.filter((l) => /^#\d/.test(l)).map((l) => l.slice(0, 2))).toEqual(['#0', '#1', '#0', '#1']);
      if (lang === 'zh') expect(r.stdout).toMatch(/连接/);
    }
    const port = JSON.parse(netkata(['tcp', 'replay', two, '--port', '40100', '--json']).stdout) as { connections: { id: number; rows: unknown[] }[] };
    expect(port.connections.map((c) => c.id)).toEqual([1]);
    expect(port.connections[0]!.rows).toHaveLength(other.result.segments.length);
    const host = JSON.parse(netkata(['tcp', 'replay', two, '--host', '127.0.0.1', '--connection', '0', '--json']).stdout) as { connections: { id: number }[] };
    expect(host.connections.map((c) => c.id)).toEqual([0]);
  });

  it('--mermaid draws one connection: a message per segment; with two matching it is a usage error', () => {
    const r = netkata(['tcp', 'replay', two, '--mermaid', '--connection', '0']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('sequenceDiagram');
    expect(r.stdout.match(/->>/g)).toHaveLength(result.segments.length);
    const both = netkata(['tcp', 'replay', two, '--mermaid']);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/^netkata: .*--mermaid draws one connection \(2 match\)/);
    const badConn = netkata(['tcp', 'replay', two, '--connection', 'x']);
    expect(badConn.status).toBe(2);
  });
});
