/**
 * Schema errors as Reasons (src/errors.ts), so the CLI can word a bad scenario, lab or probe file in the
 * chosen language. zod keeps only a message string from a schema's own error text (`.regex(re, text)`,
 * `{ error }`), so `said` notes which Reason a text stands for; an issue added by hand carries its
 * Reason in `params`. `reasonOf` turns any issue back into a Reason: the one noted, else one made from
 * the issue's code and fields (zod 4's $ZodIssue).
 */
import type { z } from 'zod';
import { reason, Reason } from '../errors.js';

type Issue = z.core.$ZodIssue;

/** English texts of the schemas' own messages and the Reasons they stand for (a few dozen, static or per error). */
const noted = new Map<string, Reason>();

/** `r`'s English text for a schema's error parameter, noted so that `reasonOf` finds `r` again. */
export function said(r: Reason): string {
  noted.set(r.text, r);
  return r.text;
}

/** Add an issue that carries its Reason (inside `.superRefine` or `.transform`). */
export function addReason(ctx: z.RefinementCtx, r: Reason, path?: readonly PropertyKey[]): void {
  ctx.addIssue({ code: 'custom', message: r.text, params: { reason: r }, ...(path === undefined ? {} : { path: [...path] }) });
}

/**
 * An issue checked by a nested schema, added again at `path` inside the outer one with its code and
 * fields (not as a bare custom message), so its Reason survives.
 */
export function addNested(ctx: z.RefinementCtx, issue: Issue, path: readonly PropertyKey[]): void {
  ctx.addIssue({ ...(issue as z.core.$ZodRawIssue), path: [...path, ...issue.path] } as Parameters<z.RefinementCtx['addIssue']>[0]);
}

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** What is wrong with one value, as a Reason; `validKeys` are the keys allowed where the issue is (see load.ts `keysAt`). */
export function reasonOf(issue: Issue, validKeys?: readonly string[]): Reason {
  const known = givenReason(issue);
  if (known !== undefined) return known;
  if (issue.code === 'unrecognized_keys') return reason('unknownKeys', { keys: issue.keys, valid: validKeys });
  if (issue.code === 'invalid_type') return reason('expectedType', { expected: issue.expected, found: foundType(issue) });
  return zodIssueReason(issue);
}

/**
 * The Reason of an issue that a schema checked inside another one and that is added again as a custom
 * issue (practice banks: src/scenario/practice.ts): its English stays zod's own text, as it always was,
 * and the zh text is made from its code and fields, whatever the code.
 */
export function nestedReason(issue: Issue): Reason {
  return givenReason(issue) ?? zodIssueReason(issue);
}

/** The Reason an issue carries (addReason) or whose text a schema noted (said). */
function givenReason(issue: Issue): Reason | undefined {
  const own = (issue as { params?: { reason?: unknown } }).params?.reason;
  if (own instanceof Reason) return own;
  return noted.get(issue.message);
}

function foundType(issue: Issue): string | undefined {
  return /received (\w+)/.exec(issue.message)?.[1] ?? ('input' in issue ? typeOf(issue.input) : undefined);
}

/** zod's English text (its "Invalid input: " cut) with the issue's fields, for the zh text. */
function zodIssueReason(issue: Issue): Reason {
  const i = issue as Issue & { origin?: string; minimum?: unknown; maximum?: unknown; divisor?: unknown; inclusive?: boolean; format?: string; pattern?: unknown; values?: readonly unknown[]; input?: unknown; expected?: string; keys?: readonly string[] };
  const limit = i.minimum ?? i.maximum ?? i.divisor;
  const found = issue.code === 'invalid_type' ? foundType(issue) : undefined;
  return reason('zodIssue', {
    en: issue.message.replace(/^Invalid input: /, ''),
    code: issue.code,
    ...(i.origin === undefined ? {} : { origin: i.origin }),
    ...(limit === undefined ? {} : { limit: String(limit) }),
    ...(i.inclusive === undefined ? {} : { inclusive: i.inclusive }),
    ...(i.format === undefined ? {} : { format: i.format }),
    ...(i.format === 'regex' && i.pattern !== undefined ? { pattern: String(i.pattern) } : {}),
    ...(i.values === undefined ? {} : { values: i.values.map((v) => JSON.stringify(v)) }),
    ...(i.input === undefined ? {} : { input: JSON.stringify(i.input) }),
    ...(issue.code === 'invalid_type' && i.expected !== undefined ? { expected: i.expected } : {}),
    ...(found === undefined ? {} : { found }),
    ...(issue.code === 'unrecognized_keys' && i.keys !== undefined ? { keys: i.keys } : {}),
  });
}
