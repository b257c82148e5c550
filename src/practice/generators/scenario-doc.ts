/**
 * The scenario of a generated TCP question, built directly as the typed TcpScenario the simulator runs,
 * with the defaults parseTcpScenario gives a file (src/scenario/tcp.ts). A generated question thus
 * loads neither YAML nor the schema (issue 14: `netkata exam`); test/practice/scenario-doc.test.ts holds
 * this builder equal to parsing the same document, for every story the generators tell.
 */
import type { TcpScenario, TcpStep } from '../../scenario/tcp.js';
import { getProfile } from '../../tcp/profile.js';

export interface PracticeScenario {
  readonly name: string;
  readonly title: string;
  /** ms; when given, a fixed RTO (the textbook model), as a file's `config.rto` is. */
  readonly rto?: number;
  readonly msl?: number;
  readonly delay?: number;
  readonly isn: { readonly client: number; readonly server: number };
  readonly steps: readonly TcpStep[];
}

export function practiceScenario(p: PracticeScenario): TcpScenario {
  const d = getProfile('rfc9293').defaults;
  return {
    name: p.name,
    title: p.title,
    titleZh: undefined,
    topic: undefined,
    description: undefined,
    file: `practice:${p.name}`,
    config: {
      msl: p.msl ?? d.msl,
      rto: p.rto ?? d.rto,
      rtoFixed: p.rto !== undefined,
      retries: undefined,
      delay: p.delay ?? 10,
      finWait2Timeout: d.finWait2Timeout,
      keepalive: { idle: d.keepaliveIdle, interval: d.keepaliveInterval, probes: d.keepaliveProbes },
      profile: 'rfc9293',
      userTimeout: d.userTimeout,
      mss: undefined,
      window: undefined,
      isnSeed: 0,
    },
    endpoints: [
      { name: 'client', isn: p.isn.client, listen: false, backlog: 128, syncookies: false, reads: true, scripted: false, window: undefined },
      { name: 'server', isn: p.isn.server, listen: true, backlog: 128, syncookies: false, reads: true, scripted: false, window: undefined },
    ],
    steps: p.steps,
  };
}

/** The same scenario as a document a scenario file could hold (for the equivalence test). */
export function practiceScenarioDoc(p: PracticeScenario): Record<string, unknown> {
  return {
    name: p.name,
    title: p.title,
    config: { ...(p.rto === undefined ? {} : { rto: p.rto }), ...(p.msl === undefined ? {} : { msl: p.msl }), ...(p.delay === undefined ? {} : { delay: p.delay }) },
    endpoints: { client: { isn: p.isn.client }, server: { isn: p.isn.server, listen: true } },
    steps: p.steps,
  };
}
