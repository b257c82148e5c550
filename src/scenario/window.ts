/**
 * Window scenario files (`kind: window`, SCENARIOS.md "Window scenarios"): a bulk transfer run in round
 * trips by src/tcp/bulk.ts, with its congestion control, the receiver's buffer and reading, the losses,
 * and what to expect of cwnd, ssthresh, rwnd and the flight size in given rounds.
 */
import { z } from 'zod';
import { loadYaml } from './load.js';
import { addReason, said } from './issue.js';
import { reason } from '../errors.js';
import { PROFILES, getProfile, type ProfileName } from '../tcp/profile.js';
import { VARIANTS, initialWindow, type Variant } from '../tcp/congestion.js';
import type { BulkConfig, Loss, Unit } from '../tcp/bulk.js';

const positive = z.number().int().min(1);
const PHASES = ['slow-start', 'avoidance', 'recovery'] as const;
export const WINDOW_EVENTS = ['timeout', 'fast-retransmit', 'partial-ack', 'recovery-exit', 'no-fast-retransmit', 'lost', 'dup-acks', 'zero-window', 'probe', 'update-lost', 'window-update', 'done'] as const;

const loss = z.union(
  [
    z.object({ segment: positive }).strict(),
    z.object({ seq: positive }).strict(),
    z.object({ timeout: positive }).strict(),
    z.object({ dupacks: positive }).strict(),
    z.object({ update: positive }).strict(),
    z.object({ rate: z.number().min(0).max(1), seed: z.number().int() }).strict(),
  ],
  { error: said(reason('windowLossShape')) },
);

const expectation = z
  .object({
    round: positive,
    cwnd: z.number().int().min(0).optional(),
    ssthresh: z.number().int().min(0).optional(),
    rwnd: z.number().int().min(0).optional(),
    flight: z.number().int().min(0).optional(),
    sent: z.number().int().min(0).optional(),
    phase: z.enum(PHASES).optional(),
    /** An event that happens in that round (its ACKs and timers). */
    event: z.enum(WINDOW_EVENTS).optional(),
  })
  .strict();

const shape = z
  .object({
    kind: z.literal('window'),
    name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, said(reason('windowKebab'))),
    title: z.string(),
    zh: z.object({ title: z.string() }).strict().optional(),
    topic: z.string().optional(),
    description: z.string().optional(),
    profile: z.enum(PROFILES).optional(),
    variant: z.enum(VARIANTS).optional(),
    unit: z.enum(['segments', 'bytes']).optional(),
    /** Bytes per segment (unit: bytes only). */
    mss: z.number().int().min(1).max(65_495).optional(),
    iw: positive.optional(),
    ssthresh: positive.optional(),
    /** The receiver's buffer, in the unit. */
    buffer: positive.optional(),
    rto: positive.optional(),
    persist: positive.optional(),
    nagle: z.boolean().optional(),
    sws: z.boolean().optional(),
    delayedAck: z.boolean().optional(),
    send: z.union([z.object({ segments: positive }).strict(), z.object({ bytes: positive }).strict()], { error: said(reason('windowSendShape')) }),
    /** The application reads `rate` units at the start of each round from round `from` (default: at once). */
    read: z.object({ rate: z.number().int().min(0), from: positive.optional() }).strict().optional(),
    loss: z.array(loss).optional(),
    reorder: z.object({ seed: z.number().int() }).strict().optional(),
    rounds: positive.max(100_000).optional(),
    expect: z.array(expectation).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.unit !== 'bytes' && s.mss !== undefined) addReason(ctx, reason('windowMss'), ['mss']);
    if (s.unit !== 'bytes' && 'bytes' in s.send) addReason(ctx, reason('windowSendSegments'), ['send']);
    if (s.unit === 'bytes' && 'segments' in s.send) addReason(ctx, reason('windowSendBytes'), ['send']);
  });

export type WindowExpectation = z.output<typeof expectation>;

/** The file's schema, for docs/scenarios.md's test (test/docs/scenarios-doc.test.ts walks its keys). */
export const WINDOW_SCENARIO_SCHEMA = shape;

export interface WindowScenario {
  readonly kind: 'window';
  readonly name: string;
  readonly title: string;
  readonly titleZh: string | undefined;
  readonly topic: string | undefined;
  readonly description: string | undefined;
  readonly file: string;
  readonly profile: ProfileName;
  /** The file sets `iw` (a --profile then keeps it). */
  readonly iwSet: boolean;
  readonly config: BulkConfig;
  readonly expect: readonly WindowExpectation[];
}

/** A text that is a window scenario (its top level says `kind: window`). */
export { isWindowScenarioText } from './window-kind.js';

export function parseWindowScenario(text: string, file: string): WindowScenario {
  const raw = loadYaml(text, file, shape);
  const profile = raw.profile ?? 'rfc9293';
  const unit: Unit = raw.unit ?? 'segments';
  const mss = unit === 'bytes' ? (raw.mss ?? getProfile(profile).defaults.mss) : 1;
  const buffer = raw.buffer ?? (unit === 'bytes' ? getProfile(profile).defaults.rcvBuf : 64);
  const losses: Loss[] = raw.loss ?? [];
  const total = 'bytes' in raw.send ? raw.send.bytes : raw.send.segments;
  return {
    kind: 'window',
    name: raw.name,
    title: raw.title,
    titleZh: raw.zh?.title,
    topic: raw.topic,
    description: raw.description,
    file,
    profile,
    iwSet: raw.iw !== undefined,
    config: {
      variant: (raw.variant ?? 'reno') as Variant,
      unit,
      mss,
      total,
      iw: raw.iw ?? initialWindow(profile, unit, mss),
      // RFC 5681 3.1: "The initial value of ssthresh SHOULD be set arbitrarily high (e.g., to the size of
      // the largest possible advertised window)": the receiver's buffer here.
      ssthresh: raw.ssthresh ?? buffer,
      buffer,
      readRate: raw.read?.rate ?? Infinity,
      readFrom: raw.read?.from ?? 1,
      rto: raw.rto ?? 1,
      persist: raw.persist ?? 1,
      nagle: raw.nagle ?? true,
      sws: raw.sws ?? true,
      delayedAck: raw.delayedAck ?? false,
      losses,
      reorderSeed: raw.reorder?.seed,
      maxRounds: raw.rounds ?? 200,
    },
    expect: raw.expect ?? [],
  };
}
