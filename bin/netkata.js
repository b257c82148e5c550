#!/usr/bin/env node
// Thin entry: the CLI decides everything; we only hand over argv and the exit code.
import { run } from '../dist/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
