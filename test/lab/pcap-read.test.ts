// The pcap reader on files whose contents are known: the simulator's captures (toPcap, itself checked
// against tshark in test/tcp/pcap.test.ts) read back field for field, a big-endian and nanosecond
// variant of the same file, every truncation of it, and random bytes: only whole segments or a one-line
// InputError come out, never an exception from reading past the end.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readPcapSegments } from '../../src/lab/pcap-read.js';
import { parseTcpScenario } from '../../src/scenario/tcp.js';
import { addressOf, toPcap } from '../../src/tcp/pcap.js';
import { flagsString } from '../../src/tcp/segment.js';
import { Simulation } from '../../src/tcp/simulation.js';

function simulated(name: string) {
  const file = new URL(`../../scenarios/tcp/${name}.yaml`, import.meta.url).pathname;
  const sim = new Simulation(parseTcpScenario(readFileSync(file, 'utf8'), file));
  const result = sim.run();
  return { result, names: sim.endpointNames(), bytes: toPcap(result.segments, sim.endpointNames()) };
}
const text = (a: { ip: readonly number[]; port: number }): string => `${a.ip.join('.')}:${a.port}`;

describe('readPcapSegments', () => {
  const { result, names, bytes } = simulated('normal-close');

  it('reads back every segment of a simulated capture: ends, flags, numbers, lengths, times', () => {
    const got = readPcapSegments(bytes);
    expect(got).toHaveLength(result.segments.length);
    got.forEach((g, i) => {
      const s = result.segments[i]!;
      expect(g.from).toBe(text(addressOf(s.from, names)));
      expect(g.to).toBe(text(addressOf(s.to, names)));
      expect(flagsString(g.flags)).toBe(s.flags);
      expect([g.seq, g.ack, g.len]).toEqual([s.seq, s.ack, s.len]);
      expect(g.time).toBeCloseTo(s.at, 3);
    });
  });

  it('the same file written big-endian with nanosecond stamps reads the same', () => {
    const be = new Uint8Array(bytes.length);
    be.set(bytes);
    const src = new DataView(bytes.buffer, bytes.byteOffset);
    const dv = new DataView(be.buffer);
    dv.setUint32(0, 0xa1b23c4d, false); // nanosecond magic, big-endian
    for (const [o, size] of [[4, 2], [6, 2], [8, 4], [12, 4], [16, 4], [20, 4]] as const) {
      if (size === 2) dv.setUint16(o, src.getUint16(o, true), false);
      else dv.setUint32(o, src.getUint32(o, true), false);
    }
    let o = 24;
    while (o < bytes.length) {
      const sec = src.getUint32(o, true);
      const usec = src.getUint32(o + 4, true);
      const caplen = src.getUint32(o + 8, true);
      dv.setUint32(o, sec, false);
      dv.setUint32(o + 4, usec * 1000, false);
      dv.setUint32(o + 8, caplen, false);
      dv.setUint32(o + 12, src.getUint32(o + 12, true), false);
      o += 16 + caplen;
    }
    expect(readPcapSegments(be)).toEqual(readPcapSegments(bytes));
  });

  it('every truncation gives whole segments only (a packet cut off at the end is left out)', () => {
    const all = readPcapSegments(bytes);
    for (let n = 24; n <= bytes.length; n++) {
      const got = readPcapSegments(bytes.subarray(0, n));
      expect(got).toEqual(all.slice(0, got.length));
    }
  });

  it('rejects what is not a classic pcap with one line', () => {
    expect(() => readPcapSegments(new Uint8Array(10))).toThrow(InputError);
    expect(() => readPcapSegments(Uint8Array.from([0x0a, 0x0d, 0x0d, 0x0a, ...new Array(28).fill(0)]))).toThrow(/pcapng/);
    const other = bytes.slice();
    new DataView(other.buffer).setUint32(20, 105, true); // 802.11
    expect(() => readPcapSegments(other)).toThrow(/link type 105/);
  });

  it('records of random bytes (IPv4/IPv6 version nibbles and TCP protocol numbers planted): no exception but InputError', () => {
    const header = bytes.subarray(0, 24);
    const bodies = fc.oneof(fc.uint8Array({ maxLength: 120 }), fc.uint8Array({ minLength: 20, maxLength: 44 }), fc.uint8Array({ minLength: 40, maxLength: 64 }));
    const packet = fc.tuple(bodies, fc.constantFrom(0, 0x45, 0x60), fc.boolean());
    fc.assert(fc.property(fc.array(packet, { maxLength: 6 }), fc.constantFrom(1, 101, 113, 276), (packets, link) => {
      const size = 24 + packets.reduce((n, [p]) => n + 16 + p.length, 0);
      const file = new Uint8Array(size);
      file.set(header);
      const dv = new DataView(file.buffer);
      dv.setUint32(20, link, true);
      let o = 24;
      for (const [p, first, tcp] of packets) {
        dv.setUint32(o + 8, p.length, true);
        dv.setUint32(o + 12, p.length, true);
        file.set(p, o + 16);
        // Raw IP is where the planted header bytes land; the other link types see them as link header.
        if (p.length > 0 && first !== 0) file[o + 16] = first;
        if (p.length > 9 && tcp) file[o + 16 + (first === 0x60 ? 6 : 9)] = 6;
        o += 16 + p.length;
      }
      try {
        for (const s of readPcapSegments(file)) expect(s.len).toBeGreaterThanOrEqual(0);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
      }
    }), { numRuns: 3000, seed: 2464 });
  });
});
