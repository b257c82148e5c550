import { scenariosDir } from '../package-root.js';
import type { Command } from 'commander';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { CheckFailed, raiseExit, useColor, writeError, writeJson, writeOut } from '../io.js';
import { wrapCells } from '../../text-width.js';
import { t, withInput } from '../text.js';
import { abortOnSignals, positiveInt } from '../options.js';
import type { Messages } from '../../i18n/en/index.js';

// `netkata lab list` and `netkata lab <experiment> [--json] [--timeout <ms>] [--compare]` (CLI.md).
// Keep top-level imports light: the lab, zod, yaml and xstate load inside the action.

interface LabOptions {
  json?: boolean;
  timeout?: string;
  compare?: boolean;
  period?: string;
  ipv6?: boolean;
  param?: string[];
  capture?: string | boolean;
}

/** `--param holdMs=1100`: the value is JSON when it parses as JSON, else a string. */
function parseParams(list: readonly string[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of list ?? []) {
    const eq = p.indexOf('=');
    if (eq < 1) throw new InputError(t().cli.paramKeyValue, p);
    const raw = p.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // a plain string
    }
    out[p.slice(0, eq)] = value;
  }
  return out;
}

/** `--capture <file>`: a path whose directory exists and that is not a directory itself. */
function captureFile(path: string): string {
  const file = resolve(path);
  if (!existsSync(dirname(file))) throw new InputError(t().cli.noCaptureDirectory, path);
  if (existsSync(file) && statSync(file).isDirectory()) throw new InputError(t().cli.isDirectory, path);
  return file;
}

/**
 * The experiments for `lab --help`, from scenarios/lab/<name>.yaml (one per experiment), read only when
 * help is shown: the registry itself loads the whole lab, which registration must not. Under zh the
 * title is the one in the file's `zh:` block, and the lines are wrapped to 80 columns.
 */
function experimentsHelp(heading: string, zh: boolean): string {
  const dir = scenariosDir(import.meta.url, 'lab');
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  } catch {
    return '';
  }
  const rows = files.map((f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    const zhTitle = zh ? /^zh:\s*\n\s+title:\s*"?(.*?)"?\s*$/m.exec(text)?.[1] : undefined;
    const title = zhTitle ?? /^title:\s*"?(.*?)"?\s*$/m.exec(text)?.[1] ?? '';
    return `  ${f.slice(0, -5).padEnd(12)} ${title}`;
  });
  const lines = [heading, ...rows];
  return `\n${(zh ? lines.flatMap((l, i) => wrapCells(l, 80, i === 0 ? '' : ' '.repeat(15))) : lines).join('\n')}\n`;
}

export function registerLabCommands(program: Command, h: Messages['help'], zh: boolean): void {
  program
    .command('lab')
    .description(h.lab.description)
    .argument('<experiment>', h.lab.experiment)
    .option('--json', h.lab.json)
    .option('--timeout <ms>', h.lab.timeout, '10000')
    .option('--compare', h.lab.compare)
    .option('--period <ms>', h.lab.period, '2')
    .option('--ipv6', h.lab.ipv6)
    .option('--param <key=value...>', h.lab.param)
    .addHelpText('after', () => experimentsHelp(h.lab.experiments, zh))
    .option('--capture [file]', h.lab.capture)
    .action(async (name: string, opts: LabOptions, cmd: Command) => {
      if (name === 'list') {
        // The English list from the build (src/cli/lab-list.ts): without loading the lab and its schemas.
        const { resolveLang } = await import('../../i18n/lang.js');
        const { builtLabList, labListText } = await import('../lab-list.js');
        const built = resolveLang(cmd.optsWithGlobals<{ lang?: string }>().lang) === 'en' ? builtLabList() : undefined;
        if (built !== undefined) {
          if (opts.json) writeJson({ experiments: built });
          else writeOut(labListText(built));
          return;
        }
      }
      const [{ EXPERIMENTS }, { resolveLang, messages }] = await Promise.all([import('../../lab/experiments/index.js'), import('../../i18n/index.js')]);
      const lang = resolveLang(cmd.optsWithGlobals<{ lang?: string }>().lang);
      const t = messages(lang).lab;
      // The Chinese titles and explanations are in scenarios/lab/*.yaml: read (yaml, zod) only for zh.
      const textOf = lang === 'zh' ? (await import('../../lab/experiment-text.js')).experimentText : undefined;
      if (name === 'list') {
        // JSON stays English (it is for programs); the text list in the chosen language.
        if (opts.json) writeJson({ experiments: EXPERIMENTS.map((e) => ({ name: e.name, title: e.title, tcp: e.tcp })) });
        else writeOut(EXPERIMENTS.map((e) => `${e.name.padEnd(12)} ${textOf ? textOf(e, lang).title : e.title}`).join('\n'));
        return;
      }
      const timeoutMs = positiveInt(opts.timeout, '--timeout', 600_000);
      const periodMs = positiveInt(opts.period, '--period', 1000);
      const [{ runLabExperiment }, { LabAborted }] = await Promise.all([import('../../lab/runner.js'), import('../../lab/lab-run.js')]);
      const controller = new AbortController();
      // Ctrl-C or a SIGTERM: abort the run; the runner closes every socket (and stops dumpcap) before we
      // exit, with 128 + the signal's number as a shell would report it.
      const signals = abortOnSignals(controller);
      const interrupted = (): void => {
        writeError(t.interrupted);
        raiseExit(signals.exitCode());
      };
      let report;
      try {
        report = await runLabExperiment(name, {
          signal: controller.signal,
          ...(timeoutMs !== undefined ? { timeoutMs } : {}),
          ...(periodMs !== undefined ? { periodMs } : {}),
          host: opts.ipv6 ? '::1' : '127.0.0.1',
          params: parseParams(opts.param),
          ...(opts.capture !== undefined ? { capture: typeof opts.capture === 'string' ? { file: captureFile(opts.capture) } : {} } : {}),
        });
      } catch (e) {
        // Interrupted while dumpcap was still starting: nothing ran, nothing to report.
        if (controller.signal.aborted && e instanceof LabAborted) return interrupted();
        throw e;
      } finally {
        signals.release();
      }
      let comparison;
      if (opts.compare) {
        const { compareWithSimulator } = await import('../../lab/compare.js');
        comparison = compareWithSimulator(report);
      }
      if (opts.json) writeJson({ ...report, ...(comparison ? { compare: comparison } : {}) });
      else {
        const { formatLabReport } = await import('../../lab/format.js');
        const exp = EXPERIMENTS.find((e) => e.name === report.experiment);
        writeOut(formatLabReport(report, comparison, { color: useColor(), lang, ...(exp && textOf ? { text: textOf(exp, lang) } : {}) }));
      }
      if (controller.signal.aborted) return interrupted();
      if (!report.ok) {
        const { localValue } = await import('../../lab/format.js');
        const what = report.error !== null ? localValue(report.error, t) : (!report.conformance.ok
          ? t.checkFailed.conformance
          : !report.expectations.ok ? t.checkFailed.expectation : t.checkFailed.segments);
        throw new CheckFailed(withInput(`lab ${name}`, what));
      }
    });
}
