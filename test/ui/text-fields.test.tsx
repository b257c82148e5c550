// Every text field of the app edits and submits the same way, whatever the read its keys arrive in:
// a read like "9\r" (a paste, `tmux send-keys 9 Enter`, fast typing over SSH) is the keys 9 and Enter,
// as if typed one by one (the reference: the same keys sent one read each); ←/→, Home/End and
// Ctrl-A/Ctrl-E move an insertion cursor, and typing and Backspace act at it (readline's keys).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { poolOf } from '../../src/practice/bank.js';
import { parseBank } from '../../src/practice/bank-parse.js';
import { ProgressStore } from '../../src/practice/store.js';
import { PracticeScreen } from '../../src/ui/practice/PracticeScreen.js';
import { render, settle } from '../helpers/settle.js';
import { stripVTControlCharacters } from 'node:util';
import { messages } from '../../src/i18n/index.js';
import { displayWidth } from '../../src/text-width.js';
import { LangContext, translate } from '../../src/ui/i18n/strings.js';
import type { Lang } from '../../src/ui/screen-props.js';
import { TcpScreen } from '../../src/ui/tcp/TcpScreen.js';
import { themeFor, ThemeContext } from '../../src/ui/theme.js';
import { TrafficScreen } from '../../src/ui/traffic/TrafficScreen.js';
import { WatchView } from '../../src/ui/traffic/WatchView.js';
import { KEY, renderApp, tick, type } from './helpers.js';

const BANK = `name: t
title: T
topic: osi
questions:
  - id: probes
    prompt: How many keepalive probes does Linux send?
    answer: 9
    check: integer
    explain: tcp_keepalive_probes defaults to 9.
    zh: { prompt: Linux 发送几次保活探测?, explain: tcp_keepalive_probes 默认是 9。 }
`;
const pool = poolOf([parseBank(BANK, 't.yaml')]);
const dirs: string[] = [];
afterEach(() => {
  cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function practice(count = 1): ReturnType<typeof render> {
  const dir = mkdtempSync(join(tmpdir(), 'netkata-fields-'));
  dirs.push(dir);
  return render(<PracticeScreen lang="en" onBack={() => {}} width={80} height={24} store={new ProgressStore(dir)} pool={pool} topic="osi" seed={1} count={count} />);
}

describe('the practice answer field', () => {
  it('an answer and Enter in one read (tmux send-keys 9 Enter) submit the answer, as typed key by key', async () => {
    // The reference: the same keys, one read each.
    const byKey = practice();
    await settle();
    for (const k of ['9', '\r']) {
      byKey.stdin.write(k);
      await settle();
    }
    expect(byKey.lastFrame()).toMatch(/✓ correct/);
    cleanup();

    const { stdin, lastFrame } = practice();
    await settle();
    expect(lastFrame()).toMatch(/keepalive probes/);
    stdin.write('9\r');
    await settle();
    expect(lastFrame()).toMatch(/✓ correct/);
    expect(lastFrame()).toMatch(/defaults to 9/);
  });

  it('Backspace in the same read deletes the character before it: "8\\x7f9\\r" answers 9', async () => {
    const { stdin, lastFrame } = practice();
    await settle();
    stdin.write('8\u007f9\r');
    await settle();
    expect(lastFrame()).toMatch(/> 9\n/);
    expect(lastFrame()).toMatch(/✓ correct/);
  });
});

describe('the calculators field has an insertion cursor', () => {
  it('Left Left then typing inserts before the last two characters', async () => {
    const r = renderApp({ screen: 'calc' });
    await tick();
    await type(r, '10.0.0.1/8');
    await r.press(KEY.left, KEY.left, '2');
    expect(r.frame()).toMatch(/> subnet\s+10\.0\.0\.12\/8 *$/m);
    // 10.0.0.12/8 in the /8 network: the network is 10.0.0.0 whatever the host part.
    expect(r.frame()).toMatch(/network\s+10\.0\.0\.0/);
    r.unmount();
  });

  it('Backspace deletes before the cursor, Right moves back, Home/Ctrl-A and End/Ctrl-E jump', async () => {
    const r = renderApp({ screen: 'calc' });
    await tick();
    await type(r, '10.0.0.1/8');
    await r.press(KEY.left, KEY.left, KEY.backspace); // 10.0.0./8
    expect(r.frame()).toMatch(/> subnet\s+10\.0\.0\.\/8 *$/m);
    await r.press('5', KEY.right, KEY.right, '0'); // Right Right: past /8 to the end
    expect(r.frame()).toMatch(/> subnet\s+10\.0\.0\.5\/80 *$/m);
    await r.press(KEY.backspace, '\u001b[H', '1'); // Home
    expect(r.frame()).toMatch(/> subnet\s+110\.0\.0\.5\/8 *$/m);
    await r.press('\u0005', '\u007f', '\u0001', '\u001b[3~'); // Ctrl-E, Backspace, Ctrl-A, Delete (the character under the cursor)
    expect(r.frame()).toMatch(/> subnet\s+10\.0\.0\.5\/ *$/m);
    await r.press('\u001b[F', '9'); // End
    expect(r.frame()).toMatch(/> subnet\s+10\.0\.0\.5\/9 *$/m);
    // Several cursor keys and text in one read act in order, as typed.
    await r.press('\u0001' + 'x' + '\u0005' + '\u0008' + '8');
    expect(r.frame()).toMatch(/> subnet\s+x10\.0\.0\.5\/8 *$/m);
    r.unmount();
  });
});

describe('Backspace and Delete, as terminals send them', () => {
  // The bytes of each key as tmux 3 sends them (send-keys into a raw-mode pane, read with od -c) and as
  // xterm's ctlseqs documents them: Backspace is DEL (0x7f; BS, 0x08, on some terminals and for Ctrl-H),
  // Alt-Backspace ESC DEL; the Delete key is CSI 3 ~ (VT220's Remove), with modifiers CSI 3 ; 5 ~
  // (Ctrl) or rxvt's CSI 3 $ (Shift). ink 6.8 names both DEL and CSI 3 ~ `delete`.
  const backspace: [string, string][] = [['BSpace (DEL)', '\u007f'], ['C-h (BS)', '\u0008'], ['M-BSpace', '\u001b\u007f']];
  const del: [string, string][] = [['DC (CSI 3 ~)', '\u001b[3~'], ['C-DC (CSI 3;5~)', '\u001b[3;5~'], ['rxvt S-Delete (CSI 3 $)', '\u001b[3$']];

  async function field(keys: string): Promise<string> {
    const r = renderApp({ screen: 'calc' });
    await tick();
    await type(r, 'abcd');
    await r.press(KEY.left, KEY.left, keys, 'X'); // the cursor before c, the key, then X where the cursor is
    const line = r.frame().split('\n').find((l) => l.startsWith('> subnet'))!;
    r.unmount();
    return line.replace(/^> subnet\s+/, '').trimEnd();
  }

  it.each(backspace)('%s deletes the character before the cursor', async (_, bytes) => {
    expect(await field(bytes)).toBe('aXcd');
  });

  it.each(del)('%s deletes the character under the cursor, which stays', async (_, bytes) => {
    expect(await field(bytes)).toBe('abXd');
  });

  it('each as its own key when one read holds several (a held key, tmux send-keys BSpace DC)', async () => {
    expect(await field('\u007f\u007f')).toBe('Xcd');
    expect(await field('\u001b[3~\u001b[3~')).toBe('abX');
    expect(await field('\u007f\u001b[3~')).toBe('aXd');
  });
});

describe('the TCP file, capture file and watch port fields at any width', () => {
  // A placeholder wider than the room beside its label is folded onto rows under the field (as the
  // calculators' are), not cut at its start (`…h to a .pcap ...` at 60 columns).
  const field = {
    tcp: {
      label: (lang: Lang) => translate(lang, 'tcp.file'),
      placeholder: (lang: Lang) => translate(lang, 'tcp.filePrompt'),
      view: (lang: Lang, width: number, height: number) => <TcpScreen onBack={() => {}} width={width} height={height} />,
    },
    capture: {
      label: (lang: Lang) => messages(lang).traffic.file,
      placeholder: (lang: Lang) => messages(lang).traffic.filePrompt,
      view: (lang: Lang, width: number, height: number) => <TrafficScreen lang={lang} width={width} height={height} onBack={() => {}} open="capture" />,
    },
    watch: {
      label: (lang: Lang) => messages(lang).traffic.port,
      placeholder: (lang: Lang) => messages(lang).traffic.portPrompt,
      view: (lang: Lang, width: number, height: number) => <WatchView lang={lang} width={width} height={height} onBack={() => {}} readTable={() => []} intervalMs={60_000} />,
    },
  } as const;
  const cases = (['tcp', 'capture', 'watch'] as const).flatMap((f) => (['en', 'zh'] as const).flatMap((lang) => [40, 60, 80].map((w) => [f, lang, w] as const)));
  it.each(cases)('%s %s at %s columns: the whole placeholder, every row within the frame', async (f, lang, width) => {
    const height = 24;
    const { lastFrame } = render(
      <LangContext.Provider value={lang}>
        <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>{field[f].view(lang, width, height)}</ThemeContext.Provider>
      </LangContext.Provider>,
    );
    await settle();
    const frame = stripVTControlCharacters(lastFrame() ?? '');
    const lines = frame.split('\n');
    // The field's row and the rows under it hold the whole placeholder, whitespace aside (a folded
    // placeholder reads the same across its rows, in English and in Chinese), each within the width.
    const flat = (s: string): string => s.replace(/\s+/g, '');
    const want = flat(field[f].placeholder(lang));
    const at = lines.findIndex((l) => l.includes(`${field[f].label(lang)} `));
    expect(at, frame).toBeGreaterThanOrEqual(0);
    const rows = [lines[at]!];
    while (!flat(rows.join('')).includes(want) && at + rows.length < lines.length && rows.length < 6) rows.push(lines[at + rows.length]!);
    expect(flat(rows.join('')), frame).toContain(want);
    for (const r of rows) expect(displayWidth(r), r).toBeLessThanOrEqual(width);
    // Nothing pushed out of the frame: the field's extra rows were counted, the key hints still show.
    expect(lines.length).toBeLessThanOrEqual(height);
    expect(frame).toContain('Esc');
  });
});
