/**
 * `--help` in Chinese. The descriptions come from the zh catalogue when the program is built
 * (main.ts buildProgram); what commander writes by itself is replaced here, through its Help class
 * (commander 14 lib/help.js): the headings, `(default: "10")`, and the wrapping. Commander measures
 * text with `.length` and wraps only at spaces; Chinese has no spaces and each character takes two
 * terminal columns (UAX #11), so columns are counted by display width and lines break between
 * Chinese characters too (text-width.ts wrapCells), at most 80 columns wide. Loaded under zh only.
 */
import { Help, type Command, type HelpConfiguration, type Option } from 'commander';
import type { Messages } from '../i18n/en/index.js';
import type { Lang } from '../i18n/lang.js';
import { help as en } from '../i18n/en/help.js';
import { help as zh } from '../i18n/zh/help.js';
import { displayWidth, wrapCells } from '../text-width.js';

export interface ProgramHelp {
  readonly lang: Lang;
  readonly text: Messages['help'];
  readonly configuration?: HelpConfiguration;
}

const MAX_WIDTH = 80;

/** Commander's headings are the English catalogue's words (en/help.ts); each maps to its zh one. */
const TITLES = new Map<string, string>([
  [en.usage, zh.usage],
  [en.arguments, zh.arguments],
  [en.options, zh.options],
  [en.commands, zh.commands],
]);

/**
 * The zh help; `measure` counts a string's terminal columns. main.ts passes string-width when the
 * command line asks for help, and text-width.ts's displayWidth (the same for our text, no start-up
 * cost) for help shown otherwise.
 */
export function zhProgramHelp(measure: (s: string) => number = displayWidth): ProgramHelp {
  const configuration: HelpConfiguration = {
    prepareContext(this: Help, context) {
      Help.prototype.prepareContext.call(this, context);
      this.helpWidth = Math.min(this.helpWidth ?? MAX_WIDTH, MAX_WIDTH);
    },
    displayWidth: (s: string) => measure(s),
    styleTitle: (s: string) => TITLES.get(s) ?? s,
    optionDescription(this: Help, option: Option) {
      // Only a default value is ours to say (no option has choices, a preset or an environment variable).
      const shown = option.defaultValue !== undefined && (option.required || option.optional);
      if (!shown || option.argChoices !== undefined || option.envVar !== undefined) return Help.prototype.optionDescription.call(this, option);
      return `${option.description}${zh.defaultValue(option.defaultValueDescription ?? String(option.defaultValue))}`;
    },
    boxWrap(this: Help, text: string, width: number) {
      if (width < this.minWidthToWrap) return text;
      return text.split('\n').flatMap((line) => wrapCells(line, width, '', measure)).join('\n');
    },
    formatHelp(this: Help, cmd: Command, helper: Help) {
      // Commander writes `Usage: netkata`; a full-width colon takes no space after it (clreq 3.1).
      const text = Help.prototype.formatHelp.call(this, cmd, helper);
      return text.startsWith(`${zh.usage} `) ? zh.usage + text.slice(zh.usage.length + 1) : text;
    },
  };
  return { lang: 'zh', text: zh, configuration };
}
