// The start-up shortcut (src/cli/commands/addr-direct.ts) must behave exactly like the commander
// program for what it takes, and hand everything else back. Both run as real processes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript, writeFullProgram, type Ran } from '../helpers/full-program.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'netkata.js');
const dir = mkdtempSync(join(tmpdir(), 'netkata-direct-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const entry = join(dir, 'direct.mjs');
writeFileSync(entry, `import { runAddressDirect } from ${JSON.stringify(pathToFileURL(join(root, 'dist/cli/commands/addr-direct.js')).href)};
const code = await runAddressDirect(process.argv.slice(2));
process.stdout.write(code === undefined ? 'FALLBACK' : '');
if (code !== undefined) process.exitCode = code;
`);

const full = writeFullProgram(dir);
const run = (file: string, args: string[], input = ''): Ran => runScript(file, args, { input });

describe('direct dispatch of address one-liners', () => {
  it.each([
    [['subnet', '192.168.12.87/24', '--json']],
    [['subnet', '192.168.12.87', '255.255.255.0']],
    [['subnet', '2001:db8::1/64', '--no-color']],
    [['subnet', '127.1/8']],
    [['subnet']],
    [['classify', '::ffff:127.0.0.1', '--json']],
    [['classify', '012.1.2.3']],
    [['ip', '192.168.12.87']],
    [['subnet', '--stdin', '--json'], '10.0.0.1/31\nbad\n'],
  ] as [string[], string?][])('%j: same stdout, stderr and exit code as the full program', (args, input) => {
    const mine = run(entry, args, input);
    expect(mine.stdout.startsWith('FALLBACK')).toBe(false);
    expect(mine).toEqual(run(full, args, input));
    expect(run(bin, args, input)).toEqual(mine);
  });
  it.each([[['subnet', '--help']], [['ip', '--from-int', '5']], [['classify', 'a', 'b']], [['split', '10.0.0.0/8', '--prefix', '9']], [[]]])(
    '%j goes to the full program',
    (args) => {
      expect(run(entry, args).stdout).toBe('FALLBACK');
    },
  );
});

/**
 * The other address commands' shortcut (src/cli/commands/addr-extra-direct.ts): what it takes is read
 * in this process (addressExtraArgs), and bin (which then takes it) must print what the full program
 * prints, byte for byte, exit code included. The cases cover each command, its options in both forms,
 * its usage errors that reach the action, stdin, a file, --lang and --no-color.
 */
describe('direct dispatch of split, range, aggregate, mac, port and same-segment', () => {
  const agg = join(dir, 'agg.txt');
  writeFileSync(agg, '10.0.0.0/25\n10.0.0.128/25\n10.0.0.1/24\n');
  it.each([
    [['split', '10.0.0.0/24', '--count', '4']],
    [['split', '10.0.0.0/24', '--hosts=50,20,10', '--json']],
    [['split', '10.0.0.0/24']],
    [['range', '10.0.0.1', '10.0.0.100']],
    [['range', '10.0.0.1']],
    [['aggregate', agg, '--strict', '--json']],
    [['aggregate', '-'], '10.0.0.0/25\n10.0.0.128/25\nbad\n'],
    [['mac', '01:00:5e:00:00:01', '--lang', 'zh']],
    [['port', 'ssh', '--json', '--no-color']],
    [['same-segment', 'fe80::1%eth0', 'fe80::2%eth1', '--mask', '64', '--json']],
    [['same-segment', '10.0.0.1', '10.0.1.2', '--mask=255.255.255.0']],
  ] as [string[], string?][])('%j: taken, with the full program\'s stdout, stderr and exit code', async (args, input) => {
    const { addressExtraArgs } = await import('../../src/cli/commands/addr-extra-direct.js');
    expect(addressExtraArgs(args)).toBeDefined();
    expect(run(bin, args, input)).toEqual(run(full, args, input));
  });
  it('leaves to the full program what commander would refuse or explain: help, a missing or extra argument, an unknown option, a value that looks like an option, an option twice, a bad --lang', async () => {
    const { addressExtraArgs, runAddressExtraDirect } = await import('../../src/cli/commands/addr-extra-direct.js');
    for (const args of [['split', '10.0.0.0/8', '--help'], ['port'], ['port', '80', '81'], ['same-segment', '10.0.0.1'], ['split', '10.0.0.0/8', '--count', '-1'], ['split', '10.0.0.0/8', '--count', '2', '--count', '3'], ['mac', 'x', '--strict'], ['range', '--json'], ['subnet', '10.0.0.1/8']]) {
      expect(addressExtraArgs(args), JSON.stringify(args)).toBeUndefined();
    }
    expect(await runAddressExtraDirect(['mac', '00:00:00:00:00:00', '--lang', 'fr'])).toBeUndefined();
  });
});
