import type { GeneratorSpecs } from '../../scenario/practice.js';
import type { Generator } from '../generator.js';
import { CLASSIFY_GENERATORS } from './classify.js';
import { EXAM_IPV4_GENERATORS } from './exam-ipv4.js';
import { IPV6_GENERATORS } from './ipv6.js';
import { MAC_GENERATORS } from './mac.js';
import { PORT_GENERATORS } from './ports.js';
import { ROUTING_GENERATORS } from './routing.js';
import { SEGMENT_GENERATORS } from './segment.js';
import { classifySpecial } from './special.js';
import { SUBNET_GENERATORS } from './subnet.js';
import { TCP_GENERATORS } from './tcp.js';
import { tcpTiming } from './tcp-timing.js';
import { tcpWindow } from './tcp-window.js';

export const GENERATORS: ReadonlyMap<string, Generator> = new Map(
  [...SUBNET_GENERATORS, ...EXAM_IPV4_GENERATORS, ...ROUTING_GENERATORS, ...SEGMENT_GENERATORS, ...CLASSIFY_GENERATORS, classifySpecial,
    ...IPV6_GENERATORS, ...PORT_GENERATORS, ...MAC_GENERATORS, ...TCP_GENERATORS, tcpTiming, tcpWindow]
    .map((g) => [g.name, g]),
);

/** Names and parameter ranges, as the bank schema (src/scenario/practice.ts) checks them. */
export function generatorSpecs(): GeneratorSpecs {
  const out: Record<string, GeneratorSpecs[string]> = {};
  for (const [name, g] of GENERATORS) out[name] = g.params;
  return out;
}
