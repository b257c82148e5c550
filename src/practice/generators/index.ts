import type { GeneratorSpecs } from '../../scenario/practice.js';
import type { Generator } from '../generator.js';
import { CLASSIFY_GENERATORS } from './classify.js';
import { IPV6_GENERATORS } from './ipv6.js';
import { MAC_GENERATORS } from './mac.js';
import { PORT_GENERATORS } from './ports.js';
import { SEGMENT_GENERATORS } from './segment.js';
import { SUBNET_GENERATORS } from './subnet.js';
import { TCP_GENERATORS } from './tcp.js';

export const GENERATORS: ReadonlyMap<string, Generator> = new Map(
  [...SUBNET_GENERATORS, ...SEGMENT_GENERATORS, ...CLASSIFY_GENERATORS, ...IPV6_GENERATORS, ...PORT_GENERATORS, ...MAC_GENERATORS, ...TCP_GENERATORS]
    .map((g) => [g.name, g]),
);

/** Names and parameter ranges, as the bank schema (src/scenario/practice.ts) checks them. */
export function generatorSpecs(): GeneratorSpecs {
  const out: Record<string, GeneratorSpecs[string]> = {};
  for (const [name, g] of GENERATORS) out[name] = g.params;
  return out;
}
