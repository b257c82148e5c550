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
