/** ANSI colours for the ladder text of src/tcp/ladder.ts: lost segments and failures red, passes green. */
import { EN, type TcpMessages } from '../../tcp/step-text.js';

const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `passed`: the run's verdict, which colours the summary (the text's last line). */
export function colorLadder(text: string, m: TcpMessages = EN, passed = true): string {
  const lost = ` ${m.ladder.lost}`;
  const ok = m.ladder.verdictCell(true).trimEnd();
  const fail = m.ladder.verdictCell(false).trimEnd();
  const failLine = new RegExp(`^ +\\S+ {2}${escape(fail)} `);
  const okLine = new RegExp(`^ +\\S+ {2}${escape(ok)} `);
  const lines = text.split('\n');
  let last = lines.length - 1;
  while (last > 0 && lines[last] === '') last--;
  return lines
    .map((line, i) => {
      if (line.includes(lost)) return line.replace(lost, ` ${RED}${m.ladder.lost}${RESET}`);
      if (failLine.test(line) || (i === last && !passed)) return `${RED}${line}${RESET}`;
      if (okLine.test(line)) return line.replace(` ${ok} `, ` ${GREEN}${ok}${RESET} `);
      if (/^ +== /.test(line)) return `${DIM}${line}${RESET}`;
      return line;
    })
    .join('\n');
}
