import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `netkata ... | head -1`: the reader closes its end after the first bytes while netkata still has
// megabytes to write. Runs the built binary (`npx tsc -p .` first) with stdout on a real pipe.
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'netkata.js');

interface Ended { code: number | null; signal: NodeJS.Signals | null; first: string; stderr: string }

/** Spawn netkata, read stdout until the first newline, then close our end of the pipe (as `head -1` does). */
function headOne(args: string[], input?: string): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', NETKATA_DEBUG: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let first = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (child.stdout.destroyed) return;
      first += d;
      const nl = first.indexOf('\n');
      if (nl !== -1) {
        first = first.slice(0, nl);
        child.stdout.destroy(); // closes the read end: netkata's next write gets EPIPE
      }
    });
    // EPIPE on our side too if netkata exits before reading all its stdin: not what is tested.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, first, stderr }));
  });
}

describe('a reader that closes early (EPIPE) ends netkata quietly', () => {
  it('split with 65,536 lines of text: exit 0, nothing on stderr, first line intact', async () => {
    const r = await headOne(['split', '10.0.0.0/8', '--prefix', '24']);
    expect(r.first).toBe('# 10.0.0.0/8 into 65536 x /24');
    expect(r.stderr).toBe('');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
  });

  it('split --json (one 2.7 MB document): exit 0, nothing on stderr', async () => {
    const r = await headOne(['split', '10.0.0.0/8', '--prefix', '20', '--json']);
    expect(r.first).toBe('{');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('subnet --stdin --json over 100,000 lines (the direct path): exit 0, nothing on stderr', async () => {
    const r = await headOne(['subnet', '--stdin', '--json'], '192.168.12.87/24\n'.repeat(100_000));
    expect(JSON.parse(r.first)).toMatchObject({ cidr: '192.168.12.0/24' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it.each([
    ['subnet', '192.168.12.87/24', '--json'],
    ['classify', '10.1.2.3'],
    ['split', '10.0.0.0/24', '--prefix', '26'],
  ])('%s ... whose reader left before it wrote anything (short output, written to fd 1 directly): exit 0, nothing on stderr', async (...args) => {
    const r = await new Promise<Ended>((resolve, reject) => {
      const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1', NETKATA_DEBUG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy(); // before Node has even started: the one write gets EPIPE
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, first: '', stderr }));
    });
    expect(r.stderr).toBe('');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
  });
});
