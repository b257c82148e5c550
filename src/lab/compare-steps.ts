/**
 * The step lines of `--compare` read back as steps, without loading the simulator (compare.ts): the
 * text report imports this for every lab run.
 */
import type { TcpStep } from '../scenario/tcp.js';

/** SYNs of the client that `--compare` drops when the kernel's full accept queue dropped them (enough for any run's retries). */
export const DROPPED_SYNS = 100;

/**
 * A step line of `steps` back as the step it names: the JSON keeps the English lines (`open client`,
 * `advance 900ms`, `drop from=client flags=SYN (...)`), and the zh report describes the same steps in
 * Chinese (describeStep). Only the forms `compareWithSimulator` (compare.ts) writes; undefined for any other.
 */
export function stepOfLine(line: string): TcpStep | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(open|close|abort) (\S+)$/.exec(line))) return { [m[1]!]: m[2]! } as TcpStep;
  if ((m = /^advance (\d+)ms$/.exec(line))) return { advance: Number(m[1]) };
  if ((m = /^drop from=(\S+) flags=(\S+)/.exec(line))) return { drop: { from: m[1]!, flags: m[2]!, count: DROPPED_SYNS } } as TcpStep;
  return undefined;
}
