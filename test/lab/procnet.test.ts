import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIPv6, parseHexSocket, parseProcNet, parseProcNetLine, type ProcNetEntry } from '../../src/lab/procnet.js';

// Captured by test/data/procnet-capture.mjs on an x86-64 (little-endian) Linux 6.18 kernel: the same
// sockets read from /proc/net/tcp{,6} and, right after, from `ss -tanoeH` (netlink inet_diag).
const data = (f: string): string => readFileSync(new URL(`../data/${f}`, import.meta.url), 'latin1');
const v4 = parseProcNet(data('procnet-tcp.txt'), 4, 'LE');
const v6 = parseProcNet(data('procnet-tcp6.txt'), 6, 'LE');
const all = [...v4, ...v6];

interface SsLine {
  state: string;
  recvQ: number;
  sendQ: number;
  local: string;
  remote: string;
  timer: { kind: string; ms: number } | null;
  inode: number;
}
const SS_STATE: Record<string, string> = {
  ESTAB: 'ESTABLISHED',
  'SYN-SENT': 'SYN_SENT',
  'SYN-RECV': 'SYN_RECEIVED',
  'FIN-WAIT-1': 'FIN_WAIT_1',
  'FIN-WAIT-2': 'FIN_WAIT_2',
  'TIME-WAIT': 'TIME_WAIT',
  'CLOSE-WAIT': 'CLOSE_WAIT',
  'LAST-ACK': 'LAST_ACK',
  LISTEN: 'LISTEN',
  CLOSING: 'CLOSING',
};
// ss names the timer by what it does (ss.c tmr_name): on = retransmit, persist = zero-window probe.
const SS_TIMER: Record<string, string> = { on: 'retransmit', keepalive: 'keepalive', timewait: 'timewait', persist: 'zero-window-probe' };

function parseSs(text: string): SsLine[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const f = l.trim().split(/\s+/);
      const t = /timer:\((\w+),(?:(\d+)sec|(\d+)ms|(\d+)min(\d+)sec)/.exec(l);
      const ms = t ? (t[2] ? +t[2] * 1000 : t[3] ? +t[3] : +t[4]! * 60_000 + +t[5]! * 1000) : 0;
      return {
        state: SS_STATE[f[0]!]!,
        recvQ: +f[1]!,
        sendQ: +f[2]!,
        local: f[3]!,
        remote: f[4]!,
        timer: t ? { kind: SS_TIMER[t[1]!]!, ms } : null,
        inode: +/ino:(\d+)/.exec(l)![1]!,
      };
    });
}
const ss = parseSs(data('procnet-ss.txt'));

const fmt = (e: ProcNetEntry, side: 'local' | 'remote'): string => {
  const a = e[side];
  if (e.state === 'LISTEN' && side === 'remote') return e.family === 4 ? '0.0.0.0:*' : '[::]:*';
  return a.address.includes(':') ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
};

describe('parseProcNet on a captured kernel table, checked against ss', () => {
  it('reads every socket ss lists, and no other', () => {
    expect(all).toHaveLength(ss.length);
    expect(new Set(all.map((e) => `${fmt(e, 'local')} ${fmt(e, 'remote')}`))).toEqual(
      new Set(ss.map((s) => `${s.local} ${s.remote}`)),
    );
  });

  it.each(ss.map((s) => [`${s.state} ${s.local} ${s.remote}`, s] as const))('%s', (_, s) => {
    const e = all.find((x) => fmt(x, 'local') === s.local && fmt(x, 'remote') === s.remote)!;
    expect(e.state).toBe(s.state);
    expect(e.inode).toBe(s.inode);
    // ss prints Recv-Q/Send-Q; for LISTEN Recv-Q is the accept queue and Send-Q the backlog (not in /proc).
    expect(e.rxQueue).toBe(s.recvQ);
    if (e.state !== 'LISTEN') expect(e.txQueue).toBe(s.sendQ);
    expect(e.timer?.kind ?? null).toBe(s.timer?.kind ?? null);
    // ss read the tables a few ms after /proc, and rounds timers above 1 s down to whole seconds.
    if (e.timer && s.timer) expect(Math.abs(e.timer.remainingMs - s.timer.ms)).toBeLessThan(1000);
  });

  it('maps the kernel names onto the contract names', () => {
    const kinds = new Set(all.map((e) => `${e.kernelState}->${e.state}`));
    expect(kinds).toEqual(
      new Set([
        'LISTEN->LISTEN',
        'ESTABLISHED->ESTABLISHED',
        'SYN_SENT->SYN_SENT',
        'FIN_WAIT1->FIN_WAIT_1',
        'FIN_WAIT2->FIN_WAIT_2',
        'TIME_WAIT->TIME_WAIT',
        'CLOSE_WAIT->CLOSE_WAIT',
        'LAST_ACK->LAST_ACK',
      ]),
    );
  });

  it('shows TIME_WAIT and an orphaned FIN_WAIT_2 as timewait sockets: inode 0, timer 3, ~60 s left', () => {
    const tw = all.filter((e) => e.timer?.kind === 'timewait');
    expect(tw.map((e) => e.state).sort()).toEqual(['FIN_WAIT_2', 'TIME_WAIT', 'TIME_WAIT']);
    for (const e of tw) {
      expect(e.inode).toBe(0);
      // 0x1746 ticks = 5958 * 10 ms: TCP_TIMEWAIT_LEN (60 s) minus the ~0.4 s since the close.
      expect(e.timer!.remainingMs).toBeGreaterThan(59_000);
      expect(e.timer!.remainingMs).toBeLessThanOrEqual(60_000);
    }
    expect(v4.find((e) => e.local.port === 0x943a)!.timer).toEqual({ kind: 'timewait', remainingMs: 0x1746 * 10 });
  });

  it('shows the backlog-1 listener with a full accept queue (2 = backlog + 1) and a client in SYN_SENT', () => {
    const listener = v4.find((e) => e.state === 'LISTEN' && e.local.port === 37961)!;
    expect(listener.rxQueue).toBe(2);
    const synSent = v4.find((e) => e.state === 'SYN_SENT')!;
    expect(synSent.remote).toEqual({ address: '127.0.0.1', port: 37961 });
    expect(synSent.txQueue).toBe(1); // the SYN takes one sequence number
    expect(synSent.timer).toEqual({ kind: 'retransmit', remainingMs: 870 });
  });
});

describe('addresses', () => {
  it('reads each 32-bit word in host byte order', () => {
    expect(parseHexSocket('0100007F:1F90', 4, 'LE')).toEqual({ address: '127.0.0.1', port: 8080 });
    expect(parseHexSocket('7F000001:1F90', 4, 'BE')).toEqual({ address: '127.0.0.1', port: 8080 });
    expect(parseHexSocket('0101A8C0:0050', 4, 'LE')).toEqual({ address: '192.168.1.1', port: 80 });
    expect(parseHexSocket('00000000000000000000000001000000:945D', 6, 'LE')).toEqual({ address: '::1', port: 37981 });
    expect(parseHexSocket('B80D0120000000000000000001000000:0016', 6, 'LE').address).toBe('2001:db8::1');
    expect(parseHexSocket('0000000000000000FFFF00000100007F:0016', 6, 'LE').address).toBe('::ffff:127.0.0.1');
  });
  it('formats IPv6 per RFC 5952 section 4', () => {
    const b = (s: string): Uint8Array => Buffer.from(s.replace(/:/g, ''), 'hex');
    expect(formatIPv6(b('2001:0db8:0000:0000:0000:0000:0002:0001'))).toBe('2001:db8::2:1');
    expect(formatIPv6(b('2001:0db8:0000:0001:0001:0001:0001:0001'))).toBe('2001:db8:0:1:1:1:1:1'); // 4.2.2
    expect(formatIPv6(b('2001:0000:0000:0001:0000:0000:0000:0001'))).toBe('2001:0:0:1::1'); // 4.2.3 longest
    expect(formatIPv6(b('2001:0db8:0000:0000:0001:0000:0000:0001'))).toBe('2001:db8::1:0:0:1'); // 4.2.3 first
    expect(formatIPv6(new Uint8Array(16))).toBe('::');
  });
  it('rejects what is not a table line', () => {
    expect(parseProcNetLine('  sl  local_address rem_address   st', 4)).toBeNull();
    expect(() => parseProcNetLine('   1: 0100007F:9449 00000000:0000 0D 00000000:00000000 00:00000000 00000000 0 0 1', 4)).toThrow(/unknown kernel TCP state 0D/);
    expect(() => parseHexSocket('0100007F', 4, 'LE')).toThrow(/bad/);
  });
});
