/** Reading Markdown reference docs in tests: sections under headings, code spans. */

/** The text under a `### <title>` heading, up to the next heading of level 1 to 3; undefined if there is none. */
export function section(markdown: string, title: string): string | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === `### ${title}`);
  if (start === -1) return undefined;
  let end = start + 1;
  while (end < lines.length && !/^#{1,3} /.test(lines[end]!)) end++;
  return lines.slice(start + 1, end).join('\n');
}

/** Is `flag` written in the text as code: `` `--json` ``, `` `--mask <mask>` ``, `` `-V, --version` ``? */
export function mentions(text: string, flag: string): boolean {
  const f = flag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\`(?:[^\`\\n]*[ ,])?${f}(?=[\` ,<\\[=])`).test(text);
}

/** The words written as code in the prose of a Markdown text (not its examples): `hostCount`, and each of `{at, from, to}`. */
export function codeWords(markdown: string): Set<string> {
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
  return new Set([...prose.matchAll(/`([^`]+)`/g)].flatMap((m) => m[1]!.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []));
}

/** The code spans of the prose of a Markdown text, whole: `subnet.network`, `--param <key=value...>`. */
export function codeSpans(markdown: string): Set<string> {
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
  return new Set([...prose.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.trim()));
}

/** The text under a `## <title>` heading (its first words), up to the next `## ` heading. */
export function chapter(markdown: string, startsWith: string): string | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`## ${startsWith}`));
  if (start === -1) return undefined;
  let end = start + 1;
  while (end < lines.length && !/^#{1,2} /.test(lines[end]!)) end++;
  return lines.slice(start + 1, end).join('\n');
}

/** Fenced blocks whose info string starts with `lang`: `{line, info, body}` (`info` the words after it). */
export function fencedBlocks(markdown: string, lang: string): { line: number; info: string; body: string }[] {
  const lines = markdown.split('\n');
  const out: { line: number; info: string; body: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*(.*)$/.exec(lines[i]!);
    if (open === null) continue;
    let end = i + 1;
    while (end < lines.length && !lines[end]!.startsWith('```')) end++;
    if (open[1] === lang) out.push({ line: i + 1, info: open[2]!.trim(), body: lines.slice(i + 1, end).join('\n') + '\n' });
    i = end;
  }
  return out;
}
