import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// A stdin that cannot be read (`< /` hands the process a directory, and read(2) on it fails with EISDIR)
// is an environment problem: exit 3 and one line `netkata: stdin: <reason>`, for every reader of stdin.
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'netkata.js');
const dir = mkdtempSync(join(tmpdir(), 'netkata-stdin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function withDirectoryStdin(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const fd = openSync(dir, 'r');
  try {
    const r = spawnSync(process.execPath, [bin, ...args], {
      cwd: root,
      encoding: 'utf8',
      stdio: [fd, 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', NETKATA_DEBUG: '' },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

describe('stdin that is a directory', () => {
  it.each([
    [['subnet', '--stdin']],
    [['subnet', '--stdin', '--json']],
    [['classify', '--stdin']],
    [['ip', '--stdin', '--json']],
    [['aggregate']],
    [['aggregate', '-', '--json']],
  ])('netkata %j: exit 3, one line "stdin: is a directory", nothing on stdout', (args) => {
    const r = withDirectoryStdin(args);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('netkata: stdin: is a directory\n');
  });
});
