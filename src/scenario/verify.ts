/**
 * The schema of a verify probe (`scenarios/verify/*.yaml`, SCENARIOS.md "Verify probes"): the clients a
 * probe opens against a program under test, what they send, and what must come back, how fast, and which
 * kernel states the program's sockets must pass. Text in, data out: the caller reads files.
 *
 * A step is a mapping with one verb key, as in TCP scenarios. Clients are named by the probe; `client`
 * may also be a pattern ending in `*` (`c*`) for every client opened so far whose name starts so.
 */
import { z } from 'zod';
import { loadYaml } from './load.js';
import { addNested, addReason, said } from './issue.js';
import { reason } from '../errors.js';
import { TCP_STATES, type TcpState } from '../tcp/states.js';

const ClientName = z.string().regex(/^[a-z][a-z0-9-]*$/, said(reason('clientName')));
const ClientRef = z.string().regex(/^[a-z][a-z0-9-]*\*?$/, said(reason('clientRef')));
const State = z.enum(TCP_STATES as unknown as [TcpState, ...TcpState[]]);
/** ms: every wait of a probe is bounded, the run as a whole too (`timeout`). */
const Within = z.number().int().positive().max(600_000);
const Hex = z.string().regex(/^([0-9a-fA-F]{2})*$/, said(reason('hexBytes')));
/** A check's name in the report; the built-in probes name each check so a test can ask for it. */
const CheckName = z.string().regex(/^[a-z][a-z0-9-]*$/, said(reason('checkName')));

/** What is sent: exactly one of text, hex bytes, or length-prefixed frames (4-byte big-endian length). */
const Payload = {
  text: z.string().optional(),
  hex: Hex.optional(),
  frames: z.array(z.string()).min(1).optional(),
};
const exactlyOne = (p: { text?: unknown; hex?: unknown; frames?: unknown }): boolean =>
  [p.text, p.hex, p.frames].filter((x) => x !== undefined).length === 1;

const Send = z
  .object({ client: ClientRef, ...Payload })
  .strict()
  .refine(exactlyOne, said(reason('payloadOne')));

const Read = z
  .object({
    client: ClientRef,
    ...Payload,
    /** Expect the server to end the connection (its FIN: end of stream), after any bytes expected. */
    eof: z.literal(true).optional(),
    within: Within.default(2000),
    name: CheckName.optional(),
  })
  .strict()
  .refine((p) => exactlyOne(p) || (p.eof === true && p.text === undefined && p.hex === undefined && p.frames === undefined), said(reason('payloadOneOrEof')));

const Open = z.object({ count: z.number().int().min(1).max(64), prefix: ClientName }).strict();

/** The server's end of `client`'s connection passes these states in order (CLOSED: the kernel freed it). */
const ServerStates = z
  .object({ client: ClientName, path: z.array(State).min(1), within: Within.default(2000), name: CheckName.optional() })
  .strict();

/** After at most `within`, no socket of the program is in `state` (e.g. CLOSE_WAIT: it never closed its side). */
const NoState = z.object({ state: State, within: Within.default(2000), name: CheckName.optional() }).strict();

/** A new client is accepted by the program (the kernel shows its end of the connection held by a file descriptor). */
const Accepts = z.object({ within: Within.default(2000), name: CheckName.optional() }).strict();

/**
 * One file as the seeds' exercise sends it, done right (src/verify/file-transfer.ts): a 4-byte big-endian
 * header length, a JSON header {name, size, sha256}, exactly `size` bytes, then the end of the connection.
 */
const ReadFile = z.object({ client: ClientName, within: Within.default(5000), name: CheckName.optional() }).strict();

/**
 * UDP (a probe with `transport: udp`): each of `send` is one datagram, sent in a burst from one client
 * socket; `replies` are the datagrams that must come back, one each, in order, within `within` ms, and
 * no other in `quiet` ms after the last (src/verify/udp.ts).
 */
const Datagrams = z
  .object({ send: z.array(z.string()).min(1).max(64), replies: z.array(z.string()).max(64), within: Within.default(2000), quiet: Within.default(200), name: CheckName.optional() })
  .strict();

/** (`role: client`) The program under test connects to netkata's server; its connection is named `client`. */
const AcceptClient = z.object({ client: ClientName, within: Within.default(5000), name: CheckName.optional() }).strict();

/** (`role: client`) The program's end of that connection passes these states in order (CLOSED: freed). */
const ClientStates = z
  .object({ client: ClientName, path: z.array(State).min(1), within: Within.default(2000), name: CheckName.optional() })
  .strict();

export const VERIFY_STEP_SCHEMAS = {
  connect: ClientName,
  open: Open,
  send: Send,
  read: Read,
  'read-file': ReadFile,
  shutdown: ClientRef,
  close: ClientRef,
  abort: ClientRef,
  pause: Within,
  'server-states': ServerStates,
  'no-state': NoState,
  accepts: Accepts,
  datagrams: Datagrams,
  'accept-client': AcceptClient,
  'client-states': ClientStates,
} as const;

/** The verbs of a `role: client` probe (netkata is the server: it accepts, reads, sends, closes). */
export const CLIENT_ROLE_VERBS: readonly VerifyVerb[] = ['accept-client', 'send', 'read', 'shutdown', 'close', 'pause', 'client-states'];

/** The verbs a `transport: udp` probe may use; the others need a TCP connection. */
export const UDP_VERBS: readonly VerifyVerb[] = ['datagrams', 'pause'];

export type VerifyVerb = keyof typeof VERIFY_STEP_SCHEMAS;
export const VERIFY_VERBS = Object.keys(VERIFY_STEP_SCHEMAS) as VerifyVerb[];

/** A mapping with one verb key, checked with that verb's schema (errors name the verb's own keys). */
const Step = z.unknown().transform((v, ctx) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || Object.keys(v).length !== 1) {
    addReason(ctx, reason('stepOneVerbShape', VERIFY_VERBS));
    return z.NEVER;
  }
  const verb = Object.keys(v)[0]!;
  const schema = (VERIFY_STEP_SCHEMAS as Record<string, z.ZodType>)[verb];
  if (!schema) {
    addReason(ctx, reason('unknownVerb', { verb, verbs: VERIFY_VERBS }), [verb]);
    return z.NEVER;
  }
  const r = schema.safeParse((v as Record<string, unknown>)[verb], { reportInput: true });
  if (!r.success) {
    for (const iss of r.error.issues) addNested(ctx, iss, [verb]);
    return z.NEVER;
  }
  return { [verb]: r.data } as VerifyStep;
});

export const VERIFY_PROBE_SCHEMA = z
  .object({
    name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, said(reason('kebab'))),
    title: z.string().min(1),
    zh: z.object({ title: z.string().min(1) }).strict().optional(),
    /** tcp (the default): clients connect; udp: datagrams only, and no TCP states to check. */
    transport: z.enum(['tcp', 'udp']).default('tcp'),
    /** server (the default): the program serves and netkata's clients connect; client: the reverse. */
    role: z.enum(['server', 'client']).default('server'),
    /** ms for the whole run, after the program listens. */
    timeout: Within.default(10_000),
    steps: z.array(Step).min(1),
  })
  .strict()
  .superRefine((p, ctx) => {
    p.steps.forEach((st, i) => {
      const verb = verbOf(st);
      const udp = UDP_VERBS.includes(verb);
      if (p.transport === 'udp' && !udp) addReason(ctx, reason('udpVerbsOnly', UDP_VERBS), ['steps', i, verb]);
      if (p.transport === 'tcp' && verb === 'datagrams') addReason(ctx, reason('datagramsNeedUdp'), ['steps', i, verb]);
      if (i === 0 && p.role === 'client' && p.transport === 'udp') addReason(ctx, reason('clientRoleTcp'), ['role']);
      if (p.role === 'client' && !CLIENT_ROLE_VERBS.includes(verb)) addReason(ctx, reason('clientRoleVerbsOnly', CLIENT_ROLE_VERBS), ['steps', i, verb]);
      if (p.role === 'server' && (verb === 'accept-client' || verb === 'client-states')) addReason(ctx, reason('verbNeedsClientRole', verb), ['steps', i, verb]);
    });
  });

export type VerifyStep =
  | { readonly connect: string }
  | { readonly open: z.output<typeof Open> }
  | { readonly send: z.output<typeof Send> }
  | { readonly read: z.output<typeof Read> }
  | { readonly 'read-file': z.output<typeof ReadFile> }
  | { readonly shutdown: string }
  | { readonly close: string }
  | { readonly abort: string }
  | { readonly pause: number }
  | { readonly 'server-states': z.output<typeof ServerStates> }
  | { readonly 'no-state': z.output<typeof NoState> }
  | { readonly accepts: z.output<typeof Accepts> }
  | { readonly datagrams: z.output<typeof Datagrams> }
  | { readonly 'accept-client': z.output<typeof AcceptClient> }
  | { readonly 'client-states': z.output<typeof ClientStates> };

export interface VerifyProbe {
  readonly name: string;
  readonly title: string;
  readonly zh?: { readonly title: string };
  readonly transport?: 'tcp' | 'udp';
  readonly role?: 'server' | 'client';
  readonly timeout: number;
  readonly steps: readonly VerifyStep[];
}

export function verbOf(step: VerifyStep): VerifyVerb {
  return Object.keys(step)[0] as VerifyVerb;
}

/** Parse a probe; errors are `<file>:<line>: <path>: <what is wrong>`. */
export function parseVerifyProbe(text: string, file: string): VerifyProbe {
  return loadYaml(text, file, VERIFY_PROBE_SCHEMA) as VerifyProbe;
}
