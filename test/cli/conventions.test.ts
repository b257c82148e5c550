// CLI.md conventions that hold for every command: usage errors are one `netkata: ` line with exit 2,
// help and version exit 0, and without a terminal the app refuses to start with the contract's message.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/netkata.js', import.meta.url));

function netkata(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input: '', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI conventions', () => {
  it('without a terminal, `netkata` is bad input: exactly one line on stderr (no usage), exit 2', () => {
    for (const args of [[], ['--no-color'], ['--lang', 'en']]) {
      const r = netkata(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('netkata: interactive mode needs a terminal (try netkata --help)\n');
    }
  });

  it('--help and --version exit 0 on stdout', () => {
    const help = netkata(['--help']);
    expect(help.code).toBe(0);
    for (const cmd of ['subnet', 'same-segment', 'classify', 'ip', 'split', 'aggregate', 'range', 'port', 'mac', 'tcp', 'lab', 'practice', 'exam']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${cmd} `, 'm'));
    }
    const version = netkata(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each([
    [['--bogus']],
    [['nosuchcommand']],
    [['tcp']],
    [['tcp', 'run']],
    [['subnet', '10.0.0.0/8', '--bogus']],
    [['--lang', 'fr']],
    [['practice', '--lang', 'fr']],
    [['subent', '10.0.0.1/8']],
    [['lab']],
  ])('%j is a usage error: exit 2, one `netkata: ` line on stderr, nothing on stdout', (args) => {
    const r = netkata(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^netkata: [^\n]+\n$/);
  });

  it.each([
    [['subent', '10.0.0.1/8'], 'netkata: subent: not a command; did you mean subnet?'],
    [['tpc'], 'netkata: tpc: not a command; did you mean tcp?'],
    [['prac'], 'netkata: prac: not a command; did you mean practice?'],
    [['tcp', 'runn', 'x'], 'netkata: runn: not a tcp command; did you mean run?'],
    [['ls'], 'netkata: ls: not a command (netkata --help lists them)'],
    [['--lang', 'fr'], 'netkata: --lang fr: unknown language (use en or zh)'],
  ])('%j names the unknown word and the nearest command, if any', (args, line) => {
    const r = netkata(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${line}\n`);
  });

  it('lab --help lists every experiment that `lab list` (the registry) has, with its title', () => {
    const list = netkata(['lab', 'list']).stdout.trim().split('\n');
    expect(list.length).toBeGreaterThanOrEqual(13); // CLI.md names 13 experiments
    const help = netkata(['lab', '--help']);
    expect(help.code).toBe(0);
    for (const row of list) {
      const [, name, title] = /^(\S+)\s+(.*)$/.exec(row)!;
      expect(help.stdout).toMatch(new RegExp(`^  ${name} +${title!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    }
  });

  it.each(['practice', 'exam'])('%s --help mentions --lang, and both places for it work', (cmd) => {
    expect(netkata([cmd, '--help']).stdout).toMatch(/--lang en\|zh/);
    // The same exam in Chinese whichever side of the command --lang stands.
    const before = netkata(['--lang', 'zh', 'exam', '--seed', '3', '--count', '2', '--topic', 'osi']).stdout;
    expect(before).toMatch(/[\u4e00-\u9fff]/);
    expect(netkata(['exam', '--seed', '3', '--count', '2', '--topic', 'osi', '--lang', 'zh']).stdout).toBe(before);
  });

  it('`netkata tcp` alone names the subcommands that `netkata tcp --help` lists', () => {
    const help = netkata(['tcp', '--help']);
    const listed = [...help.stdout.matchAll(/^  (\w+) /gm)].map((m) => m[1]).filter((n) => n !== 'help');
    expect(listed.length).toBeGreaterThan(0);
    const r = netkata(['tcp']);
    expect(r.stderr).toBe(`netkata: tcp: which one? a subcommand is missing: ${listed.join(', ')}\n`);
    expect(netkata(['tcp', 'help', 'run']).stdout).toMatch(/^Usage: netkata tcp run /);
  });
});
