import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { PROFILES, type ProfileName } from '../../tcp/profile.js';
import { CheckFailed, useColor, writeJson, writeOut } from '../io.js';

const isProfile = (p: string): p is ProfileName => (PROFILES as readonly string[]).includes(p);

// Registers `netkata tcp run | list | states`. Keep top-level imports light: yaml, zod and xstate load
// inside the actions.

async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const [{ writeFileSync, renameSync, unlinkSync }, { fsReason }] = await Promise.all([import('node:fs'), import('../fs-reason.js')]);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    // The reason only: Node's message names the temporary file, which the user never asked for.
    throw new InputError(`cannot write pcap: ${fsReason(e)}`, path);
  }
}

export function registerTcpCommands(program: Command): void {
  const tcp = program.command('tcp').description('the RFC 9293 TCP simulator: run scenarios, list them, show the endpoint machine');

  tcp
    .command('run')
    .description('run a scenario (a file or a built-in name): ladder diagram, or --json; exit 1 if an expectation failed')
    .argument('<scenario>', 'scenario file or built-in name (see netkata tcp list)')
    .option('--json', 'print the run as one JSON document')
    .option('--pcap <file>', 'also write the segments as a pcapng file (tshark/Wireshark); a dropped segment carries the packet comment "netkata: DROPPED"')
    .option('--profile <profile>', 'endpoint profile: rfc9293 or linux (default: the scenario\'s, else rfc9293)')
    .action(async (arg: string, opts: { json?: boolean; pcap?: string; profile?: string }) => {
      if (opts.profile !== undefined && !isProfile(opts.profile)) {
        throw new InputError(`unknown profile (${PROFILES.join(' or ')})`, opts.profile);
      }
      // One round of imports, not four in turn: from the bundle each is a chunk read (bench/cli-oneshot.bench.js).
      const [{ loadScenarioArg }, { Simulation }, { renderLadder }, { colorLadder }] = await Promise.all([
        import('../scenario-cache.js'),
        import('../../tcp/simulation.js'),
        import('../../tcp/ladder.js'),
        import('../render/tcp-ladder.js'),
      ]);
      const scenario = await loadScenarioArg(arg);
      const sim = new Simulation(scenario, opts.profile !== undefined && isProfile(opts.profile) ? { profile: opts.profile } : {});
      const result = sim.run();
      if (opts.pcap) {
        const { toPcapng } = await import('../../tcp/pcap.js');
        await writeAtomically(opts.pcap, toPcapng(result.segments, sim.endpointNames()));
      }
      if (opts.json) writeJson(result);
      else {
        const text = `${scenario.title}\n${renderLadder(sim.snapshot())}`;
        writeOut(useColor() ? colorLadder(text) : text);
      }
      if (!result.passed) throw new CheckFailed(opts.json ? '' : `${scenario.name}: ${result.failures.length} expectation(s) failed`);
    });

  tcp
    .command('list')
    .description('built-in scenarios with their titles')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { listBuiltinScenarios } = await import('../scenario-files.js');
      const entries = listBuiltinScenarios();
      const broken = entries.find((e) => e.error !== undefined);
      if (broken) throw new InputError(broken.error!);
      const rows = entries.map((e) => ({ name: e.name, title: e.title, topic: e.scenario?.topic ?? null }));
      if (opts.json) return writeJson({ scenarios: rows });
      const w = Math.max(...rows.map((r) => r.name.length));
      writeOut(rows.map((r) => `${r.name.padEnd(w)}  ${r.title}`).join('\n'));
    });

  tcp
    .command('states')
    .description('the endpoint machine: every state and transition, read from the machine itself')
    .option('--mermaid', 'print a Mermaid stateDiagram-v2')
    .option('--json', 'print the transitions as JSON')
    .option('--profile <profile>', 'rfc9293 (default) or linux')
    .action(async (opts: { mermaid?: boolean; json?: boolean; profile?: string }) => {
      const profile = opts.profile ?? 'rfc9293';
      if (!isProfile(profile)) throw new InputError(`unknown profile (${PROFILES.join(' or ')})`, profile);
      const { listTransitions, toMermaid } = await import('../../tcp/transitions.js');
      const { TCP_STATES } = await import('../../tcp/states.js');
      if (opts.mermaid) return writeOut(toMermaid(profile));
      const ts = listTransitions(profile);
      if (opts.json) return writeJson({ profile, states: TCP_STATES, transitions: ts });
      const { renderStates } = await import('../render/tcp-states.js');
      writeOut(renderStates(profile, TCP_STATES, ts));
    });
}
