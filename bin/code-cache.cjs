// A V8 code cache for the CommonJS start-up shortcuts of bin/netkata.js (issue 14): Node 22 has
// module.enableCompileCache(); Node 20, which netkata supports, has only vm.Script's cachedData.
//
// Compiling a bundle file is a large part of a one-shot command's start (`exam`: a 260 KB file, about
// 12 ms of V8 parsing on a 2-core machine). The first run compiles it as usual and, when it exits,
// stores V8's code for the file and every function that ran (so the functions compiled lazily during
// the command are in it too); the next runs start from that code. The package `v8-compile-cache` was
// tried first: it stores only the code compiled before the file runs, and measured no gain here
// (bench/cli-oneshot.bench.js; see the issue 14 note).
//
// Safety:
// - V8 checks its own version, flags and the source's length, not its content: so each cache file is
//   named after the bundle file's path, size, modification time and inode, with the Node version and
//   architecture. A rebuilt or edited bundle gets a new name (test/cli/code-cache.test.ts changes a
//   bundle without changing its length).
// - The directory is the user's own: created with mode 0700 under the temporary directory, and not used
//   when another user owns it or others may write to it (a planted cache would be code run as us).
// - Anything that fails (no temporary directory, a read-only one, a cache V8 rejects) falls back to a
//   plain compile, and a cache is written whole or not at all (a temporary file renamed into place).
// NETKATA_CODE_CACHE=<dir> chooses the directory, NETKATA_CODE_CACHE=off turns the cache off.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

function cacheDir() {
  const set = process.env.NETKATA_CODE_CACHE;
  if (set === 'off') return undefined;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const dir = set || path.join(require('node:os').tmpdir(), `netkata-code-cache-${uid ?? 'user'}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.statSync(dir);
    if (!st.isDirectory() || (st.mode & 0o022) !== 0 || (uid !== undefined && st.uid !== uid)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** A 32-bit FNV-1a hash of a string, in hex (node:crypto would cost more to load than the rest of this file). */
function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** require(file), compiled from the code cache when there is a valid one. `file` is resolved by require.resolve. */
function requireCached(file) {
  const dir = cacheDir();
  if (dir === undefined) return require(file);
  let source;
  let st;
  try {
    st = fs.statSync(file);
    source = fs.readFileSync(file, 'utf8');
  } catch {
    return require(file);
  }
  // (The path's hash keeps two copies of the package, a global install and a project's, from evicting
  // each other's cache below.)
  const prefix = `${path.basename(file)}-${fnv1a(file)}-`;
  const name = `${prefix}${process.version}-${process.arch}-${st.size}-${Math.round(st.mtimeMs * 1000)}-${st.ino}.bin`;
  const cacheFile = path.join(dir, name);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // (No import() callback: Node 20 loses it when the code comes from a cache, so the build turns the
  // shortcuts' import() into require(): scripts/bundle.js.)
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  Module._cache[file] = mod;
  const localRequire = (id) => mod.require(id);
  localRequire.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  localRequire.cache = Module._cache;
  localRequire.main = require.main;
  script.runInThisContext().call(mod.exports, mod.exports, localRequire, mod, file, path.dirname(file));
  mod.loaded = true;
  if (cachedData === undefined || script.cachedDataRejected) {
    // At exit, with every function the command ran compiled (synchronous work only, as 'exit' allows).
    process.once('exit', () => {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, cacheFile);
        // The caches of earlier builds of this file are of no use any more.
        for (const f of fs.readdirSync(dir)) if (f.startsWith(prefix) && f !== name && f.endsWith('.bin')) fs.rmSync(path.join(dir, f), { force: true });
      } catch {
        try {
          fs.unlinkSync(tmp);
        } catch {
          // nothing was written
        }
      }
    });
  }
  return mod.exports;
}

module.exports = { requireCached };
