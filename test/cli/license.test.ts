/**
 * The LICENSE file matches package.json's "license": MIT. The reference text is another MIT package's
 * license as installed (zod's), compared from "Permission is hereby granted" on, whitespace aside. (npm
 * packs LICENSE whatever package.json's "files" says; `npm pack --dry-run` lists it.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const body = (text: string): string => text.slice(text.indexOf('Permission is hereby granted')).replace(/\s+/g, ' ').trim();

describe('LICENSE', () => {
  it('is the MIT license that package.json declares', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { license: string };
    expect(pkg.license).toBe('MIT');
    const ours = readFileSync(join(root, 'LICENSE'), 'utf8');
    expect(ours.split('\n')[0]).toBe('MIT License');
    expect(ours).toMatch(/^Copyright \(c\) \d{4} \S/m);
    const reference = readFileSync(join(root, 'node_modules', 'zod', 'LICENSE'), 'utf8');
    expect(reference.split('\n')[0]).toBe('MIT License');
    expect(body(ours)).toBe(body(reference));
  });

});
