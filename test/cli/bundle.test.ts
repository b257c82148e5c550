/**
 * The shipped CLI is the esbuild bundle in dist/bundle (scripts/bundle.js), run through bin/netkata.js
 * as a user runs it. What each command loads is read from the process itself (ES module resolve hooks
 * and a CommonJS resolve wrapper log every file it resolves) and matched against esbuild's own record of
 * which source files each output file holds (dist/bundle.meta.json), so these check the code splitting
 * the issue asks for (the app, the simulator, the lab and practice load only when used) without
 * trusting the build script's intent. Needs `npm run build` first (npm test does).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'netkata.js');
const metaFile = join(root, 'dist', 'bundle.meta.json');
const built = existsSync(metaFile);

interface Meta {
  inputs: Record<string, unknown>;
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

const dir = mkdtempSync(join(tmpdir(), 'netkata-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hooks = join(dir, 'hooks.mjs');
const userScenario = join(dir, 'mine.yaml');
writeFileSync(userScenario, readFileSync(join(root, 'scenarios', 'tcp', 'handshake.yaml'), 'utf8'));
const register = join(dir, 'register.mjs');
const cjs = join(dir, 'cjs-log.cjs');
writeFileSync(hooks, `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(process.env.NETKATA_LOAD_LOG, r.url + '\\n');
  return r;
}\n`);
writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
writeFileSync(cjs, `const M = require('node:module'); const fs = require('node:fs');
const orig = M._resolveFilename;
M._resolveFilename = function (...a) { const f = orig.apply(this, a); fs.appendFileSync(process.env.NETKATA_LOAD_LOG, f + '\\n'); return f; };\n`);

interface Loaded {
  code: number | null;
  stdout: string;
  /** Every file the process resolved, relative to the package root (node: built-ins left out). */
  files: string[];
  /** The source files (src/..., node_modules/...) held by the bundle files it loaded, per esbuild. */
  sources: string[];
}

let logs = 0;
function load(args: string[], env: NodeJS.ProcessEnv = {}): Loaded {
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Meta;
  const log = join(dir, `load-${++logs}.log`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--require', cjs, '--import', register, bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C', NO_COLOR: '1', NETKATA_DEBUG: '', NETKATA_LOAD_LOG: log, ...env },
  });
  const files = [...new Set(readFileSync(log, 'utf8').split('\n').filter((l) => l.startsWith('file:') || l.startsWith('/')))]
    .map((l) => relative(root, l.startsWith('file:') ? fileURLToPath(l) : l));
  const sources = files.flatMap((f) => Object.keys(meta.outputs[f]?.inputs ?? {}));
  return { code: r.status, stdout: r.stdout, files, sources };
}

const pkg = (name: string) => (s: string): boolean => s.startsWith(`node_modules/${name}/`);
const HEAVY = ['ink', 'react', 'react-reconciler', 'yoga-layout', '@inkjs/ui', 'yaml', 'zod', 'xstate'];

describe.skipIf(!built)('the shipped bundle (skipped: dist/bundle not built; npm run build)', () => {
  it('bin/netkata.js runs the bundle, not the per-module tsc output in dist/', () => {
    const r = load(['tcp', 'list', '--json']);
    expect(r.code).toBe(0);
    expect(r.files).toContain('dist/bundle/main.js');
    expect(r.files).not.toContain('dist/bundle/addr-direct.cjs'); // the address shortcut is for subnet/classify/ip only
    expect(r.files.filter((f) => f.startsWith('dist/') && !f.startsWith('dist/bundle/'))).toEqual([]);
    expect(r.files.filter((f) => f.startsWith('src/'))).toEqual([]);
  });

  it.each([
    [['subnet', '192.168.12.87/24', '--json'], 'src/addr/subnet.ts', false],
    [['subnet', '2001:db8::1/64'], 'src/addr/subnet.ts', true],
    [['classify', '::ffff:127.0.0.1', '--json'], 'src/addr/classify.ts', true],
    [['ip', '192.168.12.87'], 'src/addr/parse.ts', false],
  ] as const)('%j: one file, no commander, ink, react, yaml, zod or xstate', (args, holds, needsIpAddress) => {
    const r = load([...args]);
    expect(r.code).toBe(0);
    expect(r.sources).toContain(holds); // the log works: it saw the module that did the work
    // The direct shortcut is one CommonJS file: no chunk, no ES module loader.
    expect(r.files.filter((f) => f.startsWith('dist/'))).toEqual(['dist/bundle/addr-direct.cjs']);
    for (const heavy of ['commander', ...HEAVY]) expect(r.sources.filter(pkg(heavy))).toEqual([]);
    // The IPv4 path never needs ip-address (start-up time); IPv6 parsing loads it from node_modules.
    expect(r.files.some(pkg('ip-address'))).toBe(needsIpAddress);
  });

  it.each([
    [['split', '10.0.0.0/24', '--count', '4'], 'src/addr/split.ts', false],
    [['range', '10.0.0.1', '10.0.0.100', '--json'], 'src/addr/range.ts', false],
    [['port', 'ssh'], 'src/addr/port.ts', false],
    [['mac', '00:1a:2b:3c:4d:5e', '--json'], 'src/addr/mac.ts', false],
    [['same-segment', 'fe80::1', 'fe80::2', '--mask', '64'], 'src/addr/same-segment.ts', true],
  ] as const)('%j: the other address shortcut, one file, no commander, ink, react, yaml, zod or xstate', (args, holds, needsIpAddress) => {
    const r = load([...args]);
    expect(r.code).toBe(0);
    expect(r.sources).toContain(holds);
    expect(r.files.filter((f) => f.startsWith('dist/'))).toEqual(['dist/bundle/addr-extra-direct.cjs']);
    for (const heavy of ['commander', ...HEAVY]) expect(r.sources.filter(pkg(heavy))).toEqual([]);
    expect(r.files.some(pkg('ip-address'))).toBe(needsIpAddress);
  });

  it.each([
    // [command, a source file it must hold, packages and source folders it must not load]
    // (main.js itself holds the command definitions, with src/tcp/profile.ts for the --profile check.)
    // (the scenario reader is shared with practice: src/practice/store.ts)
    // A shipped scenario comes from the build-time parse (src/cli/scenario-cache.ts): no yaml, no zod.
    [['tcp', 'run', 'handshake'], 'src/tcp/simulation.ts', ['ink', 'react', 'yoga-layout', '@inkjs/ui', 'yaml', 'zod', 'src/scenario/tcp.ts', 'src/lab/', 'src/practice/generators/', 'src/practice/session.ts', 'src/ui/']],
    // A user's file is parsed: the schema loads.
    [['tcp', 'run', userScenario], 'src/scenario/tcp.ts', ['ink', 'react', 'src/lab/', 'src/ui/']],
    // The English list comes from the build (src/cli/lab-list.ts): not the lab, not zod.
    [['lab', 'list'], 'src/cli/lab-list.ts', ['ink', 'react', 'yoga-layout', '@inkjs/ui', 'yaml', 'zod', 'src/lab/', 'src/tcp/simulation.ts', 'src/practice/', 'src/ui/']],
    // The pool comes from the build-time parse (src/practice/pool-cache.ts), generated TCP questions build
    // their scenario directly (generators/scenario-doc.ts): no yaml, no zod. (--count 20: tcp questions drawn.)
    [['practice', '--help'], 'src/cli/commands/practice.ts', [...HEAVY, 'src/tcp/tcb.ts', 'src/lab/', 'src/practice/', 'src/ui/']],
  ] as const)('%j loads its own chunks only', (args, holds, never) => {
    const r = load([...args]);
    expect(r.code).toBe(0);
    expect(r.sources).toContain(holds);
    for (const n of never) {
      const hit = n.startsWith('src/') ? (s: string) => s.startsWith(n) : pkg(n);
      expect(r.sources.filter(hit), `${n} loaded`).toEqual([]);
    }
  });

  it('exam runs from its own shortcut: one CommonJS file with the build-time pool, no commander, yaml or zod, no Chinese text in English', () => {
    // The pool comes from the build-time parse (src/practice/pool-cache.ts), generated TCP questions build
    // their scenario directly (generators/scenario-doc.ts). (--count 20: tcp questions drawn.)
    const r = load(['exam', '--seed', '1', '--count', '20']);
    expect(r.code).toBe(0);
    expect(r.sources).toContain('src/practice/generators/scenario-doc.ts');
    expect(r.sources).toContain('src/tcp/simulation.ts');
    expect(r.files.filter((f) => f.startsWith('dist/'))).toEqual(['dist/bundle/exam-direct.cjs']);
    for (const never of ['commander', 'ink', 'react', 'yoga-layout', '@inkjs/ui', 'yaml', 'zod']) expect(r.sources.filter(pkg(never)), never).toEqual([]);
    for (const never of ['src/scenario/tcp.ts', 'src/scenario/practice.ts', 'src/lab/', 'src/ui/', 'src/i18n/zh/']) {
      expect(r.sources.filter((s) => s.startsWith(never)), never).toEqual([]);
    }
    // Anything the shortcut does not take runs the full program.
    const help = load(['exam', '--help']);
    expect(help.code).toBe(0);
    expect(help.files).toContain('dist/bundle/main.js');
    expect(help.stdout).toContain('--seed <n>');
  });

  it('tcp run of a built-in scenario runs from its own shortcut: one CommonJS file, no commander, yaml or zod, no Chinese text in English', () => {
    const r = load(['tcp', 'run', 'handshake']);
    expect(r.code).toBe(0);
    expect(r.sources).toContain('src/tcp/simulation.ts');
    expect(r.files.filter((f) => f.startsWith('dist/'))).toEqual(['dist/bundle/tcp-direct.cjs']);
    for (const never of ['commander', 'ink', 'react', 'yoga-layout', '@inkjs/ui', 'yaml', 'zod']) expect(r.sources.filter(pkg(never)), never).toEqual([]);
    for (const never of ['src/scenario/tcp.ts', 'src/lab/', 'src/ui/', 'src/practice/generators/', 'src/i18n/zh/']) {
      expect(r.sources.filter((s) => s.startsWith(never)), never).toEqual([]);
    }
    // Under zh: the Chinese words of the ladder, from the shortcuts' Chinese file; the program option
    // may come first.
    for (const args of [['tcp', 'run', 'handshake', '--lang', 'zh'], ['--lang', 'zh', 'tcp', 'run', 'handshake']]) {
      const zh = load(args);
      expect(zh.code).toBe(0);
      expect(zh.sources).toContain('src/i18n/zh/tcp.ts');
      expect([...new Set(zh.files.filter((f) => f.startsWith('dist/')))]).toEqual(['dist/bundle/tcp-direct.cjs', 'dist/bundle/cli-zh.cjs']);
    }
    // What the shortcut does not take runs the full program.
    const pcap = load(['tcp', 'run', 'handshake', '--pcap', join(dir, 'h.pcapng')]);
    expect(pcap.code).toBe(0);
    expect(pcap.files).toContain('dist/bundle/main.js');
  });

  it('exam with a bank changed since the build: the shortcut steps aside and the full program asks the changed question', () => {
    // A copy of the package whose osi bank no longer matches the build's parse (dist/bundle/pool-cache.json).
    const copy = join(dir, 'pkg');
    for (const part of ['bin', 'dist/bundle', 'scenarios', 'package.json']) cpSync(join(root, part), join(copy, part), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
    const bank = join(copy, 'scenarios', 'practice', 'osi.yaml');
    const was = 'In the OSI model, which layer does IP work at?';
    const text = readFileSync(bank, 'utf8');
    expect(text).toContain(was);
    writeFileSync(bank, text.replace(was, 'At which OSI layer does IP (changed) work?'));
    const run = (args: string[]) => spawnSync(process.execPath, [join(copy, 'bin', 'netkata.js'), ...args], { encoding: 'utf8', env: { ...process.env, LC_ALL: '', LANG: 'C' } });
    const prompts = (stdout: string): string[] => (JSON.parse(stdout) as { questions: { prompt: string }[] }).questions.map((q) => q.prompt);
    const changed = run(['exam', '--topic', 'osi', '--seed', '1', '--count', '30', '--json']);
    expect(changed.status, changed.stderr).toBe(0);
    expect(prompts(changed.stdout)).toContain('At which OSI layer does IP (changed) work?');
    expect(prompts(changed.stdout)).not.toContain(was);
    writeFileSync(bank, text);
    const same = run(['exam', '--topic', 'osi', '--seed', '1', '--count', '30', '--json']);
    expect(same.status, same.stderr).toBe(0);
    expect(prompts(same.stdout)).toContain(was);
  });

  it('the shortcut loads its Chinese text (cli-zh.cjs) under a zh locale only, and holds none of it itself', () => {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Meta;
    const zhSource = (s: string): boolean => s.startsWith('src/i18n/zh/');
    expect(Object.keys(meta.outputs['dist/bundle/addr-direct.cjs']!.inputs).filter(zhSource)).toEqual([]);
    const en = load(['subnet', '10.0.0.1/8']);
    expect(en.code).toBe(0);
    expect(en.files.filter((f) => f.startsWith('dist/'))).toEqual(['dist/bundle/addr-direct.cjs']);
    const zh = load(['subnet', '10.0.0.1/8'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('子网掩码');
    // (resolved as a URL and as a path: one file)
    expect([...new Set(zh.files.filter((f) => f.startsWith('dist/')))]).toEqual(['dist/bundle/addr-direct.cjs', 'dist/bundle/cli-zh.cjs']);
    expect(zh.sources).toContain('src/i18n/zh/subnet.ts');
    for (const heavy of ['commander', ...HEAVY]) expect(zh.sources.filter(pkg(heavy))).toEqual([]);
  });

  it('an English command of the full program loads no Chinese text', () => {
    const r = load(['split', '10.0.0.0/24', '--prefix', '26']);
    expect(r.code).toBe(0);
    expect(r.sources).toContain('src/addr/split.ts');
    expect(r.sources.filter((s) => s.startsWith('src/i18n/zh/'))).toEqual([]);
  });

  it('React and its reconciler are their production builds', () => {
    const inputs = Object.keys((JSON.parse(readFileSync(metaFile, 'utf8')) as Meta).inputs);
    expect(inputs).toContain('node_modules/react/cjs/react.production.js');
    expect(inputs).toContain('node_modules/react-reconciler/cjs/react-reconciler.production.js');
    expect(inputs.filter((f) => /\.development\.js$/.test(f))).toEqual([]);
  });

  it('the npm package holds bin/, every bundle file and scenarios/, and no sources or tsc output', () => {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Meta;
    // --ignore-scripts: the build is already there (prepare would rebuild it).
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const packed = new Set((JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
    for (const f of ['bin/netkata.js', 'bin/package.json', 'package.json', 'scenarios/tcp/handshake.yaml', 'dist/bundle/pool-cache.json', ...Object.keys(meta.outputs)]) {
      expect(packed.has(f), f).toBe(true);
    }
    expect([...packed].filter((f) => f.startsWith('src/') || f.startsWith('test/') || (f.startsWith('dist/') && !f.startsWith('dist/bundle/')))).toEqual([]);
  });
});
