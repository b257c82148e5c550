/**
 * The layering docs/architecture.md states, checked on the source: src/addr, src/tcp and src/scenario
 * import no UI, no file system, network or process module, and nothing of ours above them (addr only
 * src/errors.ts; tcp and scenario each other, src/errors.ts and src/text-width.ts). The message
 * catalogue (src/i18n: text, no I/O) may be read by any layer that prints text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', '..', 'src');
const FORBIDDEN = /^(ink|react|react-dom|@inkjs\/ui|node:(fs|fs\/promises|net|dgram|child_process|worker_threads)|fs|net|child_process)$/;
const ALLOWED_OURS: Readonly<Record<string, readonly string[]>> = {
  addr: ['addr', 'errors.js', 'i18n'],
  tcp: ['tcp', 'scenario', 'errors.js', 'text-width.js', 'i18n'],
  scenario: ['scenario', 'tcp', 'errors.js', 'i18n'],
};

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

describe('core layers import nothing above them (docs/architecture.md, Layers)', () => {
  for (const layer of Object.keys(ALLOWED_OURS)) {
    const files = readdirSync(join(src, layer), { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
    it(`src/${layer} (${files.length} files)`, () => {
      expect(files.length).toBeGreaterThan(2);
      const bad: string[] = [];
      for (const f of files) {
        for (const spec of importsOf(join(src, layer, f))) {
          if (FORBIDDEN.test(spec)) bad.push(`${layer}/${f}: ${spec}`);
          if (spec.startsWith('.')) {
            const target = join(layer, f, '..', spec).split('/')[0]!;
            if (!ALLOWED_OURS[layer]!.includes(target)) bad.push(`${layer}/${f}: ${spec}`);
          }
        }
      }
      expect(bad).toEqual([]);
    });
  }
});
