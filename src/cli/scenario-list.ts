import { join } from 'node:path';
import { InputError } from '../errors.js';
import { readScenarioFiles, scenariosDir } from '../practice/source-files.js';
import { cachedScenario, cachedWindowScenario } from './scenario-cache.js';
import { builtinWindowFiles } from './window-files.js';

/**
 * `netkata tcp list`: the built-in TCP scenarios (scenarios/tcp/*.yaml) and window scenarios
 * (scenarios/window/*.yaml), by file name, from the build's parses (scenario-cache.ts) without loading
 * yaml and zod, which were a third of the command's CPU time even with every file cached. A file the
 * cache cannot answer for (edited since the build, or running from src/) is parsed by the schema
 * modules, imported then; the first that does not parse is the command's error, as before.
 */
export interface ScenarioRow {
  readonly name: string;
  readonly title: string;
  readonly titleZh: string | undefined;
  readonly topic: string | null;
}

export async function listScenarioRows(root: string = scenariosDir()): Promise<ScenarioRow[]> {
  const rows: ScenarioRow[] = [];
  const row = (s: { name: string; title: string; titleZh?: string | undefined; topic?: string | undefined }): ScenarioRow => ({ name: s.name, title: s.title, titleZh: s.titleZh, topic: s.topic ?? null });
  for (const f of readScenarioFiles('tcp', root)) {
    const path = join(root, 'tcp', f.file.slice(f.file.lastIndexOf('/') + 1));
    rows.push(row(cachedScenario(path, f.text, f.file) ?? (await parsed(() => import('../scenario/tcp.js').then((m) => m.parseTcpScenario(f.text, f.file))))));
  }
  for (const f of builtinWindowFiles(root)) {
    rows.push(row(cachedWindowScenario(f.path, f.text, f.file) ?? (await parsed(() => import('../scenario/window.js').then((m) => m.parseWindowScenario(f.text, f.file))))));
  }
  return rows;
}

/** A parse whose failure is an InputError (a broken shipped file is a packaging bug, said in one line). */
async function parsed<T>(parse: () => Promise<T>): Promise<T> {
  try {
    return await parse();
  } catch (e) {
    throw e instanceof InputError ? e : new InputError(e instanceof Error ? e.message : String(e));
  }
}
