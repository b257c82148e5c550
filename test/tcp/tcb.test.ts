/** createTcb resolves a config once per (config object, profile): one config shared by both profiles keeps each profile's own values. */
import { describe, expect, it } from 'vitest';
import { createTcb } from '../../src/tcp/tcb.js';

describe('createTcb', () => {
  it('one config object under two profiles: each keeps its own defaults (tcp_syn_retries 6 on linux, 5 in SCENARIOS.md)', () => {
    const config = { msl: 30_000, rto: 1_000 };
    for (let i = 0; i < 2; i++) {
      expect(createTcb({ config }, 'rfc9293')).toMatchObject({ synRetries: 5, synAckRetries: 5, timeWaitLength: 60_000, maxRto: 60_000 });
      // Linux: TCP_TIMEWAIT_LEN 60 s whatever the MSL, TCP_RTO_MAX 120 s.
      expect(createTcb({ config }, 'linux')).toMatchObject({ synRetries: 6, synAckRetries: 5, timeWaitLength: 60_000, maxRto: 120_000 });
    }
    const short = { msl: 2_000 };
    expect(createTcb({ config: short }, 'rfc9293').timeWaitLength).toBe(4_000);
    expect(createTcb({ config: short }, 'linux').timeWaitLength).toBe(60_000);
  });

  it('an explicit retries sets the handshake counts too, for every TCB made from that config', () => {
    const config = { retries: 2 };
    const a = createTcb({ isn: 1, config }, 'linux');
    const b = createTcb({ isn: 2, config }, 'linux');
    expect([a.retries, a.synRetries, a.synAckRetries, b.synRetries]).toEqual([2, 2, 2, 2]);
    expect([a.iss, b.iss]).toEqual([1, 2]);
    expect(a).not.toBe(b);
  });
});
