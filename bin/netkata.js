#!/usr/bin/env node
// Thin entry: the CLI decides everything; we only hand over argv and the exit code.
// It runs the esbuild bundle of src/ (scripts/bundle.js, built by `npm run build` and `prepare`).
// The address one-liners (subnet/classify/ip) take a shortcut that skips building the commander
// program (measured by bench/addr-oneshot.bench.js); anything else returns undefined and runs the full CLI.
import { runAddressDirect } from '../dist/bundle/addr-direct.js';

const argv = process.argv.slice(2);
const direct = await runAddressDirect(argv);
process.exitCode = direct ?? (await (await import('../dist/bundle/main.js')).run(argv));
