import type { Command } from 'commander';
import type { TcpMessages } from '../../tcp/step-text.js';
import type { Messages } from '../../i18n/en/index.js';
import { InputError } from '../../errors.js';
import { PROFILES, type ProfileName } from '../../tcp/profile.js';
import { CheckFailed, useColor, writeJson, writeOut } from '../io.js';
import { isProfile } from './tcp-run.js';
import { t } from '../text.js';
import type { WindowScenario } from '../../scenario/window.js';
import { initialWindow } from '../../tcp/congestion.js';


/** --profile on a window scenario: the profile's notes, and its initial window unless the file sets one. */
function withProfile(s: WindowScenario, profile: ProfileName): WindowScenario {
  return { ...s, profile, config: { ...s.config, iw: s.iwSet ? s.config.iw : initialWindow(profile, s.config.unit, s.config.mss) } };
}

// Registers `netkata tcp run | replay | list | states`. Keep top-level imports light: yaml, zod and xstate load
// inside the actions.

/**
 * The language of the text output: the program's `--lang`, else the locale (src/i18n/lang.ts). JSON
 * output stays English whatever it is.
 */
async function tcpMessages(cmd: Command): Promise<{ zh: boolean; m: TcpMessages; w: Messages['windows'] }> {
  const { messages, resolveLang } = await import('../../i18n/index.js');
  const lang = resolveLang(cmd.optsWithGlobals()['lang'] as string | undefined);
  return { zh: lang === 'zh', m: messages(lang).tcp, w: messages(lang).windows };
}

export function registerTcpCommands(program: Command, h: Messages['help']): void {
  const tcp = program.command('tcp').description(h.tcp.description);

  tcp
    .command('run')
    .description(h.tcp.run)
    .argument('<scenario>', h.tcp.scenario)
    .option('--json', h.tcp.runJson)
    .option('--pcap <file>', h.tcp.pcap)
    .option('--profile <profile>', h.tcp.runProfile)
    .action(async (arg: string, opts: { json?: boolean; pcap?: string; profile?: string }, cmd: Command) => {
      if (opts.profile !== undefined && !isProfile(opts.profile)) {
        throw new InputError(t().cli.unknownProfile(PROFILES), opts.profile);
      }
      const { windowScenarioSource } = await import('../window-files.js');
      const windowSource = windowScenarioSource(arg);
      if (windowSource) {
        const { cachedWindowScenario } = await import('../scenario-cache.js');
        const windowScenario = cachedWindowScenario(windowSource.path, windowSource.text, windowSource.file) ?? (await import('../../scenario/window.js')).parseWindowScenario(windowSource.text, windowSource.file);
        if (opts.pcap) throw new InputError(t().cli.pcapWindow, opts.pcap);
        const [{ runWindowScenario }, { renderWindowRun }] = await Promise.all([import('../../tcp/window-run.js'), import('../render/tcp-windows.js')]);
        const s = opts.profile !== undefined && isProfile(opts.profile) ? withProfile(windowScenario, opts.profile) : windowScenario;
        if (opts.json) {
          // JSON stays English whatever the language (runWindowScenario's default).
          const run = runWindowScenario(s);
          writeJson(run);
          if (!run.passed) throw new CheckFailed('');
          return;
        }
        const { zh, m, w } = await tcpMessages(cmd);
        const run = runWindowScenario(s, w);
        writeOut(renderWindowRun(run, useColor(), w, zh ? (s.titleZh ?? s.title) : s.title));
        if (!run.passed) throw new CheckFailed(m.runFailed(run.scenario, run.failures.length));
        return;
      }
      const [{ loadScenarioArg }, { runTcpScenario }] = await Promise.all([import('../scenario-cache.js'), import('./tcp-run.js')]);
      const { zh, m } = await tcpMessages(cmd);
      await runTcpScenario(await loadScenarioArg(arg), opts, zh, m);
    });

  tcp
    .command('replay')
    .description(h.tcp.replay)
    .argument('<file>', h.tcp.replayFile)
    .option('--connection <n>', h.tcp.replayConnection)
    .option('--port <port>', h.tcp.replayPort)
    .option('--host <address>', h.tcp.replayHost)
    .option('--profile <profile>', h.tcp.replayProfile)
    .option('--json', h.tcp.replayJson)
    .option('--mermaid', h.tcp.replayMermaid)
    .action(async (file: string, opts: { json?: boolean; mermaid?: boolean; connection?: string; port?: string; host?: string; profile?: string }, cmd: Command) => {
      const profile = opts.profile ?? 'linux';
      if (!isProfile(profile)) throw new InputError(t().cli.unknownProfile(PROFILES), profile);
      const [{ runReplay }, { messages, resolveLang }] = await Promise.all([import('./tcp-replay.js'), import('../../i18n/index.js')]);
      const m = messages(resolveLang(cmd.optsWithGlobals()['lang'] as string | undefined)).replay;
      await runReplay(file, { ...opts, profile }, m);
    });

  tcp
    .command('list')
    .description(h.tcp.list)
    .option('--json', h.tcp.listJson)
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { zh } = await tcpMessages(cmd);
      const { listScenarioRows } = await import('../scenario-list.js');
      const list = await listScenarioRows();
      if (opts.json) return writeJson({ scenarios: list.map((r) => ({ name: r.name, title: r.title, topic: r.topic })) });
      const w = Math.max(...list.map((r) => r.name.length));
      writeOut(list.map((r) => `${r.name.padEnd(w)}  ${zh ? (r.titleZh ?? r.title) : r.title}`).join('\n'));
    });

  tcp
    .command('states')
    .description(h.tcp.states)
    .option('--mermaid', h.tcp.mermaid)
    .option('--json', h.tcp.statesJson)
    .option('--profile <profile>', h.tcp.statesProfile)
    .action(async (opts: { mermaid?: boolean; json?: boolean; profile?: string }, cmd: Command) => {
      const profile = opts.profile ?? 'rfc9293';
      if (!isProfile(profile)) throw new InputError(t().cli.unknownProfile(PROFILES), profile);
      const { listTransitions, toMermaid } = await import('../../tcp/transitions.js');
      const { TCP_STATES } = await import('../../tcp/states.js');
      if (opts.mermaid) return writeOut(toMermaid(profile));
      const ts = listTransitions(profile);
      if (opts.json) return writeJson({ profile, states: TCP_STATES, transitions: ts });
      const { renderStates } = await import('../render/tcp-states.js');
      writeOut(renderStates(profile, TCP_STATES, ts, (await tcpMessages(cmd)).m));
    });
}
