/**
 * The words of a window run (events, profile notes, failed expectations), in one place so a catalogue
 * can take them over. Numbers are in the run's unit.
 */
import type { ProfileName } from './profile.js';
import type { RoundEvent, Unit } from './bulk.js';
import type { Variant } from './congestion.js';

const VARIANT_NAME: Readonly<Record<Variant, string>> = { tahoe: 'Tahoe', reno: 'Reno (RFC 5681)', newreno: 'NewReno (RFC 6582)' };

export function variantName(v: Variant): string {
  return VARIANT_NAME[v];
}

export function eventText(e: RoundEvent): string {
  switch (e.kind) {
    case 'fast-retransmit':
      return `3 dup ACKs: fast retransmit, ssthresh ${e.ssthresh}, cwnd ${e.cwnd}`;
    case 'partial-ack':
      return `partial ACK: retransmit the next hole, cwnd ${e.cwnd}`;
    case 'recovery-exit':
      return `recovery ends: cwnd = ssthresh = ${e.cwnd}`;
    case 'timeout':
      return `timeout: ssthresh ${e.ssthresh}, cwnd ${e.cwnd}, slow start`;
    case 'no-fast-retransmit':
      return `3 dup ACKs not past recover (${e.recover}): no fast retransmit`;
    case 'lost':
      return `lost seq ${e.seq}`;
    case 'dup-acks':
      return `${e.count} dup ACK${e.count === 1 ? '' : 's'}`;
    case 'zero-window':
      return 'zero window: persist timer';
    case 'probe':
      return `window probe seq ${e.seq}`;
    case 'update-lost':
      return 'window update lost';
    case 'window-update':
      return `window update: rwnd ${e.win}`;
    case 'done':
      return 'all acknowledged';
  }
}

/** The round's events as one cell: losses summed, the rest in order. */
export function eventsCell(events: readonly RoundEvent[]): string {
  const lost = events.filter((e) => e.kind === 'lost').length;
  const rest = events.filter((e) => e.kind !== 'lost').map(eventText);
  return [...(lost ? [`${lost} lost`] : []), ...rest].join('; ');
}

/** What the profile says beside the run (the linux profile names what Linux does instead). */
export function profileNotes(profile: ProfileName, variant: Variant, unit: Unit, mss: number, iw: number): string[] {
  const u = unit === 'bytes' ? `bytes (MSS ${mss})` : 'segments';
  const notes = [`congestion control: ${variantName(variant)}; unit: ${u}; initial window ${iw}`];
  if (profile === 'linux') {
    notes.push(
      'linux: the default congestion control is CUBIC (RFC 9438; net.ipv4.tcp_congestion_control = cubic), not simulated here: this run uses ' + variantName(variant),
      'linux: initial window 10 segments (RFC 6928, TCP_INIT_CWND)',
      'linux: fast recovery sends by Proportional Rate Reduction (RFC 6937), not by inflating cwnd with each duplicate ACK',
      'linux: a zero-window probe is a segment with an old sequence number and no data (tcp_xmit_probe_skb), not one new byte',
    );
  }
  return notes;
}
