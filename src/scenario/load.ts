import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../errors.js';

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
    const line = lineCounter.linePos(first.pos[0]).line;
    throw new InputError(`${file}:${line}: ${first.message.split('\n')[0]}`);
  }
  const data: unknown = doc.toJS();
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const line = lineOf(doc, path, lineCounter);
  throw new InputError(`${file}:${line}: ${formatPath(path) || '(document)'}: ${issue.message}`);
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
