/**
 * The words of a window run (events, profile notes, failed expectations), from the catalogue's `windows`
 * section: English by default (what `tcp run --json` carries), or the language the caller passes.
 * Numbers are in the run's unit.
 */
import type { ProfileName } from './profile.js';
import type { RoundEvent, Unit } from './bulk.js';
import type { Phase, Variant } from './congestion.js';
import type { Messages } from '../i18n/index.js';
import { windows as enWindows } from '../i18n/en/windows.js';

export type WindowMessages = Messages['windows'];
/** The English text, from its section alone (running a window scenario loads no other catalogue). */
export const EN: WindowMessages = enWindows;

const VARIANT: Readonly<Record<Variant, readonly [string, string | undefined]>> = {
  tahoe: ['Tahoe', undefined],
  reno: ['Reno', 'RFC 5681'],
  newreno: ['NewReno', 'RFC 6582'],
};

export function variantName(v: Variant, m: WindowMessages = EN): string {
  return m.variant(...VARIANT[v]);
}

export function phaseText(p: Phase, m: WindowMessages = EN): string {
  return m.phase[p];
}

export function eventText(e: RoundEvent, m: WindowMessages = EN): string {
  const t = m.event;
  switch (e.kind) {
    case 'fast-retransmit':
      return t.fastRetransmit(e.ssthresh, e.cwnd);
    case 'partial-ack':
      return t.partialAck(e.cwnd);
    case 'recovery-exit':
      return t.recoveryExit(e.cwnd);
    case 'timeout':
      return t.timeout(e.ssthresh, e.cwnd);
    case 'no-fast-retransmit':
      return t.noFastRetransmit(e.recover);
    case 'lost':
      return t.lost(e.seq);
    case 'dup-acks':
      return t.dupAcks(e.count);
    case 'zero-window':
      return t.zeroWindow;
    case 'probe':
      return t.probe(e.seq);
    case 'update-lost':
      return t.updateLost;
    case 'window-update':
      return t.windowUpdate(e.win);
    case 'done':
      return t.done;
  }
}

/** The round's events, losses summed, the rest in order. */
export function eventsList(events: readonly RoundEvent[], m: WindowMessages = EN): string[] {
  const lost = events.filter((e) => e.kind === 'lost').length;
  const rest = events.filter((e) => e.kind !== 'lost').map((e) => eventText(e, m));
  return [...(lost ? [m.event.lostCount(lost)] : []), ...rest];
}

/** The round's events as one cell. */
export function eventsCell(events: readonly RoundEvent[], m: WindowMessages = EN): string {
  return eventsList(events, m).join(m.eventJoin);
}

/** What the profile says beside the run (the linux profile names what Linux does instead). */
export function profileNotes(profile: ProfileName, variant: Variant, unit: Unit, mss: number, iw: number, m: WindowMessages = EN): string[] {
  const n = m.notes;
  const notes = [n.congestion(variantName(variant, m), unit === 'bytes' ? n.bytes(mss) : n.segments, iw)];
  if (profile === 'linux') notes.push(n.linuxCubic(variantName(variant, m)), n.linuxIw, n.linuxPrr, n.linuxProbe);
  return notes;
}
