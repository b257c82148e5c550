import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { fsReason } from './fs-reason.js';
import { scenarioNames, scenariosDir } from '../practice/source-files.js';
import { isWindowScenarioText } from '../scenario/window-kind.js';

/**
 * Window scenarios (SCENARIOS.md "Window scenarios"): the built-in ones in scenarios/window/, and a file
 * the user names whose top level says `kind: window`. `netkata tcp run` asks here first.
 */
export function windowScenarioDir(root: string = scenariosDir()): string {
  return join(root, 'window');
}

/** The built-in window scenario files, by file name: where each is, its text, and the name errors use. */
export function builtinWindowFiles(root: string = scenariosDir()): { path: string; text: string; file: string }[] {
  return scenarioNames('window', root).map((n) => {
    const path = join(windowScenarioDir(root), n);
    return { path, text: readFileSync(path, 'utf8'), file: `scenarios/window/${n}` };
  });
}

/**
 * Where the window scenario `arg` names is, and its text, or undefined when it names none (the TCP
 * scenarios take it then). Light (no YAML, no schema): `tcp run <tcp scenario>` asks here first.
 */
export function windowScenarioSource(arg: string): { path: string; text: string; file: string } | undefined {
  if (!existsSync(arg) && /^[a-z0-9-]+$/.test(arg)) {
    const builtin = join(windowScenarioDir(), `${arg}.yaml`);
    return existsSync(builtin) ? { path: builtin, text: readFileSync(builtin, 'utf8'), file: `scenarios/window/${arg}.yaml` } : undefined;
  }
  if (!existsSync(arg)) return undefined;
  let text: string;
  try {
    text = readFileSync(arg, 'utf8');
  } catch (e) {
    throw new InputError(fsReason(e), arg);
  }
  return isWindowScenarioText(text) ? { path: resolve(arg), text, file: arg } : undefined;
}
