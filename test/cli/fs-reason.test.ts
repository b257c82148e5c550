import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fsReason } from '../../src/cli/fs-reason.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'netkata.js');
const dir = mkdtempSync(join(tmpdir(), 'netkata-fs-reason-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function netkata(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, NO_COLOR: '1', NETKATA_DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const errno = (code: string | undefined, message = `${code}: something, open '/x/y.123.tmp'`) =>
  Object.assign(new Error(message), code === undefined ? {} : { code });

describe('fsReason', () => {
  it('words for the common codes, the bare code otherwise (never the path in the message)', () => {
    expect(fsReason(errno('ENOENT'))).toBe('no such file');
    expect(fsReason(errno('EISDIR'))).toBe('is a directory');
    expect(fsReason(errno('EACCES'))).toBe('permission denied');
    expect(fsReason(errno('ENOSPC'))).toBe('ENOSPC');
    expect(fsReason(errno(undefined, 'odd'))).toBe('odd');
  });
});

describe('file errors on the command line', () => {
  it('aggregate <directory>: cannot read: is a directory (exit 2)', () => {
    const r = netkata(['aggregate', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`netkata: ${dir}: cannot read: is a directory\n`);
  });

  it('tcp run --pcap into a missing directory: the reason, not the temporary file name', () => {
    const target = join(dir, 'missing', 'out.pcap');
    const r = netkata(['tcp', 'run', 'abort', '--pcap', target]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`netkata: ${target}: cannot write pcap: no such file\n`);
  });

  it('tcp run --pcap onto a directory: is a directory, and no .tmp file is left behind', () => {
    const r = netkata(['tcp', 'run', 'abort', '--pcap', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`netkata: ${dir}: cannot write pcap: is a directory\n`);
    expect(readdirSync(join(dir, '..')).filter((f) => f.startsWith(`${dir.split('/').at(-1)!}.`))).toEqual([]);
  });
});
