import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenariosDir } from '../practice/source-files.js';
import { parseWindowScenario, type WindowScenario } from '../scenario/window.js';
import { cachedWindowScenario } from './scenario-cache.js';
import { windowScenarioDir, windowScenarioSource, type WindowEntry } from './window-files.js';

// Reading window scenarios (YAML and the schema); window-files.ts only finds them.

/** The window scenario `arg` names, parsed, or undefined when it names none. */
export function findWindowScenario(arg: string): WindowScenario | undefined {
  const source = windowScenarioSource(arg);
  return source === undefined ? undefined : (cachedWindowScenario(source.path, source.text, source.file) ?? parseWindowScenario(source.text, source.file));
}

/** Built-in window scenarios by file name, parsed (the app's scenario list runs them). */
export function loadWindowScenarios(root: string = scenariosDir()): WindowScenario[] {
  const dir = windowScenarioDir(root);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort();
  } catch {
    return [];
  }
  return names.map((n) => {
    const path = join(dir, n);
    const text = readFileSync(path, 'utf8');
    return cachedWindowScenario(path, text, `scenarios/window/${n}`) ?? parseWindowScenario(text, `scenarios/window/${n}`);
  });
}

/** Built-in window scenarios by file name; a broken one is an InputError (a packaging bug). */
export function listWindowScenarios(root: string = scenariosDir()): WindowEntry[] {
  return loadWindowScenarios(root).map((s) => ({ name: s.name, title: s.title, topic: s.topic ?? null }));
}
