#!/usr/bin/env node
// Writes dist/bundle/pool-cache.json (after the bundle, whose build empties dist/bundle): the practice pool parsed from the package's scenario files with the
// code `tsc` just compiled (see src/practice/pool-cache.ts for when it is used). Written to a
// temporary file and renamed, so a failed build never leaves half a cache.
import { renameSync, writeFileSync } from 'node:fs';
import { buildPoolCache } from '../dist/practice/pool-files.js';
import { poolCachePath } from '../dist/practice/pool-cache.js';

const path = poolCachePath();
writeFileSync(`${path}.tmp`, JSON.stringify(buildPoolCache()));
renameSync(`${path}.tmp`, path);
