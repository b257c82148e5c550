import type { Command } from 'commander';
import type { Messages } from '../../i18n/en/index.js';
import { EnvironmentError, InputError } from '../../errors.js';
import { CheckFailed, raiseExit, useColor, writeError, writeJson, writeOut } from '../io.js';

// `netkata verify --probe <name|file.yaml> [--port N] [--json] [--timeout ms] [--start-timeout ms] -- <command...>`
// (CLI.md). Keep top-level imports light: the runner, zod, yaml and the machine load inside the action.

interface VerifyCliOptions {
  probe?: string;
  port?: string;
  json?: boolean;
  timeout?: string;
  startTimeout?: string;
}

function wholeNumber(text: string | undefined, what: string, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(text) || Number(text) > max) throw new InputError(`${what} must be a whole number from 1 to ${max}`, `${what} ${text}`);
  return Number(text);
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
      if (opts.probe === undefined) throw new InputError('which probe? give --probe <name|file.yaml>', 'verify');
      const port = wholeNumber(opts.port, '--port', 65535);
      const timeoutMs = wholeNumber(opts.timeout, '--timeout', 600_000);
      const startTimeoutMs = wholeNumber(opts.startTimeout, '--start-timeout', 600_000);
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
      let signalExit = 0;
      const onSigint = (): void => { signalExit = 130; controller.abort(); };
      const onSigterm = (): void => { signalExit = 143; controller.abort(); };
      process.once('SIGINT', onSigint);
      process.once('SIGTERM', onSigterm);
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
          return raiseExit(signalExit);
        }
        if (e instanceof ProgramStartError) {
          throw new EnvironmentError(`${command.length > 0 ? command[0] : `--port ${opts.port}`}: ${e.message}`);
        }
        throw e;
      } finally {
        process.off('SIGINT', onSigint);
        process.off('SIGTERM', onSigterm);
      }
      if (opts.json) writeJson(report);
      else {
        const { formatVerifyReport } = await import('../../verify/format.js');
        writeOut(formatVerifyReport(report, { color: useColor(), lang }));
      }
      if (controller.signal.aborted) {
        writeError(t.interrupted);
        return raiseExit(signalExit);
      }
      if (!report.ok) throw new CheckFailed(`verify ${report.probe}: ${t.checkFailed(report.checks.filter((k) => !k.ok).map((k) => k.name).join(', ') || (report.error?.message ?? ''))}`);
    });
}
