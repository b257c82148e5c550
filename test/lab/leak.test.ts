import { readdirSync, readlinkSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Poller } from '../../src/lab/poller.js';
import { hasProcNet, readProcNet } from '../../src/lab/procnet.js';
import { runLabExperiment } from '../../src/lab/runner.js';

const ROTATION: [string, Record<string, unknown>][] = [
  ['handshake', {}],
  ['close', {}],
  ['rst', {}],
  ['time-wait', { watchMs: 0 }],
  ['udp-echo', { sizes: [1, 100] }],
  ['sticky', { lateMs: 0 }],
  ['close-wait', { clients: 2 }],
  ['syn-sent', {}],
  ['fin-wait-1', { holdMs: 0 }],
  ['time', { samples: 1 }],
];

const fds = (): number => readdirSync('/proc/self/fd').length;
const fdTargets = (): string[] =>
  readdirSync('/proc/self/fd').map((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      return '?';
    }
  });

afterAll(() => Poller.closeAll());

describe.skipIf(!hasProcNet())('100 experiments in a row (skipped: no /proc/net/tcp)', () => {
  it('leak no file descriptor and leave no socket of ours in the kernel table', { timeout: 60_000 }, async () => {
    for (const [name, params] of ROTATION) expect((await runLabExperiment(name, { params })).error).toBeNull(); // warm up: modules, poll thread
    const before = fds();
    const ports = new Set<number>();
    for (let i = 0; i < 100; i++) {
      const [name, params] = ROTATION[i % ROTATION.length]!;
      const r = await runLabExperiment(name, { params, timeoutMs: 8000 });
      expect(r.error, `${name} run ${i}`).toBeNull();
      for (const o of r.observations) for (const a of [o.local, o.remote]) ports.add(Number(a.slice(a.lastIndexOf(':') + 1)));
    }
    ports.delete(0);
    // Node closes a handle on the loop's next turn (uv_close): give the last run's a moment, no more.
    for (let i = 0; i < 25 && fds() > before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(fds(), fdTargets().join(' ')).toBe(before);
    // TIME_WAIT (and orphaned FIN_WAIT_2) sockets belong to the kernel: inode 0, no descriptor. A socket
    // a descriptor still holds has an inode: that would be ours, leaked.
    const held = readProcNet().filter((e) => e.inode !== 0 && (ports.has(e.local.port) || ports.has(e.remote.port)));
    expect(held).toEqual([]);
  });
});
