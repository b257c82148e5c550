#!/usr/bin/env node
// Thin entry: the CLI decides everything; we only hand over argv and the exit code.
// The address one-liners (subnet/classify/ip) take a shortcut that skips building the commander
// program (measured by bench/addr-oneshot.bench.js); anything else returns undefined and runs the full CLI.
import { runAddressDirect } from '../dist/cli/commands/addr-direct.js';

const argv = process.argv.slice(2);
const direct = await runAddressDirect(argv);
process.exitCode = direct ?? (await (await import('../dist/cli/main.js')).run(argv));
