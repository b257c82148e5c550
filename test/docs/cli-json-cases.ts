/**
 * docs/cli.md names every JSON field the commands print. Each invocation below runs the built bin with
 * --json and every key of the document it prints (at any depth) must be written as code (`key`) in the
 * section of its command: a field added to the output fails this test until the doc has it. Keys that
 * are data, not names (endpoint and socket names, generated parameters) are skipped under the fields
 * listed as maps. Needs dist/; the lab runs need /proc/net/tcp (and --capture root with dumpcap).
 * The cases run from cli-json.test.ts (unit project, in parallel) and, the lab ones, from
 * cli-json-lab.test.ts (timing project: one at a time, as every real-socket test).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, built, hasDumpcap, hasProcNet, hasPython3, isRoot, root, scratchDir } from '../helpers/sessions.js';
import { codeWords, section } from '../helpers/markdown.js';

const doc = readFileSync(join(root, 'docs', 'cli.md'), 'utf8');

/** Every key path in a JSON value (`steps[].states`), skipping what is below the `maps` paths. */
export function keyPaths(value: unknown, maps: readonly string[], path = ''): string[] {
  if (maps.includes(path)) return [];
  if (Array.isArray(value)) return value.flatMap((v) => keyPaths(v, maps, `${path}[]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const p = path === '' ? k : `${path}.${k}`;
    return [p, ...keyPaths(v, maps, p)];
  });
}

export interface Case {
  readonly args: readonly string[];
  readonly command: string;
  readonly stdin?: string;
  readonly maps?: readonly string[];
  readonly needs?: 'lab' | 'capture' | 'python';
  /** Sections the command's doc refers to for some fields (`split`: "subnet objects as in subnet"). */
  readonly see?: readonly string[];
}

const LAB_MAPS = ['params', 'sequences', 'conformance.paths', 'compare.connections[].kernel', 'compare.connections[].simulated'];
export const CASES: readonly Case[] = [
  { command: 'subnet', args: ['subnet', '192.168.12.87/24'] },
  { command: 'subnet', args: ['subnet', '2001:db8::1/64'] },
  { command: 'subnet', args: ['subnet', '--stdin'], stdin: '10.0.0.0/8\nbad\n' },
  { command: 'same-segment', args: ['same-segment', 'fe80::1%eth0', 'fe80::2%eth1', '--mask', '/64'] },
  { command: 'classify', args: ['classify', '2001:db8:1c0:2:21::', '--nat64', '2001:db8:100::/40'] },
  { command: 'classify', args: ['classify', '2001:0:4136:e378:8000:63bf:3fff:fdd2'] },
  { command: 'classify', args: ['classify', 'fe80::1%eth0'] },
  { command: 'ip', args: ['ip', '224.1.2.3'] },
  { command: 'ip', args: ['ip', 'ff02::1%eth0'] },
  { command: 'ip', args: ['ip', '192.0.2.33', '--nat64', '64:ff9b::/96'] },
  { command: 'split', args: ['split', '192.168.1.0/24', '--hosts', '50,20,10,2'], see: ['subnet'] },
  { command: 'split', args: ['split', '10.0.0.0/24', '--count', '3'], see: ['subnet'] },
  { command: 'aggregate', args: ['aggregate'], stdin: '10.0.0.1/8\n::1\n' },
  { command: 'range', args: ['range', '2001:db8::', '2001:db8::ff'] },
  { command: 'port', args: ['port', 'dns'] },
  { command: 'port', args: ['port', '0'] },
  { command: 'mac', args: ['mac', '01:00:5e:01:02:03'] },
  { command: 'mac', args: ['mac', '33:33:00:00:00:01'] },
  { command: 'tcp run', args: ['tcp', 'run', 'rst-in-window'], maps: ['steps[].states', 'final'] },
  { command: 'tcp run', args: ['tcp', 'run', 'lost-final-ack'], maps: ['steps[].states', 'final'] },
  { command: 'tcp list', args: ['tcp', 'list'] },
  { command: 'tcp states', args: ['tcp', 'states', '--profile', 'linux'] },
  { command: 'exam', args: ['exam', '--seed', '1', '--count', '40'], maps: ['questions[].params'] },
  { command: 'practice', args: ['practice', '--stats'] },
  { command: 'lab', args: ['lab', 'list'] },
  ...['handshake', 'close', 'time-wait', 'close-wait', 'rst', 'syn-sent', 'fin-wait-1', 'last-ack', 'sticky', 'framing', 'file', 'auth', 'udp-echo', 'time', 'concurrent']
    .map((e): Case => ({ command: 'lab', args: ['lab', e], maps: LAB_MAPS, needs: 'lab' })),
  { command: 'lab', args: ['lab', 'io-models'], maps: LAB_MAPS, needs: 'python' },
  { command: 'lab', args: ['lab', 'sticky', '--compare'], maps: LAB_MAPS, needs: 'lab' },
  { command: 'lab', args: ['lab', 'close', '--capture'], maps: LAB_MAPS, needs: 'capture' },
];

/** One test per case: runs it and checks every key it prints is named in its section. */
export function jsonCaseTests(title: string, cases: readonly Case[]): void {
  describe.skipIf(!built)(title, () => {
  const scratch = scratchDir('netkata-docs-json-');
  for (const c of cases) {
    const skip = (c.needs === 'lab' && !hasProcNet) || (c.needs === 'capture' && !(isRoot && hasDumpcap && hasProcNet)) || (c.needs === 'python' && !(hasPython3 && hasProcNet));
    const why = c.needs === 'lab' ? ' (skips without /proc/net/tcp)' : c.needs === 'capture' ? ' (skips unless root with dumpcap)' : c.needs === 'python' ? ' (skips without python3 or /proc/net/tcp)' : '';
    it.skipIf(skip)(`netkata ${c.args.join(' ')} --json${why}`, () => {
      const r = spawnSync(process.execPath, [bin, ...c.args, '--json'], {
        cwd: scratch.dir,
        encoding: 'utf8',
        input: c.stdin ?? '',
        timeout: 60_000,
        env: { ...process.env, NETKATA_HOME: join(scratch.dir, 'home'), LANG: 'C.UTF-8', LC_ALL: '' },
      });
      expect(r.stdout.length, `no output; stderr: ${r.stderr}`).toBeGreaterThan(0);
      // One document, or JSON Lines with --stdin.
      const docs = c.args.includes('--stdin') ? r.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown) : [JSON.parse(r.stdout) as unknown];
      const keys = new Set(docs.flatMap((d) => keyPaths(d, c.maps ?? [])).map((p) => p.split('.').at(-1)!.replace(/\[\]$/, '')));
      const named = new Set([c.command, ...(c.see ?? [])].flatMap((s) => [...codeWords(section(doc, `netkata ${s}`) ?? '')]));
      const missing = [...keys].filter((k) => !named.has(k));
      expect(missing, `JSON fields of netkata ${c.args.join(' ')} missing from "### netkata ${c.command}" in docs/cli.md`).toEqual([]);
    });
  }
});
}
