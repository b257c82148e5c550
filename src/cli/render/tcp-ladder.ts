/** ANSI colours for the ladder text of src/tcp/ladder.ts: lost segments and failures red, passes green. */
const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

export function colorLadder(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (/ X lost/.test(line)) return line.replace(' X lost', ` ${RED}X lost${RESET}`);
      if (/^ +\S+ {2}FAIL /.test(line) || /^final: .*FAILED/.test(line)) return `${RED}${line}${RESET}`;
      if (/^ +\S+ {2}ok {3}/.test(line)) return line.replace(' ok ', ` ${GREEN}ok${RESET} `);
      if (/^ {11}== /.test(line)) return `${DIM}${line}${RESET}`;
      return line;
    })
    .join('\n');
}
