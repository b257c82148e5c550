/**
 * The error classes every layer shares. A command turns them into exit codes (CLI.md):
 * InputError -> 2, EnvironmentError -> 3. Anything else is a bug and keeps its stack
 * only under NETKATA_DEBUG=1.
 */

import { errors as enErrors, type ErrorKey, type ErrorMessages } from './i18n/en/errors.js';

type ArgOf<K extends ErrorKey> = ErrorMessages[K] extends (a: infer A) => string ? A : never;
/** A string parameter may be a Reason itself, rendered in the language of the message around it. */
type ArgIn<A> = A extends string ? string | Reason : { readonly [P in keyof A]: A[P] extends string ? A[P] | Reason : A[P] };

/**
 * Why an input is wrong, as a key of the errors catalogue section (src/i18n/en/errors.ts) and its
 * values: the core builds it without knowing any language; `text` is the English line, and the CLI
 * renders the same key in the chosen language (src/cli/text.ts).
 */
export class Reason {
  readonly text: string;
  constructor(readonly key: ErrorKey, readonly arg?: unknown) {
    this.text = renderReason(this, enErrors);
  }
  toString(): string {
    return this.text;
  }
}

export function reason<K extends ErrorKey>(key: K, ...arg: ErrorMessages[K] extends string ? [] : [ArgIn<ArgOf<K>>]): Reason {
  return new Reason(key, arg[0]);
}

/** `r` in a catalogue of the errors section's shape (its nested reasons in the same catalogue). */
export function renderReason(r: Reason, catalogue: { readonly [K in ErrorKey]: unknown }): string {
  const leaf = catalogue[r.key];
  if (typeof leaf === 'string') return leaf;
  const one = (v: unknown): unknown => (v instanceof Reason ? renderReason(v, catalogue) : v);
  const a = r.arg;
  const arg = Array.isArray(a) ? a.map(one) : typeof a === 'object' && a !== null && !(a instanceof Reason)
    ? Object.fromEntries(Object.entries(a).map(([k, v]) => [k, one(v)]))
    : one(a);
  return (leaf as (x: unknown) => string)(arg);
}

type ErrorCatalogue = { readonly [K in ErrorKey]: unknown };
let zhErrors: ErrorCatalogue | undefined;

/**
 * Says that the zh errors section is loaded (src/cli/text.ts under zh, src/i18n/index.ts): the practice
 * grader words a reason in Chinese with it (reasonZh). The grader does not import it: the exam shortcut
 * is one file holding the grader, and would carry the Chinese into every English exam.
 */
export function provideZhErrors(catalogue: ErrorCatalogue): void {
  zhErrors = catalogue;
}

/** `r` in Chinese when the zh errors section is loaded, else its English text. */
export function reasonZh(r: Reason): string {
  return zhErrors === undefined ? r.text : renderReason(r, zhErrors);
}

/** Bad input from a person or a file: one line that says what was wrong and why. */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** The offending input as the user wrote it (shown before the message). */
  readonly input: string | undefined;
  /** The catalogue form of `message`, when the thrower gave one (the CLI shows it in the chosen language). */
  readonly reason: Reason | undefined;
  constructor(message: string | Reason, input?: string) {
    super(typeof message === 'string' ? message : message.text);
    this.input = input;
    this.reason = typeof message === 'string' ? undefined : message;
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
  /** The catalogue form of `message`, when the thrower gave one (the CLI shows it in the chosen language). */
  readonly reason: Reason | undefined;
  constructor(message: string | Reason) {
    super(typeof message === 'string' ? message : message.text);
    this.reason = typeof message === 'string' ? undefined : message;
  }
}
