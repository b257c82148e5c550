/**
 * Judge one answer: a verdict, the expected answer, a note when the answer could not be read or was
 * right in value but wrong in the form the question asks for, and always the working and explanation.
 */
import { read, readText, tidy, type Reading } from './normalise.js';
import type { Lang, Question, Text } from './question.js';
import { gradeTable } from './table.js';
import { tr } from './question.js';

export interface Verdict {
  readonly correct: boolean;
  readonly given: string;
  readonly expected: Text;
  /** Why the answer could not be read, or what was off about its form. */
  readonly note?: Text;
  readonly working: Text;
  readonly explanation: Text;
}

export function grade(q: Question, input: string): Verdict {
  const given = tidy(input);
  const base = { given, expected: q.answer, working: q.working, explanation: q.explanation };
  if (given === '') return { ...base, correct: false, note: { en: 'no answer', zh: '没有作答' } };
  if (q.check.kind === 'choice') return (q.check.pick ?? 1) > 1 ? gradeMulti(q, given, base) : gradeChoice(q, given, base);
  if (q.check.kind === 'table') {
    const t = gradeTable(q.answer.en, given, q.check.columns);
    if (t === undefined) return { ...base, correct: false, note: { en: 'write one row per LAN: name, then its cells, rows separated by ";"', zh: '每个局域网写一行：名称后接各项，行与行之间用 ";" 分隔' } };
    return t.correct ? { ...base, correct: true } : { ...base, correct: false, note: { en: `wrong or missing: ${t.wrong.map((w) => w.en).join(', ') || 'rows that are not in the plan'}`, zh: `错误或缺少：${t.wrong.map((w) => w.zh).join('、') || '多出了不在方案中的行'}` } };
  }
  const reading = read(q.check, given);
  if (!reading.ok) return { ...base, correct: false, note: reading.why };
  const keys = expectedKeys(q);
  if (keys.has(reading.key)) return { ...base, correct: true };
  const note = sameValue(q, given) ? formNote(q, reading) : undefined;
  return note === undefined ? { ...base, correct: false } : { ...base, correct: false, note };
}

/** Every key that counts as right: the answer in both languages and each accepted spelling. */
export function expectedKeys(q: Question): Set<string> {
  const keys = new Set<string>();
  for (const a of [q.answer.en, q.answer.zh, ...q.accepts]) {
    const r = q.check.kind === 'choice' ? readText(a) : read(q.check, a);
    if (r.ok) keys.add(r.key);
  }
  return keys;
}

/** For a strict IPv6 form: does the answer name the right address, only spelled differently? */
function sameValue(q: Question, given: string): boolean {
  if (q.check.kind !== 'ipv6') return false;
  const a = read({ kind: 'ipv6', form: 'any' }, given);
  const b = read({ kind: 'ipv6', form: 'any' }, q.answer.en);
  return a.ok && b.ok && a.key === b.key;
}

function formNote(q: Question, r: Reading & { ok: true }): Text | undefined {
  if (r.key.startsWith('not-rfc5952:')) {
    // Only IPv4-mapped and 64:ff9b::/96 answers end in a dotted IPv4 tail; that mixed form is RFC 5952
    // section 5 (RFC 6052 section 2.4 for the NAT64 prefix), the rest is section 4. Wording only.
    if (q.answer.en.includes('.')) {
      return {
        en: `that is the right address in another spelling; RFC 5952 sections 4-5 ask for ${q.answer.en}: lower case, no leading zeros, "::" for the longest run of two or more zero groups (the first one on a tie), a lone zero group written 0, and the last 32 bits of an IPv4-mapped or 64:ff9b::/96 address in dotted decimal (RFC 6052 section 2.4)`,
        zh: `地址的值对,但写法不是 RFC 5952 第 4-5 节的规范形式,应写作 ${q.answer.zh}:小写、去掉前导零、用 "::" 代替最长的一段(至少两个)全零组(一样长取第一段)、单个全零组写 0,IPv4 映射地址或 64:ff9b::/96 地址的最后 32 位写成点分十进制(RFC 6052 第 2.4 节)`,
      };
    }
    return {
      en: `that is the right address in another spelling; RFC 5952 section 4 asks for ${q.answer.en}: lower case, no leading zeros, "::" for the longest run of two or more zero groups (the first one on a tie), a lone zero group written 0`,
      zh: `地址的值对,但写法不是 RFC 5952 第 4 节的规范形式,应写作 ${q.answer.zh}:小写、去掉前导零、用 "::" 代替最长的一段(至少两个)全零组(一样长取第一段)、单个全零组写 0`,
    };
  }
  if (r.key.startsWith('not-expanded:')) {
    return {
      en: `that is the right address, but the question asks for the full form: eight groups of four hex digits, ${q.answer.en}`,
      zh: `地址的值对,但题目要求完整形式:8 组、每组 4 位十六进制,即 ${q.answer.zh}`,
    };
  }
  return undefined;
}

function gradeChoice(q: Question, given: string, base: Omit<Verdict, 'correct'>): Verdict {
  const choices = q.choices ?? [];
  const index = choiceIndex(choices, given);
  if (index === undefined) {
    return {
      ...base, correct: false,
      note: { en: `answer with the number (1-${choices.length}) or the text of a choice`, zh: `请回答选项编号(1-${choices.length})或选项内容` },
    };
  }
  const want = choiceIndex(choices, q.answer.en);
  return { ...base, correct: index === want };
}

/**
 * "Choose two": the picks as numbers, letters or texts, separated by commas, spaces or semicolons
 * (`2,4`, `B D`, `10.0.0.5; 10.0.0.9`); right only when exactly the right set is named.
 */
function gradeMulti(q: Question, given: string, base: Omit<Verdict, 'correct'>): Verdict {
  const choices = q.choices ?? [];
  const pickSet = (s: string): Set<number> | undefined => {
    const parts = tidy(s).split(/\s*[;；,]\s*|\s+/).filter((x) => x !== '');
    const out = parts.map((x) => choiceIndex(choices, x));
    return out.some((i) => i === undefined) ? undefined : new Set(out as number[]);
  };
  const got = pickSet(given);
  if (got === undefined) {
    return {
      ...base, correct: false,
      note: { en: `answer with the numbers of the choices (1-${choices.length}), e.g. 1,3`, zh: `请回答选项编号（1-${choices.length}），例如 1,3` },
    };
  }
  const want = pickSet(q.answer.en)!;
  return { ...base, correct: got.size === want.size && [...want].every((i) => got.has(i)) };
}

/**
 * The choice's text in either language, else `2` (1-based) or `b` / `B)`. Text is tried first so
 * that choices which are themselves numbers (`1000`, `1001`) are read as written.
 */
export function choiceIndex(choices: readonly Text[], given: string): number | undefined {
  const t = tidy(given);
  const key = readText(t);
  if (key.ok) {
    const found = choices.findIndex((c) => [c.en, c.zh].some((s) => { const k = readText(s); return k.ok && k.key === key.key; }));
    if (found !== -1) return found;
  }
  const num = /^(\d+)[.)]?$/.exec(t);
  if (num) {
    const n = Number(num[1]);
    return n >= 1 && n <= choices.length ? n - 1 : undefined;
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
  const lines: string[] = [];
  const right = lang === 'zh' ? '正确' : 'correct';
  const wrong = lang === 'zh' ? '错误' : 'wrong';
  lines.push(v.correct ? `✓ ${right}` : `✗ ${wrong}: ${lang === 'zh' ? '答案是' : 'the answer is'} ${tr(v.expected, lang)}`);
  if (v.note) lines.push(`  ${tr(v.note, lang)}`);
  const working = tr(v.working, lang);
  if (working !== '') for (const l of working.split('\n')) lines.push(`  ${l}`);
  const why = tr(v.explanation, lang);
  if (why !== '') lines.push(`  ${why}`);
  return lines;
}
