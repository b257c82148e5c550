import { CASES, jsonCaseTests } from './cli-json-cases.js';

jsonCaseTests('every JSON field of the lab runs is named in its docs/cli.md section (skips where dist/ is not built)', CASES.filter((c) => c.needs !== undefined));
