/**
 * The TCP state names of the contract (CLI.md), and how the Linux kernel's state codes map onto them.
 * Codes are `enum` values of include/net/tcp_states.h, as /proc/net/tcp prints them (`%02X`).
 */
// The names are the endpoint machine's own (src/tcp/states.ts): one list for the simulator and the lab.
import type { TcpState } from '../tcp/states.js';
export type LabState = TcpState;

/** Kernel code -> [kernel name, contract name]. */
export const KERNEL_STATES: ReadonlyMap<number, readonly [string, LabState]> = new Map([
  [0x01, ['ESTABLISHED', 'ESTABLISHED']],
  [0x02, ['SYN_SENT', 'SYN_SENT']],
  [0x03, ['SYN_RECV', 'SYN_RECEIVED']],
  [0x04, ['FIN_WAIT1', 'FIN_WAIT_1']],
  [0x05, ['FIN_WAIT2', 'FIN_WAIT_2']],
  [0x06, ['TIME_WAIT', 'TIME_WAIT']],
  // TCP_CLOSE: a socket that exists (an fd still holds it) but has no connection, e.g. after a RST.
  [0x07, ['CLOSE', 'CLOSED']],
  [0x08, ['CLOSE_WAIT', 'CLOSE_WAIT']],
  [0x09, ['LAST_ACK', 'LAST_ACK']],
  [0x0a, ['LISTEN', 'LISTEN']],
  [0x0b, ['CLOSING', 'CLOSING']],
  // TCP_NEW_SYN_RECV (request sockets, since 4.4): /proc prints them as SYN_RECV (03), ss as SYN-RECV.
  [0x0c, ['NEW_SYN_RECV', 'SYN_RECEIVED']],
]);
