import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The directory holding the package's `scenarios/`, found by walking up from a module's own file: the
 * module may run from tsc's dist/<dir>/<file>.js or from a bundle chunk (dist/bundle/<chunk>.js), whose
 * depths differ.
 */
export function scenariosDir(moduleUrl: string, sub: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'scenarios', sub);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return join(dirname(fileURLToPath(moduleUrl)), '..', '..', 'scenarios', sub);
}
