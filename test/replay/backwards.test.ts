/**
 * A capture whose timestamps go back (two CPUs' packets on lo can be written out of time order): the
 * dissector compares time differences as unsigned 64-bit numbers (packet-tcp.c, tcp_analyze_sequence_number:
 * `guint64 t`), so a segment stamped before the one that set nextseq is never "within the first RTT": it is
 * a retransmission, not out of order. Independent source: tshark on the same bytes (when installed); the
 * expected flags below are what tshark 4.0 printed for them. A closing-loop run of npm test met this case.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConnectionTable } from '../../src/replay/connections.js';
import { CaptureDecoder } from '../../src/replay/capture-decoder.js';
import type { DecodedSegment } from '../../src/replay/packet.js';
import { skipTitle } from '../helpers/skip-title.js';

const dir = mkdtempSync(join(tmpdir(), 'netkata-backwards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A classic pcap (Ethernet, IPv4) of [µs since t0, from client?, flags, seq, ack, payload length]. */
function pcap(rows: readonly [number, boolean, number, number, number, number][]): Buffer {
  const t0 = 1_700_000_000_000_000;
  const recs = rows.map(([us, up, flags, seq, ack, len]) => {
    const caplen = 14 + 20 + 20 + len;
    const b = Buffer.alloc(16 + caplen);
    const t = t0 + us;
    b.writeUInt32LE(Math.floor(t / 1e6), 0);
    b.writeUInt32LE(t % 1e6, 4);
    b.writeUInt32LE(caplen, 8);
    b.writeUInt32LE(caplen, 12);
    b.writeUInt16BE(0x0800, 16 + 12);
    const ip = 16 + 14;
    b[ip] = 0x45;
    b.writeUInt16BE(40 + len, ip + 2);
    b[ip + 8] = 64;
    b[ip + 9] = 6;
    b.writeUInt32BE(up ? 0x0a000001 : 0x0a000002, ip + 12);
    b.writeUInt32BE(up ? 0x0a000002 : 0x0a000001, ip + 16);
    const tcp = ip + 20;
    b.writeUInt16BE(up ? 40000 : 80, tcp);
    b.writeUInt16BE(up ? 80 : 40000, tcp + 2);
    b.writeUInt32BE(seq, tcp + 4);
    b.writeUInt32BE(ack, tcp + 8);
    b[tcp + 12] = 0x50;
    b[tcp + 13] = flags;
    b.writeUInt16BE(65000, tcp + 14);
    return b;
  });
  const head = Buffer.alloc(24);
  head.writeUInt32LE(0xa1b2c3d4, 0);
  head.writeUInt16LE(2, 4);
  head.writeUInt16LE(4, 6);
  head.writeUInt32LE(65535, 16);
  head.writeUInt32LE(1, 20);
  return Buffer.concat([head, ...recs]);
}

const SYN = 2;
const ACK = 16;
const PSH = 8;
const bytes = pcap([
  [0, true, SYN, 1000, 0, 0],
  [100, false, SYN | ACK, 5000, 1001, 0],
  [200, true, ACK, 1001, 5001, 0], // first RTT: 200 µs
  [10_000, true, PSH | ACK, 1001, 5001, 100],
  [10_500, true, PSH | ACK, 1101, 5001, 100], // nextseq 1201, at 10.5 ms
  [10_400, true, PSH | ACK, 1001, 5001, 100], // the first again, stamped 0.1 ms *before* that
  [10_600, true, PSH | ACK, 1101, 5001, 100], // the second again, 0.1 ms after
]);
/** What `tshark -T fields -e tcp.analysis.retransmission -e tcp.analysis.out_of_order` printed for these frames. */
const TSHARK = ['', '', '', '', '', 'retransmission', 'retransmission'];

function ours(capture: Buffer = bytes): string[] {
  const segs: DecodedSegment[] = [];
  const d = new CaptureDecoder((s) => segs.push(s));
  d.push(capture);
  d.end();
  const table = new ConnectionTable();
  return segs.map((s) => table.place(s).anomalies.filter((a) => a === 'retransmission' || a === 'out-of-order').join(','));
}

const hasTshark = spawnSync('tshark', ['--version']).status === 0;

/** tshark's retransmission (plain, fast or spurious) and out-of-order flags for each frame of `capture`. */
function theirs(capture: Buffer, name: string): string[] {
  const file = join(dir, name);
  writeFileSync(file, capture);
  const fields = ['tcp.analysis.retransmission', 'tcp.analysis.fast_retransmission', 'tcp.analysis.spurious_retransmission', 'tcp.analysis.out_of_order'];
  const r = spawnSync('tshark', ['-r', file, '-T', 'fields', ...fields.flatMap((f) => ['-e', f])], { encoding: 'utf8' });
  return r.stdout.trimEnd().split('\n').map((l) => {
    const [re, fast, spurious, ooo] = l.split('\t');
    return [re || fast || spurious ? 'retransmission' : '', ooo ? 'out-of-order' : ''].filter(Boolean).join(',');
  });
}

describe('time going back in a capture', () => {
  it('a segment stamped before the one that set nextseq is a retransmission, as tshark says', () => {
    expect(ours()).toEqual(TSHARK);
  });

  it.skipIf(!hasTshark)(skipTitle('tshark reads the same bytes the same way', !hasTshark, 'tshark not installed'), () => {
    expect(theirs(bytes, 'back.pcap')).toEqual(TSHARK);
  });
});

// Data the other side has already acknowledged, sent again soon after the highest segment: Wireshark
// 4.0's tcp_analyze_sequence_number checks "spurious retransmission" (seq + len <= the reverse
// direction's last ACK) before fast retransmission and out of order, so it is a retransmission however
// soon it came; a duplicate not yet acknowledged, as soon, is out of order. A closing-loop run of npm
// test met the first on lo: a duplicate 26 us after nextseq moved, under a 41 us first RTT, which tshark
// called a spurious retransmission and the replay out of order.
const acked = pcap([
  [0, true, SYN, 1000, 0, 0],
  [100, false, SYN | ACK, 5000, 1001, 0],
  [200, true, ACK, 1001, 5001, 0], // first RTT: 200 µs
  [10_000, true, PSH | ACK, 1001, 5001, 100],
  [10_050, true, PSH | ACK, 1101, 5001, 100], // nextseq 1201, at 10.05 ms
  [10_060, true, PSH | ACK, 1001, 5001, 100], // the first again, 10 µs later, not yet acknowledged
  [10_080, false, ACK, 5001, 1201, 0], // both acknowledged
  [10_100, true, PSH | ACK, 1001, 5001, 100], // the first again, 50 µs after nextseq moved, acknowledged
]);
/** What tshark 4.0 printed for these frames (tcp.analysis.retransmission/spurious_retransmission, out_of_order). */
const TSHARK_ACKED = ['', '', '', '', '', 'out-of-order', '', 'retransmission'];

describe('data already acknowledged, sent again within the first RTT', () => {
  it('is a retransmission (spurious), where an unacknowledged duplicate is out of order, as tshark says', () => {
    expect(ours(acked)).toEqual(TSHARK_ACKED);
  });

  it.skipIf(!hasTshark)(skipTitle('tshark reads the same bytes the same way', !hasTshark, 'tshark not installed'), () => {
    expect(theirs(acked, 'acked.pcap')).toEqual(TSHARK_ACKED);
  });
});
