/**
 * pcap output: the file tshark reads back has the flags, sequence and acknowledgement numbers and
 * lengths of the run's JSON, and tshark finds the IPv4 and TCP checksums good.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTcpScenario } from '../../src/scenario/tcp.js';
import { toPcap, toPcapng } from '../../src/tcp/pcap.js';
import { Simulation } from '../../src/tcp/simulation.js';

const hasTshark = spawnSync('tshark', ['--version'], { stdio: 'ignore' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'netkata-pcap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** tshark's tcp.flags.str (`·······A··S·`) as our flag names (`SYN,ACK`). */
function flagsFromTshark(str: string): string {
  const names: [string, string][] = [['F', 'FIN'], ['S', 'SYN'], ['R', 'RST'], ['P', 'PSH'], ['A', 'ACK']];
  const tail = [...str].slice(-6); // U A P R S F
  const letters = new Set(tail);
  return names.filter(([l]) => letters.has(l)).map(([, n]) => n).join(',');
}

function runFile(name: string) {
  const file = new URL(`../../scenarios/tcp/${name}.yaml`, import.meta.url).pathname;
  const sim = new Simulation(parseTcpScenario(readFileSync(file, 'utf8'), file));
  const result = sim.run();
  return { result, bytes: toPcap(result.segments, sim.endpointNames()) };
}

describe('toPcap', () => {
  it('writes a classic pcap header (LINKTYPE_RAW) and one 40-byte+payload record per segment', () => {
    const { result, bytes } = runFile('handshake');
    const dv = new DataView(bytes.buffer);
    expect(dv.getUint32(0, true)).toBe(0xa1b2c3d4);
    expect(dv.getUint32(20, true)).toBe(101);
    expect(bytes.length).toBe(24 + result.segments.reduce((n, s) => n + 16 + 40 + s.len, 0));
  });

  it.skipIf(!hasTshark)('tshark reads back the same flags, seq, ack and len, with good checksums (needs tshark)', () => {
    // One capture with the segments of several runs one after another: one tshark start.
    const names = ['lost-final-ack', 'close-unacked-data', 'rst-closed-port', 'reorder-and-duplicate', 'keepalive-dead-peer', 'syn-flood-cookies'];
    const runs = names.map(runFile);
    const segments = runs.flatMap((r) => r.result.segments);
    const bytes = toPcap(segments, ['client', 'server']);
    const file = join(dir, 'runs.pcap');
    writeFileSync(file, bytes);
    const out = execFileSync(
      'tshark',
      ['-r', file, '-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE', '-T', 'fields',
        '-e', 'tcp.flags.str', '-e', 'tcp.seq_raw', '-e', 'tcp.ack_raw', '-e', 'tcp.len', '-e', 'ip.checksum.status', '-e', 'tcp.checksum.status'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const rows = out.trim().split('\n').map((l) => l.split('\t'));
    expect(rows).toHaveLength(segments.length);
    expect(rows.map((r) => [flagsFromTshark(r[0]!), Number(r[1]), Number(r[2]), Number(r[3])])).toEqual(
      segments.map((s) => [s.flags, s.seq, s.ack, s.len]),
    );
    // 1 = good (Wireshark's status for a verified checksum).
    expect(new Set(rows.map((r) => `${r[4]}/${r[5]}`))).toEqual(new Set(['1/1']));
  });

  it.skipIf(!hasTshark)('pcapng: tshark reads the same packets, and only the dropped ones carry a DROPPED packet comment (needs tshark)', () => {
    // Drops on the link (lost-*), at a crashed host (keepalive-dead-peer), duplicates and payloads of
    // odd lengths (padding to 32 bits) in one file.
    const names = ['lost-syn', 'lost-syn-ack', 'lost-final-ack', 'keepalive-dead-peer', 'reorder-and-duplicate', 'close-unacked-data', 'syn-ack-give-up'];
    const segments = names.map(runFile).flatMap((r) => r.result.segments);
    expect(segments.filter((s) => s.dropped).length).toBeGreaterThan(3);
    const file = join(dir, 'runs.pcapng');
    writeFileSync(file, toPcapng(segments, ['client', 'server']));
    const out = execFileSync(
      'tshark',
      ['-r', file, '-o', 'tcp.check_checksum:TRUE', '-T', 'fields', '-E', 'occurrence=f',
        '-e', 'tcp.flags.str', '-e', 'tcp.seq_raw', '-e', 'tcp.ack_raw', '-e', 'tcp.len', '-e', 'tcp.checksum.status', '-e', 'frame.time_epoch', '-e', 'frame.comment'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const rows = out.replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    expect(rows).toHaveLength(segments.length);
    expect(rows.map((r) => [flagsFromTshark(r[0]!), Number(r[1]), Number(r[2]), Number(r[3]), r[4]])).toEqual(
      segments.map((s) => [s.flags, s.seq, s.ack, s.len, '1']),
    );
    rows.forEach((r, i) => expect(Number(r[5]) * 1000).toBeCloseTo(segments[i]!.at, 3));
    expect(rows.map((r) => (r[6] ?? '').startsWith('netkata: DROPPED'))).toEqual(segments.map((s) => s.dropped));
    // Where each was lost, from the scenarios' own steps: keepalive-dead-peer's server host and
    // syn-ack-give-up's client host crash (`crash:`) and their links lose nothing (no `drop:` step), so
    // each of their lost segments died at the host; the other files' drops are the link's (`drop:`, no crash).
    const atHost = ['keepalive-dead-peer', 'syn-ack-give-up'].map((n) => runFile(n).result.segments.filter((s) => s.dropped).length);
    expect(atHost[0]).toBe(9); // the 9 unanswered keepalive probes (RFC 1122 4.2.3.6, tcp_keepalive_probes)
    const comments = rows.map((r) => r[6] ?? '').filter((c) => c.startsWith('netkata: DROPPED'));
    const hostDown = atHost[0]! + atHost[1]!;
    expect(comments.filter((c) => c === 'netkata: DROPPED (host down): sent, never delivered')).toHaveLength(hostDown);
    expect(comments.filter((c) => c === 'netkata: DROPPED (link): sent, never delivered')).toHaveLength(comments.length - hostDown);
    // A display filter finds them: what a Wireshark user types.
    const filtered = execFileSync('tshark', ['-r', file, '-Y', 'frame.comment contains "DROPPED"', '-T', 'fields', '-e', 'frame.number'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(filtered.trim().split('\n').map(Number)).toEqual(segments.flatMap((s, i) => (s.dropped ? [i + 1] : [])));
  });
});
