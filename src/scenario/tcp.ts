/**
 * TCP scenario files (SCENARIOS.md): the zod schema and `parseTcpScenario(text, file)`. Durations are
 * turned into milliseconds and endpoint defaults filled in, so the simulator gets a complete value.
 * Errors are InputErrors `file:line: steps[3].expect.client: unknown state "ESTABLISH"` (loadYaml).
 */
import { z } from 'zod';
import { loadYaml } from './load.js';
import { addNested, addReason, said } from './issue.js';
import { reason, type Reason } from '../errors.js';
import { TCP_STATES, type TcpState } from '../tcp/states.js';
import { parseFlags } from '../tcp/segment.js';
import { getProfile, PROFILES, RFC9293, type ProfileName, type TcpConfig } from '../tcp/profile.js';
import { EXPECT_KEYS, stepVerb } from './tcp-steps.js';

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `250ms`, `30s`, `2m`, `2h` or a number of milliseconds; undefined if it is none of them. */
export function parseDuration(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(v);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * UNITS[m[2] ?? 'ms']!);
}

const duration = z.unknown().transform((v, ctx) => {
  const ms = parseDuration(v);
  if (ms === undefined) {
    addReason(ctx, reason('badDuration', JSON.stringify(v) ?? String(v)));
    return z.NEVER;
  }
  return ms;
});

const stateName = z.enum(TCP_STATES, {
  error: (iss) => said(reason('unknownState', { state: JSON.stringify(iss.input) ?? String(iss.input), states: TCP_STATES })),
});
const epName = z.string().regex(/^[A-Za-z][\w-]*$/, said(reason('endpointName')));
/** Flags as a string (`SYN,ACK`) or a list (`[SYN, ACK]`); kept as the canonical string form. */
const flags = z
  .union([z.string(), z.array(z.string()).min(1)], { error: said(reason('flagsShape')) })
  .transform((v) => (Array.isArray(v) ? v.join(',') : v))
  .superRefine((s, ctx) => {
    if (parseFlags(s) === undefined) addReason(ctx, reason('unknownFlags', JSON.stringify(s)));
  });
const FLAG_NAMES = new Set(['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR']);
/**
 * `{ from: client, flags: SYN,ACK }` is YAML for flags "SYN" and a key "ACK" with no value: name that
 * trap instead of zod's `Unrecognized key: "ACK"`.
 */
function flagKeyTrap(v: unknown): Reason | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const stray = Object.entries(v).find(([k, x]) => FLAG_NAMES.has(k.toUpperCase()) && x === null);
  if (!stray) return undefined;
  return reason('flagKeyTrap', stray[0]);
}
const seqNumber = z.number().int().min(-0xffffffff).max(0xffffffff);
const ERRORS = ['none', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'] as const;
const count = z.number().int().min(1);

const keepaliveConfig = z
  .object({ idle: duration.optional(), interval: duration.optional(), probes: z.number().int().min(1).optional() })
  .strict();

const config = z
  .object({
    msl: duration.optional(),
    rto: duration.optional(),
    retries: z.number().int().min(0).max(30).optional(),
    delay: duration.optional(),
    finWait2Timeout: duration.optional(),
    keepalive: keepaliveConfig.optional(),
    profile: z.enum(PROFILES).optional(),
    /** RFC 9293 3.10.8 user timeout: sent data unacknowledged this long aborts the connection. */
    userTimeout: duration.optional(),
    mss: z.number().int().min(1).max(65_495).optional(),
    /** Receive buffer (bytes) of every endpoint: the window it advertises. */
    window: z.number().int().min(0).max(2 ** 30).optional(),
    /** Secret of the RFC 6528 ISN function (the clock part is the virtual time). */
    isnSeed: z.number().int().min(0).max(0xffffffff).optional(),
  })
  .strict();

const endpoint = z
  .object({
    isn: z.number().int().min(0).max(0xffffffff).optional(),
    listen: z.boolean().optional(),
    backlog: z.number().int().min(0).optional(),
    syncookies: z.boolean().optional(),
    reads: z.boolean().optional(),
    /** A packetdrill-style peer: no TCB; it sends only what `inject` steps give and answers nothing. */
    scripted: z.boolean().optional(),
    window: z.number().int().min(0).max(2 ** 30).optional(),
  })
  .strict();

/**
 * One segment `expect: sent` pins: its sender and flags, and optionally seq, ack, win, len and the time it
 * was sent. seq is relative to the sender's ISN and ack to the receiver's ISN (as packetdrill writes
 * them), unless `absolute: true`.
 */
const sentEntry = z
  .object({
    from: epName,
    flags,
    seq: seqNumber.optional(),
    ack: seqNumber.optional(),
    win: z.number().int().min(0).optional(),
    len: z.number().int().min(0).optional(),
    at: duration.optional(),
    absolute: z.boolean().optional(),
  })
  .strict();

/** Expect: endpoint names map to states; `sent`, `backlog`, `accepted` are the other assertions. */
const expectBody = z
  .object({
    sent: z.array(sentEntry).optional(),
    backlog: z.record(epName, z.number().int().min(0)).optional(),
    accepted: z.record(epName, z.number().int().min(0)).optional(),
    /** The error the application's calls on that endpoint see now (`none`: no error). */
    error: z.record(epName, z.enum(ERRORS, { error: (iss) => said(reason('unknownAppError', { error: JSON.stringify(iss.input) ?? String(iss.input), errors: ERRORS })) })).optional(),
    /** Bytes the application has read on that endpoint's connection. */
    read: z.record(epName, z.number().int().min(0)).optional(),
    /** The peer's FIN has arrived in order: a read after the data returns end of file. */
    eof: z.record(epName, z.boolean()).optional(),
  })
  .catchall(stateName);

const answerText = z.union([z.string(), z.number()]).transform(String);

/**
 * An ask step's Simplified Chinese block says the same question: its choices pair with the English ones
 * by position (same length), and its answer is the choice at the English answer's position. Without
 * zh.choices the English choices are shown in both languages and zh.answer must be the English answer.
 */
function checkZh(a: { choices?: string[] | undefined; answer: string; zh?: { choices?: string[] | undefined; answer: string } | undefined }, ctx: z.RefinementCtx): void {
  const zh = a.zh;
  if (zh === undefined) return;
  if (a.choices === undefined) {
    if (zh.choices !== undefined) addReason(ctx, reason('zhChoicesNoChoices'), ['zh', 'choices']);
    return;
  }
  const want = a.choices.indexOf(a.answer);
  if (zh.choices === undefined) {
    if (zh.answer !== a.answer) {
      addReason(ctx, reason('zhAnswerEnglish', JSON.stringify(a.answer)), ['zh', 'answer']);
    }
    return;
  }
  if (zh.choices.length !== a.choices.length) {
    addReason(ctx, reason('zhChoicesCount', { zh: zh.choices.length, en: a.choices.length }), ['zh', 'choices']);
    return;
  }
  const got = zh.choices.indexOf(zh.answer);
  if (got === -1) {
    addReason(ctx, reason('zhAnswerNotChoice', JSON.stringify(zh.answer)), ['zh', 'answer']);
  } else if (want !== -1 && got !== want) {
    addReason(ctx, reason('zhAnswerPosition', { got: got + 1, want: want + 1 }), ['zh', 'answer']);
  }
}

/** A raw segment from a (usually scripted) endpoint; seq relative to its ISN and ack to the receiver's, unless absolute. */
const injectBody = z
  .object({
    from: epName,
    to: epName.optional(),
    flags,
    seq: seqNumber.optional(),
    ack: seqNumber.optional(),
    win: z.number().int().min(0).max(65_535).optional(),
    len: z.number().int().min(0).max(65_495).optional(),
    absolute: z.boolean().optional(),
  })
  .strict();

const VERBS = {
  listen: epName,
  open: z.union([epName, z.object({ from: epName, to: epName.optional(), isn: z.number().int().min(0).max(0xffffffff).optional() }).strict()]),
  send: z.object({ from: epName, bytes: z.number().int().min(1) }).strict(),
  close: epName,
  /** shutdown(2): `wr` (the default) is RFC 9293's CLOSE, a half close; `rd` sends nothing. */
  shutdown: z.union([epName, z.object({ endpoint: epName, how: z.enum(['wr', 'rd', 'rdwr']).optional() }).strict()]),
  abort: epName,
  crash: epName,
  /** A crashed host comes back with no TCBs (listening again if it listened). */
  reboot: epName,
  keepalive: epName,
  inject: injectBody,
  drop: z
    .object({ from: epName.optional(), flags: flags.optional(), count: count.optional(), seq: seqNumber.optional(), absolute: z.boolean().optional() })
    .strict(),
  duplicate: z.object({ from: epName.optional(), flags: flags.optional(), count: count.optional() }).strict(),
  reorder: z.object({ from: epName.optional(), count: count.optional() }).strict(),
  flood: z
    .object({
      to: epName,
      syns: z.number().int().min(1).max(10_000_000),
      // Sources that answer (an accept-queue flood) are not simulated: say so rather than pretend.
      spoofed: z.literal(true, { error: said(reason('spoofedOnly')) }).optional(),
    })
    .strict(),
  advance: duration,
  settle: z.literal(true),
  expect: expectBody,
  ask: z
    .object({
      prompt: z.string(),
      choices: z.array(z.string()).optional(),
      answer: answerText,
      explain: z.string(),
      zh: z
        .object({ prompt: z.string(), choices: z.array(z.string()).optional(), answer: answerText, explain: z.string() })
        .strict()
        .optional(),
    })
    .strict()
    .superRefine((a, ctx) => checkZh(a, ctx)),
} as const;
export type TcpVerb = keyof typeof VERBS;
export { EXPECT_KEYS, stepVerb };
export const TCP_VERBS = Object.keys(VERBS) as TcpVerb[];

export type TcpStep =
  | { readonly listen: string }
  | { readonly open: string | { readonly from: string; readonly to?: string; readonly isn?: number } }
  | { readonly send: { readonly from: string; readonly bytes: number } }
  | { readonly close: string }
  | { readonly shutdown: string | { readonly endpoint: string; readonly how?: 'wr' | 'rd' | 'rdwr' } }
  | { readonly abort: string }
  | { readonly crash: string }
  | { readonly reboot: string }
  | { readonly keepalive: string }
  | { readonly inject: InjectSpec }
  | { readonly drop: FaultSpec }
  | { readonly duplicate: FaultSpec }
  | { readonly reorder: { readonly from?: string; readonly count?: number } }
  | { readonly flood: { readonly to: string; readonly syns: number; readonly spoofed?: boolean } }
  | { readonly advance: number }
  | { readonly settle: true }
  | { readonly expect: ExpectSpec }
  | { readonly ask: AskSpec };

export interface FaultSpec {
  readonly from?: string;
  readonly flags?: string;
  readonly count?: number;
  /** drop only: the segment with this sequence number (relative to the sender's ISN unless absolute). */
  readonly seq?: number;
  readonly absolute?: boolean;
}
export interface InjectSpec {
  readonly from: string;
  readonly to?: string;
  readonly flags: string;
  readonly seq?: number;
  readonly ack?: number;
  readonly win?: number;
  readonly len?: number;
  readonly absolute?: boolean;
}
export interface SentSpec {
  readonly from: string;
  readonly flags: string;
  readonly seq?: number;
  readonly ack?: number;
  readonly win?: number;
  readonly len?: number;
  readonly at?: number;
  readonly absolute?: boolean;
}
export type AppError = (typeof ERRORS)[number];
export interface ExpectSpec {
  readonly sent?: readonly SentSpec[];
  readonly backlog?: Readonly<Record<string, number>>;
  readonly accepted?: Readonly<Record<string, number>>;
  readonly error?: Readonly<Record<string, AppError>>;
  readonly read?: Readonly<Record<string, number>>;
  readonly eof?: Readonly<Record<string, boolean>>;
  readonly [endpoint: string]: TcpState | unknown;
}
export interface AskText {
  readonly prompt: string;
  readonly choices?: readonly string[];
  readonly answer: string;
  readonly explain: string;
}
export interface AskSpec extends AskText {
  /** The same question in Simplified Chinese (choices pair with the English ones by position). */
  readonly zh?: AskText;
}


const step = z.unknown().transform((v, ctx) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    addReason(ctx, reason('stepOneVerbShape', TCP_VERBS));
    return z.NEVER;
  }
  const keys = Object.keys(v);
  if (keys.length !== 1) {
    addReason(ctx, reason('stepVerbCount', keys));
    return z.NEVER;
  }
  const verb = keys[0]!;
  const schema = (VERBS as Record<string, z.ZodType>)[verb];
  if (!schema) {
    addReason(ctx, reason('unknownVerb', { verb, verbs: TCP_VERBS }), [verb]);
    return z.NEVER;
  }
  const body = (v as Record<string, unknown>)[verb];
  const trap = flagKeyTrap(body) ?? (Array.isArray((body as { sent?: unknown })?.sent)
    ? ((body as { sent: unknown[] }).sent.map(flagKeyTrap).find((x) => x !== undefined))
    : undefined);
  if (trap) {
    addReason(ctx, trap, [verb]);
    return z.NEVER;
  }
  const r = schema.safeParse(body, { reportInput: true });
  if (!r.success) {
    for (const iss of r.error.issues) addNested(ctx, iss, [verb]);
    return z.NEVER;
  }
  return { [verb]: r.data } as TcpStep;
});

const scenarioShape = z
  .object({
    name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, said(reason('scenarioKebab'))),
    title: z.string(),
    /** The title and description in Simplified Chinese (shown under --lang zh). */
    zh: z.object({ title: z.string(), description: z.string().optional() }).strict().optional(),
    topic: z.string().optional(),
    description: z.string().optional(),
    config: config.optional(),
    endpoints: z.record(epName, endpoint.nullable()).optional(),
    steps: z.array(step).min(1),
  })
  .strict();

export interface TcpEndpointSpec {
  readonly name: string;
  readonly isn: number;
  /** A packetdrill-style peer without a TCB (inject steps speak for it). */
  readonly scripted?: boolean;
  /** Receive buffer in bytes (the window it advertises); undefined: the config's or the profile's. */
  readonly window?: number | undefined;
  readonly listen: boolean;
  readonly backlog: number;
  readonly syncookies: boolean;
  /** The application reads received data at once (default true); false leaves it unread. */
  readonly reads?: boolean;
}

export interface TcpScenarioConfig {
  readonly msl: number;
  readonly rto: number;
  /** The file set `rto`: a fixed RTO (before back-off) instead of RFC 6298's estimate from RTT samples. */
  readonly rtoFixed: boolean;
  /**
   * Retransmissions before giving up, for SYN, SYN,ACK, data and FIN alike. Undefined when the file does
   * not set it: the profile's defaults apply (rfc9293: 5 for all, SCENARIOS.md; linux: SYN 6, SYN,ACK 5).
   */
  readonly retries: number | undefined;
  readonly delay: number;
  readonly finWait2Timeout: number;
  readonly keepalive: { readonly idle: number; readonly interval: number; readonly probes: number };
  readonly profile: ProfileName;
  /** 0: no user timeout. */
  readonly userTimeout: number;
  readonly mss: number | undefined;
  readonly window: number | undefined;
  readonly isnSeed: number;
}

export interface TcpScenario {
  readonly name: string;
  readonly title: string;
  /** The title in Simplified Chinese, where the file gives one. */
  readonly titleZh?: string | undefined;
  /** The description in Simplified Chinese, where the file gives one. */
  readonly descriptionZh?: string | undefined;
  readonly topic: string | undefined;
  readonly description: string | undefined;
  readonly file: string;
  readonly config: TcpScenarioConfig;
  readonly endpoints: readonly TcpEndpointSpec[];
  readonly steps: readonly TcpStep[];
}


/** Endpoint names a step refers to, with the path of each (for error messages). */
function namesIn(s: TcpStep): [string, (string | number)[]][] {
  const verb = stepVerb(s);
  const v = (s as Record<string, unknown>)[verb];
  switch (verb) {
    case 'listen':
    case 'close':
    case 'abort':
    case 'crash':
    case 'reboot':
    case 'keepalive':
      return [[v as string, [verb]]];
    case 'shutdown':
      return typeof v === 'string' ? [[v, [verb]]] : [[(v as { endpoint: string }).endpoint, [verb, 'endpoint']]];
    case 'open':
    case 'inject': {
      if (typeof v === 'string') return [[v, [verb]]];
      const o = v as { from: string; to?: string };
      return o.to === undefined ? [[o.from, [verb, 'from']]] : [[o.from, [verb, 'from']], [o.to, [verb, 'to']]];
    }
    case 'send':
      return [[(v as { from: string }).from, [verb, 'from']]];
    case 'drop':
    case 'duplicate':
    case 'reorder': {
      const from = (v as { from?: string }).from;
      return from === undefined ? [] : [[from, [verb, 'from']]];
    }
    case 'flood':
      return [[(v as { to: string }).to, [verb, 'to']]];
    case 'expect': {
      const e = v as ExpectSpec;
      const out: [string, (string | number)[]][] = [];
      for (const k of Object.keys(e)) if (!EXPECT_KEYS.has(k)) out.push([k, [verb, k]]);
      e.sent?.forEach((x, i) => out.push([x.from, [verb, 'sent', i, 'from']]));
      for (const key of ['backlog', 'accepted', 'error', 'read', 'eof'] as const) {
        for (const k of Object.keys(e[key] ?? {})) out.push([k, [verb, key, k]]);
      }
      return out;
    }
    default:
      return [];
  }
}

const schema = scenarioShape.superRefine((s, ctx) => {
  const names = Object.keys(s.endpoints ?? { client: {}, server: {} });
  if (names.length < 2) addReason(ctx, reason('twoEndpoints'), ['endpoints']);
  s.steps.forEach((st, i) => {
    for (const [name, path] of namesIn(st)) {
      if (!names.includes(name)) {
        addReason(ctx, reason('unknownEndpoint', { name, names }), ['steps', i, ...path]);
      }
    }
    const verb = stepVerb(st);
    const o = (st as Record<string, unknown>)[verb];
    if ((verb === 'open' || verb === 'inject') && names.length > 2 && (typeof o === 'string' || (o as { to?: string }).to === undefined)) {
      addReason(ctx, reason('fromTo', verb), ['steps', i, verb]);
    }
    // A scripted endpoint has no TCB: it has no state to expect and no application to call.
    const scripted = new Set(Object.entries(s.endpoints ?? {}).filter(([, e]) => e?.scripted).map(([n]) => n));
    if (verb === 'expect') {
      for (const k of Object.keys(o as object)) {
        if (scripted.has(k)) addReason(ctx, reason('scriptedExpect', k), ['steps', i, 'expect', k]);
      }
    } else if (['listen', 'open', 'send', 'close', 'shutdown', 'abort', 'keepalive'].includes(verb)) {
      const who = typeof o === 'string' ? o : ((o as { from?: string; endpoint?: string }).from ?? (o as { endpoint?: string }).endpoint);
      if (who !== undefined && scripted.has(who)) {
        addReason(ctx, reason('scriptedSpeaks', who), ['steps', i, verb]);
      }
    }
  });
});

/** The timer values of a config that sets none: the profile's defaults (SCENARIOS.md shows rfc9293's). */
function configDefaults(d: TcpConfig, profile: ProfileName): TcpScenarioConfig {
  return {
    msl: d.msl,
    rto: d.rto,
    rtoFixed: false,
    retries: undefined,
    delay: 10,
    finWait2Timeout: d.finWait2Timeout,
    keepalive: { idle: d.keepaliveIdle, interval: d.keepaliveInterval, probes: d.keepaliveProbes },
    profile,
    userTimeout: d.userTimeout,
    mss: undefined,
    window: undefined,
    isnSeed: 0,
  };
}

export const DEFAULT_CONFIG: TcpScenarioConfig = configDefaults(RFC9293.defaults, 'rfc9293');

/** Parse and validate a scenario file's text. `file` names it in error messages. */
export function parseTcpScenario(text: string, file: string): TcpScenario {
  const raw = loadYaml(text, file, schema);
  const c = raw.config ?? {};
  const eps = raw.endpoints ?? { client: { isn: 1000 }, server: { isn: 5000, listen: true } };
  const profile = c.profile ?? DEFAULT_CONFIG.profile;
  const d = configDefaults(getProfile(profile).defaults, profile);
  return {
    name: raw.name,
    title: raw.title,
    titleZh: raw.zh?.title,
    descriptionZh: raw.zh?.description,
    topic: raw.topic,
    description: raw.description,
    file,
    config: {
      msl: c.msl ?? d.msl,
      rto: c.rto ?? d.rto,
      rtoFixed: c.rto !== undefined,
      retries: c.retries,
      delay: c.delay ?? d.delay,
      finWait2Timeout: c.finWait2Timeout ?? d.finWait2Timeout,
      keepalive: {
        idle: c.keepalive?.idle ?? d.keepalive.idle,
        interval: c.keepalive?.interval ?? d.keepalive.interval,
        probes: c.keepalive?.probes ?? d.keepalive.probes,
      },
      profile,
      userTimeout: c.userTimeout ?? d.userTimeout,
      mss: c.mss,
      window: c.window,
      isnSeed: c.isnSeed ?? 0,
    },
    endpoints: Object.entries(eps).map(([name, e], i) => ({
      name,
      isn: e?.isn ?? 1000 + 4000 * i,
      listen: e?.listen ?? false,
      backlog: e?.backlog ?? 128,
      syncookies: e?.syncookies ?? false,
      reads: e?.reads ?? true,
      scripted: e?.scripted ?? false,
      window: e?.window,
    })),
    steps: raw.steps,
  };
}

/** The schemas of a scenario file and of each step verb, for tools that walk them (test/docs checks docs/scenarios.md names every key). */
export const TCP_SCENARIO_SCHEMAS = { file: scenarioShape, verbs: VERBS } as const;
