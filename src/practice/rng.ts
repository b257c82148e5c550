import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * A seeded source of choices for question generators. Every question gets its own generator derived
 * from (session seed, question index), so question 7 of seed 42 is the same whether or not questions
 * 1-6 were answered, skipped or filtered, and the same on every machine (xoroshiro128+ is specified
 * bit for bit; Math.random never enters).
 */
export class Rng {
  private readonly gen: RandomGenerator;
  constructor(seed: number) {
    this.gen = xoroshiro128plus(seed | 0);
  }
  /** Derive the generator of one question of a session. */
  static forQuestion(seed: number, index: number, salt = 0): Rng {
    return new Rng(mix(mix(seed, index), salt));
  }
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`empty range [${min}, ${max}]`);
    return uniformInt(this.gen, min, max);
  }
  /** Uniform unsigned 32-bit integer. */
  uint32(): number {
    return (this.int(0, 0xffff) * 0x10000 + this.int(0, 0xffff)) >>> 0;
  }
  bool(): boolean {
    return this.int(0, 1) === 1;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }
  /** Pick with integer weights (zero weight: never). */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.int(1, total);
    for (const [item, w] of items) {
      r -= w;
      if (r <= 0) return item;
    }
    return items[items.length - 1]![0];
  }
  /** Fisher-Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

/** A 32-bit integer hash of two integers (murmur3 finaliser), so nearby seeds give unrelated streams. */
export function mix(a: number, b: number): number {
  let h = (Math.imul(a | 0, 0x9e3779b1) ^ (b | 0)) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** A 32-bit hash of a string (FNV-1a), to salt a question's stream with its generator's name. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
