/**
 * Reading the Linux kernel's TCP socket tables, /proc/net/tcp and /proc/net/tcp6.
 *
 * Each line is printed by net/ipv4/tcp_ipv4.c (get_tcp4_sock, get_openreq4, get_timewait4_sock) or its
 * IPv6 twin: `sl local rem st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...`.
 * - Addresses are `%08X` of each 32-bit word *as the CPU holds it*: the network-order bytes 127.0.0.1
 *   read as a little-endian u32 print as `0100007F`. IPv6 is four such words. Ports are plain `%04X`.
 * - `tr` is which timer is pending: 1 retransmit (also a request socket's SYN,ACK), 2 keepalive or the
 *   orphaned FIN_WAIT_2 timer (sk_timer), 3 a timewait socket's timer, 4 zero-window probe.
 *   `tm->when` is the time left in clock ticks (USER_HZ = 100, so 1 tick = 10 ms), clamped at 0.
 * - Timewait sockets (TIME_WAIT, and an orphaned FIN_WAIT_2 that the kernel keeps as a timewait
 *   socket) and request sockets (SYN_RECV) belong to no file descriptor: their inode is 0.
 * - For a LISTEN socket rx_queue is the accept queue's length (sk_ack_backlog), not bytes.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { EnvironmentError, reason } from '../errors.js';
import { KERNEL_STATES, type LabState } from './states.js';

export interface SocketAddress {
  readonly address: string;
  readonly port: number;
}

export type TimerKind = 'retransmit' | 'keepalive' | 'timewait' | 'zero-window-probe';

export interface KernelTimer {
  readonly kind: TimerKind;
  /** Time left, in ms (tick resolution: 10 ms). */
  readonly remainingMs: number;
}

export interface ProcNetEntry {
  readonly family: 4 | 6;
  readonly local: SocketAddress;
  readonly remote: SocketAddress;
  /** The contract's state name (CLI.md). */
  readonly state: LabState;
  /** The kernel's own name (tcp_states.h), e.g. `SYN_RECV`, `FIN_WAIT1`. */
  readonly kernelState: string;
  readonly code: number;
  /** Bytes sent and not yet acknowledged (write_seq - snd_una). */
  readonly txQueue: number;
  /** Bytes received and not yet read; for LISTEN, connections waiting in the accept queue. */
  readonly rxQueue: number;
  readonly timer: KernelTimer | null;
  /** Retransmissions of the pending timer's segment (icsk_retransmits; num_timeout for SYN_RECV). */
  readonly retransmits: number;
  readonly uid: number;
  /** 0 for sockets no file descriptor holds (timewait, request and orphaned sockets). */
  readonly inode: number;
}

export type Endianness = 'LE' | 'BE';

const TIMERS: Readonly<Record<number, TimerKind>> = {
  1: 'retransmit',
  2: 'keepalive',
  3: 'timewait',
  4: 'zero-window-probe',
};

/** USER_HZ: /proc reports timers in clock_t ticks of 1/100 s (jiffies_delta_to_clock_t). */
export const TICK_MS = 10;

/** Parse the text of /proc/net/tcp (family 4) or /proc/net/tcp6 (family 6). The header line is skipped. */
export function parseProcNet(text: string, family: 4 | 6, order: Endianness = hostOrder()): ProcNetEntry[] {
  const out: ProcNetEntry[] = [];
  for (const line of text.split('\n')) {
    const entry = parseProcNetLine(line, family, order);
    if (entry) out.push(entry);
  }
  return out;
}

/** One table line, or null for the header and blank lines. Throws on a line that is neither. */
export function parseProcNetLine(line: string, family: 4 | 6, order: Endianness = hostOrder()): ProcNetEntry | null {
  const f = line.trim().split(/\s+/);
  if (f.length < 10 || !/^\d+:$/.test(f[0]!)) {
    if (line.trim() === '' || f[0] === 'sl') return null;
    throw new Error(`not a /proc/net/tcp line: ${line}`);
  }
  const code = parseInt(f[3]!, 16);
  const names = KERNEL_STATES.get(code);
  if (!names) throw new Error(`unknown kernel TCP state ${f[3]} in: ${line}`);
  const [tx, rx] = f[4]!.split(':');
  const [tr, when] = f[5]!.split(':');
  const trCode = parseInt(tr!, 16);
  const kind = TIMERS[trCode];
  return {
    family,
    local: parseHexSocket(f[1]!, family, order),
    remote: parseHexSocket(f[2]!, family, order),
    state: names[1],
    kernelState: names[0],
    code,
    txQueue: parseInt(tx!, 16),
    rxQueue: parseInt(rx!, 16),
    timer: kind ? { kind, remainingMs: parseInt(when!, 16) * TICK_MS } : null,
    retransmits: parseInt(f[6]!, 16),
    uid: parseInt(f[7]!, 10),
    inode: parseInt(f[9]!, 10),
  };
}

export function hostOrder(): Endianness {
  return endianness();
}

/** `0100007F:1F90` -> {address: '127.0.0.1', port: 8080}. */
export function parseHexSocket(hex: string, family: 4 | 6, order: Endianness = hostOrder()): SocketAddress {
  const [addr, port] = hex.split(':');
  const words = family === 4 ? 1 : 4;
  if (!addr || addr.length !== words * 8 || !port || !/^[0-9A-Fa-f]+$/.test(addr + port)) {
    throw new Error(`bad /proc/net/tcp address ${hex}`);
  }
  const bytes = Buffer.alloc(words * 4);
  for (let i = 0; i < words; i++) {
    const word = parseInt(addr.slice(i * 8, i * 8 + 8), 16);
    if (order === 'LE') bytes.writeUInt32LE(word, i * 4);
    else bytes.writeUInt32BE(word, i * 4);
  }
  return { address: family === 4 ? [...bytes].join('.') : formatIPv6(bytes), port: parseInt(port, 16) };
}

/** RFC 5952 text: lower case, longest run (first on a tie) of two or more zero groups as `::`,
 *  and an IPv4-mapped address (::ffff:0:0/96) with its dotted tail. */
export function formatIPv6(bytes: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) return `::ffff:${bytes[12]}.${bytes[13]}.${bytes[14]}.${bytes[15]}`;
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/** `127.0.0.1:8080`, `[::1]:8080` */
export function formatSocketAddress(a: SocketAddress): string {
  return a.address.includes(':') ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
}

/** Where the tables live; NETKATA_PROC_NET overrides it (tests use it to play a system without them). */
export function procNetDir(): string {
  return process.env['NETKATA_PROC_NET'] ?? '/proc/net';
}

/** Throws EnvironmentError (exit 3) when the kernel tables cannot be read. */
export function requireProcNet(dir: string = procNetDir()): void {
  if (!existsSync(join(dir, 'tcp'))) {
    throw new EnvironmentError(reason('envProcNet', { file: join(dir, 'tcp'), platform: process.platform }));
  }
}

export function hasProcNet(dir: string = procNetDir()): boolean {
  return existsSync(join(dir, 'tcp'));
}

/**
 * Read both tables once. A read of a seq_file walks the kernel's whole socket hash tables, so it costs
 * about a millisecond even when a handful of sockets exist (measured in bench/lab-observer.bench.js).
 */
export function readProcNet(families: readonly (4 | 6)[] = [4, 6], dir: string = procNetDir()): ProcNetEntry[] {
  const out: ProcNetEntry[] = [];
  for (const family of families) {
    const file = join(dir, family === 4 ? 'tcp' : 'tcp6');
    if (family === 6 && !existsSync(file)) continue; // a kernel without IPv6
    out.push(...parseProcNet(readWhole(file), family));
  }
  return out;
}

const scratch = Buffer.alloc(1 << 16);
/**
 * A read of a /proc/net table shorter than this was its last (see LAST_READ in poller.ts: the kernel
 * hands out a page of whole lines at a time, short only at the end, and the read that returns 0 walks
 * the socket hash again).
 */
export const LAST_TABLE_READ = 4096 - 256;

/** A /proc/net table, whole: readFileSync would stat first (size 0 for /proc) and grow; read in large slices instead. */
export function readWhole(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const parts: string[] = [];
    for (;;) {
      const n = readSync(fd, scratch, 0, scratch.length, null);
      if (n <= 0) break;
      parts.push(scratch.toString('latin1', 0, n));
      if (n <= LAST_TABLE_READ) break;
    }
    return parts.join('');
  } finally {
    closeSync(fd);
  }
}
