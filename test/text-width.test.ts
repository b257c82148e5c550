/**
 * wrapCells, the line breaker of the Chinese output and of the zh `--help`, against W3C clreq 3.1.7
 * ("line start / line end prohibition": closing punctuation such as ，。）never begins a line, opening
 * punctuation such as （“ never ends one) and against the width it is given, measured with string-width
 * (UAX #11). Lines are generated: runs of Chinese, ASCII words and punctuation.
 */
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { truncateCells, wrapCells } from '../src/text-width.js';

const CLOSING = '，。、；：？！）》”';
const OPENING = '（《“';

const piece = fc.oneof(
  fc.constantFrom('子网', '掩码', '广播地址', '端点状态机', '套接字', '报文段'),
  // Spaced, as in our text: a run of ASCII words with no space would be one word wider than a line.
  fc.constantFrom('fe80::', 'TIME_WAIT', '192.168.1.0/24', '--json', 'RFC 9293').map((w) => ` ${w} `),
  fc.constantFrom(...CLOSING),
  fc.constantFrom(...OPENING),
  fc.constant(' '),
);
const line = fc.array(piece, { minLength: 1, maxLength: 40 }).map((p) => p.join('').replace(/ +/g, ' ').trim()).filter((t) => t !== '');

describe('wrapCells', () => {
  it('keeps every line within the width, and the text, breaking only where clreq allows', () => {
    fc.assert(fc.property(line, fc.integer({ min: 24, max: 80 }), fc.constantFrom('', '    '), (text, width, indent) => {
      const lines = wrapCells(text, width, indent, stringWidth).map((l, i) => (i === 0 ? l : l.slice(indent.length)));
      // No word here is wider than 16 columns, so every line fits.
      for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(width);
      expect(lines.every((l) => l.trim() !== '')).toBe(true);
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      lines.slice(1).forEach((l, i) => {
        // A line may start with closing punctuation only when the line before it holds nothing to carry.
        if (CLOSING.includes(l[0]!)) expect([...lines[i]!].every((c) => CLOSING.includes(c) || OPENING.includes(c)), `${lines[i]}|${l}`).toBe(true);
      });
      lines.slice(0, -1).forEach((l, i) => {
        if (OPENING.includes(l.at(-1)!)) expect([...lines[i + 1]!].every((c) => CLOSING.includes(c) || OPENING.includes(c)), `${l}|${lines[i + 1]}`).toBe(true);
      });
    }), { seed: 20261206 });
  });

  it('does not end the first line on an opening bracket when the others are indented (a loop run of the property above found it)', () => {
    const lines = wrapCells('192.168.1.0/24 （ 192.168.1.0/24 fe80::', 24, '    ', stringWidth);
    expect(lines[0]).toBe('192.168.1.0/24');
    expect(lines[1]!.trimStart().startsWith('（')).toBe(true);
  });

  it('does not end a line on an opening bracket: the bracket goes down with what it opens', () => {
    // 78 columns of Chinese, then （fe80::）: （ would fit the first line and fe80:: not.
    const text = `${'链路本地地址'.repeat(6)}修改的（fe80::）`;
    const lines = wrapCells(text, 80, '', stringWidth);
    expect(lines.length).toBe(2);
    expect(lines[1]!.startsWith('（fe80::）')).toBe(true);
  });
});

describe('truncateCells', () => {
  it('fits the width by string-width, whatever straddles the edge, and ends a cut text with …', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', ' ', '9', '对', '：', '（', '）', 'FIN_WAIT_2 '), { maxLength: 40 }), fc.integer({ min: 1, max: 60 }), (parts, width) => {
      const text = parts.join('');
      const cut = truncateCells(text, width);
      expect(stringWidth(cut), `${text}|${width}`).toBeLessThanOrEqual(width);
      if (stringWidth(text) <= width) expect(cut).toBe(text);
      else {
        expect(cut.endsWith('…')).toBe(true);
        expect(text.startsWith(cut.slice(0, -1))).toBe(true);
        // Nothing is given away: only a wide character that would not fit leaves a cell blank.
        expect(stringWidth(cut)).toBeGreaterThanOrEqual(width - 1);
      }
    }), { seed: 20261207 });
  });

  it("cuts ASCII as ink does (the first width - 1 cells, then …) and a wide character at the edge whole", () => {
    expect(truncateCells('TIME_WAIT and FIN', 10)).toBe('TIME_WAIT…');
    expect(truncateCells('主动关闭方一直等待对端', 9)).toBe('主动关闭…');
    expect(truncateCells('主动关闭方一直等待对端', 10)).toBe('主动关闭…');
  });
});
