/**
 * An experiment's title and explanation in the chosen language: English from the experiment itself
 * (src/lab/experiments/, what the JSON report carries), Chinese from the `zh:` block of its
 * scenarios/lab/<name>.yaml. A file without that block falls back to the English text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../i18n/lang.js';
import { loadLabScenario } from '../scenario/lab.js';
import type { AnyExperiment } from './experiment.js';

const SCENARIO_DIR = new URL('../../scenarios/lab/', import.meta.url);

export function scenarioFile(name: string): string {
  return fileURLToPath(new URL(`${name}.yaml`, SCENARIO_DIR));
}

export interface ExperimentText {
  readonly title: string;
  readonly explain: string;
}

export function experimentText(exp: Pick<AnyExperiment, 'name' | 'title' | 'explain'>, lang: Lang): ExperimentText {
  const en = { title: exp.title, explain: exp.explain };
  if (lang === 'en') return en;
  const file = scenarioFile(exp.name);
  if (!existsSync(file)) return en;
  return loadLabScenario(readFileSync(file, 'utf8'), `scenarios/lab/${exp.name}.yaml`).zh ?? en;
}
