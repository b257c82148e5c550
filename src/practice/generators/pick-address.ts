import { formatIPv4 } from '../../addr/parse.js';
import type { Rng } from '../rng.js';

/** A unicast IPv4 address people meet in exercises: half RFC 1918, half ordinary public space. */
export function pickIPv4(rng: Rng): string {
  switch (rng.int(0, 5)) {
    case 0: return `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(0, 255)}`;
    case 1: return `172.${rng.int(16, 31)}.${rng.int(0, 255)}.${rng.int(0, 255)}`;
    case 2: return `192.168.${rng.int(0, 255)}.${rng.int(0, 255)}`;
    default: {
      let first = rng.int(1, 223);
      if (first === 10 || first === 127) first += 1;
      return formatIPv4(((first << 24) | (rng.int(0, 255) << 16) | (rng.int(0, 255) << 8) | rng.int(0, 255)) >>> 0);
    }
  }
}
