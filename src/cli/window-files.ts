import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { fsReason } from './fs-reason.js';
import { scenariosDir } from '../practice/store.js';
import { isWindowScenarioText, parseWindowScenario, type WindowScenario } from '../scenario/window.js';

/**
 * Window scenarios (SCENARIOS.md "Window scenarios"): the built-in ones in scenarios/window/, and a file
 * the user names whose top level says `kind: window`. `netkata tcp run` asks here first.
 */
export function windowScenarioDir(root: string = scenariosDir()): string {
  return join(root, 'window');
}

/** The window scenario `arg` names, or undefined when it names none (the TCP scenarios take it then). */
export function findWindowScenario(arg: string): WindowScenario | undefined {
  if (!existsSync(arg) && /^[a-z0-9-]+$/.test(arg)) {
    const builtin = join(windowScenarioDir(), `${arg}.yaml`);
    if (existsSync(builtin)) return parseWindowScenario(readFileSync(builtin, 'utf8'), `scenarios/window/${arg}.yaml`);
    return undefined;
  }
  if (!existsSync(arg)) return undefined;
  let text: string;
  try {
    text = readFileSync(arg, 'utf8');
  } catch (e) {
    throw new InputError(fsReason(e), arg);
  }
  return isWindowScenarioText(text) ? parseWindowScenario(text, arg) : undefined;
}

export interface WindowEntry {
  readonly name: string;
  readonly title: string;
  readonly topic: string | null;
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
  return names.map((n) => parseWindowScenario(readFileSync(join(dir, n), 'utf8'), `scenarios/window/${n}`));
}

/** Built-in window scenarios by file name; a broken one is an InputError (a packaging bug). */
export function listWindowScenarios(root: string = scenariosDir()): WindowEntry[] {
  return loadWindowScenarios(root).map((s) => ({ name: s.name, title: s.title, topic: s.topic ?? null }));
}
