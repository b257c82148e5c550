#!/usr/bin/env node
// Thin entry: the CLI decides everything; we only hand over argv and the exit code. It runs the esbuild
// bundle of src/ in dist/bundle (scripts/bundle.js, built by `npm run build` and `prepare`).
//
// The address one-liners (subnet/classify/ip) take a shortcut that skips building the commander program;
// anything it does not take returns undefined and runs the full CLI. This file and that shortcut are
// CommonJS (bin/package.json): required synchronously they skip Node's ES module loader, which measured
// as a tenth of `netkata subnet`'s start-up (bench/addr-oneshot.bench.js). The full CLI is an ES module.
// `exam` has a shortcut of its own for the same reason (src/cli/commands/exam-direct.ts). Other commands
// read neither shortcut.
const argv = process.argv.slice(2);
const direct = ['subnet', 'classify', 'ip'].includes(argv[0]) ? require('../dist/bundle/addr-direct.cjs').runAddressDirect(argv)
  : argv[0] === 'exam' ? require('../dist/bundle/exam-direct.cjs').runExamDirect(argv)
    : Promise.resolve(undefined);
direct.then(async (code) => {
  process.exitCode = code ?? (await (await import('../dist/bundle/main.js')).run(argv));
});
