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
