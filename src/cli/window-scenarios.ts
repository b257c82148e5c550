import { scenariosDir } from '../practice/source-files.js';
import { parseWindowScenario, type WindowScenario } from '../scenario/window.js';
import { cachedWindowScenario } from './scenario-cache.js';
import { builtinWindowFiles, windowScenarioSource } from './window-files.js';

// Reading window scenarios (YAML and the schema); window-files.ts only finds them.

/** The window scenario `arg` names, parsed, or undefined when it names none. */
export function findWindowScenario(arg: string): WindowScenario | undefined {
  const source = windowScenarioSource(arg);
  return source === undefined ? undefined : (cachedWindowScenario(source.path, source.text, source.file) ?? parseWindowScenario(source.text, source.file));
}

/** Built-in window scenarios by file name, parsed (the app's scenario list runs them). */
export function loadWindowScenarios(root: string = scenariosDir()): WindowScenario[] {
  return builtinWindowFiles(root).map((f) => cachedWindowScenario(f.path, f.text, f.file) ?? parseWindowScenario(f.text, f.file));
}
