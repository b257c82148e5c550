/**
 * The error classes every layer shares. A command turns them into exit codes (CLI.md):
 * InputError -> 2, EnvironmentError -> 3. Anything else is a bug and keeps its stack
 * only under NETKATA_DEBUG=1.
 */

/** Bad input from a person or a file: one line that says what was wrong and why. */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** The offending input as the user wrote it (shown before the message). */
  readonly input: string | undefined;
  constructor(message: string, input?: string) {
    super(message);
    this.input = input;
  }
  /**
   * `<input>: <message>`, the form CLI.md prescribes after the `netkata: ` prefix. An empty input is
   * shown as `""` (`netkata: "": empty address`), not as nothing before the colon.
   */
  get parseMessage(): string {
    if (this.input === undefined) return this.message;
    return `${this.input === '' ? '""' : this.input}: ${this.message}`;
  }
}

/** C0 and C1 control characters and DEL: never written raw to a terminal (a NUL, an escape sequence). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** `s` with every control character as a `\u` escape, so one error line stays one line of plain text. */
export function escapeControls(s: string): string {
  return s.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Text from a file shown in an error: quoted and escaped when it holds control characters (a binary
 * file read as lines), and cut to `max` characters, so the terminal gets neither raw bytes nor a
 * megabyte-long "line".
 */
export function quoteInput(s: string, max = 60): string {
  const cut = s.length > max ? `${s.slice(0, max)}...` : s;
  CONTROL.lastIndex = 0;
  return CONTROL.test(s) ? JSON.stringify(cut).replace(/\u007f|[\u0080-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : cut;
}

/** The environment cannot run this (e.g. no /proc/net/tcp): exit 3. */
export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';
}
