/**
 * Fold a line of text to a width in terminal cells, for English and Chinese alike: English breaks at
 * spaces, Chinese between any two characters (it has no spaces), except that a line never starts with
 * closing punctuation nor ends with opening punctuation (the line-breaking rules of W3C clreq 3.1.7,
 * 禁则). ANSI colour codes take no width and carry over to the next row. A word longer than the row is
 * cut where it must be.
 */
import { displayWidth } from './text-width.js';

const ESC = /\u001b\[[0-9;]*m/y;
const CLOSING = new Set([...'，。、；：？！）》」』”’…·%,.;:?!)]}']);
const OPENING = new Set([...'（《「『“‘([{']);
const RESET = '\u001b[0m';
const NBSP = '\u00a0';

interface Unit {
  readonly text: string;
  readonly width: number;
  readonly space: boolean;
  readonly esc: boolean;
}

function units(s: string): Unit[] {
  const out: Unit[] = [];
  let i = 0;
  while (i < s.length) {
    ESC.lastIndex = i;
    const esc = ESC.exec(s);
    if (esc) {
      out.push({ text: esc[0], width: 0, space: false, esc: true });
      i += esc[0].length;
      continue;
    }
    const ch = String.fromCodePoint(s.codePointAt(i)!);
    if (ch === ' ') {
      let j = i;
      while (s[j] === ' ') j++;
      out.push({ text: s.slice(i, j), width: j - i, space: true, esc: false });
      i = j;
    } else if (displayWidth(ch) === 2 || CLOSING.has(ch) || OPENING.has(ch)) {
      out.push({ text: ch, width: displayWidth(ch), space: false, esc: false });
      i += ch.length;
    } else {
      let j = i;
      while (j < s.length && s[j] !== ' ' && s[j] !== '\u001b') {
        const c = String.fromCodePoint(s.codePointAt(j)!);
        // ASCII punctuation between two letters or digits is inside a token (1.25, 127.0.0.1:80): no break there.
        const inToken = c < '\u0080' && j > i && /[A-Za-z0-9]/.test(s[j - 1]!) && /[A-Za-z0-9]/.test(s[j + 1] ?? '');
        if (!inToken && (displayWidth(c) === 2 || CLOSING.has(c) || OPENING.has(c))) break;
        j += c.length;
      }
      out.push({ text: s.slice(i, j), width: j - i, space: false, esc: false });
      i = j;
    }
  }
  return out;
}

/** Unbreakable groups: closing punctuation sticks to what precedes it, opening to what follows, codes to the text they colour. */
function groups(us: readonly Unit[]): Unit[][] {
  const out: Unit[][] = [];
  let glueNext = false;
  for (const u of us) {
    const last = out[out.length - 1];
    if (last !== undefined && last[0]!.space && out.length > 1 && !u.esc && CLOSING.has(u.text[0]!)) {
      out.pop(); // closing punctuation after a space still may not start a row: keep it and the space with the word before
      out[out.length - 1]!.push(last[0]!, u);
      glueNext = false;
      continue;
    }
    const glue = last !== undefined && !u.space && !last[last.length - 1]!.space &&
      (glueNext || (u.esc && u.text === RESET) || CLOSING.has(u.text[0]!));
    if (glue) last.push(u);
    else out.push([u]);
    glueNext = u.esc ? u.text !== RESET || glueNext : OPENING.has(u.text[u.text.length - 1]!) && !u.space;
    if (u.space) glueNext = false;
  }
  return out;
}

/**
 * The space between an address (dotted or with colons, its own prefix length allowed) and one prefix
 * length after it: `10.0.0.0/24 /26`, `192.168.1.200 /24`. One pair only: in a chain (`24 /25 /26`,
 * `10.0.0.0/24 /25 /26`) each prefix length is a word of its own, else the chain is one long word.
 */
const PREFIX_PAIR = /(?<=(?:^|[^0-9A-Za-z.:/])[0-9A-Fa-f]*[.:][0-9A-Fa-f.:]*\d(?:\/\d{1,3})?) (?=\/\d{1,3}(?![\w/.:]| \/\d))/g;

function width_(g: readonly Unit[]): number {
  return g.reduce((n, u) => n + u.width, 0);
}

/** A group split at its no-break spaces into groups with an ordinary space between them. */
function unjoin(g: readonly Unit[]): Unit[][] {
  const out: Unit[][] = [[]];
  for (const u of g) {
    if (u.esc || u.space || !u.text.includes(NBSP)) {
      out[out.length - 1]!.push(u);
      continue;
    }
    u.text.split(NBSP).forEach((part, i) => {
      if (i > 0) out.push([{ text: ' ', width: 1, space: true, esc: false }], []);
      if (part !== '') out[out.length - 1]!.push({ ...u, text: part, width: displayWidth(part) });
    });
  }
  return out.filter((x) => x.length > 0);
}

/**
 * Rows of at most `width` cells: the first is `line` (its own indent kept), the others are indented
 * `hang` cells more than it.
 */
export function foldLine(line: string, width: number, hang = 2): string[] {
  const plain = line.replace(/\u001b\[[0-9;]*m/g, '');
  if (displayWidth(plain) <= width) return [line];
  const indent = ' '.repeat(/^ */.exec(plain)![0].length);
  // A number and its unit stay on one row (`60 s`, `1.25 ms`), and so does a prefix length with the
  // address before it (`10.0.0.0/24 /26`, one command line's arguments, `/26` meaningless alone):
  // joined by a no-break space while folding, where the row has room for them together. A space in
  // the text that is already U+00A0 (UAX #14 class GL) is not broken at either, room allowing.
  const body = line
    .replace(/^( *)((?:\u001b\[[0-9;]*m)*) */, '$2')
    .replace(/(\d) (ms|s)\b/g, `$1${NBSP}$2`)
    .replace(PREFIX_PAIR, NBSP);
  // A joined group wider than the narrowest row breaks at its joined spaces like at any space (a row
  // never starts or ends with one); only a piece still too wide is cut between characters, below.
  const narrowest = width - indent.length - Math.max(0, hang);
  const gs = groups(units(body)).flatMap((g) => (width_(g) > narrowest ? unjoin(g) : [g]));
  const rows: string[] = [];
  let row = indent;
  let start = indent.length;
  let w = start;
  let pendingSpace = '';
  let style = '';
  const newRow = (): void => {
    rows.push(style ? row + RESET : row);
    row = indent + ' '.repeat(hang) + style;
    start = indent.length + hang;
    w = start;
    pendingSpace = '';
  };
  for (const g of gs) {
    if (g[0]!.space) {
      pendingSpace = g[0]!.text;
      continue;
    }
    const gw = width_(g);
    if (w > start && w + pendingSpace.length + gw > width) newRow();
    row += pendingSpace;
    w += pendingSpace.length;
    pendingSpace = '';
    // A group wider than a row is cut: between characters, but never before closing punctuation.
    const pieces = gw > width - start ? g.flatMap((u) => (u.esc ? [u] : [...u.text].map((ch) => ({ ...u, text: ch, width: displayWidth(ch) })))) : g;
    pieces.forEach((u, i) => {
      if (u.esc) {
        row += u.text;
        style = u.text === RESET ? '' : style + u.text;
        return;
      }
      let need = u.width; // with the closing punctuation that follows (and any space before it), which must stay on this row
      let gap = 0;
      for (const x of pieces.slice(i + 1)) {
        if (x.esc) continue;
        if (x.space) gap += x.width;
        else if (CLOSING.has(x.text[0]!)) [need, gap] = [need + gap + x.width, 0];
        else break;
      }
      if (w + need > width && w > start) newRow();
      row += u.text;
      w += u.width;
    });
  }
  rows.push(row);
  return rows.map((r) => r.replaceAll(NBSP, ' '));
}

/**
 * A domain name as rows of at most `width` characters, broken only after a dot, so each row holds
 * whole labels (RFC 1035 2.3.1: a label never holds a dot) and ends with the dot that follows its last
 * one. A label longer than a row is cut where it must be (no reverse-DNS label is longer than 7).
 */
export function foldDomainName(name: string, width: number): string[] {
  const w = Math.max(1, width);
  if (name.length <= w) return [name];
  const labels = name.split('.').map((l, i, all) => (i < all.length - 1 ? `${l}.` : l));
  const rows: string[] = [];
  let row = '';
  for (const label of labels) {
    if (row !== '' && row.length + label.length > w) {
      rows.push(row);
      row = '';
    }
    row += label;
    while (row.length > w) {
      rows.push(row.slice(0, w));
      row = row.slice(w);
    }
  }
  if (row !== '') rows.push(row);
  return rows;
}
