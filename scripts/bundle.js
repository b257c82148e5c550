#!/usr/bin/env node
// Builds the shipped CLI (issue 14): one esbuild bundle of src/ and its dependencies, split into chunks
// so that a command loads only what it uses. Each dynamic `import()` in src/ (the app, the simulator,
// the lab, practice) becomes a chunk of its own, loaded when that import runs. `tsc` still type-checks
// (and emits dist/<module>.js for the tests that start a compiled module in a child process).
//
// Layout: dist/bundle/{addr-direct,main}.js and their chunks side by side, two directories below the
// package root like tsc's dist/<dir>/<module>.js. src/practice/store.ts and src/lab/runner.ts find the
// package's scenarios/ at `../../scenarios/` from their own module URL, so that depth is what keeps those
// paths right from a chunk (test/cli/bundle.test.ts runs commands that read scenarios/ through bin/).
import { build } from 'esbuild';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringWidthFast } from './string-width-fast.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });

/**
 * yoga-layout (ink's layout engine) embeds its wasm as a base64 data: URL, and its Emscripten loader
 * reads that URL through `fetch` whenever `fetch` exists, which on Node 20 loads undici first: about
 * 50 ms of a 2-core machine's start-up (a `node --cpu-prof` of the first frame). Without `fetch` it
 * decodes the same bytes itself (its `wa()`), so the loader is built as if `fetch` were absent there.
 * The build fails if the pattern is gone (a new yoga-layout), rather than silently keeping the cost.
 */
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, ({ path }) => {
      const text = readFileSync(path, 'utf8');
      const read = 'function ya(){return w||"function"!=typeof fetch?';
      if (text.split(read).length !== 2) throw new Error(`yoga-without-fetch: the wasm loader of ${path} changed; check it before building`);
      return { contents: text.replace(read, 'function ya(){return w||true?'), loader: 'js' };
    });
  },
};

/**
 * DEV=true in the environment makes ink import React devtools (react-devtools-core and ws: not
 * dependencies of ours) and read its own package.json, which the bundle does not carry, so the bundled
 * app would fail to start for anyone who has DEV=true set. The shipped CLI has no devtools mode: ink's
 * isDev() is false and its devtools module stays out of the bundle (unreachable, left external).
 */
const inkWithoutDevtools = {
  name: 'ink-without-devtools',
  setup(b) {
    const inInk = /[\\/]node_modules[\\/]ink[\\/]build[\\/]/;
    b.onResolve({ filter: /^\.\/devtools\.js$/ }, ({ importer }) => (inInk.test(importer) ? { path: './devtools.js', external: true } : undefined));
    b.onLoad({ filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]utils\.js$/ }, ({ path }) => {
      const text = readFileSync(path, 'utf8');
      const dev = "const isDev = () => process.env['DEV'] === 'true';";
      if (text.split(dev).length !== 2) throw new Error(`ink-without-devtools: ${path} changed; check it before building`);
      return { contents: text.replace(dev, 'const isDev = () => false;'), loader: 'js' };
    });
  },
};

/**
 * zod's `z` namespace re-exports all of its ~60 message locales (about 260 KB of the 450 KB zod chunk
 * that `tcp run`, `lab` and practice load and V8 must parse); netkata never selects one (zod sets its
 * English messages itself), so `z.locales` holds English only in the bundle.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, ({ path }) => {
      if (!readFileSync(path, 'utf8').includes('export { default as en } from "./en.js";')) {
        throw new Error(`zod-english-only: ${path} changed; check it before building`);
      }
      return { contents: 'export { default as en } from "./en.js";\n', loader: 'js', resolveDir: dirname(path) };
    });
  },
};

/**
 * The address shortcut is one CommonJS file without chunks, where esbuild would inline a dynamic import:
 * the Chinese text (src/i18n/zh/cli-sections.ts, loaded by src/cli/text.ts under zh only) becomes its
 * own file instead, cli-zh.cjs beside it, required only when the language is zh, so that an English
 * `netkata subnet` neither reads nor parses it (test/cli/bundle.test.ts).
 */
const zhApart = {
  name: 'zh-apart',
  setup(b) {
    b.onResolve({ filter: /[\\/]zh[\\/]cli-sections\.js$/ }, () => ({ path: './cli-zh.cjs', external: true }));
  },
};

// Every profile's machine as a table (src/tcp/engine.ts machineNodeTable), read from the xstate machine by
// the code tsc just compiled, built into the bundle: the shipped CLI compiles its engine from it without
// creating the xstate machine at run time (test/tcp/engine.test.ts holds table and machine equal).
const { machineNodeTable } = await import('../dist/tcp/engine.js');
const { PROFILES } = await import('../dist/tcp/profile.js');
const machineTables = Object.fromEntries(PROFILES.map((p) => [p, machineNodeTable(p)]));

const common = {
  absWorkingDir: root,
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  // Production React and react-reconciler: their index.js picks the production build on this, and the
  // development branch (prop-type checks, warnings, the devtools hook) is dropped from the bundle.
  define: { 'process.env.NODE_ENV': '"production"', __NETKATA_MACHINE_TABLES__: JSON.stringify(machineTables), __NETKATA_HAS_MACHINE_TABLES__: 'true' },
  plugins: [yogaWithoutFetch, inkWithoutDevtools, zodEnglishOnly, stringWidthFast],
  // CommonJS dependencies bundled into ESM still call require() for Node's built-ins.
  banner: { js: "import{createRequire as __nkRequire}from'node:module';const require=__nkRequire(import.meta.url);" },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
};

const cjs = {
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  banner: { js: "const __nkImportMetaUrl=require('node:url').pathToFileURL(__filename).href;" },
  define: { ...common.define, 'import.meta.url': '__nkImportMetaUrl' },
};

const [cli, direct, extraDirect, exam, tcpDirect, labListDirect, directZh, api] = await Promise.all([
  // The full program, split: each dynamic import() is a chunk loaded when that import runs.
  // app.js: the app's shortcut (src/ui/app-direct.ts), an entry of the same build so that it shares
  // main's chunks (one copy of each module's state).
  build({ ...common, entryPoints: { main: 'src/cli/main.ts', app: 'src/ui/app-direct.ts' }, splitting: true, chunkNames: '[name]-[hash]' }),
  // The address one-liners (subnet/classify/ip), which bin/netkata.js tries first: one file with no
  // chunks (esbuild inlines their dynamic imports when not splitting). Every ES module file costs Node
  // a resolve and an asynchronous read through the thread pool, and here ten chunks cost more than the
  // work itself (bench/addr-oneshot.bench.js). It shares no state with main.js: it returns undefined
  // before doing anything for a command it does not take.
  build({
    ...common,
    entryPoints: { 'addr-direct': 'src/cli/commands/addr-direct.ts' },
    ...cjs,
    plugins: [...common.plugins, zhApart],
    // IPv4, the common case, never needs ip-address: left in node_modules, required on the first IPv6
    // address (bundled, its 33 KB made every IPv4 `netkata subnet` slower: bench/addr-oneshot.bench.js).
    external: ['ip-address'],
  }),
  // The other address commands' shortcut (src/cli/commands/addr-extra-direct.ts): split, range,
  // aggregate, mac, port, same-segment, in a file of their own so that addr-direct.cjs stays small.
  build({
    ...common,
    entryPoints: { 'addr-extra-direct': 'src/cli/commands/addr-extra-direct.ts' },
    ...cjs,
    plugins: [...common.plugins, zhApart],
    external: ['ip-address'],
  }),
  // The exam shortcut (src/cli/commands/exam-direct.ts), one file for the same reason: an exam loads the
  // generators, the simulator and xstate, some twenty chunks of the split build.
  build({
    ...common,
    entryPoints: { 'exam-direct': 'src/cli/commands/exam-direct.ts' },
    ...cjs,
    plugins: [...common.plugins, zhApart],
  }),
  // The `tcp run` shortcut (src/cli/commands/tcp-direct.ts): a built-in scenario's ladder from the
  // build-time parse, the simulator and xstate, without commander or the split build's forty files.
  build({
    ...common,
    entryPoints: { 'tcp-direct': 'src/cli/commands/tcp-direct.ts' },
    ...cjs,
    plugins: [...common.plugins, zhApart],
  }),
  // The `lab list` shortcut (src/cli/commands/lab-list-direct.ts): the build's English list, a few KB.
  build({ ...common, entryPoints: { 'lab-list-direct': 'src/cli/commands/lab-list-direct.ts' }, ...cjs }),
  // The Chinese sections for the shortcuts (see zhApart).
  build({ ...common, entryPoints: { 'cli-zh': 'src/i18n/zh/cli-sections.ts' }, ...cjs }),
  // The library entry (package.json "exports": verifyProgram for test suites), one ES module without
  // chunks: a test suite imports it once; its types are tsc's declarations (dist/bundle/types/verify/api.d.ts).
  build({ ...common, entryPoints: { api: 'src/verify/api.ts' } }),
]);
/**
 * The CommonJS shortcuts run from a V8 code cache (bin/code-cache.cjs, vm.Script), and Node 20 loses a
 * script's import() callback when its code comes from a cache (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING on
 * the second run). What esbuild leaves as import() there is a built-in or a sibling CommonJS file
 * (cli-zh.cjs), which require() loads the same: so each becomes a require() in a promise. Anything else
 * stops the build.
 */
for (const name of ['addr-direct.cjs', 'addr-extra-direct.cjs', 'exam-direct.cjs', 'tcp-direct.cjs', 'lab-list-direct.cjs']) {
  const file = join(outdir, name);
  const text = readFileSync(file, 'utf8');
  const out = text.replace(/\bimport\(("[^"]*")\)/g, (all, spec) => {
    if (!/^"(node:[a-z_/]+|\.\/[a-z-]+\.cjs)"$/.test(spec)) throw new Error(`${name}: unexpected ${all}; check it before building`);
    return `Promise.resolve().then(()=>require(${spec}))`;
  });
  if (/\bimport\(/.test(out)) throw new Error(`${name}: an import() left that is not a plain string; check it before building`);
  writeFileSync(file, out);
}

// The library's types: tsc's declarations (tsconfig declarationDir), shipped beside the bundle.
cpSync(join(root, 'dist', 'types'), join(outdir, 'types'), { recursive: true });
// Which source files each output file holds (beside the bundle, not shipped): test/cli/bundle.test.ts reads it.
writeFileSync(join(root, 'dist', 'bundle.meta.json'), JSON.stringify({
  inputs: { ...cli.metafile.inputs, ...direct.metafile.inputs, ...extraDirect.metafile.inputs, ...exam.metafile.inputs, ...tcpDirect.metafile.inputs, ...labListDirect.metafile.inputs, ...directZh.metafile.inputs, ...api.metafile.inputs },
  outputs: { ...cli.metafile.outputs, ...direct.metafile.outputs, ...extraDirect.metafile.outputs, ...exam.metafile.outputs, ...tcpDirect.metafile.outputs, ...labListDirect.metafile.outputs, ...directZh.metafile.outputs, ...api.metafile.outputs },
}));
