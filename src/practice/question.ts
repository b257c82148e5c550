/**
 * What a practice question is, whichever way it was made (a generator computing it from src/addr or
 * src/tcp, a fixed bank entry, or a TCP scenario's `ask` step). Questions are plain data: the CLI, the
 * exam printer and the app's screen only render them, and `grade()` judges an answer against them.
 */
/** Same union as the app's `Lang` (src/ui/screen-props.ts), declared here so practice never imports ui. */
export type Lang = 'en' | 'zh';

/** Topics exactly as CLI.md names them (`all` is a selection, not a topic). */
export const TOPICS = ['subnet', 'same-segment', 'classify', 'ipv6', 'ports', 'mac', 'tcp', 'osi', 'sockets'] as const;
export type Topic = (typeof TOPICS)[number];
export type TopicSelection = Topic | 'all';

export function isTopic(text: string): text is Topic {
  return (TOPICS as readonly string[]).includes(text);
}

/** A piece of text in both languages the app speaks. */
export interface Text {
  readonly en: string;
  readonly zh: string;
}

export function text(en: string, zh: string): Text {
  return { en, zh };
}

export function tr(t: Text, lang: Lang): string {
  return lang === 'zh' ? t.zh : t.en;
}

/** Which forms of an IPv4 mask an answer may take. */
export type MaskForm = 'prefix' | 'dotted';

/**
 * How an answer is read before it is compared. Tolerant kinds accept every form that means the same
 * thing; strict kinds (`ipv6` with `form: 'rfc5952'` or `'expanded'`) exist because there the form is
 * what the question asks for.
 */
export type AnswerKind =
  | { readonly kind: 'ipv4' }
  | { readonly kind: 'ipv6'; readonly form: 'any' | 'rfc5952' | 'expanded' }
  | { readonly kind: 'cidr' }
  | { readonly kind: 'mask'; readonly forms: readonly MaskForm[] }
  | { readonly kind: 'integer' }
  | { readonly kind: 'binary' }
  | { readonly kind: 'hex' }
  | { readonly kind: 'mac' }
  | { readonly kind: 'yesno' }
  | { readonly kind: 'state' }
  | { readonly kind: 'flags' }
  | { readonly kind: 'order'; readonly items: number }
  /** `pick` > 1: a multi-select ("choose two"): right only when exactly those choices are named. */
  | { readonly kind: 'choice'; readonly pick?: number }
  /** A fill-in table on one line (src/practice/table.ts): rows `A cell cell ...; B ...`, one normaliser per column. */
  | { readonly kind: 'table'; readonly columns: readonly ('cidr' | 'mask' | 'ipv4')[] }
  | { readonly kind: 'text' };

export interface Question {
  /** Stable and replayable: `<source>@<seed>.<index>` for generated questions, `<bank>/<id>` for fixed ones. */
  readonly id: string;
  readonly topic: Topic;
  /** Generator name, `bank:<file>` or `scenario:<name>`. */
  readonly source: string;
  readonly prompt: Text;
  /** Multiple choice: the options, shown numbered; `answer` is one of them (a multi-select's answer lists its picks, joined by "; "). */
  readonly choices?: readonly Text[];
  readonly answer: Text;
  /** Other spellings that are also right (shown in the exam's answer key). */
  readonly accepts: readonly string[];
  readonly check: AnswerKind;
  /** Why the answer is what it is, in our own words. */
  readonly explanation: Text;
  /** The computation behind the answer: the binary AND, the block size, the ladder up to the step. */
  readonly working: Text;
  /** The inputs the generator picked, so tests and people can recompute the answer. */
  readonly params?: Readonly<Record<string, unknown>>;
}

/**
 * The id shown above a question while it is asked. A scenario question's id names its scenario
 * (`syn-ack-give-up#9`), which would give the answer away; it is shown as `tcp.scenario#9` until the
 * working (which names the scenario) is shown. Progress and JSON keep the full id.
 */
export function shownId(q: Pick<Question, 'id'>): string {
  const hash = q.id.indexOf('#');
  return hash === -1 ? q.id : `tcp.scenario${q.id.slice(hash)}`;
}
