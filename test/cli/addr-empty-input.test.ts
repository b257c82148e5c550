import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';

// An empty argument is named as `""` before the reason (CLI.md's `netkata: <input>: <message>`), so the
// line never reads `netkata: : empty address`.
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'netkata.js');

function netkata(args: string[], input = ''): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, NO_COLOR: '1', NETKATA_DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('empty input', () => {
  it('InputError shows an empty input as ""', () => {
    expect(new InputError('empty address', '').parseMessage).toBe('"": empty address');
    expect(new InputError('empty address', 'x').parseMessage).toBe('x: empty address');
    expect(new InputError('no input').parseMessage).toBe('no input');
  });

  it.each([
    [['subnet', ''], 'netkata: "": empty address'],
    [['subnet', '', '--json'], 'netkata: "": empty address'],
    [['ip', ''], 'netkata: "": empty address'],
    [['classify', ''], 'netkata: "": empty address'],
    [['mac', ''], 'netkata: "": empty MAC address'],
    [['port', ''], 'netkata: "": empty port'],
    [['range', '1.2.3.4-'], 'netkata: "": empty address'],
  ])('netkata %j: exit 2 and %s', (args, line) => {
    const r = netkata(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${line}\n`);
  });

  it('aggregate: an empty range end on line 2 is <stdin>:2: "": ...', () => {
    const r = netkata(['aggregate'], '10.0.0.0/8\n-\n');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('netkata: <stdin>:2: "": empty address\n');
  });
});
