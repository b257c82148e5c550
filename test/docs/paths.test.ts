/**
 * The docs point at real things: every repository path written as code in docs/*.md and the README
 * (`src/tcp/profile.ts`, `scenarios/lab/`) exists, every relative Markdown link resolves, and nothing
 * points outside the repository (a reader who installed the package has only what it ships).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeSpans } from '../helpers/markdown.js';

const root = join(import.meta.dirname, '..', '..');
const files = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const TOP = /^(src|scenarios|scripts|test|bin|bench|docs)\//;

describe.each(files)('%s', (file) => {
  const text = readFileSync(join(root, file), 'utf8');
  it('every repository path it names exists', () => {
    const paths = [...codeSpans(text)].flatMap((s) => s.split(/[\s,]+/)).filter((p) => TOP.test(p) && !p.includes('<') && !p.includes('*') && !p.includes('{'));
    expect(paths.length).toBeGreaterThan(file === 'docs/architecture.md' ? 10 : -1);
    expect(paths.filter((p) => !existsSync(join(root, p)))).toEqual([]);
  });
  it('every relative link resolves inside the repository', () => {
    const links = [...text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
    const outside = links.filter((l) => relative(root, resolve(dirname(join(root, file)), l)).startsWith('..'));
    expect(outside, 'links outside the repository').toEqual([]);
    expect(links.filter((l) => !existsSync(resolve(dirname(join(root, file)), l)))).toEqual([]);
    expect(text, 'names a path outside the repository').not.toMatch(/\.\.\/shared|\/work\//);
  });
});

describe('the README', () => {
  it('points at the three reference docs', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const d of ['docs/cli.md', 'docs/scenarios.md', 'docs/architecture.md']) expect(readme).toContain(d);
  });
});

describe('the package', () => {
  it('ships docs/ (package.json files), so the links of the README that npm shows resolve', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('docs');
  });
});
