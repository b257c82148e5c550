/**
 * Judge one answer: a verdict, the expected answer, a note when the answer could not be read or was
 * right in value but wrong in the form the question asks for, and always the working and explanation.
 *
 * Fairness rule: an answer that cannot be read (blank, not a number, not a state name, a choice that
 * does not exist) is `unreadable`: the caller asks the same question again and records nothing. Only
 * an answer that was read and differs from the key is wrong.
 */
import { read, readText, tidy, type Reading } from './normalise.js';
import type { Lang, Question, Text } from './question.js';
import { gradeTable } from './table.js';
import { tr } from './question.js';

export interface Verdict {
  readonly correct: boolean;
  /** The answer could not be read: ask again, do not record it. */
  readonly unreadable: boolean;
  readonly given: string;
  readonly expected: Text;
  /** Why the answer could not be read, or which rule of the asked form it broke. */
  readonly note?: Text;
  readonly working: Text;
  readonly explanation: Text;
}

type Base = Pick<Verdict, 'given' | 'expected' | 'working' | 'explanation'>;

const right = (base: Base): Verdict => ({ ...base, correct: true, unreadable: false });
const wrong = (base: Base, note?: Text): Verdict => (note === undefined ? { ...base, correct: false, unreadable: false } : { ...base, correct: false, unreadable: false, note });
const unreadable = (base: Base, note: Text): Verdict => ({ ...base, correct: false, unreadable: true, note });

export function grade(q: Question, input: string): Verdict {
  const given = tidy(input);
  const base: Base = { given, expected: q.answer, working: q.working, explanation: q.explanation };
  if (given === '') return unreadable(base, { en: 'no answer', zh: '没有作答' });
  if (q.check.kind === 'choice') return (q.check.pick ?? 1) > 1 ? gradeMulti(q, given, base) : gradeChoice(q, given, base);
  if (q.check.kind === 'table') {
    const t = gradeTable(q.answer.en, given, q.check.columns);
    // Not a table at all: asked again, not recorded (the grading rule for unreadable input).
    if (t === undefined) return unreadable(base, { en: 'write one row per LAN: name, then its cells, rows separated by ";"', zh: '每个局域网写一行：名称后接各项，行与行之间用“;”分隔' });
    return t.correct ? right(base) : wrong(base, { en: `wrong or missing: ${t.wrong.map((w) => w.en).join(', ') || 'rows that are not in the plan'}`, zh: `错误或缺少：${t.wrong.map((w) => w.zh).join('、') || '多出了不在方案中的行'}` });
  }
  const reading = read(q.check, given);
  if (!reading.ok) return unreadable(base, reading.why);
  const keys = expectedKeys(q);
  if (keys.has(reading.key)) return right(base);
  if (q.check.kind === 'ipv4' || (q.check.kind === 'ipv6' && q.check.form === 'any')) return gradePrefix(base, reading.key, keys);
  if (q.check.kind === 'binary') return wrong(base, binaryNote(reading.key, keys));
  if (q.check.kind === 'ipv6' && sameValue(given, q.answer.en)) return wrong(base, ipv6FormNote(q.check.form, given, q.answer.en));
  return wrong(base);
}

/** Every key that counts as right: the answer in both languages and each accepted spelling. */
export function expectedKeys(q: Question): Set<string> {
  const keys = new Set<string>();
  for (const a of [q.answer.en, q.answer.zh, ...q.accepts]) {
    const r = q.check.kind === 'choice' ? readText(a) : read(q.check, a);
    if (r.ok) keys.add(r.key);
  }
  // A network or host answer may carry the question's own prefix (`24.221.0.0/18`), no other.
  const prefix = q.params?.['prefix'];
  if (q.check.kind === 'ipv4' && typeof prefix === 'number') {
    for (const k of [...keys]) if (!k.includes('/')) keys.add(`${k}/${prefix}`);
  }
  return keys;
}

/** The address is right but written with a prefix: right only with the question's prefix. */
function gradePrefix(base: Base, key: string, keys: Set<string>): Verdict {
  const slash = key.indexOf('/');
  if (slash === -1) return wrong(base);
  const address = key.slice(0, slash);
  if (!keys.has(address)) return wrong(base);
  const known = [...keys].find((k) => k.startsWith(`${address}/`));
  if (known === undefined) {
    return unreadable(base, { en: 'write the address alone, without a prefix', zh: '只写地址，不要带前缀' });
  }
  const want = known.slice(slash);
  const got = key.slice(slash);
  return wrong(base, { en: `the prefix is ${want}, not ${got}`, zh: `前缀是 ${want}，不是 ${got}` });
}

function binaryNote(key: string, keys: Set<string>): Text | undefined {
  const want = [...keys].find((k) => !k.startsWith('ungrouped:'));
  if (want === undefined) return undefined;
  if (key.startsWith('ungrouped:')) {
    // `11000000.10101000.0.1`: each octet's value may be right, written without its leading zeros.
    const octets = key.slice('ungrouped:'.length).split('.');
    const padded = octets.map((o) => o.padStart(8, '0')).join('');
    return octets.every((o) => o.length <= 8) && padded === want ? { en: 'write each octet as 8 bits', zh: '每个字节写成 8 位' } : undefined;
  }
  if (BigInt(`0b${key}`) !== BigInt(`0b${want}`)) return undefined;
  return { en: `write all ${want.length} bits, leading zeros included`, zh: `要写满 ${want.length} 位，前导零也要写` };
}

/** For a strict IPv6 form: does the answer name the right address, only spelled differently? */
function sameValue(given: string, answer: string): boolean {
  const a = read({ kind: 'ipv6', form: 'any' }, given);
  const b = read({ kind: 'ipv6', form: 'any' }, answer);
  return a.ok && b.ok && a.key === b.key;
}

/** Hex groups, the number of groups `::` stands for and how many groups come before it. */
function ipv6Shape(text: string): { hex: string[]; gap: number; before: number } {
  const [head = '', tail] = text.split('::');
  const count = (s: string): number => (s === '' ? 0 : s.split(':').reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0));
  const hex = text.split(/::|:/).filter((g) => g !== '' && !g.includes('.'));
  return tail === undefined ? { hex, gap: 0, before: 0 } : { hex, gap: 8 - count(head) - count(tail), before: count(head) };
}

/** Name the rules of the asked form that the answer breaks (it is the right address otherwise). */
function ipv6FormNote(form: 'any' | 'rfc5952' | 'expanded', given: string, answer: string): Text | undefined {
  const rules: Text[] = [];
  const add = (en: string, zh: string): void => { rules.push({ en, zh }); };
  const g = ipv6Shape(given.toLowerCase());
  if (form === 'expanded') {
    if (given.includes('::')) add('write every group, without "::"', '每一组都要写出来，不能用“::”');
    if (given.includes('.')) add('write the last 32 bits in hex', '最后 32 位也写成十六进制');
    if (g.hex.some((h) => h.length !== 4)) add('write each group with four hex digits', '每组写满 4 位十六进制');
  } else if (form === 'rfc5952') {
    const c = ipv6Shape(answer);
    if (/[A-F]/.test(given)) add('use lower case (RFC 5952 section 4.3)', '使用小写字母（RFC 5952 第 4.3 节）');
    if (g.hex.some((h) => h.length > 1 && h.startsWith('0'))) add('leave out leading zeros (section 4.1)', '去掉每组的前导零（第 4.1 节）');
    if (answer.includes('.') && !given.includes('.')) {
      add('write the last 32 bits of this address in dotted decimal (section 5)', '这个地址的最后 32 位写成点分十进制（第 5 节）');
    }
    if (!answer.includes('.') && given.includes('.')) {
      add('write the last 32 bits in hex: dotted decimal is only for IPv4-mapped and 64:ff9b::/96 addresses (section 5)',
        '最后 32 位写成十六进制：只有 IPv4 映射地址和 64:ff9b::/96 地址才用点分十进制（第 5 节）');
    }
    if (g.gap === 1) add('do not use "::" for a single zero group, write 0 (section 4.2.2)', '单独一个全零组写 0，不用“::”（第 4.2.2 节）');
    else if (g.gap === 0 && c.gap > 0) add('shorten the zero groups with "::" (section 4.2.1)', '用“::”压缩全零组（第 4.2.1 节）');
    else if (g.gap > 0 && g.gap < c.gap) add('use "::" for the longest run of zero groups (section 4.2.3)', '“::”要压缩最长的一段全零组（第 4.2.3 节）');
    else if (g.gap > 0 && g.gap === c.gap && g.before !== c.before) {
      add('when two runs of zero groups are equally long, shorten the first (section 4.2.3)', '两段全零组一样长时，压缩前一段（第 4.2.3 节）');
    }
  }
  if (rules.length === 0) return undefined;
  const std = form === 'rfc5952' ? 'RFC 5952' : '';
  return {
    en: `the right address, but ${std === '' ? 'the question asks for the full form' : `not in ${std} form`}: ${rules.map((r) => r.en).join('; ')}`,
    zh: `地址的值对，但${std === '' ? '题目要求完整形式' : `不是 ${std} 的规范写法`}：${rules.map((r) => r.zh).join('；')}`,
  };
}

/** OSI layer names as the banks write them in English, bottom up: the index + 1 is the layer number. */
const OSI_LAYERS = ['physical', 'data link', 'network', 'transport', 'session', 'presentation', 'application'];
const ZH_DIGITS = '一二三四五六七';

function osiLayer(c: Text): number | undefined {
  const i = OSI_LAYERS.indexOf(c.en.toLowerCase().replace(/ layer$/, ''));
  return i === -1 ? undefined : i + 1;
}

/** A choice question whose every choice is an OSI layer: there `3` means layer 3, not choice 3. */
export function isLayerQuestion(q: Question): boolean {
  return q.choices !== undefined && q.choices.length >= 2 && q.choices.every((c) => osiLayer(c) !== undefined);
}

/** `3`, `L3`, `layer 3`, `第3层`, `第三层`, `3层`. */
function layerNumber(given: string): number | undefined {
  const m = /^(?:第\s*)?([1-7一二三四五六七])\s*层$|^(?:第\s*)?([1-7一二三四五六七])$|^(?:layer|l)\s*([1-7])$/i.exec(given);
  const d = m?.[1] ?? m?.[2] ?? m?.[3];
  if (d === undefined) return undefined;
  const zh = ZH_DIGITS.indexOf(d);
  return zh === -1 ? Number(d) : zh + 1;
}

function gradeChoice(q: Question, given: string, base: Base): Verdict {
  const choices = q.choices ?? [];
  const index = choiceIndex(choices, given, isLayerQuestion(q));
  if (index === 'ambiguous') {
    return unreadable(base, { en: 'that fits more than one choice; give its letter or number', zh: '这个回答对应不止一个选项，请写选项的字母或编号' });
  }
  if (index === undefined || index === 'other-layer') {
    if (index === 'other-layer') return wrong(base);
    return unreadable(base, isLayerQuestion(q)
      ? { en: `answer with a letter (a-${String.fromCharCode(96 + choices.length)}), the layer's name or its number (1-7)`, zh: `请回答选项字母（a-${String.fromCharCode(96 + choices.length)}）、层的名称或层号（1-7）` }
      : { en: `answer with the number (1-${choices.length}) or the text of a choice`, zh: `请回答选项编号（1-${choices.length}）或选项内容` });
  }
  const want = choiceIndex(choices, q.answer.en, false);
  return index === want ? right(base) : wrong(base);
}

function keyOf(s: string): string | undefined {
  const r: Reading = readText(s);
  return r.ok ? r.key : undefined;
}

/**
 * A bilingual choice `知名端口(well-known)` or `同步(时序)` can be answered by either part; whole texts
 * are tried first, then parts, and a part shared by two choices is ambiguous.
 */
function parts(s: string): string[] {
  // Either parentheses: bilingual choices are typeset with full-width ones in Chinese text (知名端口（well-known）).
  const m = /^(.*?)\s*[(（]([^()（）]*)[)）]\s*(.*)$/.exec(s);
  if (m === null) return [];
  return [m[1]! + m[3]!, m[2]!].filter((p) => p.trim() !== '');
}

/**
 * "Choose two": the picks as numbers, letters or texts, separated by commas, spaces or semicolons
 * (`2,4`, `B D`, `10.0.0.5; 10.0.0.9`); right only when exactly the right set is named.
 */
function gradeMulti(q: Question, given: string, base: Base): Verdict {
  const choices = q.choices ?? [];
  const pickSet = (s: string): Set<number> | undefined => {
    const parts = tidy(s).split(/\s*[;；,，、]\s*|\s+/).filter((x) => x !== '');
    const out = parts.map((x) => choiceIndex(choices, x));
    return out.every((i): i is number => typeof i === 'number') ? new Set(out) : undefined;
  };
  const got = pickSet(given);
  if (got === undefined) {
    // Not readable as choices: asked again, never recorded.
    return unreadable(base, { en: `answer with the numbers of the choices (1-${choices.length}), e.g. 1,3`, zh: `请回答选项编号（1-${choices.length}），例如 1,3` });
  }
  const want = pickSet(q.answer.en)!;
  return got.size === want.size && [...want].every((i) => got.has(i)) ? right(base) : wrong(base);
}

/**
 * The choice's text in either language, else `2` (1-based) or `b` / `B)`. Text is tried first so
 * that choices which are themselves numbers (`1000`, `1001`) are read as written. On a layer question
 * a number is the layer (`other-layer` when that layer is not among the choices) and letters pick.
 */
export function choiceIndex(choices: readonly Text[], given: string, layers = false): number | 'ambiguous' | 'other-layer' | undefined {
  const t = tidy(given);
  const key = keyOf(t);
  if (key !== undefined) {
    const whole = choices.findIndex((c) => [c.en, c.zh].some((s) => keyOf(s) === key));
    if (whole !== -1) return whole;
    const byPart = choices.flatMap((c, i) => ([c.en, c.zh].some((s) => parts(s).some((p) => keyOf(p) === key)) ? [i] : []));
    if (byPart.length === 1) return byPart[0];
    if (byPart.length > 1) return 'ambiguous';
  }
  if (layers) {
    const n = layerNumber(t);
    if (n !== undefined) {
      const i = choices.findIndex((c) => osiLayer(c) === n);
      return i === -1 ? 'other-layer' : i;
    }
  } else {
    const num = /^(\d+)[.)]?$/.exec(t);
    if (num) {
      const n = Number(num[1]);
      return n >= 1 && n <= choices.length ? n - 1 : undefined;
    }
  }
  const letter = /^([a-j])[.)]?$/i.exec(t);
  if (letter) {
    const n = letter[1]!.toLowerCase().charCodeAt(0) - 97;
    if (n < choices.length) return n;
  }
  return undefined;
}

/** The verdict as plain lines (line mode and the exam key share it). */
export function verdictLines(v: Verdict, lang: Lang): string[] {
  const zh = lang === 'zh';
  if (v.unreadable) {
    const why = v.note === undefined ? '' : tr(v.note, lang);
    return [zh ? `? 没有读懂这个回答${why === '' ? '' : `：${why}`}` : `? could not read that answer${why === '' ? '' : `: ${why}`}`,
      zh ? '  请再答一次（不计分）' : '  try again (not counted)'];
  }
  const lines: string[] = [];
  const answer = tr(v.expected, lang);
  lines.push(v.correct ? `✓ ${zh ? '正确' : 'correct'}` : zh ? `✗ 错误，答案是：${answer}` : `✗ wrong: the answer is ${answer}`);
  if (v.note) lines.push(`  ${tr(v.note, lang)}`);
  const working = tr(v.working, lang);
  if (working !== '') for (const l of working.split('\n')) lines.push(`  ${l}`);
  const why = tr(v.explanation, lang);
  if (why !== '') lines.push(`  ${why}`);
  return lines;
}
