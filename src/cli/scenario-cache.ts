/**
 * `netkata tcp run <built-in or shipped file>` without YAML or the schema: the TCP scenarios under
 * scenarios/tcp/ and the window scenarios under scenarios/window/ are parsed at build time into
 * dist/bundle/tcp-cache/<path>.json, each with the hash (textHash)
 * of its text (src/cache/build-cache.ts). A file whose text matches is read from there; anything else
 * (an edited file, a user's file, no cache, running from src/) is parsed as usual.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { buildCachePath, cacheParse, runningFromSources, textHash } from '../cache/build-cache.js';
import { InputError } from '../errors.js';
import { scenariosDir } from '../practice/source-files.js';
import type { TcpScenario } from '../scenario/tcp.js';
import type { WindowScenario } from '../scenario/window.js';
import { fsReason } from './fs-reason.js';
import { t } from './text.js';

export const TCP_CACHE_FORMAT = 3;

export interface CachedScenario {
  readonly format: number;
  readonly hash: string;
  readonly scenario: TcpScenario;
}

/** Where the parse of scenarios/<rel> is kept (rel: `tcp/handshake.yaml`). */
export function tcpCacheFile(rel: string): string {
  return buildCachePath(`tcp-cache/${rel.replace(/\.yaml$/, '.json')}`);
}

/** The cached parse of `text` if `absPath` is a shipped scenario file under scenarios/<dir>/ with exactly this text. */
function cachedParse<T extends { readonly file: string }>(dir: 'tcp/' | 'window/', absPath: string, text: string, file: string, options: { cache?: boolean }): T | undefined {
  if (!(options.cache ?? !runningFromSources())) return undefined;
  const rel = relative(scenariosDir(), absPath);
  if (rel.startsWith('..') || !rel.startsWith(dir) || !rel.endsWith('.yaml')) return undefined;
  try {
    const c = cacheParse(readFileSync(tcpCacheFile(rel), 'utf8')) as { format: number; hash: string; scenario: T };
    return c.format === TCP_CACHE_FORMAT && c.hash === textHash(text) ? { ...c.scenario, file } : undefined;
  } catch {
    return undefined;
  }
}

/** The cached parse of `text` if `absPath` is a shipped TCP scenario file (scenarios/tcp/) with exactly this text. */
export function cachedScenario(absPath: string, text: string, file: string, options: { cache?: boolean } = {}): TcpScenario | undefined {
  return cachedParse<TcpScenario>('tcp/', absPath, text, file, options);
}

/**
 * The same for a shipped window scenario (scenarios/window/): `tcp list` parsed all of them with yaml
 * and zod on every run (a third of its CPU time: `node --cpu-prof bin/netkata.js tcp list`).
 */
export function cachedWindowScenario(absPath: string, text: string, file: string, options: { cache?: boolean } = {}): WindowScenario | undefined {
  return cachedParse<WindowScenario>('window/', absPath, text, file, options);
}

/**
 * A scenario file a user names (relative to `cwd`, `~/` for home): its absolute path, its text and the
 * name errors use. Problems become InputError. (scenario-files.ts `loadScenarioFile` parses what this reads.)
 */
export function readScenarioText(path: string, cwd: string = process.cwd()): { path: string; text: string; file: string } {
  const p = path.trim().replace(/^~(?=\/)/, process.env['HOME'] ?? '~');
  if (p === '') throw new InputError(t().cli.noFileGiven);
  const abs = resolve(cwd, p);
  try {
    return { path: abs, text: readFileSync(abs, 'utf8'), file: p };
  } catch (e) {
    throw new InputError(fsReason(e), p);
  }
}

/**
 * `netkata tcp run <arg>`: an existing file, else a built-in scenario by its file name. The schema
 * module (zod, yaml) is imported only when the cache cannot answer.
 */
export async function loadScenarioArg(arg: string, options: { cache?: boolean } = {}): Promise<TcpScenario> {
  const builtin = !existsSync(arg) && /^[a-z0-9-]+$/.test(arg) ? resolve(scenariosDir(), 'tcp', `${arg}.yaml`) : undefined;
  let r: { path: string; text: string; file: string };
  if (builtin !== undefined && existsSync(builtin)) {
    r = { path: builtin, text: readFileSync(builtin, 'utf8'), file: `scenarios/tcp/${arg}.yaml` };
  } else {
    const p = arg.trim().replace(/^~(?=\/)/, process.env['HOME'] ?? '~');
    if (p !== '' && !existsSync(p)) throw new InputError(t().cli.noScenario, arg);
    r = readScenarioText(arg);
  }
  return cachedScenario(r.path, r.text, r.file, options) ?? (await import('../scenario/tcp.js')).parseTcpScenario(r.text, r.file);
}
