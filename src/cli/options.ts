import { InputError } from '../errors.js';
import { t } from './text.js';

/**
 * An option's whole number from 1 to `max` (`--timeout`, `--port`, `--pid` ...), undefined when the option
 * was not given; anything else is exit 2 with one line in the chosen language. `input` is what the line
 * names as the user's input (the value alone, or `--port 70000`).
 */
export function positiveInt(text: string | undefined, option: string, max: number, input: string | undefined = text): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(text) || Number(text) > max) throw new InputError(t().cli.wholeNumber({ option, max }), input);
  return Number(text);
}

/**
 * Ctrl-C or SIGTERM abort `controller`; `exitCode()` is then 128 + the signal's number, as a shell reports
 * it (130, 143), else 0. `release()` removes the handlers once the run is over.
 */
export function abortOnSignals(controller: AbortController): { exitCode: () => number; release: () => void } {
  let code = 0;
  const onSigint = (): void => { code = 130; controller.abort(); };
  const onSigterm = (): void => { code = 143; controller.abort(); };
  process.once('SIGINT', onSigint);
  process.once('SIGTERM', onSigterm);
  return {
    exitCode: () => code,
    release: () => {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
    },
  };
}
