/**
 * bin/code-cache.cjs: the start-up shortcuts compiled from a V8 code cache. What a user must never see:
 * a different output with the cache than without it, the code of an older build run for a newer one
 * (V8 checks a cache against the source's length only), a cache left half written, or a cache read from
 * a directory others can write to. Run through bin/ of a copy of the built package, as a user runs it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(join(root, 'dist', 'bundle', 'tcp-direct.cjs'));
const dir = mkdtempSync(join(tmpdir(), 'netkata-code-cache-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pkg = join(dir, 'pkg');
const bin = join(pkg, 'bin', 'netkata.js');
const HANDSHAKE = ['tcp', 'run', 'handshake'];

beforeAll(() => {
  if (!built) return;
  for (const part of ['bin', 'dist/bundle', 'scenarios', 'package.json']) cpSync(join(root, part), join(pkg, part), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(pkg, 'node_modules'));
});

function netkata(args: string[], cache: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input: '', env: { ...process.env, NO_COLOR: '1', NETKATA_DEBUG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C', NETKATA_CODE_CACHE: cache } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const cacheFiles = (d: string): string[] => (existsSync(d) ? readdirSync(d).sort() : []);

describe.skipIf(!built)('the code cache of the start-up shortcuts (skipped: dist/bundle not built; npm run build)', () => {
  it('first run writes one cache for the shortcut it used; the next runs read it and print the same', () => {
    const cache = join(dir, 'c1');
    const plain = netkata(HANDSHAKE, 'off');
    expect(plain.code).toBe(0);
    expect(netkata(HANDSHAKE, cache)).toEqual(plain);
    const files = cacheFiles(cache);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^tcp-direct\.cjs-[0-9a-f]{8}-v\d+\.\d+\.\d+-\w+-\d+-\d+-\d+\.bin$/);
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    const first = statSync(join(cache, files[0]!));
    expect(first.size).toBeGreaterThan(10_000);
    expect(netkata(HANDSHAKE, cache)).toEqual(plain);
    const again = statSync(join(cache, files[0]!));
    // Read, not written again (a rewrite is a new file renamed into place: a new inode).
    expect([again.ino, again.mtimeMs]).toEqual([first.ino, first.mtimeMs]);
    // Each shortcut has its own; the full program (ES modules) has none.
    expect(netkata(['subnet', '10.0.0.1/8', '--json'], cache).code).toBe(0);
    expect(netkata(['tcp', 'list', '--json'], cache).code).toBe(0);
    expect(cacheFiles(cache).map((f) => f.slice(0, f.indexOf('.cjs-') + 4))).toEqual(['addr-direct.cjs', 'tcp-direct.cjs']);
  });

  it('from a cache, a shortcut still loads what it loads later (its Chinese text, stdin)', () => {
    // Node 20 drops a script's import() callback when its code comes from a cache: the shortcuts load
    // these with require() (scripts/bundle.js), and a second run must print what the first did.
    const cache = join(dir, 'c5');
    const zh = (c: string) => spawnSync(process.execPath, [bin, 'subnet', '10.0.0.1/8'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8', NETKATA_CODE_CACHE: c } });
    const plain = zh('off');
    expect(plain.stdout).toContain('子网掩码');
    for (let i = 0; i < 2; i++) expect([zh(cache).status, zh(cache).stdout, zh(cache).stderr]).toEqual([0, plain.stdout, '']);
    const stdin = (c: string) => spawnSync(process.execPath, [bin, 'subnet', '--stdin', '--json'], { encoding: 'utf8', input: '10.0.0.1/31\n', env: { ...process.env, NETKATA_CODE_CACHE: c } });
    const plainStdin = stdin('off');
    expect(plainStdin.status).toBe(0);
    for (let i = 0; i < 2; i++) expect(stdin(cache).stdout).toBe(plainStdin.stdout);
  });

  it('a damaged cache is rejected by V8, the output is the same, and a good one replaces it', () => {
    const cache = join(dir, 'c2');
    const plain = netkata(HANDSHAKE, 'off');
    netkata(HANDSHAKE, cache);
    const [file] = cacheFiles(cache);
    const path = join(cache, file!);
    const junk = Buffer.alloc(statSync(path).size, 0x5a);
    writeFileSync(path, junk);
    expect(netkata(HANDSHAKE, cache)).toEqual(plain);
    expect(readFileSync(path).equals(junk)).toBe(false);
    expect(netkata(HANDSHAKE, cache)).toEqual(plain);
  });

  it('a bundle changed without changing its length runs its new code, not the cache of the old one', () => {
    const cache = join(dir, 'c3');
    const before = netkata(HANDSHAKE, cache);
    expect(before.stdout).toContain('one event per row, arrows at send time');
    const file = join(pkg, 'dist', 'bundle', 'tcp-direct.cjs');
    const text = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, text.replace('one event per row, arrows at send time', 'ONE EVENT PER ROW, ARROWS AT SEND TIME'));
      expect(statSync(file).size).toBe(Buffer.byteLength(text));
      const later = new Date(Date.now() + 5000);
      utimesSync(file, later, later);
      const after = netkata(HANDSHAKE, cache);
      expect(after.stdout).toContain('ONE EVENT PER ROW, ARROWS AT SEND TIME');
      // The old build's cache made way for the new one's.
      expect(cacheFiles(cache)).toHaveLength(1);
    } finally {
      writeFileSync(file, text);
    }
  });

  it('a cache directory others may write to is not used (nor written)', () => {
    const cache = join(dir, 'c4');
    mkdirSync(cache, { mode: 0o777 });
    chmodSync(cache, 0o777);
    expect(netkata(HANDSHAKE, cache)).toEqual(netkata(HANDSHAKE, 'off'));
    expect(cacheFiles(cache)).toEqual([]);
  });

  it('a cache directory that cannot be made: the command runs as without a cache', () => {
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, '');
    expect(netkata(HANDSHAKE, join(blocker, 'cache'))).toEqual(netkata(HANDSHAKE, 'off'));
  });
});
