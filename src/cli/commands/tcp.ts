import type { Command } from 'commander';
import type { TcpMessages } from '../../tcp/step-text.js';
import { InputError } from '../../errors.js';
import { PROFILES, type ProfileName } from '../../tcp/profile.js';
import { CheckFailed, useColor, writeJson, writeOut } from '../io.js';
import type { WindowScenario } from '../../scenario/window.js';
import { initialWindow } from '../../tcp/congestion.js';

const isProfile = (p: string): p is ProfileName => (PROFILES as readonly string[]).includes(p);

/** --profile on a window scenario: the profile's notes, and its initial window unless the file sets one. */
function withProfile(s: WindowScenario, profile: ProfileName): WindowScenario {
  return { ...s, profile, config: { ...s.config, iw: s.iwSet ? s.config.iw : initialWindow(profile, s.config.unit, s.config.mss) } };
}

// Registers `netkata tcp run | replay | list | states`. Keep top-level imports light: yaml, zod and xstate load
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

/**
 * The language of the text output: the program's `--lang`, else the locale (src/i18n/lang.ts). JSON
 * output stays English whatever it is.
 */
async function tcpMessages(cmd: Command): Promise<{ zh: boolean; m: TcpMessages }> {
  const { messages, resolveLang } = await import('../../i18n/index.js');
  const lang = resolveLang(cmd.optsWithGlobals()['lang'] as string | undefined);
  return { zh: lang === 'zh', m: messages(lang).tcp };
}

export function registerTcpCommands(program: Command): void {
  const tcp = program.command('tcp').description('the RFC 9293 TCP simulator: run scenarios, replay captures, list them, show the endpoint machine');

  tcp
    .command('run')
    .description('run a scenario (a file or a built-in name): ladder diagram, or --json; exit 1 if an expectation failed')
    .argument('<scenario>', 'scenario file or built-in name (see netkata tcp list)')
    .option('--json', 'print the run as one JSON document')
    .option('--pcap <file>', 'also write the segments as a pcapng file (tshark/Wireshark); a dropped segment carries the packet comment "netkata: DROPPED"')
    .option('--profile <profile>', 'endpoint profile: rfc9293 or linux (default: the scenario\'s, else rfc9293)')
    .action(async (arg: string, opts: { json?: boolean; pcap?: string; profile?: string }, cmd: Command) => {
      if (opts.profile !== undefined && !isProfile(opts.profile)) {
        throw new InputError(`unknown profile (${PROFILES.join(' or ')})`, opts.profile);
      }
      const { windowScenarioSource } = await import('../window-files.js');
      const windowSource = windowScenarioSource(arg);
      if (windowSource) {
        const { parseWindowScenario } = await import('../../scenario/window.js');
        const windowScenario = parseWindowScenario(windowSource.text, windowSource.file);
        if (opts.pcap) throw new InputError('--pcap is for segment-level scenarios; a window scenario runs in rounds', opts.pcap);
        const [{ runWindowScenario }, { renderWindowRun }] = await Promise.all([import('../../tcp/window-run.js'), import('../render/tcp-windows.js')]);
        const run = runWindowScenario(opts.profile !== undefined && isProfile(opts.profile) ? withProfile(windowScenario, opts.profile) : windowScenario);
        if (opts.json) writeJson(run);
        else writeOut(renderWindowRun(run, useColor()));
        if (!run.passed) throw new CheckFailed(opts.json ? '' : `${run.scenario}: ${run.failures.length} expectation(s) failed`);
        return;
      }
      // One round of imports, not four in turn: from the bundle each is a chunk read (bench/cli-oneshot.bench.js).
      const [{ loadScenarioArg }, { Simulation }, { renderLadder, wrapCells }, { colorLadder }] = await Promise.all([
        import('../scenario-cache.js'),
        import('../../tcp/simulation.js'),
        import('../../tcp/ladder.js'),
        import('../render/tcp-ladder.js'),
      ]);
      const { zh, m } = await tcpMessages(cmd);
      const scenario = await loadScenarioArg(arg);
      const sim = new Simulation(scenario, opts.profile !== undefined && isProfile(opts.profile) ? { profile: opts.profile } : {});
      const result = sim.run();
      if (opts.pcap) {
        const { toPcapng } = await import('../../tcp/pcap.js');
        await writeAtomically(opts.pcap, toPcapng(result.segments, sim.endpointNames()));
      }
      if (opts.json) writeJson(result);
      else {
        // Fitted to 80 columns in both languages (issue 13: nothing wider than an 80x24 terminal).
        const ladder = renderLadder(sim.snapshot(), { messages: m, maxWidth: 80 });
        const title = wrapCells(zh ? scenario.titleZh ?? scenario.title : scenario.title, 80, 0).join('\n');
        const text = `${title}\n${ladder}`;
        writeOut(useColor() ? colorLadder(text, m, result.passed) : text);
      }
      if (!result.passed) throw new CheckFailed(opts.json ? '' : m.runFailed(scenario.name, result.failures.length));
    });

  tcp
    .command('replay')
    .description('a capture file (pcap, pcapng, .gz) through the endpoint machine: connections, both ends\' states, anomalies')
    .argument('<file>', 'capture file: pcap or pcapng (Ethernet, VLAN, Linux cooked, BSD loopback, raw IP), gzip too')
    .option('--connection <n>', 'only connection n (numbered as tshark\'s tcp.stream: 0, 1, ...)')
    .option('--port <port>', 'only connections with this port at either end')
    .option('--host <address>', 'only connections with this address at either end')
    .option('--profile <profile>', 'endpoint profile: linux (default) or rfc9293')
    .option('--json', 'print the summary and ladders as one JSON document')
    .option('--mermaid', 'print one connection\'s ladder as a Mermaid sequenceDiagram')
    .action(async (file: string, opts: { json?: boolean; mermaid?: boolean; connection?: string; port?: string; host?: string; profile?: string }, cmd: Command) => {
      const profile = opts.profile ?? 'linux';
      if (!isProfile(profile)) throw new InputError(`unknown profile (${PROFILES.join(' or ')})`, profile);
      const [{ runReplay }, { messages, resolveLang }] = await Promise.all([import('./tcp-replay.js'), import('../../i18n/index.js')]);
      const m = messages(resolveLang(cmd.optsWithGlobals()['lang'] as string | undefined)).replay;
      await runReplay(file, { ...opts, profile }, m);
    });

  tcp
    .command('list')
    .description('built-in scenarios with their titles')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { zh } = await tcpMessages(cmd);
      const { listBuiltinScenarios } = await import('../scenario-files.js');
      const entries = listBuiltinScenarios();
      const broken = entries.find((e) => e.error !== undefined);
      if (broken) throw new InputError(broken.error!);
      const { loadWindowScenarios } = await import('../window-scenarios.js');
      const windows = loadWindowScenarios();
      const rows = [
        ...entries.map((e) => ({ name: e.name, title: e.title, topic: e.scenario?.topic ?? null })),
        ...windows.map((w) => ({ name: w.name, title: w.title, topic: w.topic ?? null })),
      ];
      if (opts.json) return writeJson({ scenarios: rows });
      const titlesZh = [...entries.map((e) => e.scenario?.titleZh), ...windows.map((w) => w.titleZh)];
      const w = Math.max(...rows.map((r) => r.name.length));
      writeOut(rows.map((r, i) => `${r.name.padEnd(w)}  ${zh ? (titlesZh[i] ?? r.title) : r.title}`).join('\n'));
    });

  tcp
    .command('states')
    .description('the endpoint machine: every state and transition, read from the machine itself')
    .option('--mermaid', 'print a Mermaid stateDiagram-v2')
    .option('--json', 'print the transitions as JSON')
    .option('--profile <profile>', 'rfc9293 (default) or linux')
    .action(async (opts: { mermaid?: boolean; json?: boolean; profile?: string }, cmd: Command) => {
      const profile = opts.profile ?? 'rfc9293';
      if (!isProfile(profile)) throw new InputError(`unknown profile (${PROFILES.join(' or ')})`, profile);
      const { listTransitions, toMermaid } = await import('../../tcp/transitions.js');
      const { TCP_STATES } = await import('../../tcp/states.js');
      if (opts.mermaid) return writeOut(toMermaid(profile));
      const ts = listTransitions(profile);
      if (opts.json) return writeJson({ profile, states: TCP_STATES, transitions: ts });
      const { renderStates } = await import('../render/tcp-states.js');
      writeOut(renderStates(profile, TCP_STATES, ts, (await tcpMessages(cmd)).m));
    });
}
