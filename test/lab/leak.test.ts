import { readdirSync, readlinkSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Poller } from '../../src/lab/poller.js';
import { hasProcNet, readProcNet } from '../../src/lab/procnet.js';
import { runLabExperiment } from '../../src/lab/runner.js';
import { skipTitle } from '../helpers/skip-title.js';

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

/** This process's descriptors as `fd -> target`, without the one readdir used for the listing itself. */
const fdTable = (): string[] =>
  readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [`${fd}->${readlinkSync(`/proc/self/fd/${fd}`)}`];
    } catch {
      return []; // the listing's own descriptor, closed by now
    }
  });

afterAll(() => Poller.closeAll());

describe.skipIf(!hasProcNet())(skipTitle('100 experiments in a row', !hasProcNet(), 'no /proc/net/tcp'), () => {
  it('leak no file descriptor and leave no socket of ours in the kernel table', { timeout: 60_000 }, async () => {
    for (const [name, params] of ROTATION) expect((await runLabExperiment(name, { params })).error).toBeNull(); // warm up: modules, poll thread
    // A set, not a count: a descriptor of the warm-up that closes late (uv_close runs on a later turn)
    // would otherwise offset, or hide, one the 100 runs leak.
    const before = new Set(fdTable());
    const opened = (): string[] => fdTable().filter((d) => !before.has(d));
    const ports = new Set<number>();
    for (let i = 0; i < 100; i++) {
      const [name, params] = ROTATION[i % ROTATION.length]!;
      const r = await runLabExperiment(name, { params, timeoutMs: 8000 });
      expect(r.error, `${name} run ${i}`).toBeNull();
      for (const o of r.observations) for (const a of [o.local, o.remote]) ports.add(Number(a.slice(a.lastIndexOf(':') + 1)));
    }
    ports.delete(0);
    // Node closes a handle on the loop's next turn (uv_close): wait for the last run's to go, with a
    // deadline generous for a loaded machine (a leak stays: the count never comes back).
    for (const t0 = Date.now(); opened().length > 0 && Date.now() - t0 < 5000; ) await new Promise((r) => setTimeout(r, 20));
    expect(opened()).toEqual([]);
    // TIME_WAIT (and orphaned FIN_WAIT_2) sockets belong to the kernel: inode 0, no descriptor. A socket
    // a descriptor of this process still holds has that descriptor's inode: that would be ours, leaked.
    // Only ours: the other test files run in parallel processes, and an ephemeral port we used and freed
    // may be in use by one of their live sockets by now.
    const ours = new Set(fdTable().flatMap((t) => /->socket:\[(\d+)\]$/.exec(t)?.[1] ?? []).map(Number));
    const held = readProcNet().filter((e) => e.inode !== 0 && ours.has(e.inode) && (ports.has(e.local.port) || ports.has(e.remote.port)));
    expect(held).toEqual([]);
  });
});
