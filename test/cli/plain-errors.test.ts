/**
 * Bad input in words a person can act on: one `netkata: <input>: <what is wrong>` line, exit 2, naming
 * what is valid, never a validator's jargon ("Invalid input: expected object, received null",
 * `Unrecognized key: "x"`). The valid names are checked against the documents that define them:
 * SCENARIOS.md's top-level keys and the `params` of scenarios/lab/<name>.yaml.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'netkata.js');
const dir = mkdtempSync(join(tmpdir(), 'netkata-plain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function netkata(args: readonly string[], input = ''): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 2, nothing on stdout, one line on stderr; returns the line. */
function oneLineError(args: readonly string[], input = ''): string {
  const r = netkata(args, input);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^netkata: [^\n]+\n$/);
  expect(r.stderr).not.toMatch(/Invalid input|Unrecognized key|received (null|string|array)/);
  return r.stderr.trimEnd();
}

describe('scenario files that are not a mapping', () => {
  // docs/scenarios.md's example scenario: its top-level keys are what a file must be made of.
  const spec = readFileSync(join(root, 'docs', 'scenarios.md'), 'utf8');
  const example = /## TCP scenarios[^]*?```yaml[^\n]*\n([^]*?)```/.exec(spec)?.[1];

  it('an empty file says it is empty and names the keys of docs/scenarios.md', () => {
    expect(example).toBeDefined();
    writeFileSync(join(dir, 'empty.txt'), '');
    const line = oneLineError(['tcp', 'run', 'empty.txt']);
    expect(line).toMatch(/^netkata: empty\.txt: the file is empty; expected a YAML mapping/);
    for (const key of Object.keys(parse(example!) as object)) expect(line).toContain(key);
  });

  it('a string or a list says what it found', () => {
    writeFileSync(join(dir, 'word.yaml'), 'hello\n');
    writeFileSync(join(dir, 'list.yaml'), '- a\n- b\n');
    expect(oneLineError(['tcp', 'run', 'word.yaml'])).toMatch(/^netkata: word\.yaml:1: expected a YAML mapping .*, found the string "hello"$/);
    expect(oneLineError(['tcp', 'run', 'list.yaml'])).toMatch(/^netkata: list\.yaml:1: expected a YAML mapping .*, found a list$/);
  });

  it('an unknown key names the valid ones (an endpoint: isn, listen, ...)', () => {
    writeFileSync(join(dir, 'typo.yaml'), 'name: typo\ntitle: t\nendpoints:\n  client: { isn: 1000, lisen: true }\n  server: { isn: 5000, listen: true }\nsteps:\n  - open: client\n');
    expect(oneLineError(['tcp', 'run', 'typo.yaml'])).toMatch(/^netkata: typo\.yaml:4: endpoints\.client: unknown key "lisen" \(valid: .*\bisn\b.*\blisten\b.*\)$/);
  });
});

describe('lab --param', () => {
  const labParams = (name: string): string[] =>
    Object.keys((parse(readFileSync(join(root, 'scenarios', 'lab', `${name}.yaml`), 'utf8')) as { params: object }).params);

  it('an experiment without parameters says so', () => {
    expect(labParams('close')).toEqual([]);
    expect(oneLineError(['lab', 'close', '--param', 'x=1'])).toBe('netkata: --param x=1: close: unknown parameter "x" (close takes no parameters)');
  });

  it('an unknown parameter lists the experiment\'s parameters (those of its scenario file)', () => {
    const line = oneLineError(['lab', 'time-wait', '--param', 'x=1']);
    expect(line).toMatch(/^netkata: --param x=1: time-wait: unknown parameter "x" \(valid: [^)]*\)$/);
    const listed = /\(valid: ([^)]*)\)/.exec(line)![1]!.split(', ');
    expect(listed.sort()).toEqual(labParams('time-wait').sort());
  });

  it('a value of the wrong type names the parameter and the type', () => {
    expect(oneLineError(['lab', 'time-wait', '--param', 'watchMs=abc'])).toBe('netkata: --param watchMs=abc: time-wait: watchMs: expected a number, found a string');
  });
});

describe('aggregate of a binary file', () => {
  // The first bytes of an ELF executable (a NUL-padded header) and a terminal escape sequence.
  const bytes = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]), Buffer.from('\n10.0.0.0/8\n')]);
  const controls = (s: string): string[] => [...s.slice(0, -1)].filter((c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f));

  it('says it is binary, escaped: no NUL, DEL or escape byte reaches stderr', () => {
    writeFileSync(join(dir, 'a.out'), bytes);
    const line = oneLineError(['aggregate', 'a.out']);
    expect(controls(line)).toEqual([]);
    expect(line).toMatch(/^netkata: a\.out:1: "\\u007fELF\\u0002\\u0001\\u0001\\u0000.*": holds NUL bytes: a binary file/);
  });

  it('any control character in a bad line is escaped in the one error line (here ESC from stdin)', () => {
    const r = netkata(['aggregate'], '10.0.0.0/8\nab\u001b[31mred\n');
    expect(r.code).toBe(2);
    expect(controls(r.stderr)).toEqual([]);
    expect(r.stderr).toContain('ab\\u001b[31mred');
  });
});
