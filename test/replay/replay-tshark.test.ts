// netkata's capture reader, connections and anomalies against tshark, and final states against the
// kernel, on real loopback traffic (fixture.ts: curl and a Python http.server recorded by dumpcap in pcap
// and pcapng, on lo and on `any`; a request, keep-alive, an aborted transfer, IPv6, a 4-tuple used
// twice, a slow reader that closes its window; the same packets converted by editcap or rewritten by the
// test: other byte orders, nanoseconds, raw IP, BSD loopback, VLAN tags, IP options, IPv6 extension
// headers, a reordered pair, a removed segment, gzip) and on the simulator's lossy scenarios written as
// pcapng (tshark analyses those files on its own):
// - every TCP frame's fields as tshark reads them (number, time, addresses, ports, seq/ack raw, flags,
//   tcp.len, window);
// - tcp.stream per frame, and `-z conv,tcp` (endpoints, frames each way): the connections;
// - tcp.analysis.{retransmission (fast, spurious), out_of_order, lost_segment, duplicate_ack, zero_window};
// - `ss -tan` right after the traffic: the sockets the kernel still held are in the machine's final state.
// One tshark run per file. Skipped without dumpcap rights on lo, tshark, editcap, python3 or curl.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionTable } from '../../src/replay/connections.js';
import type { DecodedSegment } from '../../src/replay/packet.js';
import { readCapture } from '../../src/replay/read-capture.js';
import { Replay } from '../../src/replay/replay.js';
import { parseTcpScenario } from '../../src/scenario/tcp.js';
import { toPcapng } from '../../src/tcp/pcap.js';
import { Simulation } from '../../src/tcp/simulation.js';
import { CAN_CAPTURE, tsharkRead } from '../helpers/loopback-capture.js';
import { skipTitle } from '../helpers/skip-title.js';
import { makeFixture, type Fixture } from './fixture.js';

const WHY = 'dumpcap cannot capture on lo, or tshark/editcap/python3/curl missing';
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'netkata-replay-'));
const netkata = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'netkata.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });

const READ_FIELDS = ['frame.number', 'frame.time_epoch', 'ip.src', 'ipv6.src', 'tcp.srcport', 'ip.dst', 'ipv6.dst', 'tcp.dstport', 'tcp.seq_raw', 'tcp.ack_raw', 'tcp.flags', 'tcp.len', 'tcp.window_size_value'];
const FLAG_FIELDS = {
  retransmission: ['tcp.analysis.retransmission', 'tcp.analysis.fast_retransmission', 'tcp.analysis.spurious_retransmission'],
  'out-of-order': ['tcp.analysis.out_of_order'],
  'lost-segment': ['tcp.analysis.lost_segment'],
  'duplicate-ack': ['tcp.analysis.duplicate_ack'],
  'zero-window': ['tcp.analysis.zero_window'],
} as const;
const ALL_FIELDS = [...READ_FIELDS, 'tcp.stream', 'tcp.analysis.reused_ports', ...Object.values(FLAG_FIELDS).flat()];

let fx: Fixture;
const files: Record<string, string> = {};
const SCENARIOS = ['lost-syn', 'lost-syn-ack', 'lost-final-ack', 'reorder-and-duplicate', 'rto-estimation', 'straddle', 'window-limits-sender', 'keepalive-dead-peer', 'time-wait-new-syn', 'rst-in-window'];
beforeAll(async () => {
  if (!CAN_CAPTURE) return;
  fx = await makeFixture(dir);
  Object.assign(files, fx.real, fx.derived);
  for (const name of SCENARIOS) {
    const yaml = join(root, 'scenarios', 'tcp', `${name}.yaml`);
    const sim = new Simulation(parseTcpScenario(readFileSync(yaml, 'utf8'), yaml));
    const f = join(dir, `${name}.pcapng`);
    writeFileSync(f, toPcapng(sim.run().segments, sim.endpointNames()));
    files[`scenario:${name}`] = f;
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tshark = new Map<string, ReturnType<typeof tsharkRead>>();
/** tshark's reading of a file: every field the tests compare, one run per file. */
function theirs(name: string): ReturnType<typeof tsharkRead> {
  let t = tshark.get(name);
  if (!t) {
    t = tsharkRead(files[name]!, ALL_FIELDS);
    tshark.set(name, t);
  }
  return t;
}
const col = (f: string): number => ALL_FIELDS.indexOf(f);

async function segmentsOf(name: string): Promise<{ segs: DecodedSegment[]; truncatedBytes: number }> {
  const segs: DecodedSegment[] = [];
  const r = await readCapture(files[name]!, (s) => segs.push(s));
  return { segs, truncatedBytes: r.truncatedBytes };
}

/** `[::1]:80` / `::1:80` -> `::1 80` */
const norm = (e: string): string => {
  const i = e.lastIndexOf(':');
  return `${e.slice(0, i).replace(/^\[|\]$/g, '')} ${e.slice(i + 1)}`;
};
/** One conversation as an order-free key: the two ends sorted, each with the frames it sent. */
const convKey = (a: string, b: string, fromA: number, fromB: number): string =>
  [`${norm(a)} sent ${fromA}`, `${norm(b)} sent ${fromB}`].sort().join(' | ');
function tsharkConversations(conv: string): string[] {
  // "A <-> B   framesB->A bytes unit   framesA->B bytes unit   ..." ("<-" is B to A, "->" A to B)
  return conv.split('\n').flatMap((l) => {
    const m = /^(\S+)\s+<->\s+(\S+)\s+(\d+)\s+[\d,]+ \w+\s+(\d+)\s+/.exec(l);
    return m ? [convKey(m[1]!, m[2]!, Number(m[4]), Number(m[3]))] : [];
  }).sort();
}

const READ_NAMES = ['lo_pcap', 'lo_pcapng', 'sll', 'sll2', 'multi', 'nsec_pcap', 'pcapng_from_pcap', 'pcapng_be', 'pcap_be', 'raw', 'raw_be', 'ipv4', 'ipv6', 'null_le', 'null_be', 'loop', 'vlan', 'ip_options', 'gzip'];
const CONN_NAMES = ['lo_pcap', 'lo_pcapng', 'sll2', 'reordered', 'gap', 'gzip', 'crafted', ...SCENARIOS.map((s) => `scenario:${s}`)];

describe.skipIf(!CAN_CAPTURE)(skipTitle('capture reader vs tshark', !CAN_CAPTURE, WHY), () => {
  it.each(READ_NAMES)('%s: every TCP frame as tshark reads it (number, time, addresses, ports, seq/ack raw, flags, tcp.len, window)', async (name) => {
    const { segs, truncatedBytes } = await segmentsOf(name);
    const ours = segs.map((s) => [s.frame, `${s.sec}.${String(s.nsec).padStart(9, '0')}`, norm(s.from), norm(s.to), s.seq, s.ack, s.flags, s.len, s.window].join(' '));
    const expected = theirs(name).rows.map((f) => {
      const [frame, time, ip4s, ip6s, sport, ip4d, ip6d, dport, seq, ack, flags, len, win] = f;
      return [frame, time, `${ip4s || ip6s} ${sport}`, `${ip4d || ip6d} ${dport}`, seq, ack, Number(flags) & 0xff, len, win].join(' ');
    });
    expect(expected.length).toBeGreaterThan(10);
    expect(ours).toEqual(expected);
    expect(truncatedBytes).toBe(0);
  });

  it('the captures hold what the tests need: IPv4 and IPv6, a client RST, two interfaces', async () => {
    const { segs } = await segmentsOf('lo_pcapng');
    expect(segs.some((s) => s.from.startsWith('[::1]'))).toBe(true);
    expect(segs.some((s) => (s.flags & 0x04) !== 0)).toBe(true);
    expect(spawnSync('tshark', ['-r', files['multi']!, '-T', 'fields', '-e', 'frame.interface_id'], { encoding: 'utf8' }).stdout).toMatch(/^1$/m);
  });
});

describe.skipIf(!CAN_CAPTURE)(skipTitle('tcp replay vs tshark and the kernel', !CAN_CAPTURE, WHY), () => {
  it.each(CONN_NAMES)('%s: per frame, the connection (tcp.stream) and the anomalies (tcp.analysis flags) tshark finds', async (name) => {
    const table = new ConnectionTable();
    const ours = (await segmentsOf(name)).segs.map((s) => {
      const { conn, anomalies } = table.place(s);
      return `${s.frame} #${conn.id} ${anomalies.filter((a) => a !== 'rst').sort().join(',')}`;
    });
    const groups = Object.entries(FLAG_FIELDS);
    const expected = theirs(name).rows.map((f) => {
      const found = groups.filter(([, fields]) => fields.some((x) => f[col(x)] !== '')).map(([flag]) => flag);
      return `${f[col('frame.number')]} #${f[col('tcp.stream')]} ${found.sort().join(',')}`;
    });
    // The captures are made anew each run, by real programs: a disagreement is kept for a look (one loop
    // run in about forty had tshark call a segment a retransmission where the replay said out of order).
    const differs = ours.findIndex((o, i) => o !== expected[i]);
    let kept = '';
    if (differs !== -1 || ours.length !== expected.length) {
      kept = join(tmpdir(), `netkata-replay-tshark-failure-${process.pid}-${name.replace(/\W/g, '_')}${files[name]!.replace(/^.*?(\.pcap.*)$/, '$1')}`);
      copyFileSync(files[name]!, kept);
    }
    expect(ours, `capture kept at ${kept}; first difference at line ${differs + 1}`).toEqual(expected);
  });

  it.each(CONN_NAMES)('%s: the connections of `tshark -z conv,tcp` (endpoints, frames each way) are the replay\'s', async (name) => {
    const replay = new Replay({ profile: 'linux', keepRows: () => false, rowLimit: 0 });
    for (const s of (await segmentsOf(name)).segs) replay.push(s);
    const ours = replay.finish().map((c) => convKey(c.a, c.b, c.frames[0], c.frames[1])).sort();
    const expected = tsharkConversations(theirs(name).conv);
    expect(expected.length).toBeGreaterThan(0);
    expect(ours).toEqual(expected);
  });

  it('the checks are exercised: the captures hold every anomaly tshark names, and a reused 4-tuple', () => {
    const seen = new Set<string>();
    for (const name of CONN_NAMES) {
      for (const f of theirs(name).rows) {
        for (const [flag, fields] of Object.entries(FLAG_FIELDS)) if (fields.some((x) => f[col(x)] !== '')) seen.add(flag);
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(FLAG_FIELDS).sort());
    expect(theirs('lo_pcapng').rows.some((f) => f[col('tcp.analysis.reused_ports')] !== '')).toBe(true);
  });

  it('final states agree with the kernel: what `ss` still held after the traffic is the machine\'s state for that end', () => {
    const r = netkata(['tcp', 'replay', files['lo_pcapng']!, '--json']);
    const doc = JSON.parse(r.stdout) as { connections: { id: number; a: string; b: string; states: [string | null, string | null]; ended: string }[] };
    const kernelState = (local: string, peer: string): string | undefined => {
      const k = fx.kernel.filter((s) => norm(s.local) === norm(local) && norm(s.peer) === norm(peer));
      return k.length ? k.map((s) => s.state).join('/') : undefined;
    };
    const SS: Record<string, string> = { 'TIME-WAIT': 'TIME_WAIT', ESTAB: 'ESTABLISHED', 'CLOSE-WAIT': 'CLOSE_WAIT', 'FIN-WAIT-2': 'FIN_WAIT_2', 'LAST-ACK': 'LAST_ACK' };
    let compared = 0;
    // A 4-tuple used twice: the kernel's table holds its last use only.
    const last = new Map(doc.connections.map((c) => [`${norm(c.a)}|${norm(c.b)}`, c.id]));
    for (const c of doc.connections) {
      if (last.get(`${norm(c.a)}|${norm(c.b)}`) !== c.id) continue;
      for (const [me, peer, state] of [[c.a, c.b, c.states[0]], [c.b, c.a, c.states[1]]] as const) {
        const k = kernelState(me, peer);
        compared++;
        if (k === undefined) expect(['CLOSED', null], `${me} -> ${peer}`).toContain(state);
        else expect(SS[k] ?? k, `${me} -> ${peer}`).toBe(state);
      }
    }
    expect(compared).toBeGreaterThanOrEqual(10);
    expect(doc.connections.map((c) => c.ended)).toEqual(expect.arrayContaining(['fin', 'rst']));
  });
});
