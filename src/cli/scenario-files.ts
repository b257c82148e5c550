import { join } from 'node:path';
import { InputError } from '../errors.js';
import { cachedScenario, readScenarioText } from './scenario-cache.js';
import { readScenarioFiles, scenariosDir } from '../practice/source-files.js';
import { parseTcpScenario, type TcpScenario } from '../scenario/tcp.js';

/**
 * The built-in TCP scenarios and user scenario files, read for `netkata tcp` and the app's simulator
 * screen alike (the scenario module itself only parses text). The built-in files are found by the one
 * reader practice also uses (src/practice/store.ts `readScenarioFiles`): `scenarios/tcp/*.yaml`, the
 * spelling SCENARIOS.md gives, sorted by name. A file a user names may have any name.
 */

/** scenarios/tcp of the installed package (or of `root`, a scenarios directory). */
export function builtinScenarioDir(root: string = scenariosDir()): string {
  return join(root, 'tcp');
}

export interface ScenarioEntry {
  readonly name: string;
  readonly title: string;
  readonly file: string;
  readonly scenario: TcpScenario | undefined;
  /** Why the file could not be read as a scenario (shown in the list instead of hiding the file). */
  readonly error: string | undefined;
  /** The InputError behind `error`, which the CLI shows in the chosen language. */
  readonly cause?: InputError;
}

/** Built-in TCP scenarios, by file name. A broken file is listed with its error, not skipped silently. */
export function listBuiltinScenarios(root: string = scenariosDir()): ScenarioEntry[] {
  return readScenarioFiles('tcp', root).map((f) => {
    const base = f.file.slice(f.file.lastIndexOf('/') + 1);
    const file = join(builtinScenarioDir(root), base);
    try {
      // The build's parse of a shipped file whose text is unchanged (`tcp list` parsed all 20 with yaml and
      // zod: 0.62 CPU-s a run, against 0.21 for `tcp run` of one).
      const scenario = cachedScenario(join(builtinScenarioDir(root), base), f.text, f.file) ?? parseTcpScenario(f.text, f.file);
      return { name: scenario.name, title: scenario.title, file, scenario, error: undefined };
    } catch (e) {
      const message = e instanceof InputError ? e.parseMessage : e instanceof Error ? e.message : String(e);
      return { name: base.replace(/\.yaml$/, ''), title: '', file, scenario: undefined, error: message, ...(e instanceof InputError ? { cause: e } : {}) };
    }
  });
}

/** A scenario file the user named (relative to the working directory); problems become InputError. */
export function loadScenarioFile(path: string, cwd: string = process.cwd()): TcpScenario {
  const { text, file } = readScenarioText(path, cwd);
  return parseTcpScenario(text, file);
}
