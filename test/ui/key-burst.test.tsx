// Several keys in one read (a held Backspace, tmux `send-keys BSpace BSpace BSpace`) must act as that many
// presses. The reference is what a screen gets for each key read alone (ink's useInput, with Backspace and
// Delete told apart by src/ui/use-terminal-input.ts).
import type { Key } from 'ink';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { useKeys } from '../../src/ui/use-keys.js';
import { KEY, renderApp, tick, type } from './helpers.js';

type Seen = [string, Partial<Key>][];

const FLAGS = ['return', 'tab', 'backspace', 'delete', 'ctrl', 'shift', 'meta', 'escape'] as const;
const flagsOf = (key: Key): Partial<Key> => Object.fromEntries(FLAGS.filter((f) => key[f]).map((f) => [f, true]));

function Probe({ seen }: { readonly seen: Seen }): React.JSX.Element {
  useKeys((input, key) => void seen.push([input, flagsOf(key)]));
  return <Text>probe</Text>;
}

async function keysOf(...reads: string[]): Promise<Seen> {
  const seen: Seen = [];
  const r = render(<Probe seen={seen} />);
  await tick();
  for (const chunk of reads) {
    r.stdin.write(chunk);
    await tick();
  }
  r.unmount();
  return seen;
}

// Every C0 control a keyboard sends alone (Esc aside: ink keeps a lone Esc back as a possible sequence
// start), and DEL, the key most terminals send for Backspace.
const CONTROLS = [...Array.from({ length: 26 }, (_, i) => String.fromCharCode(i + 1)), '\u007f'].filter((c) => c !== '\u001b');

describe('keys that arrive in one read', () => {
  it.each(CONTROLS.map((c) => [JSON.stringify(c), c]))('%s three times in one read: three keys, each as ink gives it alone', async (_, c) => {
    const alone = await keysOf(c, c, c);
    expect(alone).toHaveLength(3);
    expect(await keysOf(c.repeat(3))).toEqual(alone);
  });

  it('text and control keys mixed in one read keep their order; the text stays one paste', async () => {
    const alone = await keysOf('ab', '\u007f', 'c', '\t', '\u0008');
    expect(await keysOf('ab\u007fc\t\u0008')).toEqual(alone);
  });

  it('a calculator: BSpace BSpace BSpace in one read deletes three characters (tmux send-keys)', async () => {
    const r = renderApp({ screen: 'calc' });
    await tick();
    await type(r, '10.0.0.1/8');
    expect(r.frame()).toContain('10.0.0.1/8');
    await r.press(KEY.backspace.repeat(3));
    expect(r.frame()).toContain('10.0.0.');
    expect(r.frame()).not.toContain('10.0.0.1');
    await r.press('\u0008\u0008'); // C-h C-h
    expect(r.frame()).toMatch(/> subnet\s+10\.0\.\s*$/m);
    r.unmount();
  });
});
