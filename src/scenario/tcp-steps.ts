import type { TcpStep, TcpVerb } from './tcp.js';

// What the simulator needs at run time from the scenario format, without the schema: the simulator
// (and a scenario read from the build-time cache, src/cli/scenario-cache.ts) then loads neither zod
// nor yaml. src/scenario/tcp.ts re-exports both.

export function stepVerb(step: TcpStep): TcpVerb {
  return Object.keys(step)[0] as TcpVerb;
}

/** The keys of `expect` that are not endpoint names. */
export const EXPECT_KEYS: ReadonlySet<string> = new Set(['sent', 'backlog', 'accepted', 'error', 'read', 'eof']);
