import { InputError } from '../../src/errors.js';

/** The `<input>: <message>` of the InputError `f` throws (CLI.md's error line without `netkata: `). */
export function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.parseMessage;
    throw e;
  }
  throw new Error('expected an InputError');
}
