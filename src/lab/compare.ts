/**
 * `--compare`: the same application actions, replayed in the simulator (linux profile), beside what the
 * kernel showed. Each lab connection becomes a two-endpoint scenario (client, server in RFC 9293's
 * one-TCB view), its actions become steps in the order they were taken, each followed by `settle`.
 * What the simulator does not model (zero windows, the accept queue) is said, not faked; a SYN the
 * kernel dropped (the server end never appeared) becomes a `drop` of the client's SYNs.
 */
import { createSimulation } from '../tcp/simulation.js';
import { DEFAULT_CONFIG, type TcpScenario, type TcpStep } from '../scenario/tcp.js';
import type { ActionRecord } from './lab-run.js';
import { DROPPED_SYNS } from './compare-steps.js';
import type { LabState } from './states.js';

export interface ComparedConnection {
  readonly client: string;
  readonly server: string;
  /** The scenario steps replayed. */
  readonly steps: string[];
  readonly kernel: { readonly client: LabState[]; readonly server: LabState[] };
  /** Every state the simulated endpoint went through, from its start (CLOSED, LISTEN). */
  readonly simulated: { readonly client: LabState[]; readonly server: LabState[] };
}

export interface Comparison {
  readonly profile: 'linux';
  readonly connections: ComparedConnection[];
}

export interface CompareInput {
  readonly experiment: string;
  readonly connections: readonly { readonly client: string; readonly server: string }[];
  readonly actions: readonly ActionRecord[];
  readonly sequences: Readonly<Record<string, LabState[]>>;
}

export function compareWithSimulator(report: CompareInput): Comparison {
  const out: ComparedConnection[] = [];
  for (const { client, server } of report.connections) {
    const acts = report.actions.filter((a) => a.socket === client || a.socket === server).sort((a, b) => a.at - b.at);
    const steps: TcpStep[] = [];
    const text: string[] = [];
    const closed = new Set<string>();
    const synDropped = report.sequences[server] === undefined && report.sequences[client]?.includes('SYN_SENT') === true;
    if (synDropped) {
      steps.push({ drop: { from: 'client', flags: 'SYN', count: DROPPED_SYNS } });
      text.push('drop from=client flags=SYN (the full accept queue dropped them)');
    }
    let lastAt = 0;
    for (const a of acts) {
      const ep = a.socket === client ? 'client' : 'server';
      let step: TcpStep | undefined;
      if (a.action === 'connect') step = { open: 'client' };
      else if (a.action === 'end' || a.action === 'destroy') step = closed.has(ep) ? undefined : { close: ep };
      else if (a.action === 'resetAndDestroy') step = { abort: ep };
      if (!step) continue;
      if (a.action !== 'connect') closed.add(ep);
      if (synDropped && a.action !== 'connect') {
        // keep the kernel's pace: the SYN retransmissions of the time that really passed
        steps.push({ advance: Math.max(1, Math.round(a.at - lastAt)) });
        text.push(`advance ${Math.max(1, Math.round(a.at - lastAt))}ms`);
      }
      steps.push(step);
      text.push(Object.entries(step).map(([k, v]) => `${k} ${String(v)}`)[0]!);
      if (!synDropped || a.action !== 'connect') steps.push({ settle: true });
      lastAt = a.at;
    }
    const scenario: TcpScenario = {
      name: `lab-${report.experiment}`,
      title: `lab ${report.experiment}: ${client}/${server}`,
      topic: undefined,
      description: undefined,
      file: `(lab ${report.experiment})`,
      config: { ...DEFAULT_CONFIG, profile: 'linux' },
      endpoints: [
        { name: 'client', isn: 1000, listen: false, backlog: 128, syncookies: false },
        { name: 'server', isn: 5000, listen: true, backlog: 128, syncookies: false },
      ],
      steps,
    };
    const sim = createSimulation(scenario, { profile: 'linux' });
    sim.run();
    const seq: Record<'client' | 'server', LabState[]> = { client: ['CLOSED'], server: ['LISTEN'] };
    for (const s of sim.snapshot().steps) {
      for (const t of s.transitions) {
        const list = seq[t.endpoint as 'client' | 'server'];
        if (list && list[list.length - 1] !== t.to) list.push(t.to);
      }
    }
    out.push({
      client,
      server,
      steps: text,
      kernel: { client: report.sequences[client] ?? [], server: report.sequences[server] ?? [] },
      simulated: seq,
    });
  }
  return { profile: 'linux', connections: out };
}
