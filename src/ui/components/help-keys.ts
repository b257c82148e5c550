import type { StringKey } from '../i18n/strings.js';
import type { ScreenId } from '../screens.js';

export interface HelpRow {
  readonly keys: string;
  /** What the keys do: a key of the app's message catalogue (src/i18n/en/app.ts `help.*`). */
  readonly what: StringKey;
}

/** The keys of each screen, shown by `?` (the global rows, then the current screen's). */
export const GLOBAL_KEYS: readonly HelpRow[] = [
  { keys: '↑ ↓', what: 'help.key.move' },
  { keys: 'Enter', what: 'help.key.open' },
  { keys: 'Esc', what: 'help.key.back' },
  { keys: '?', what: 'help.key.help' },
  { keys: 'q', what: 'help.key.quit' },
  { keys: 'Ctrl-C', what: 'help.key.interrupt' },
];

export const SCREEN_KEYS: Partial<Record<ScreenId, readonly HelpRow[]>> = {
  calc: [
    { keys: '↑ ↓ Tab', what: 'help.calc.choose' },
    { keys: 'a-z 0-9 . : /', what: 'help.calc.type' },
    { keys: 'Backspace', what: 'help.calc.backspace' },
    { keys: 'Delete', what: 'help.calc.delete' },
    { keys: 'Ctrl-U', what: 'help.calc.clear' },
  ],
  tcp: [
    { keys: '→ n', what: 'help.tcp.step' },
    { keys: '← b', what: 'help.tcp.stepBack' },
    { keys: 'Space', what: 'help.tcp.play' },
    { keys: 'd', what: 'help.tcp.drop' },
    { keys: 'c a x', what: 'help.tcp.inject' },
    { keys: 'Tab', what: 'help.tcp.select' },
    { keys: 'r', what: 'help.tcp.restart' },
  ],
  concepts: [
    { keys: '← → Tab', what: 'help.concepts.topic' },
    { keys: '↑ ↓', what: 'help.concepts.scroll' },
    { keys: 'n b r', what: 'help.concepts.step' },
  ],
  lab: [
    { keys: '↑ ↓ j k', what: 'help.lab.choose' },
    { keys: 'Enter', what: 'help.lab.run' },
    { keys: 'r', what: 'help.lab.again' },
    { keys: 'c', what: 'help.lab.capture' },
    { keys: 'l m Tab', what: 'help.lab.views' },
    { keys: 'Esc', what: 'help.lab.stop' },
  ],
  traffic: [
    { keys: '→ Space n', what: 'help.traffic.step' },
    { keys: '← b', what: 'help.traffic.stepBack' },
    { keys: 'Home End', what: 'help.traffic.ends' },
    { keys: '0-9 Enter', what: 'help.traffic.port' },
    { keys: '↑ ↓', what: 'help.traffic.scroll' },
  ],
};

export const COLOUR_LEGEND: StringKey = 'help.colours';
