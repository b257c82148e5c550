#!/usr/bin/env node
// Thin entry: the CLI decides everything; we only hand over argv and the exit code. It runs the esbuild
// bundle of src/ in dist/bundle (scripts/bundle.js, built by `npm run build` and `prepare`).
//
// The address one-liners (subnet/classify/ip; split/range/aggregate/mac/port/same-segment), `exam`,
// `tcp run` and `lab list` take shortcuts that skip building the commander program
// (src/cli/commands/addr-direct.ts, addr-extra-direct.ts, exam-direct.ts, tcp-direct.ts,
// lab-list-direct.ts); anything a
// shortcut does not take returns undefined and runs the full CLI. This file and the shortcuts are
// CommonJS (bin/package.json): required synchronously they skip Node's ES module loader, which measured
// as a tenth of `netkata subnet`'s start-up (bench/addr-oneshot.bench.js), and they are compiled from a
// V8 code cache (bin/code-cache.cjs). The full CLI is an ES module.
const { requireCached } = require('./code-cache.cjs');

const argv = process.argv.slice(2);
// `netkata --lang zh tcp run x` is `netkata tcp run x --lang zh` (a program option, read anywhere): the
// shortcuts see one leading --lang after the command, where they take it. Given twice, none does.
const langs = argv.filter((a) => a === '--lang' || a.startsWith('--lang=')).length;
const lead = langs === 1 ? (argv[0] === '--lang' ? 2 : argv[0]?.startsWith('--lang=') ? 1 : 0) : 0;
const cmd = lead > 0 && argv.length > lead ? [...argv.slice(lead), ...argv.slice(0, lead)] : argv;
const direct = ['subnet', 'classify', 'ip'].includes(cmd[0]) ? requireCached(require.resolve('../dist/bundle/addr-direct.cjs')).runAddressDirect(cmd)
  : ['split', 'range', 'aggregate', 'mac', 'port', 'same-segment'].includes(cmd[0]) ? requireCached(require.resolve('../dist/bundle/addr-extra-direct.cjs')).runAddressExtraDirect(cmd)
  : cmd[0] === 'exam' ? requireCached(require.resolve('../dist/bundle/exam-direct.cjs')).runExamDirect(cmd)
    : cmd[0] === 'tcp' && cmd[1] === 'run' ? requireCached(require.resolve('../dist/bundle/tcp-direct.cjs')).runTcpDirect(cmd)
      : cmd[0] === 'lab' && cmd[1] === 'list' ? Promise.resolve(requireCached(require.resolve('../dist/bundle/lab-list-direct.cjs')).runLabListDirect(cmd))
        : Promise.resolve(undefined);
// The app (`netkata` at a terminal, with at most --lang and --no-color) without commander: app.js
// (src/ui/app-direct.ts) checks the arguments exactly and answers undefined for anything else.
const appLike = (argv[0] === undefined || argv[0].startsWith('--lang') || argv[0] === '--no-color') && process.stdin.isTTY && process.stdout.isTTY;
direct.then(async (code) => {
  code ??= appLike ? await (await import('../dist/bundle/app.js')).runAppDirect(argv) : undefined;
  process.exitCode = code ?? (await (await import('../dist/bundle/main.js')).run(argv));
});
