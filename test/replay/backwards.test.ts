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

function ours(): string[] {
  const segs: DecodedSegment[] = [];
  const d = new CaptureDecoder((s) => segs.push(s));
  d.push(bytes);
  d.end();
  const table = new ConnectionTable();
  return segs.map((s) => table.place(s).anomalies.filter((a) => a === 'retransmission' || a === 'out-of-order').join(','));
}

const hasTshark = spawnSync('tshark', ['--version']).status === 0;

describe('time going back in a capture', () => {
  it('a segment stamped before the one that set nextseq is a retransmission, as tshark says', () => {
    expect(ours()).toEqual(TSHARK);
  });

  it.skipIf(!hasTshark)(skipTitle('tshark reads the same bytes the same way', !hasTshark, 'tshark not installed'), () => {
    const file = join(dir, 'back.pcap');
    writeFileSync(file, bytes);
    const r = spawnSync('tshark', ['-r', file, '-T', 'fields', '-e', 'tcp.analysis.retransmission', '-e', 'tcp.analysis.out_of_order'], { encoding: 'utf8' });
    const theirs = r.stdout.trimEnd().split('\n').map((l) => {
      const [re, ooo] = l.split('\t');
      return [re ? 'retransmission' : '', ooo ? 'out-of-order' : ''].filter(Boolean).join(',');
    });
    expect(theirs).toEqual(TSHARK);
  });
});
