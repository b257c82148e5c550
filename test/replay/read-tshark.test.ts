// netkata's capture reader against tshark, field for field, on real loopback traffic (curl and a Python
// http.server) recorded by dumpcap in pcap and pcapng, on lo and on `any` (Linux cooked v1, v2), and on
// the same packets converted by editcap or rewritten by the test (other byte orders, nanoseconds, raw IP,
// BSD loopback, VLAN tags, IPv4 options, IPv6 extension headers, gzip). Skipped without dumpcap rights
// on lo, tshark, editcap, python3 or curl.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCapture } from '../../src/replay/read-capture.js';
import type { DecodedSegment } from '../../src/replay/packet.js';
import { CAN_CAPTURE, tsharkFields } from '../helpers/loopback-capture.js';
import { skipTitle } from '../helpers/skip-title.js';
import { makeFixture, type Fixture } from './fixture.js';

const WHY = 'dumpcap cannot capture on lo, or tshark/editcap/python3/curl missing';
const dir = mkdtempSync(join(tmpdir(), 'netkata-replay-read-'));
let fx: Fixture;
beforeAll(async () => {
  if (CAN_CAPTURE) fx = await makeFixture(dir);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIELDS = ['frame.number', 'frame.time_epoch', 'ip.src', 'ipv6.src', 'tcp.srcport', 'ip.dst', 'ipv6.dst', 'tcp.dstport', 'tcp.seq_raw', 'tcp.ack_raw', 'tcp.flags', 'tcp.len', 'tcp.window_size_value'];

/** `[::1]:80` -> `::1 80` */
const hostPort = (a: string): string => {
  const i = a.lastIndexOf(':');
  return `${a.slice(0, i).replace(/^\[|\]$/g, '')} ${a.slice(i + 1)}`;
};
const ours = (s: DecodedSegment): string =>
  [s.frame, `${s.sec}.${String(s.nsec).padStart(9, '0')}`, hostPort(s.from), hostPort(s.to), s.seq, s.ack, s.flags, s.len, s.window].join(' ');
const theirs = (f: string[]): string => {
  const [frame, time, ip4s, ip6s, sport, ip4d, ip6d, dport, seq, ack, flags, len, win] = f;
  return [frame, time, `${ip4s || ip6s} ${sport}`, `${ip4d || ip6d} ${dport}`, seq, ack, Number(flags) & 0xff, len, win].join(' ');
};

async function readAll(file: string): Promise<{ segs: DecodedSegment[]; truncatedBytes: number }> {
  const segs: DecodedSegment[] = [];
  const r = await readCapture(file, (s) => segs.push(s));
  return { segs, truncatedBytes: r.truncatedBytes };
}

describe.skipIf(!CAN_CAPTURE)(skipTitle('capture reader vs tshark', !CAN_CAPTURE, WHY), () => {
  const names = ['lo_pcap', 'lo_pcapng', 'sll', 'sll2', 'multi', 'nsec_pcap', 'pcapng_from_pcap', 'pcapng_be', 'pcap_be', 'raw', 'raw_be', 'ipv4', 'ipv6', 'null_le', 'null_be', 'loop', 'vlan', 'ip_options', 'gzip'];
  it.each(names)('%s: every TCP frame as tshark reads it (number, time, addresses, ports, seq/ack raw, flags, tcp.len, window)', async (name) => {
    const file = fx.real[name] ?? fx.derived[name]!;
    const { segs, truncatedBytes } = await readAll(file);
    const expected = tsharkFields(file, FIELDS).map(theirs);
    expect(expected.length).toBeGreaterThan(10);
    expect(segs.map(ours)).toEqual(expected);
    expect(truncatedBytes).toBe(0);
  });

  it('the captures hold what the tests need: IPv4 and IPv6, a client RST, a 4-tuple used twice, two interfaces', async () => {
    const { segs } = await readAll(fx.real['lo_pcapng']!);
    expect(segs.some((s) => s.from.startsWith('[::1]'))).toBe(true);
    expect(segs.some((s) => (s.flags & 0x04) !== 0 && !s.from.endsWith(`:${segs[0]!.to.split(':')[1]}`))).toBe(true);
    const synKeys = segs.filter((s) => s.flags === 0x02).map((s) => `${s.from}>${s.to}`);
    expect(new Set(synKeys).size).toBeLessThan(synKeys.length);
    expect(tsharkFields(fx.real['multi']!, ['frame.interface_id']).some(([i]) => i === '1')).toBe(true);
  });
});
