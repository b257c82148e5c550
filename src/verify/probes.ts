/**
 * Finding a probe: a built-in name (scenarios/verify/<name>.yaml) or a path to a YAML file.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, reason } from '../errors.js';
import { parseVerifyProbe, type VerifyProbe } from '../scenario/verify.js';

/** Two directories up from this module, from src/verify/, dist/verify/ and a dist/bundle/ file alike. */
export function probesDir(): string {
  return fileURLToPath(new URL('../../scenarios/verify/', import.meta.url));
}

/** The built-in probes' names, sorted. */
export function builtinProbes(): string[] {
  try {
    return readdirSync(probesDir()).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();
  } catch {
    return [];
  }
}

/** A name without a slash or a .yaml/.yml ending is a built-in probe; anything else is a file. */
export function loadProbe(nameOrFile: string): VerifyProbe {
  const isFile = /[\\/]/.test(nameOrFile) || /\.ya?ml$/i.test(nameOrFile);
  if (!isFile) {
    const file = join(probesDir(), `${nameOrFile}.yaml`);
    if (!existsSync(file)) throw new InputError(reason('verifyNoProbe', builtinProbes()), nameOrFile);
    return parseVerifyProbe(readFileSync(file, 'utf8'), `scenarios/verify/${nameOrFile}.yaml`);
  }
  if (!existsSync(nameOrFile)) throw new InputError(reason('fileMissing'), nameOrFile);
  if (statSync(nameOrFile).isDirectory()) throw new InputError(reason('fileIsDirectory'), nameOrFile);
  let text: string;
  try {
    text = readFileSync(nameOrFile, 'utf8');
  } catch (e) {
    throw new InputError(reason('fileUnreadable', (e as NodeJS.ErrnoException).code ?? 'error'), nameOrFile);
  }
  return parseVerifyProbe(text, nameOrFile);
}
