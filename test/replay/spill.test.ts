/**
 * The replay's finished connections on disk (src/replay/spill.ts), its 4-tuple index (ConnectionTable
 * retire and reopen, with a hash that collides on purpose), and the JSON list written as it comes
 * (jsonListParts: the same bytes as JSON.stringify of the whole value, the reference here).
 */
import { readlinkSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonListParts } from '../../src/cli/io.js';
import { ConnectionTable, type Connection } from '../../src/replay/connections.js';
import type { DecodedSegment } from '../../src/replay/packet.js';
import { Spill } from '../../src/replay/spill.js';

/** This process's descriptors that point at a spill file (open, unlinked: the link ends in "(deleted)"). */
function spillFiles(): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      return /netkata-replay-[^/]+\/finished\.jsonl/.test(target) ? [target] : [];
    } catch {
      return [];
    }
  });
}

describe.skipIf(process.platform !== 'linux')('Spill', () => {
  it('gives back every record as it was put, across batches, the latest one after a second put; drop forgets', () => {
    const s = new Spill<{ id: number; text: string; nested: { a: number[] } }>();
    const value = (id: number) => ({ id, text: `连接 ${id} ${'x'.repeat(id % 500)}`, nested: { a: [id, id + 1, id / 3] } });
    // About 5 MB: several 1 MB batches written, the last one still in memory when read.
    for (let id = 0; id < 20_000; id++) s.put(id, value(id));
    for (const id of [0, 1, 4095, 4096, 12_345, 19_999]) expect(s.get(id)).toEqual(value(id));
    s.put(7, { id: 7, text: 'again', nested: { a: [] } });
    expect(s.get(7)).toEqual({ id: 7, text: 'again', nested: { a: [] } });
    expect(s.count).toBe(20_001);
    expect(s.has(20_000)).toBe(false);
    expect(s.get(25_000)).toBeUndefined();
    s.drop(12_345);
    expect(s.has(12_345)).toBe(false);
    expect(s.get(12_345)).toBeUndefined();
    for (let id = 0; id < 20_000; id += 97) if (id !== 12_345 && id !== 7) expect(s.get(id)).toEqual(value(id));
    s.close();
  });

  it('leaves no file on disk: the open descriptor is the only way to it, and closing frees it', () => {
    const before = spillFiles().length;
    const s = new Spill<number[]>();
    for (let id = 0; id < 50_000; id++) s.put(id, [id, id, id, id]); // past one batch: the file exists
    const open = spillFiles();
    expect(open.length).toBe(before + 1);
    expect(open.at(-1)).toMatch(/ \(deleted\)$/);
    expect(s.get(49_999)).toEqual([49_999, 49_999, 49_999, 49_999]);
    s.close();
    expect(spillFiles().length).toBe(before);
  });
});

describe('Spill without a temporary directory', () => {
  it('keeps the records in memory and gives them back the same (TMPDIR that does not exist)', () => {
    const saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = '/nonexistent/netkata-spill-test';
    const before = spillFiles().length;
    try {
      const s = new Spill<{ id: number; pad: string }>();
      for (let id = 0; id < 5000; id++) s.put(id, { id, pad: 'p'.repeat(400) }); // two batches
      for (const id of [0, 2600, 4999]) expect(s.get(id)).toEqual({ id, pad: 'p'.repeat(400) });
      expect(spillFiles().length).toBe(before);
      s.close();
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
    }
  });
});

const seg = (from: string, to: string, flags: number, seq: number, ack: number): DecodedSegment =>
  ({ frame: 1, sec: 0, nsec: 0, from, to, flags, seq, ack, len: 0, window: 1000 }) as DecodedSegment;

describe('ConnectionTable: retired connections found again by their 4-tuple', () => {
  it('two 4-tuples under one hash: each late segment gets its own connection back, with its counts', () => {
    const stored = new Map<number, Connection>();
    const table = new ConnectionTable((id) => structuredClone(stored.get(id)!), () => 42);
    const a = table.place(seg('10.0.0.1:1000', '10.0.0.2:80', 0x02, 100, 0)).conn;
    const b = table.place(seg('10.0.0.1:1001', '10.0.0.2:80', 0x02, 200, 0)).conn;
    table.place(seg('10.0.0.2:80', '10.0.0.1:1000', 0x12, 500, 101));
    for (const c of [a, b]) {
      stored.set(c.id, structuredClone(c));
      table.retire(c);
    }
    expect(table.inMemory).toBe(0);
    const lateB = table.place(seg('10.0.0.2:80', '10.0.0.1:1001', 0x14, 0, 201));
    const lateA = table.place(seg('10.0.0.1:1000', '10.0.0.2:80', 0x10, 101, 501));
    expect([lateA.conn.id, lateA.dir, lateA.conn.frames]).toEqual([a.id, 0, [2, 1]]);
    expect([lateB.conn.id, lateB.dir, lateB.conn.frames]).toEqual([b.id, 1, [1, 1]]);
    expect(table.inMemory).toBe(2);
    expect(table.count).toBe(2);
  });

  it('a 4-tuple never seen and one retired under the same hash: the new one is a new connection', () => {
    const stored = new Map<number, Connection>();
    const table = new ConnectionTable((id) => structuredClone(stored.get(id)!), () => 7);
    const a = table.place(seg('10.0.0.1:1000', '10.0.0.2:80', 0x02, 100, 0)).conn;
    stored.set(a.id, structuredClone(a));
    table.retire(a);
    const fresh = table.place(seg('10.0.0.1:2000', '10.0.0.2:80', 0x02, 300, 0));
    expect(fresh.conn.id).toBe(1);
    expect(table.place(seg('10.0.0.1:1000', '10.0.0.2:80', 0x10, 101, 0)).conn.id).toBe(a.id);
  });
});

describe('jsonListParts: a long list written as it comes', () => {
  const cases: [Record<string, unknown>, string, unknown[]][] = [
    [{ file: 'a.pcap', connections: 3, shown: 3 }, 'connections', [{ id: 0, rows: [{ a: 1 }, { b: [] }], e: {} }, { id: 1, s: 'x\ny "q"' }, null]],
    [{ file: 'b', n: 0 }, 'connections', []],
    [{}, 'list', [1, 'two', [3, [4]]]],
    [{ file: 'c', other: { deep: [1, 2] } }, 'connections', Array.from({ length: 300 }, (_, i) => ({ i, text: 'z'.repeat(i) }))],
  ];
  for (const [head, key, items] of cases) {
    it(`${JSON.stringify(head)} + ${items.length} items: the bytes of JSON.stringify(whole, null, 2), in parts or whole`, () => {
      const want = `${JSON.stringify({ ...head, [key]: items }, null, 2)}\n`;
      for (const size of [1, 100, 1 << 16]) expect([...jsonListParts(head, key, items, size)].join('')).toBe(want);
    });
  }
});
