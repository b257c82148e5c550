import type { Command } from 'commander';
import type { Messages } from '../../i18n/en/index.js';
import { abortOnSignals, positiveInt } from '../options.js';
import { EnvironmentError, InputError, reason } from '../../errors.js';
import { CheckFailed, raiseExit, useColor, writeError, writeJson, writeOut } from '../io.js';
import { withInput } from '../text.js';

// `netkata verify --probe <name|file.yaml> [--port N] [--json] [--timeout ms] [--start-timeout ms] -- <command...>`
// (CLI.md). Keep top-level imports light: the runner, zod, yaml and the machine load inside the action.

interface VerifyCliOptions {
  probe?: string;
  port?: string;
  json?: boolean;
  timeout?: string;
  startTimeout?: string;
}

export function registerVerifyCommands(program: Command, h: Messages['help']): void {
  program
    .command('verify')
    .description(h.verify.description)
    .argument('[command...]', h.verify.command)
    .option('--probe <name|file>', h.verify.probe)
    .option('--port <n>', h.verify.port)
    .option('--json', h.verify.json)
    .option('--timeout <ms>', h.verify.timeout)
    .option('--start-timeout <ms>', h.verify.startTimeout, '5000')
    .action(async (command: string[], opts: VerifyCliOptions, cmd: Command) => {
      if (opts.probe === undefined) throw new InputError(reason('verifyWhichProbe'), 'verify');
      const port = positiveInt(opts.port, '--port', 65535, `--port ${opts.port}`);
      const timeoutMs = positiveInt(opts.timeout, '--timeout', 600_000, `--timeout ${opts.timeout}`);
      const startTimeoutMs = positiveInt(opts.startTimeout, '--start-timeout', 600_000, `--start-timeout ${opts.startTimeout}`);
      const [{ verifyProgram, ProgramStartError }, { LabAborted }, { resolveLang, messages }] = await Promise.all([
        import('../../verify/run.js'),
        import('../../lab/lab-run.js'),
        import('../../i18n/index.js'),
      ]);
      const lang = resolveLang(cmd.optsWithGlobals<{ lang?: string }>().lang);
      const t = messages(lang).verify;
      const controller = new AbortController();
      // Ctrl-C or SIGTERM: abort; the runner closes the clients and kills the program's whole group
      // before we exit with 128 + the signal's number, as a shell would report it.
      const signals = abortOnSignals(controller);
      let report;
      try {
        report = await verifyProgram({
          probe: opts.probe,
          command,
          signal: controller.signal,
          ...(port !== undefined ? { port } : {}),
          ...(timeoutMs !== undefined ? { timeoutMs } : {}),
          ...(startTimeoutMs !== undefined ? { startTimeoutMs } : {}),
        });
      } catch (e) {
        if (controller.signal.aborted && e instanceof LabAborted) {
          writeError(t.interrupted);
          return raiseExit(signals.exitCode());
        }
        if (e instanceof ProgramStartError) {
          throw new EnvironmentError(reason('withInput', { input: command.length > 0 ? command[0]! : `--port ${opts.port}`, why: e.reason }));
        }
        throw e;
      } finally {
        signals.release();
      }
      if (opts.json) writeJson(report);
      else {
        const { formatVerifyReport } = await import('../../verify/format.js');
        writeOut(formatVerifyReport(report, { color: useColor(), lang }));
      }
      if (controller.signal.aborted) {
        writeError(t.interrupted);
        return raiseExit(signals.exitCode());
      }
      if (!report.ok) {
        // The run's own error text is English (its JSON keeps it); the chosen language says the same from its kind.
        const runError = report.error === null ? '' : lang === 'en' ? report.error.message : report.error.kind === 'timeout' ? t.timeout(report.timeoutMs) : t.interrupted;
        throw new CheckFailed(withInput(`verify ${report.probe}`, t.checkFailed(report.checks.filter((k) => !k.ok).map((k) => k.name), runError)));
      }
    });
}
