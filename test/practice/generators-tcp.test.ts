/**
 * The TCP generators against the RFC 9293 stories of ./reference.ts and the timing rules of
 * ./reference-answer.ts, over 2,000 seeds each (their own file: every question runs the simulator).
 */
import { describe, expect, it } from 'vitest';
import { grade } from '../../src/practice/grade.js';
import { GENERATORS } from '../../src/practice/generators/index.js';
import { loadPool } from '../../src/practice/pool-files.js';
import { generate } from '../../src/practice/session.js';
import { checkAgainstReference, REFERENCE_SEEDS } from './reference-check.js';

const pool = loadPool(undefined, undefined, 'subnet');

describe('generated TCP questions', () => {
  const byName = new Map<string, typeof pool.generated[number][]>();
  for (const e of pool.generated) if (e.generator.topic === 'tcp') byName.set(e.generator.name, [...(byName.get(e.generator.name) ?? []), e]);
  it('the banks use every TCP generator', () => {
    expect([...GENERATORS.values()].filter((g) => g.topic === 'tcp' && !byName.has(g.name)).map((g) => g.name)).toEqual([]);
  });
  for (const [name, entries] of byName) {
    it(`${name}: over ${REFERENCE_SEEDS} seeds the key matches the RFC 9293 reference and grades as right`, () => {
      checkAgainstReference(entries, REFERENCE_SEEDS);
    });
  }

  it('next segment: a data segment\'s PSH,ACK also accepts ACK, and an abort\'s RST also accepts RST,ACK (Linux); other flags stay wrong', () => {
    const seen = new Set<string>();
    for (const story of ['data-close', 'abort']) {
      const entry = { generator: GENERATORS.get('tcp.next-segment')!, params: { story }, weight: 1, bank: 'test' };
      for (let seed = 0; seed < 200; seed++) {
        const q = generate(entry, seed, 0);
        if (q.answer.en === 'PSH,ACK') {
          seen.add('PSH,ACK');
          expect(grade(q, 'ACK').correct, q.id).toBe(true);
          expect(grade(q, 'FIN,ACK').correct, q.id).toBe(false);
        }
        if (q.answer.en === 'RST') {
          seen.add('RST');
          // Captured on loopback: close() with SO_LINGER {1, 0} sends [R.] (tcp_send_active_reset sets ACK).
          expect(grade(q, 'RST,ACK').correct, q.id).toBe(true);
          expect(grade(q, 'RST').correct, q.id).toBe(true);
          expect(grade(q, 'FIN,ACK').correct, q.id).toBe(false);
        }
      }
    }
    expect([...seen].sort()).toEqual(['PSH,ACK', 'RST']);
  });
});
