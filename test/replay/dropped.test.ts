// `netkata tcp replay` of a capture netkata wrote itself (`tcp run --pcap`): a segment whose pcapng packet
// comment starts with `netkata: DROPPED` was sent and never delivered, so its sender's machine is fed it
// and its receiver's is not. Held against three sources that are not the replay:
// - the simulator's own run of every built-in scenario that drops segments (round trip: the states the
//   run went through, from its transitions and its per-segment records, are the states the replay shows);
// - RFC 9293's text, for captures written here byte by byte from the pcapng spec (draft-ietf-opsawg-pcapng:
//   SHB, IDB, EPB with opt_comment), with no simulator involved;
// - tshark, which reads the comments of those files as they were written (skipped without tshark).
// Any other comment ("DROPPED" alone, "hello", netkata's DUPLICATED) leaves the segment delivered.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderLadder, renderMermaid } from '../../src/cli/render/tcp-replay.js';
import { replay as en } from '../../src/i18n/en/replay.js';
import { replay as zh } from '../../src/i18n/zh/replay.js';
import { CaptureDecoder } from '../../src/replay/capture-decoder.js';
import type { DecodedSegment } from '../../src/replay/packet.js';
import { Replay, type ConnectionReport, type EndState } from '../../src/replay/replay.js';
import { parseTcpScenario } from '../../src/scenario/tcp.js';
import { toPcapng } from '../../src/tcp/pcap.js';
import type { ProfileName } from '../../src/tcp/profile.js';
import { Simulation } from '../../src/tcp/simulation.js';
import { ladderSegments } from '../../src/ui/traffic/capture-session.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'netkata-replay-dropped-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const netkata = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'netkata.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
const hasTshark = spawnSync('tshark', ['--version'], { stdio: 'ignore' }).status === 0;

function decode(bytes: Uint8Array): DecodedSegment[] {
  const segs: DecodedSegment[] = [];
  const d = new CaptureDecoder((s) => segs.push(s));
  d.push(bytes);
  d.end();
  return segs;
}

function replayOf(bytes: Uint8Array, profile: ProfileName): ConnectionReport[] {
  const r = new Replay({ profile, keepRows: () => true, rowLimit: 100_000 });
  for (const s of decode(bytes)) r.push(s);
  return r.finish();
}

/** Consecutive repeats and unknown states (null) left out: the states an end went through, in order. */
const collapse = <T>(xs: readonly (T | null | undefined)[]): T[] =>
  xs.filter((x, i): x is T => x !== null && x !== undefined && x !== xs[i - 1]);

// ---------------------------------------------------------------------------------------------------
// Round trip: every built-in scenario that drops segments, run, written as `tcp run --pcap` writes it,
// replayed.

const SCENARIO_DIR = join(root, 'scenarios', 'tcp');

function simulate(name: string) {
  const file = join(SCENARIO_DIR, `${name}.yaml`);
  const scenario = parseTcpScenario(readFileSync(file, 'utf8'), file);
  const sim = new Simulation(scenario);
  const result = sim.run();
  return { scenario, sim, result, names: sim.endpointNames(), snap: sim.snapshot() };
}

/** The built-in scenarios with a step that loses segments: `drop` (on the link) or `crash` (at a down host). */
const LOSSY = readdirSync(SCENARIO_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -'.yaml'.length))
  .filter((name) => {
    const file = join(SCENARIO_DIR, `${name}.yaml`);
    return parseTcpScenario(readFileSync(file, 'utf8'), file).steps.some((s) => 'drop' in s || 'crash' in s);
  })
  .sort();

/**
 * Where a capture cannot tell what the run knew, the end it cannot tell about is left out (the other is
 * still compared). Neither has anything to do with the lost segment:
 * - crash-and-reboot: the server's host crashes and comes back listening; the capture shows no crash,
 *   so the replay's server is still the connection's socket (ESTABLISHED, then CLOSED by its own RST)
 *   where the run's `server` is the new listener (LISTEN).
 * - send-close-in-syn-received: the server's SEND and CLOSE were called in SYN_RECEIVED and queued
 *   (RFC 9293 3.10.2, 3.10.4); a capture shows them only when their segments leave, after ESTABLISHED,
 *   so the replay shows the ESTABLISHED the run passed through inside one event.
 */
const ONLY_CLIENT: Record<string, string> = {
  'crash-and-reboot': 'a host crash is not in a capture',
  'send-close-in-syn-received': 'calls queued in SYN_RECEIVED show only when their segments leave',
};

/** Each end's report column: endpoint i of the run is 127.0.0.(i+1) (src/tcp/pcap.ts addressOf). */
function columns(c: ConnectionReport, names: readonly string[]): [string, string] {
  const nameOf = (address: string) => names[Number(address.split(':')[0]!.split('.')[3]) - 1]!;
  return [nameOf(c.a), nameOf(c.b)];
}

describe('round trip: tcp run --pcap, then tcp replay of that file, shows the states of the run', () => {
  it('the lossy built-in scenarios are found, and each of them loses segments', () => {
    expect(LOSSY.length).toBeGreaterThanOrEqual(10);
    expect(LOSSY).toEqual(expect.arrayContaining(['lost-syn', 'lost-syn-ack', 'lost-third-ack', 'lost-final-ack', 'keepalive-dead-peer', ...Object.keys(ONLY_CLIENT)]));
    for (const name of LOSSY) expect(simulate(name).result.segments.some((s) => s.dropped), name).toBe(true);
  });

  // Each end's states from the run's transitions (sim.transitions(): every state change of a named
  // endpoint, in the run's single order of events), over the part of the run the capture covers: from
  // when its first segment had its effect (delivered: its receiver's state after it, or, lost: its
  // sender's after sending it) to when the last one had. A change before that (CLOSED -> LISTEN at
  // `listen`) or after it caused by a timer or a call that sent nothing (TIME_WAIT -> CLOSED after 2MSL,
  // a keep-alive or user timeout) has no segment in the file. The replay's: each end's state on its
  // ladder rows, in order.
  it.each(LOSSY)('%s: each end goes through the same states in the replay as in the run', (name) => {
    const { sim, result, names, snap } = simulate(name);
    const [c, ...more] = replayOf(toPcapng(result.segments, names), snap.profile);
    expect(more).toEqual([]);
    const recs = snap.segments;
    const transitions = sim.transitions();
    // When a segment had its effect: its arrival, or, dropped, its sending (the run's event order).
    const settled = (r: (typeof recs)[number]) => (r.dropped ? r.order : r.arrivalOrder!);
    const first = recs[0]!;
    const last = Math.max(...recs.map(settled));
    const before = (ep: string, order: number): string => {
      const mine = transitions.filter((t) => t.endpoint === ep);
      return mine.filter((t) => t.order < order).at(-1)?.to ?? mine[0]!.from;
    };
    const cols = columns(c!, names);
    for (const [i, ep] of cols.entries()) {
      if (ONLY_CLIENT[name] && ep !== 'client') continue;
      // Its state once the first segment had its effect.
      const head = first.dropped
        ? (ep === first.from ? first.fromState : before(ep, first.order))
        : (ep === first.to ? first.toState! : before(ep, first.arrivalOrder!));
      // Later changes up to the last segment's effect: a SEGMENT event after it is the last arrival's;
      // an event that sent the last segment is the one with that segment among those it sent (they come
      // just before it in the order).
      const later = transitions.filter((t) => t.endpoint === ep && t.order > settled(first) && (t.order < last || t.event === 'SEGMENT' || t.order - t.sent <= last));
      const run = collapse([head, ...later.map((t) => t.to)]);
      const replayed = collapse(c!.rows!.map((r) => r.states[i]));
      expect(replayed, `${name}: ${ep}`).toEqual(run);
    }
  });

  // Finer: both ends' states on every row, against the run's states at the moment that segment had its
  // effect (the run's per-segment records: the sender's state after sending it, the receiver's after
  // taking it; the other end's from the transitions before that moment).
  it.each(LOSSY)('%s: on every segment, both ends are in the states the run had when it arrived (or, lost, when it left)', (name) => {
    const { sim, result, names, snap } = simulate(name);
    const [c] = replayOf(toPcapng(result.segments, names), snap.profile);
    const transitions = sim.transitions();
    const before = (ep: string, order: number): string => {
      const mine = transitions.filter((t) => t.endpoint === ep);
      return mine.filter((t) => t.order < order).at(-1)?.to ?? mine[0]!.from;
    };
    const cols = columns(c!, names);
    const keep = cols.map((ep) => !ONLY_CLIENT[name] || ep === 'client');
    expect(c!.rows).toHaveLength(snap.segments.length);
    const expected = snap.segments.map((r) => cols.map((ep, i) => {
      if (!keep[i]) return '-';
      if (r.dropped) return ep === r.from ? r.fromState : before(ep, r.order);
      return ep === r.to ? r.toState : before(ep, r.arrivalOrder!);
    }));
    const actual = c!.rows!.map((row) => row.states.map((s, i) => (keep[i] ? s : '-')));
    expect(actual).toEqual(expected);
    // And the lost ones are the ones marked, counted on the connection.
    expect(c!.rows!.map((row) => row.dropped === true)).toEqual(snap.segments.map((r) => r.dropped));
    expect(c!.dropped).toBe(snap.segments.filter((r) => r.dropped).length);
  });

  it('through the built CLI: tcp run lost-syn --json --pcap, tcp replay --json and text, agree with the run', () => {
    const file = join(dir, 'lost-syn.pcapng');
    const ran = netkata(['tcp', 'run', 'lost-syn', '--json', '--pcap', file]);
    expect(ran.status, ran.stderr).toBe(0);
    const run = JSON.parse(ran.stdout) as {
      profile: ProfileName;
      steps: { at: number; states: Record<string, string> }[];
      segments: { at: number; from: string; dropped: boolean; arrivedAt?: number }[];
      final: Record<string, string>;
    };
    const replayed = netkata(['tcp', 'replay', file, '--json', '--profile', run.profile]);
    expect(replayed.status, replayed.stderr).toBe(0);
    const doc = JSON.parse(replayed.stdout) as { connections: (ConnectionReport & { rows: { sec: number; nsec: number; states: [EndState, EndState]; dropped?: boolean }[] })[] };
    const [c] = doc.connections;
    // a sent the first segment: the run's `from` of it; b is the other.
    const a = run.segments[0]!.from;
    const b = Object.keys(run.final).find((n) => n !== a)!;
    expect(c!.states).toEqual([run.final[a], run.final[b]]);
    // The run's states after each step, at a moment when no segment is in flight (each one sent by then
    // has arrived or was lost), after the first segment: the replay's last row by then shows the same.
    const t0 = run.segments[0]!.at;
    const quiet = run.steps.filter((s) => s.at > t0 && run.segments.every((g) => g.at > s.at || g.dropped || g.arrivedAt! <= s.at));
    expect(quiet.length).toBeGreaterThan(0);
    for (const step of quiet) {
      const last = c!.rows.filter((r) => r.sec * 1000 + r.nsec / 1e6 <= step.at).at(-1)!;
      expect(last.states, `at ${step.at} ms`).toEqual([step.states[a], step.states[b]]);
    }
    expect(c!.rows.map((r) => r.dropped ?? false)).toEqual(run.segments.map((s) => s.dropped));
    expect(c!.dropped).toBe(1);
    // The text: the lost SYN drawn as the simulator draws one (no arrowhead, `X lost`), the server still
    // listening; the summary counts it.
    const text = netkata(['tcp', 'replay', file, '--profile', run.profile]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^ {2}0\.000000 {2}SYN_SENT {5}--- SYN seq=0 -+ X lost {2}LISTEN$/m);
    expect(text.stdout).toMatch(/^ {2}1\.000000 {2}SYN_SENT {5}--> SYN seq=0 +SYN_RECEIVED$/m);
    expect(text.stdout).toContain(`    ${en.dropped(1)}`);
  });
});

// ---------------------------------------------------------------------------------------------------
// Captures written here from the pcapng spec, no simulator: the handshake of RFC 9293 figure 6 (ISNs
// 100 and 300) between 10.0.0.1 and 10.0.0.2, with a segment lost.

const SYN = 0x02;
const ACK = 0x10;

interface Packet {
  /** Microseconds since the epoch. */
  readonly us: number;
  readonly up: boolean; // client -> server
  readonly flags: number;
  readonly seq: number;
  readonly ack: number;
  /** opt_comment options of its EPB, in order. */
  readonly comments?: readonly string[];
}

/** IPv4 + TCP (no options, no payload) from 10.0.0.1:`port` to 10.0.0.2:80 or back. */
function ipv4Tcp(p: Packet, port: number): Buffer {
  const d = Buffer.alloc(40);
  d[0] = 0x45;
  d.writeUInt16BE(40, 2);
  d[8] = 64;
  d[9] = 6;
  d.set(p.up ? [10, 0, 0, 1] : [10, 0, 0, 2], 12);
  d.set(p.up ? [10, 0, 0, 2] : [10, 0, 0, 1], 16);
  d.writeUInt16BE(p.up ? port : 80, 20);
  d.writeUInt16BE(p.up ? 80 : port, 22);
  d.writeUInt32BE(p.seq, 24);
  d.writeUInt32BE(p.ack, 28);
  d[32] = 5 << 4;
  d[33] = p.flags;
  d.writeUInt16BE(65535, 34);
  return d;
}

const pad4 = (n: number): number => (n + 3) & ~3;

/**
 * One pcapng section (draft-ietf-opsawg-pcapng 4.1-4.3) in the byte order asked for: a Section Header
 * Block, an Interface Description Block (LINKTYPE_RAW, microseconds) and an Enhanced Packet Block per
 * packet, each comment an opt_comment (code 1, UTF-8, padded to 32 bits), then opt_endofopt.
 */
function section(le: boolean, connections: readonly { port: number; packets: readonly Packet[] }[]): Buffer {
  const u16 = (b: Buffer, v: number, o: number) => (le ? b.writeUInt16LE(v, o) : b.writeUInt16BE(v, o));
  const u32 = (b: Buffer, v: number, o: number) => (le ? b.writeUInt32LE(v, o) : b.writeUInt32BE(v, o));
  const shb = Buffer.alloc(28);
  u32(shb, 0x0a0d0d0a, 0);
  u32(shb, 28, 4);
  u32(shb, 0x1a2b3c4d, 8);
  u16(shb, 1, 12);
  u16(shb, 0, 14);
  shb.fill(0xff, 16, 24); // section length: -1, not given
  u32(shb, 28, 24);
  const idb = Buffer.alloc(20);
  u32(idb, 1, 0);
  u32(idb, 20, 4);
  u16(idb, 101, 8); // LINKTYPE_RAW
  u32(idb, 0, 12); // no snap length
  u32(idb, 20, 16);
  const blocks = [shb, idb];
  // Packets of all connections in time order.
  const all = connections.flatMap((c) => c.packets.map((p) => ({ p, port: c.port }))).sort((x, y) => x.p.us - y.p.us);
  for (const { p, port } of all) {
    const data = ipv4Tcp(p, port);
    const opts = (p.comments ?? []).map((c) => {
      const text = Buffer.from(c, 'utf8');
      const o = Buffer.alloc(4 + pad4(text.length));
      u16(o, 1, 0);
      u16(o, text.length, 2);
      text.copy(o, 4);
      return o;
    });
    const options = opts.length ? Buffer.concat([...opts, Buffer.alloc(4)]) : Buffer.alloc(0);
    const len = 28 + pad4(data.length) + options.length + 4;
    const epb = Buffer.alloc(len);
    u32(epb, 6, 0);
    u32(epb, len, 4);
    u32(epb, 0, 8);
    u32(epb, Math.floor(p.us / 2 ** 32), 12);
    u32(epb, p.us % 2 ** 32, 16);
    u32(epb, data.length, 20);
    u32(epb, data.length, 24);
    data.copy(epb, 28);
    options.copy(epb, 28 + pad4(data.length));
    u32(epb, len, len - 4);
    blocks.push(epb);
  }
  return Buffer.concat(blocks);
}

const T0 = 1_700_000_000_000_000; // µs

/** RFC 9293 figure 6 with the client's first SYN lost: its retransmission 1 s later opens the connection. */
const lostSyn = (comments: readonly string[], t0 = T0): Packet[] => [
  { us: t0, up: true, flags: SYN, seq: 100, ack: 0, comments },
  { us: t0 + 1_000_000, up: true, flags: SYN, seq: 100, ack: 0 },
  { us: t0 + 1_010_000, up: false, flags: SYN | ACK, seq: 300, ack: 101 },
  { us: t0 + 1_020_000, up: true, flags: ACK, seq: 101, ack: 301 },
];

/** The same handshake with the third segment (the client's ACK) lost: the server repeats its SYN,ACK. */
const lostThirdAck = (comments: readonly string[]): Packet[] => [
  { us: T0, up: true, flags: SYN, seq: 100, ack: 0 },
  { us: T0 + 10_000, up: false, flags: SYN | ACK, seq: 300, ack: 101 },
  { us: T0 + 20_000, up: true, flags: ACK, seq: 101, ack: 301, comments },
  { us: T0 + 1_010_000, up: false, flags: SYN | ACK, seq: 300, ack: 101 },
  { us: T0 + 1_020_000, up: true, flags: ACK, seq: 101, ack: 301 },
];

const NETKATA_LINK = 'netkata: DROPPED (link): sent, never delivered';
const NETKATA_HOST = 'netkata: DROPPED (host down): sent, never delivered';

describe('RFC 9293: a lost segment changes nothing at the end it never reached', () => {
  // RFC 9293 3.10.1 (OPEN, CLOSED state): "If passive, enter the LISTEN state and return. ... issue a SYN
  // segment. ... Set SND.UNA to ISS, SND.NXT to ISS+1, enter SYN-SENT state, and return."
  // 3.3.2: LISTEN "represents waiting for a connection request from any remote TCP peer and port";
  // SYN-SENT "represents waiting for a matching connection request after having sent a connection
  // request". Only an arriving SYN moves a listener, 3.10.7.2 (LISTEN, "Third, check for a SYN"): "ISS
  // should be selected and a SYN segment sent of the form: <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK> ... The
  // connection state should be changed to SYN-RECEIVED." So a lost SYN leaves the client in SYN-SENT and
  // the server in LISTEN until the retransmitted SYN arrives; then SYN-RECEIVED; the SYN,ACK moves the
  // client to ESTABLISHED (3.10.7.3, fourth: "If SND.UNA > ISS (our SYN has been ACKed), change the
  // connection state to ESTABLISHED") and the ACK the server (3.10.7.4, fifth, SYN-RECEIVED: "If
  // SND.UNA < SEG.ACK =< SND.NXT, then enter ESTABLISHED state").
  it.each(['rfc9293', 'linux'] as const)('a lost SYN (%s profile): client SYN_SENT, server LISTEN, until the retransmitted SYN arrives', (profile) => {
    const [c] = replayOf(section(true, [{ port: 1234, packets: lostSyn([NETKATA_LINK]) }]), profile);
    expect(c!.rows!.map((r) => r.states)).toEqual([
      ['SYN_SENT', 'LISTEN'], // the SYN, lost
      ['SYN_SENT', 'SYN_RECEIVED'], // its retransmission, which arrives
      ['ESTABLISHED', 'SYN_RECEIVED'],
      ['ESTABLISHED', 'ESTABLISHED'],
    ]);
    expect(c!.rows!.map((r) => r.dropped === true)).toEqual([true, false, false, false]);
    expect(c!.dropped).toBe(1);
    expect(c!.rows![0]!.calls).toEqual(['a ACTIVE_OPEN', 'b PASSIVE_OPEN']);
    expect(c!.rows![1]!.anomalies).toEqual(['retransmission']);
  });

  // 3.3.2: SYN-RECEIVED "represents waiting for a confirming connection request acknowledgment after
  // having both received and sent a connection request": without the third segment the server stays
  // there (the client is ESTABLISHED since the SYN,ACK, 3.10.7.3); its repeated SYN,ACK and the ACK that
  // answers it (this one arrives) bring it to ESTABLISHED (3.10.7.4, fifth).
  it('a lost third ACK: the server stays SYN_RECEIVED until an ACK arrives', () => {
    const [c] = replayOf(section(true, [{ port: 1234, packets: lostThirdAck([NETKATA_LINK]) }]), 'rfc9293');
    expect(c!.rows!.map((r) => r.states)).toEqual([
      ['SYN_SENT', 'SYN_RECEIVED'],
      ['ESTABLISHED', 'SYN_RECEIVED'],
      ['ESTABLISHED', 'SYN_RECEIVED'], // the ACK, lost
      ['ESTABLISHED', 'SYN_RECEIVED'],
      ['ESTABLISHED', 'ESTABLISHED'],
    ]);
    expect(c!.rows!.map((r) => r.dropped === true)).toEqual([false, false, true, false, false]);
  });
});

describe('only netkata\'s own drop comment counts', () => {
  // Each variant is the lost-SYN capture with these comments on its first SYN, on its own client port.
  const VARIANTS: { comments: string[]; dropped: boolean; be?: boolean }[] = [
    { comments: [NETKATA_LINK], dropped: true },
    { comments: [NETKATA_HOST], dropped: true },
    { comments: ['netkata: DROPPED'], dropped: true }, // the prefix alone
    { comments: ['hello', NETKATA_LINK], dropped: true }, // the second of two comments
    { comments: [NETKATA_LINK], dropped: true, be: true }, // a big-endian section
    { comments: [], dropped: false },
    { comments: ['DROPPED'], dropped: false },
    { comments: ['hello'], dropped: false },
    { comments: ['netkata: DUPLICATED: the link delivered this segment twice'], dropped: false },
    { comments: ['netkata: dropped (link): sent, never delivered'], dropped: false }, // another case
    { comments: [' netkata: DROPPED (link)'], dropped: false }, // not at the start
    { comments: ['netkata: DROPPE'], dropped: false },
    { comments: ['Netkata: DROPPED (link)'], dropped: false },
    { comments: ['hello'], dropped: false, be: true },
  ];
  const portOf = (i: number) => 2000 + i;
  const conns = VARIANTS.map((v, i) => ({ v, port: portOf(i), packets: lostSyn(v.comments, T0 + i * 10_000_000) }));
  // Two sections in one file: little-endian, then big-endian (each with its own interface).
  const file = join(dir, 'comments.pcapng');
  writeFileSync(file, Buffer.concat([section(true, conns.filter((c) => !c.v.be)), section(false, conns.filter((c) => c.v.be))]));

  it.skipIf(!hasTshark)('tshark reads the file as written: every packet, and each comment on its SYN (needs tshark)', () => {
    const out = execFileSync('tshark', ['-r', file, '-T', 'fields', '-E', 'separator=|', '-e', 'tcp.srcport', '-e', 'tcp.flags', '-e', 'frame.comment'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const rows = out.replace(/\n$/, '').split('\n').map((l) => l.split('|'));
    expect(rows).toHaveLength(VARIANTS.length * 4);
    for (const [i, v] of VARIANTS.entries()) {
      const first = rows.find((r) => Number(r[0]) === portOf(i))!;
      expect(Number(first[1])).toBe(SYN);
      // tshark joins a packet's comments with commas.
      expect(first[2], `variant ${i}`).toBe(v.comments.join(','));
    }
  });

  it('a comment that starts with `netkata: DROPPED` marks the segment lost; any other leaves it delivered', () => {
    const r = new Replay({ profile: 'linux', keepRows: () => true, rowLimit: 100 });
    const segs: DecodedSegment[] = [];
    const d = new CaptureDecoder((s) => segs.push(s));
    d.push(readFileSync(file));
    d.end();
    for (const s of segs) r.push(s);
    const reports = r.finish();
    expect(reports).toHaveLength(VARIANTS.length);
    for (const [i, v] of VARIANTS.entries()) {
      const c = reports.find((x) => x.a === `10.0.0.1:${portOf(i)}`)!;
      const what = `variant ${i}: ${JSON.stringify(v.comments)}${v.be ? ' (big-endian)' : ''}`;
      // Lost: the server still listens after the first SYN; delivered: it answered it (SYN_RECEIVED).
      expect(c.rows![0]!.states, what).toEqual(['SYN_SENT', v.dropped ? 'LISTEN' : 'SYN_RECEIVED']);
      expect(segs.filter((s) => s.from === c.a && s.seq === 100).map((s) => s.dropped === true), what).toEqual([v.dropped, false]);
      expect(c.rows![0]!.dropped === true, what).toBe(v.dropped);
      expect(c.dropped, what).toBe(v.dropped ? 1 : 0);
      expect(c.states, what).toEqual(['ESTABLISHED', 'ESTABLISHED']);
    }
  });
});

describe('how a lost segment is shown', () => {
  const [c] = replayOf(section(true, [{ port: 1234, packets: lostSyn([NETKATA_LINK]) }]), 'linux');

  it('the ladder draws it as tcp run does, `X lost` where the arrowhead would be, in English and Chinese', () => {
    const lines = renderLadder(c!, en);
    expect(lines).toContain('  0.000000  SYN_SENT     --- SYN seq=0 ---------------- X lost  LISTEN');
    expect(lines).toContain('  1.000000  SYN_SENT     --> SYN seq=0                          SYN_RECEIVED');
    expect(renderLadder(c!, zh)).toContain('  0.000000  SYN_SENT     --- SYN seq=0 ---------------- X 丢失  LISTEN');
  });

  it('a lost segment from b: the arrow points at a, `X lost` at its end', () => {
    const packets = lostThirdAck([]).map((p, i) => (i === 1 ? { ...p, comments: [NETKATA_LINK] } : p));
    const [d] = replayOf(section(true, [{ port: 1234, packets }]), 'linux');
    expect(renderLadder(d!, en)).toContain('  0.010000  SYN_SENT     <-- SYN,ACK seq=0 ack=1 ------ X lost  SYN_RECEIVED');
  });

  it('the app\'s capture screen draws it lost too (its ladder is the simulator\'s)', () => {
    expect(ladderSegments(c!, 4, 'en').map((s) => [s.dropped, s.fromState, s.toState])).toEqual([
      [true, 'SYN_SENT', 'LISTEN'],
      [false, 'SYN_SENT', 'SYN_RECEIVED'],
      [false, 'SYN_RECEIVED', 'ESTABLISHED'],
      [false, 'ESTABLISHED', 'ESTABLISHED'],
    ]);
  });

  it('Mermaid: a message that ends in a cross (`-x`)', () => {
    const text = renderMermaid(c!, en);
    expect(text).toContain('    a-xb: SYN seq=0 (X lost)\n');
    expect(text).toContain('    a->>b: SYN seq=0 (retransmission)\n');
  });
});
