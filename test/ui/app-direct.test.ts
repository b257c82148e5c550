// The app's start-up shortcut (src/ui/app-direct.ts) takes exactly what the commander program's own
// action takes for the app (no command; --lang, --no-color), and nothing else: help, version, commands
// and unknown options stay with the full program. (test/ui/e2e-tmux.test.ts starts the app through it.)
import { describe, expect, it } from 'vitest';
import { appArgs, runAppDirect } from '../../src/ui/app-direct.js';

describe('netkata with no command: the app shortcut', () => {
  it.each([
    [[], { color: true }],
    [['--lang', 'zh'], { lang: 'zh', color: true }],
    [['--lang=en', '--no-color'], { lang: 'en', color: false }],
    [['--no-color', '--lang', 'xx'], { lang: 'xx', color: false }], // a bad value: runAppDirect leaves it to the full program
  ] as [string[], object][])('%j is the app', (argv, want) => {
    expect(appArgs(argv)).toEqual(want);
  });

  it.each([[['--help']], [['-h']], [['--version']], [['subnet']], [['--lang']], [['--lang', '--no-color']], [['--lang', 'zh', 'tcp']], [['--colour']], [['help']]])('%j is not', (argv) => {
    expect(appArgs(argv)).toBeUndefined();
  });

  it('without a terminal (here: vitest\'s pipes) it hands over, so the full program prints its one line', async () => {
    expect(process.stdin.isTTY && process.stdout.isTTY).toBeFalsy();
    expect(await runAppDirect([])).toBeUndefined();
  });
});
