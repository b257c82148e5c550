import type { Bilingual } from '../concepts/text.js';
import type { ScreenId } from '../screens.js';

export interface HelpRow {
  readonly keys: string;
  readonly what: Bilingual;
}

/** The keys of each screen, shown by `?` (the global rows, then the current screen's). */
export const GLOBAL_KEYS: readonly HelpRow[] = [
  { keys: '↑ ↓', what: { en: 'move', zh: '移动' } },
  { keys: 'Enter', what: { en: 'open', zh: '打开' } },
  { keys: 'Esc', what: { en: 'back to the previous screen', zh: '返回上一屏' } },
  { keys: '?', what: { en: 'this help (any key closes it)', zh: '本帮助(按任意键关闭)' } },
  { keys: 'q', what: { en: 'quit (except while typing in a calculator)', zh: '退出(在计算器中输入时除外)' } },
  { keys: 'Ctrl-C', what: { en: 'quit from anywhere', zh: '随时退出' } },
];

export const SCREEN_KEYS: Partial<Record<ScreenId, readonly HelpRow[]>> = {
  calc: [
    { keys: '↑ ↓ Tab', what: { en: 'choose a calculator', zh: '选择计算器' } },
    { keys: 'a-z 0-9 . : /', what: { en: 'type; results update as you type', zh: '直接输入,结果随输入更新' } },
    { keys: 'Backspace', what: { en: 'delete the last character', zh: '删除最后一个字符' } },
    { keys: 'Ctrl-U', what: { en: 'clear the line', zh: '清空本行' } },
  ],
  tcp: [
    { keys: '→ n', what: { en: 'step forward', zh: '前进一步' } },
    { keys: '← b', what: { en: 'step back (replays the run to the previous step)', zh: '后退一步(重放到上一步)' } },
    { keys: 'Space', what: { en: 'play / pause', zh: '播放 / 暂停' } },
    { keys: 'd', what: { en: 'drop the next segment', zh: '丢弃下一个报文段' } },
    { keys: 'c a x', what: { en: 'close, abort (RST), crash the selected host', zh: '关闭、中止(RST)、让所选主机崩溃' } },
    { keys: 'Tab', what: { en: 'select the endpoint to act on', zh: '切换要操作的端点' } },
    { keys: 'r', what: { en: 'restart the scenario', zh: '从头开始' } },
  ],
  concepts: [
    { keys: '← → Tab', what: { en: 'switch topic', zh: '切换主题' } },
    { keys: '↑ ↓', what: { en: 'scroll', zh: '滚动' } },
    { keys: 'n b r', what: { en: 'handshake and close: step, step back, restart', zh: '握手与挥手:前进、后退、重来' } },
  ],
  lab: [
    { keys: '↑ ↓ j k', what: { en: 'choose an experiment', zh: '选择实验' } },
    { keys: 'Enter', what: { en: 'run it on loopback; after a run, choose another', zh: '在回环接口上运行;运行结束后重新选择' } },
    { keys: 'r', what: { en: 'run the same experiment again', zh: '再次运行同一实验' } },
    { keys: 'Esc', what: { en: 'stop a run and go back', zh: '停止运行并返回' } },
  ],
};

export const COLOUR_LEGEND: Bilingual = {
  en: 'Colours: cyan network bits, yellow host bits, green segment delivered, red segment lost. Under NO_COLOR the | and x marks carry the same meaning.',
  zh: '颜色:青色为网络位,黄色为主机位,绿色为送达的报文段,红色为丢失的报文段。设置 NO_COLOR 时由 | 与 x 标记表达同样含义。',
};
