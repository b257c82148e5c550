/**
 * `netkata tcp run` of a TCP scenario (not a window scenario): the ladder, or JSON, and exit 1 when an
 * expectation failed. One body for the commander program (tcp.ts) and the start-up shortcut
 * (tcp-direct.ts), so that the two cannot drift apart (test/cli/tcp-direct.test.ts holds them side by side).
 */
import { InputError } from '../../errors.js';
import { PROFILES, type ProfileName } from '../../tcp/profile.js';
import type { TcpScenario } from '../../scenario/tcp.js';
import type { TcpMessages } from '../../tcp/step-text.js';
import { CheckFailed, useColor, writeJson, writeOut } from '../io.js';
import { t } from '../text.js';

export const isProfile = (p: string): p is ProfileName => (PROFILES as readonly string[]).includes(p);

export interface TcpRunOpts {
  readonly json?: boolean;
  readonly pcap?: string;
  readonly profile?: string;
}

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
    throw new InputError(t().cli.cannotWritePcap(fsReason(e)), path);
  }
}

/** Run a loaded scenario and print it (`zh`: the title in Chinese; `m`: the ladder's words). */
export async function runTcpScenario(scenario: TcpScenario, opts: TcpRunOpts, zh: boolean, m: TcpMessages): Promise<void> {
  // One round of imports, not three in turn: from the split bundle each is a chunk read (bench/cli-oneshot.bench.js).
  const [{ Simulation }, { renderLadder, wrapCells }, { colorLadder }] = await Promise.all([
    import('../../tcp/simulation.js'),
    import('../../tcp/ladder.js'),
    import('../render/tcp-ladder.js'),
  ]);
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
}
