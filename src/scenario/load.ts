import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { InputError, reason, type Reason } from '../errors.js';
import { reasonOf } from './issue.js';

/**
 * Parse YAML text and validate it with a zod schema. Any problem becomes one InputError of the form
 * `<file>:<line>: <path>: <what is wrong>` (SCENARIOS.md), with the line of the offending node.
 * The caller reads the file; this module never touches the file system.
 */
export function loadYaml<S extends z.ZodType>(text: string, file: string, schema: S): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    throw new InputError(reason('yamlSyntax', { file, line, col, code: first.code, en: first.message.split('\n')[0]! }));
  }
  const data: unknown = doc.toJS();
  // reportInput: an issue keeps the value it is about, which the zh text of an unknown value names.
  const parsed = schema.safeParse(data, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (path.length === 0 && issue.code === 'invalid_type') {
    // The whole file is not a mapping: say so in words, with the keys it should hold.
    const want = reason('wantMapping', keysAt(schema, []));
    if (data === null || data === undefined) throw new InputError(reason('fileEmpty', want), file);
    throw new InputError(reason('fileNotMapping', { want, found: kindOf(data) }), `${file}:1`);
  }
  const line = lineOf(doc, path, lineCounter);
  throw new InputError(reason('fileIssue', { file, line, path: formatPath(path), why: reasonOf(issue, keysAt(schema, path)) }));
}


function kindOf(value: unknown): Reason {
  if (value === null || value === undefined) return reason('foundNothing');
  if (Array.isArray(value)) return reason('foundList');
  if (typeof value === 'object') return reason('foundMapping');
  return reason('foundValue', { type: typeof value, json: JSON.stringify(value) });
}

interface SchemaDef {
  readonly type: string;
  readonly shape?: Record<string, unknown>;
  readonly element?: unknown;
  readonly valueType?: unknown;
  readonly innerType?: unknown;
  readonly in?: unknown;
}
const defOf = (schema: unknown): SchemaDef | undefined => (schema as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;

/** Unwrap optional/default/prefault/nullable/readonly/catch and pipes down to the schema that checks. */
function unwrap(schema: unknown): unknown {
  for (let s = schema, n = 0; n < 20; n++) {
    const d = defOf(s);
    if (d === undefined) return s;
    if (d.innerType !== undefined) s = d.innerType;
    else if (d.type === 'pipe' && d.in !== undefined) s = d.in;
    else return s;
  }
  return schema;
}

/** The keys of the object schema at `path` inside `schema`, or undefined where that is not one plain object (a union, say). */
export function keysAt(schema: unknown, path: readonly (string | number)[]): string[] | undefined {
  let s = unwrap(schema);
  for (const p of path) {
    const d = defOf(s);
    if (d?.type === 'object' && typeof p === 'string' && d.shape !== undefined) s = unwrap(d.shape[p]);
    else if (d?.type === 'array' && typeof p === 'number') s = unwrap(d.element);
    else if (d?.type === 'record') s = unwrap(d.valueType);
    else return undefined;
  }
  const d = defOf(s);
  return d?.type === 'object' && d.shape !== undefined ? Object.keys(d.shape) : undefined;
}

/** `steps[3].expect.client` */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** Line of the deepest node that exists along `path` (the field itself, or its parent when it is missing). */
export function lineOf(doc: Document, path: readonly (string | number)[], lc: LineCounter): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return 1;
}
