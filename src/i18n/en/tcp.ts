/**
 * The TCP simulator's text (English): the ladder of `tcp run`, step descriptions, what a receiver did with
 * a segment, why a segment was sent, notes on application calls, `tcp list` and `tcp states`, and the
 * app's simulator screen. `tcp run --json` carries these English texts (`action`, `why`, `verdict`), so
 * they are part of the JSON contract: change them only with docs/cli.md.
 *
 * Functions take display-ready values (a duration already formatted, a step body as parsed), so this
 * file imports types only and src/tcp stays free of any language.
 */
import type { AskSpec, ExpectSpec, FaultSpec, InjectSpec } from '../../scenario/tcp.js';

type Open = string | { readonly from: string; readonly to?: string; readonly isn?: number };
type Shutdown = string | { readonly endpoint: string; readonly how?: 'wr' | 'rd' | 'rdwr' };

/** `verb k=v k={a:b}` in the order the parsed step holds its keys (the form `tcp run --json` prints). */
function kv(verb: string, v: object): string {
  const parts: string[] = [];
  for (const [k, x] of Object.entries(v)) {
    if (k === 'sent') parts.push(`sent=[${(x as { from: string; flags: string }[]).map((s) => `${s.from} ${s.flags}`).join('; ')}]`);
    else if (x && typeof x === 'object') parts.push(`${k}={${Object.entries(x).map(([a, b]) => `${a}:${String(b)}`).join(',')}}`);
    else parts.push(`${k}=${String(x)}`);
  }
  return `${verb} ${parts.join(' ')}`;
}

export const tcp = {
  /** A scenario step as text: `open client`, `drop from=client flags=ACK`, `expect client=ESTABLISHED`. */
  step: {
    listen: (ep: string) => `listen ${ep}`,
    open: (o: Open) => (typeof o === 'string' ? `open ${o}` : kv('open', o)),
    send: (s: { readonly from: string; readonly bytes: number }) => kv('send', s),
    close: (ep: string) => `close ${ep}`,
    shutdown: (s: Shutdown) => (typeof s === 'string' ? `shutdown ${s}` : kv('shutdown', s)),
    abort: (ep: string) => `abort ${ep}`,
    crash: (ep: string) => `crash ${ep}`,
    reboot: (ep: string) => `reboot ${ep}`,
    keepalive: (ep: string) => `keepalive ${ep}`,
    inject: (s: InjectSpec) => kv('inject', s),
    drop: (s: FaultSpec) => kv('drop', s),
    duplicate: (s: FaultSpec) => kv('duplicate', s),
    reorder: (s: { readonly from?: string; readonly count?: number }) => kv('reorder', s),
    flood: (s: { readonly to: string; readonly syns: number; readonly spoofed?: boolean }) => kv('flood', s),
    /** `duration` is formatted already (`10ms`, `2m`). */
    advance: (duration: string) => `advance ${duration}`,
    settle: 'settle',
    expect: (e: ExpectSpec) => kv('expect', e),
    ask: (a: AskSpec) => `ask ${a.prompt}`,
  },

  /** What a receiver did with a segment where nothing visible says it, keyed by the guard of the transition taken. */
  verdict: {
    isRstOutOfWindow: 'ignored: RST outside the window (RFC 5961 3.2)',
    isUnacceptable: 'not acceptable (first check): ACKed and dropped',
    isRstInexact: 'RST not at RCV.NXT: challenge ACK (RFC 5961 3.2)',
    hasSyn: 'SYN in a synchronized state: challenge ACK (RFC 5961 4.2)',
    hasNoAck: 'dropped: no ACK bit (fifth check)',
    isSynWithBacklogFull: 'dropped: backlog full',
    isRst: 'ignored: RST',
  },
  /** No transition took the segment. */
  ignoredIn: (state: string) => `ignored in ${state}`,

  /** Why a segment was sent, where a reader of the ladder could not tell. */
  why: {
    retransmit: (n: number) => `#${n}`,
    challengeAck: 'challenge ACK',
    ackUnacceptable: 'ACK of an unacceptable segment',
    synAckAgain: 'SYN,ACK again',
    keepaliveProbe: (n: number) => `keepalive probe #${n}`,
  },

  /** An application call that had no effect (RFC 9293 3.10 answers it with an error). */
  call: {
    crashed: (host: string, event: string) => `${host} has crashed: ${event} ignored`,
    noTransition: (event: string, state: string) => `${event} in ${state}: no transition (RFC 9293 3.10: error, nothing sent)`,
    closing: (event: string, state: string) => `${event} in ${state}: error EPIPE, connection closing (RFC 9293 3.10.2), nothing sent`,
    shutdownRd: 'shutdown rd: nothing is sent (RFC 9293 has no receive-side CLOSE)',
  },

  /** Machine events as the ladder names them (the machine's own names in English). */
  event: {
    PASSIVE_OPEN: 'PASSIVE_OPEN',
    ACTIVE_OPEN: 'ACTIVE_OPEN',
    SEND: 'SEND',
    CLOSE: 'CLOSE',
    ABORT: 'ABORT',
    SET_KEEPALIVE: 'SET_KEEPALIVE',
    RETRANSMISSION_TIMEOUT: 'RETRANSMISSION_TIMEOUT',
    TIME_WAIT_TIMEOUT: 'TIME_WAIT_TIMEOUT',
    FIN_WAIT_2_TIMEOUT: 'FIN_WAIT_2_TIMEOUT',
    KEEPALIVE_TIMEOUT: 'KEEPALIVE_TIMEOUT',
    USER_TIMEOUT: 'USER_TIMEOUT',
  },

  ladder: {
    header: (scenario: string, profile: string) => `${scenario} (profile ${profile}): one event per row, arrows at send time`,
    time: 'time',
    script: '(script)',
    /** A crashed host's column. */
    down: 'down',
    lost: 'X lost',
    duplicated: ' (x2)',
    /** The same, as a note when the arrow has no room for it. */
    twice: 'delivered twice',
    hostDown: 'host down',
    inFlight: 'still in flight',
    late: (sent: string, arrived: string) => `sent ${sent}, arrived ${arrived}`,
    secondCopy: ', second copy',
    /** Notes after a row, joined: `  (a; b)`. */
    notes: (notes: readonly string[]) => `  (${notes.join('; ')})`,
    /** `server: ignored: RST` */
    verdictNote: (endpoint: string, verdict: string) => `${endpoint}: ${verdict}`,
    /** A state change with no segment of its own: `(server: rcv ACK -> ESTABLISHED)`. */
    transition: (endpoint: string, why: string, to: string) => `(${endpoint}: ${why} -> ${to})`,
    received: (flags: string) => `rcv ${flags}`,
    /** `(reason)` after an arrow's label; a retransmission number (`#2`) stands alone. */
    why: (why: string) => (why.startsWith('#') ? ` ${why}` : ` (${why})`),
    /** The verdict cell of an expect step, with the gap after it (the same width either way). */
    verdictCell: (ok: boolean): string => (ok ? 'ok   ' : 'FAIL '),
    failure: (field: string, expected: string, actual: string) => `${field}: expected ${expected}, got ${actual}`,
    failureJoin: '; ',
    injected: '(injected) ',
    stepNote: (note: string) => `  [${note}]`,
    flood: (parts: readonly string[]) => `[flood] ${parts.join(', ')}`,
    floodSyn: (n: number, target: string) => `${n} SYN from spoofed sources -> ${target}`,
    floodSynAck: (n: number) => `${n} SYN,ACK to spoofed sources (never answered)`,
    floodOther: (n: number) => `${n} other flood segments`,
    crashed: ' (crashed)',
    /** A scripted endpoint in the summary line. */
    scripted: (name: string) => `${name} (script)`,
    final: (states: readonly string[], at: string, verdict: string) => `final: ${states.join(', ')} at ${at}; ${verdict}`,
    passed: 'passed',
    failed: (n: number) => `FAILED (${n} expectation${n > 1 ? 's' : ''})`,
  },

  /** What a failed expectation compared: an endpoint's state, `sent`, `backlog.server` ... (Failure.field). */
  field: (field: string) => field,

  /** `tcp run`'s one line on stderr when an expectation failed (exit 1). */
  runFailed: (scenario: string, n: number) => `${scenario}: ${n} expectation(s) failed`,

  states: {
    header: (profile: string, states: number, transitions: number) => `TCP endpoint machine, profile ${profile}: ${states} states, ${transitions} transitions`,
    stay: '(stay)',
    ignored: '(ignored)',
    reenter: (state: string) => `${state} (re-enter)`,
  },

  /** The app's simulator screen. */
  screen: {
    floodNotDrawn: (n: number) => `+${n} flood segments (not drawn)`,
    timer: {
      retransmission: 'RTO',
      timeWait: '2MSL',
      finWait2: 'FIN_WAIT_2',
      keepalive: 'keepalive',
      user: 'user timeout',
    },
  },
};
