// src/fold.ts against independent measures: string-width (ink's own measure, not our displayWidth) for
// the cells a row takes, the input text for what the rows hold, and the line-start rule of W3C clreq
// 3.1.7 (禁则: no line begins with closing punctuation such as ，。）).
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { foldDomainName, foldLine } from '../src/fold.js';

const CLOSING = '，。、；：？！）》”';
const pieces = fc.constantFrom('网', '络', '套', '接', '字', '，', '。', '（', '）', '：', ' ', 'TCP', 'FIN_WAIT_2', 'hello', '127.0.0.1:8080', 'a', '“', '”', '-');
const text = fc.array(pieces, { minLength: 1, maxLength: 80 }).map((p) => p.join(''));

describe('foldLine', () => {
  it('keeps every row within the width, loses no character, and starts no row with closing punctuation', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 16, max: 90 }), (body, indent, width) => {
        const line = ' '.repeat(indent) + body.trimStart();
        const rows = foldLine(line, width);
        for (const r of rows) expect(stringWidth(r), JSON.stringify(r)).toBeLessThanOrEqual(Math.max(width, stringWidth(line) <= width ? width : 0));
        expect(rows.join('').replace(/\s+/g, '')).toBe(line.replace(/\s+/g, ''));
        // The rule holds whenever a character with the punctuation after it fits in the narrowest row.
        const longestRun = Math.max(0, ...[...line.matchAll(/.[ ，。、；：？！）》”]+/g)].map((m) => stringWidth(m[0])));
        if (longestRun <= width - indent - 2) for (const r of rows.slice(1)) expect(CLOSING, JSON.stringify(rows)).not.toContain(r.trimStart()[0]);
        if (stringWidth(line) <= width) expect(rows).toEqual([line]);
      }),
      { numRuns: 300, seed: 20261211 },
    );
  });

  it('never breaks inside a number or an address (UAX #14 LB25: 1.25, 127.0.0.1:8080 are one numeric sequence)', () => {
    const line = '读取耗时中位数读取耗时中位数读取耗时 1.25 ms，地址 127.0.0.1:8080 就绪，共 3,000 字节';
    for (let width = 16; width <= 60; width++) {
      const rows = foldLine(line, width).map((r) => r.trim());
      for (const token of ['1.25', '127.0.0.1:8080', '3,000']) expect(rows.some((r) => r.includes(token)), `${width}: ${JSON.stringify(rows)}`).toBe(true);
    }
  });

  it('keeps a prefix length on the row of the address or number before it (10.0.0.0/24 /26), not after a word', () => {
    const line = 'split a parent into smaller blocks, for example 192.168.100.0/22 /26 or 10.0.0.0/8 /12';
    for (let width = 20; width <= 90; width++) {
      const rows = foldLine(line, width, 0);
      for (const r of rows) expect(stringWidth(r), `${width}: ${r}`).toBeLessThanOrEqual(width);
      expect(rows.join(' ')).toBe(line);
      for (const pair of ['192.168.100.0/22 /26', '10.0.0.0/8 /12']) expect(rows.some((r) => r.includes(pair)), `${width}: ${JSON.stringify(rows)}`).toBe(true);
    }
    // After a word a prefix length is an ordinary word: `then /26` may break.
    expect(foldLine('a CIDR, then /26', 12, 0)).toEqual(['a CIDR, then', '/26']);
  });

  // A joined pair (`10.0.0.0/24 /26`) wider than the room on a row breaks at its joined space like at any
  // space, and only a piece still wider than the row is cut between characters: before, the pair was cut
  // character by character, the joined space with it, leaving rows that start or end with a space or
  // "/2" on one row and "6" on the next. Only a pair is joined, not a chain of prefix lengths.
  it('breaks a joined pair wider than the row at its space, never leaving that space at the edge of a row', () => {
    expect(foldLine('e.g. 10.0.0.0/24 /26', 11, 0)).toEqual(['e.g.', '10.0.0.0/24', '/26']);
    expect(foldLine('e.g. 10.0.0.0/24 /26', 12, 0)).toEqual(['e.g.', '10.0.0.0/24', '/26']);
    expect(foldLine('e.g. 10.0.0.0/24 /26', 14, 0)).toEqual(['e.g.', '10.0.0.0/24', '/26']);
    expect(foldLine('e.g. 10.0.0.0/24 /26', 15, 0)).toEqual(['e.g.', '10.0.0.0/24 /26']);
    // A chain of prefix lengths is ordinary words, each a place to break.
    expect(foldLine('prefix lengths 24 /25 /26 /27 /28 /29 /30', 20, 2)).toEqual(['prefix lengths 24', '  /25 /26 /27 /28', '  /29 /30']);
    expect(foldLine('the chain 10.0.0.0/24 /25 /26', 22, 0)).toEqual(['the chain 10.0.0.0/24', '/25 /26']);
  });

  it('at every width from 4 to 40: no row starts or ends with a space past its indent, no token cut that fits, nothing lost', () => {
    const lines = [
      'e.g. 10.0.0.0/24 /26',
      'prefix lengths 24 /25 /26 /27 /28 /29 /30',
      'split a parent into smaller blocks, for example 192.168.100.0/22 /26 or 10.0.0.0/8 /12',
      'two addresses and a mask, e.g. 192.168.1.10 192.168.1.200 /24',
      'a CIDR, then /26 or --prefix 26, a count x4 or --count 4, or host needs h 50,20,10 or --hosts 50,20,10 (as the CLI), e.g. 10.0.0.0/24 /26',
      'CIDR 加 /26 或 --prefix 26、个数 x4 或 --count 4、主机需求 h 50,20,10 或 --hosts 50,20,10（同命令行），例如 10.0.0.0/24 /26',
      '203.0.113.0/24 /28 then 198.51.100.7 /32, read in 1.25 ms or 60 s',
    ];
    for (const line of lines) {
      for (const hang of [0, 2]) {
        for (let width = 4; width <= 40; width++) {
          const rows = foldLine(line, width, hang);
          const at = `${width}/${hang}: ${JSON.stringify(rows)}`;
          const bodies = rows.map((r, i) => (i === 0 ? r : r.slice(hang)));
          rows.slice(1).forEach((r) => expect(r.slice(0, hang), at).toBe(' '.repeat(hang)));
          for (const b of bodies) {
            expect(b, at).not.toMatch(/^\s|\s$/);
            expect(stringWidth(b), at).toBeGreaterThan(0);
          }
          for (const r of rows) expect(stringWidth(r), at).toBeLessThanOrEqual(Math.max(width, hang + 2));
          // Whole: the rows hold the text (whitespace aside), and every ASCII word that fits a row is on one row.
          expect(bodies.join('').replace(/\s+/g, ''), at).toBe(line.replace(/\s+/g, ''));
          for (const word of line.split(' ').filter((x) => /^[!-~]+$/.test(x) && x.length <= width - hang)) {
            expect(bodies.some((b) => b.split(' ').includes(word)), `${word} at ${at}`).toBe(true);
          }
          if (width - hang >= 3) expect(bodies.some((b, i) => b.endsWith('/2') && bodies[i + 1]?.startsWith('6')), at).toBe(false);
        }
      }
    }
  });

  it('breaks English at spaces, Chinese between characters, and indents the rows after the first', () => {
    expect(foldLine('  the quick brown fox jumps over', 16)).toEqual(['  the quick', '    brown fox', '    jumps over']);
    expect(foldLine('一二三四五六七八，九十', 16)).toEqual(['一二三四五六七', '  八，九十']);
    // a colour over the break is closed at the row's end and opened again on the next row
    expect(foldLine('\u001b[2mone two three\u001b[0m', 9)).toEqual(['\u001b[2mone two\u001b[0m', '  \u001b[2mthree\u001b[0m']);
  });
});

describe('foldDomainName', () => {
  // RFC 3596 2.5's example name (lower case, without the root's dot) and RFC 1035 3.5's.
  const names = ['b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.0.0.0.0.1.2.3.4.ip6.arpa', '52.0.2.10.in-addr.arpa'];
  it('breaks only after a dot: rows within the width, whole labels, nothing lost', () => {
    for (const name of names) {
      for (let width = 8; width <= 80; width++) {
        const rows = foldDomainName(name, width);
        expect(rows.join('')).toBe(name);
        for (const r of rows) expect(r.length).toBeLessThanOrEqual(width);
        for (const r of rows.slice(0, -1)) expect(r.endsWith('.'), `${width}: ${JSON.stringify(rows)}`).toBe(true);
        if (name.length <= width) expect(rows).toEqual([name]);
      }
    }
  });
});
