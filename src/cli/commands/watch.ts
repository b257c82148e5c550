import type { Command } from 'commander';
import type { Messages } from '../../i18n/en/index.js';
import { positiveInt } from '../options.js';
import { InputError, reason } from '../../errors.js';
import { CheckFailed, writeError, writeOut } from '../io.js';

// `netkata watch [--port n] [--pid n] [--state S...] [--interval ms] [--for ms] [--json]` (docs/cli.md).
// The table reader, the machine and the catalogue load inside the action.

interface WatchCliOptions {
  port?: string;
  pid?: string;
  state?: string[];
  interval?: string;
  for?: string;
  json?: boolean;
}

const STATES = ['LISTEN', 'SYN_SENT', 'SYN_RECEIVED', 'ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSE_WAIT', 'CLOSING', 'LAST_ACK', 'TIME_WAIT', 'CLOSED'] as const;

export function registerWatchCommands(program: Command, h: Messages['help']): void {
  program
    .command('watch')
    .description(h.watch.description)
    .option('--port <n>', h.watch.port)
    .option('--pid <pid>', h.watch.pid)
    .option('--state <state...>', h.watch.state(STATES.join(', ')))
    .option('--interval <ms>', h.watch.interval, '20')
    .option('--for <ms>', h.watch.for)
    .option('--json', h.watch.json)
    .action(async (opts: WatchCliOptions, cmd: Command) => {
      const port = positiveInt(opts.port, '--port', 65535, `--port ${opts.port}`);
      const pid = positiveInt(opts.pid, '--pid', 2 ** 31, `--pid ${opts.pid}`);
      const intervalMs = positiveInt(opts.interval, '--interval', 60_000, `--interval ${opts.interval}`)!;
      const forMs = positiveInt(opts.for, '--for', 7 * 24 * 3600 * 1000, `--for ${opts.for}`);
      for (const s of opts.state ?? []) if (!(STATES as readonly string[]).includes(s)) throw new InputError(reason('watchState', STATES), `--state ${s}`);
      const [{ Watcher }, { transitionLine, pileUpLine, summaryLines, countsText }, { requireProcNet }, { resolveLang, messages }, { monotonicMs }, { existsSync }] = await Promise.all([
        import('../../watch/watch.js'),
        import('../../watch/format.js'),
        import('../../lab/procnet.js'),
        import('../../i18n/index.js'),
        import('../../lab/poller.js'),
        import('node:fs'),
      ]);
      requireProcNet();
      if (pid !== undefined && !existsSync(`/proc/${pid}`)) throw new InputError(messages(resolveLang(cmd.optsWithGlobals<{ lang?: string }>().lang)).watch.noSuchProcess, `--pid ${pid}`);
      const lang = resolveLang(cmd.optsWithGlobals<{ lang?: string }>().lang);
      const t = messages(lang).watch;
      const states = opts.state ? new Set(opts.state as (typeof STATES)[number][]) : undefined;
      const watcher = new Watcher({ ...(port !== undefined ? { port } : {}), ...(pid !== undefined ? { pid } : {}), ...(states ? { states } : {}) });
      const line = (o: unknown): void => writeOut(JSON.stringify(o));
      const t0 = monotonicMs();
      let transitions = 0;
      const tick = (): void => {
        const at = Math.round((monotonicMs() - t0) * 1000) / 1000;
        const first = watcher.tableReads === 0;
        const r = watcher.read(at);
        if (first) {
          const what = port !== undefined && pid !== undefined ? t.portPid(port, pid) : port !== undefined ? t.port(port) : pid !== undefined ? t.pid(pid) : t.everything;
          if (opts.json) line({ type: 'start', port: port ?? null, pid: pid ?? null, sockets: watcher.followed, counts: watcher.counts() });
          else writeOut(t.start(watcher.followed, watcher.followed === 0 ? '' : countsText(watcher.counts(), t), what));
        }
        for (const tr of r.transitions) {
          if (first && !states) continue; // the sockets already there are in the counts above
          transitions++;
          if (opts.json) line({ type: 'transition', ...tr });
          else writeOut(transitionLine(tr, t).join('\n'));
        }
        for (const p of r.pileUps) {
          if (opts.json) line({ type: 'pile-up', ...p });
          else writeError(pileUpLine(p, t).join('\n').replace(/^/, ''));
        }
      };
      // Reads on a timer, never overlapping; Ctrl-C, SIGTERM or --for end it with the summary.
      await new Promise<void>((resolve) => {
        let timer: NodeJS.Timeout | undefined;
        const stop = (): void => {
          if (timer) clearTimeout(timer);
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        const loop = (): void => {
          tick();
          if (forMs !== undefined && monotonicMs() - t0 >= forMs) return stop();
          timer = setTimeout(loop, intervalMs);
        };
        loop();
      });
      // Two last reads: a socket missing from the first has left only if the second misses it too (watch.ts).
      tick();
      tick();
      const durationMs = monotonicMs() - t0;
      const conformance = watcher.conformance();
      if (opts.json) {
        line({ type: 'summary', durationMs: Math.round(durationMs), reads: watcher.tableReads, followed: watcher.followed, transitions, counts: watcher.counts(), conformance: { ok: conformance.ok, violations: conformance.violations } });
      } else {
        writeOut(['', ...summaryLines(durationMs, watcher.tableReads, watcher.followed, transitions, watcher.counts(), conformance, t, messages(lang).lab)].join('\n'));
      }
      if (!conformance.ok) throw new CheckFailed(opts.json ? '' : t.violations(conformance.violations.length));
    });
}
