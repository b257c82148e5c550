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

/** The environment cannot run this (e.g. no /proc/net/tcp): exit 3. */
export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';
}
