import { writeError } from '../cli/io.js';
import { resolveLang } from '../i18n/lang.js';
import { themeFor } from './theme.js';

export interface StartOptions {
  readonly lang: string | undefined;
}

// xterm private modes: 1049 = alternate screen (saves and restores what was on the terminal), 25 = cursor.
const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

/**
 * Run the interactive app until the user quits. The terminal is put back on every path: `q`, Ctrl-C
 * (ink's raw-mode handler), SIGTERM/SIGHUP, an error thrown while rendering (ink's error boundary
 * rejects waitUntilExit) and an uncaught error anywhere else. Bad `--lang` is an InputError raised
 * before the terminal is touched.
 */
export async function startApp(options: StartOptions): Promise<void> {
  const lang = resolveLang(options.lang);
  const theme = themeFor();
  // ink (via is-in-ci) prints only the final frame when CI is set; src/cli/main.ts has checked that
  // both ends are terminals, so a person is looking at it and frames must be drawn.
  delete process.env['CI'];
  delete process.env['CONTINUOUS_INTEGRATION'];
  // react is CommonJS: its exports object is the default export both under Node and in the esbuild bundle
  // (which gives a dynamically imported CommonJS module no named exports).
  const [{ render }, { default: React }, { App }] = await Promise.all([
    import('ink'),
    import('react'),
    import('./App.js'),
  ]);

  const stdout = process.stdout;
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
    process.stdin.pause();
    stdout.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
  };

  stdout.write(ENTER_ALT_SCREEN);
  // Raw mode now, not when ink's input hook gets to it (a passive effect that can run well after the
  // first frame on a busy machine): keys pressed as the home screen appears are neither echoed nor
  // line-buffered; they wait in the tty until ink reads them.
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  const instance = render(React.createElement(App, { lang, theme }), { exitOnCtrlC: true, patchConsole: true });

  const fatal = (e: unknown): void => {
    instance.unmount();
    restore();
    const err = e instanceof Error ? e : new Error(String(e));
    writeError(`internal error: ${err.message} (set NETKATA_DEBUG=1 for details)`);
    if (process.env['NETKATA_DEBUG'] === '1') process.stderr.write(`${err.stack}\n`);
    process.exit(70);
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    instance.unmount();
    restore();
    process.exit(signal === 'SIGHUP' ? 129 : 143);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('exit', restore);
  try {
    await instance.waitUntilExit();
  } finally {
    restore();
    process.off('uncaughtException', fatal);
    process.off('unhandledRejection', fatal);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    process.off('exit', restore);
  }
}
