/**
 * Typesetting checks for Chinese text, written from the conventions of Chinese textbooks and of
 * 《中文文案排版指北》(sparanoid/chinese-copywriting-guidelines) and W3C "Requirements for Chinese
 * Text Layout" (clreq) 3.1: inside Chinese text the punctuation is full-width (，。；：？！（）“”),
 * with no space on either side of it; a YAML line fold must not leave a space between two Chinese
 * characters. Each finding names the rule and shows the place.
 */
const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const FULL = '，。；：？！、（）“”《》';
const han = new RegExp(`[${HAN}]`);

export interface Finding {
  readonly rule: string;
  readonly at: string;
}

function around(s: string, i: number): string {
  return s.slice(Math.max(0, i - 12), i + 13).replace(/\n/g, '⏎');
}

/**
 * Code keeps ASCII punctuation: a call written the way a program spells it (`recv(1024)`,
 * `str.encode(codec)`, `send(b"")`), from a lower-case identifier to its closing parenthesis.
 */
function codeSpans(s: string): boolean[] {
  const code = new Array<boolean>(s.length).fill(false);
  const call = /(?<![A-Za-z0-9_/])[a-z_]\w*(?:\.[A-Za-z_]\w*)*(?:\[[^\]]*\])?\(/g;
  for (let m = call.exec(s); m !== null; m = call.exec(s)) {
    let j = m.index + m[0].length;
    for (let depth = 1; j < s.length && depth > 0; j++) depth += s[j] === '(' ? 1 : s[j] === ')' ? -1 : 0;
    code.fill(true, m.index, j);
    call.lastIndex = j;
  }
  return code;
}

export function zhFindings(s: string): Finding[] {
  const out: Finding[] = [];
  const add = (rule: string, i: number): void => { out.push({ rule, at: around(s, i) }); };
  const code = codeSpans(s);
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (code[i]) continue;
    const before = s[i - 1] ?? '';
    const after = s.slice(i + 1).replace(/^ +/, '')[0] ?? '';
    if (',;:?!'.includes(c) && (han.test(before) || han.test(after))) add(`half-width "${c}" beside Chinese`, i);
    // A semicolon separates clauses; in Chinese text it is always the full-width one.
    else if (c === ';' && han.test(s)) add('half-width ";" in Chinese text', i);
    if ((c === '(' && (han.test(before) || han.test(s[i + 1] ?? ''))) || (c === ')' && (han.test(s[i - 1] ?? '') || han.test(s[i + 1] ?? '')))) {
      add(`half-width "${c}" beside Chinese`, i);
    }
    if (c === '"' && (han.test(before) || han.test(s[i + 1] ?? ''))) add('half-width quote beside Chinese', i);
    if (c === ' ') {
      const l = s[i - 1] ?? '';
      const r = s[i + 1] ?? '';
      if (han.test(l) && han.test(r)) add('space between two Chinese characters', i);
      if (FULL.includes(l) || FULL.includes(r)) add('space beside full-width punctuation', i);
    }
  }
  return out;
}

/** A bilingual choice glosses an English term in Chinese: `PHY(物理层)` should read `物理层（PHY）`. */
export function englishFirst(choice: string): boolean {
  const m = /^([^（(]*)[（(]([^）)]*)[）)]\s*$/.exec(choice);
  return m !== null && !han.test(m[1]!) && new RegExp(`^[${HAN}/、· ]+$`).test(m[2]!);
}
