/**
 * The package's scenario files as text. Kept apart from the progress store (which needs zod) so that
 * `tcp list` and the practice pool's cache check read them without loading a validator.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** scenarios/ of this package (from src/practice or dist/practice alike). */
export function scenariosDir(): string {
  return fileURLToPath(new URL('../../scenarios/', import.meta.url));
}

export interface SourceFile {
  /** Relative to the package (`scenarios/practice/osi.yaml`), for error messages. */
  readonly file: string;
  readonly text: string;
}

/** The `*.yaml` names of one scenarios subdirectory, sorted (none when it is missing). */
export function scenarioNames(kind: string, root: string = scenariosDir()): string[] {
  try {
    return readdirSync(join(root, kind)).filter((n) => n.endsWith('.yaml')).sort();
  } catch {
    return [];
  }
}

/** Every `*.yaml` of one scenarios subdirectory, sorted by name so the pool order is stable. */
export function readScenarioFiles(kind: 'practice' | 'tcp', root: string = scenariosDir()): SourceFile[] {
  return scenarioNames(kind, root).map((n) => ({ file: `scenarios/${kind}/${n}`, text: readFileSync(join(root, kind, n), 'utf8') }));
}

/** A file's size and modification time, as the build saw it (`scenarios/practice/osi.yaml`, bytes, ms). */
export interface FileStat {
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** The size and modification time of every `*.yaml` of one scenarios subdirectory, sorted by name. */
export function statScenarioFiles(kind: 'practice' | 'tcp', root: string = scenariosDir()): FileStat[] {
  return scenarioNames(kind, root).map((n) => {
    const st = statSync(join(root, kind, n));
    return { file: `scenarios/${kind}/${n}`, size: st.size, mtimeMs: st.mtimeMs };
  });
}
