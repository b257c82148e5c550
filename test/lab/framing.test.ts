import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameDecoder, FrameTooLarge } from '../../src/lab/framing.js';

describe('length-prefix framing', () => {
  it('writes the length as 4 bytes, unsigned, big-endian (network order)', () => {
    // struct.pack('>I', 258) == b'\x00\x00\x01\x02'; native 'i' on x86 would give 02 01 00 00.
    expect([...encodeFrame(Buffer.alloc(258)).subarray(0, 4)]).toEqual([0x00, 0x00, 0x01, 0x02]);
    expect([...encodeFrame(Buffer.from('hi'))]).toEqual([0, 0, 0, 2, 0x68, 0x69]);
    expect([...encodeFrame(Buffer.alloc(0))]).toEqual([0, 0, 0, 0]);
  });

  it('gives back every message intact however the stream is chopped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 30 }),
        (messages, cuts) => {
          const stream = Buffer.concat(messages.map((m) => encodeFrame(m)));
          const d = new FrameDecoder();
          const out: Buffer[] = [];
          for (let off = 0, k = 0; off < stream.length; k++) {
            const n = cuts[k % cuts.length]!;
            out.push(...d.push(stream.subarray(off, off + n)));
            off += n;
          }
          expect(out.map((b) => [...b])).toEqual(messages.map((m) => [...m]));
          expect(d.pending).toBe(0);
        },
      ),
      { seed: 20261215 },
    );
  });

  it('waits for the rest of a header split over reads (the recv(4) bug)', () => {
    const d = new FrameDecoder();
    expect(d.push(Buffer.from([0, 0]))).toEqual([]);
    expect(d.push(Buffer.from([0, 3, 0x61]))).toEqual([]);
    expect(d.push(Buffer.from([0x62, 0x63, 0, 0]))).toEqual([Buffer.from('abc')]);
    expect(d.pending).toBe(2);
  });

  it('refuses a length above the limit before buffering the body', () => {
    const d = new FrameDecoder(1024);
    expect(() => d.push(Buffer.from([0, 0, 4, 1]))).toThrow(FrameTooLarge);
  });

  it('stops after maxFrames and hands over the raw rest', () => {
    const d = new FrameDecoder(100, 1);
    const out = d.push(Buffer.concat([encodeFrame(Buffer.from('{}')), Buffer.from([0xff, 0xff, 0xff, 0xff, 1])]));
    expect(out).toEqual([Buffer.from('{}')]);
    expect([...d.drain()]).toEqual([0xff, 0xff, 0xff, 0xff, 1]);
  });
});
