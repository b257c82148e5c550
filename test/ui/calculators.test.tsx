import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { parseCidr } from '../../src/addr/parse.js';
import { subnet } from '../../src/addr/subnet.js';
import { cutDottedBinary, cutExpandedHex } from '../../src/ui/calc/bit-boundary.js';
import { CALCULATORS, evaluate } from '../../src/ui/calc/calculators.js';
import stringWidth from 'string-width';
import { displayWidth } from '../../src/text-width.js';
import { foldLine } from '../../src/fold.js';
import { translate } from '../../src/ui/i18n/strings.js';
import { KEY, renderApp, tick, type, typeEach, type Rendered } from './helpers.js';

afterEach(() => cleanup());

async function openCalc(lang: 'en' | 'zh' = 'en'): Promise<Rendered> {
  const app = renderApp({ lang, screen: 'calc' });
  await tick();
  return app;
}

/** The value printed after a label on its own line of the frame. */
function valueOf(frame: string, label: string): string | undefined {
  const line = frame.split('\n').find((l) => l.startsWith(label + ' '));
  return line?.slice(label.length).trim();
}

describe('subnet calculator', () => {
  it('shows network and broadcast as the subnet module computes them, as you type', async () => {
    const app = await openCalc();
    await typeEach(app, '172.16.5.130/26');
    const f = app.frame();
    const expected = subnet(parseCidr('172.16.5.130/26'));
    if (expected.version !== 4) throw new Error('IPv4 expected');
    // Python: ipaddress.ip_network('172.16.5.130/26', strict=False) -> 172.16.5.128, broadcast 172.16.5.191
    expect(valueOf(f, 'network')).toBe('172.16.5.128');
    expect(valueOf(f, 'broadcast')).toBe('172.16.5.191');
    expect(valueOf(f, 'network')).toBe(expected.network);
    expect(valueOf(f, 'broadcast')).toBe(expected.broadcast);
    expect(valueOf(f, 'netmask')).toBe(`${expected.netmask}  (/26)`);
    expect(valueOf(f, 'hosts')).toBe('62');
  });

  it('updates the result on every keystroke (the /2 frame differs from the /26 frame)', async () => {
    const app = await openCalc();
    await type(app, '172.16.5.130/2');
    expect(valueOf(app.frame(), 'network')).toBe('128.0.0.0');
    await type(app, '6');
    expect(valueOf(app.frame(), 'network')).toBe('172.16.5.128');
    await app.press(KEY.backspace);
    expect(valueOf(app.frame(), 'network')).toBe('128.0.0.0');
  });

  it('draws the network/host boundary in the binary rows after the prefix bits', async () => {
    const app = await openCalc();
    await type(app, '192.168.12.87 255.255.255.0');
    const f = app.frame();
    expect(f).toContain('binary (network | host)');
    expect(f).toMatch(/address\s+11000000\.10101000\.00001100\|01010111\s+192\.168\.12\.87/);
    expect(f).toMatch(/netmask\s+11111111\.11111111\.11111111\|00000000\s+255\.255\.255\.0/);
    expect(f).toMatch(/network\s+11000000\.10101000\.00001100\|00000000\s+192\.168\.12\.0/);
  });

  it('shows an inline error for bad input and keeps running; fixing the input brings results back', async () => {
    const app = await openCalc();
    await type(app, '010.1.1.1/24');
    expect(app.frame()).toMatch(/✗ 010\.1\.1\.1.*leading zero/);
    expect(app.frame()).toContain('> subnet'); // still the calculator, not a crash
    await app.press(KEY.ctrlU);
    await type(app, '10.1.1.1/255.0.255.0');
    expect(app.frame()).toMatch(/✗ .*(contiguous|mask)/);
    await app.press(KEY.ctrlU);
    await type(app, '10.1.1.1/8');
    expect(app.frame()).not.toContain('✗');
    expect(valueOf(app.frame(), 'broadcast')).toBe('10.255.255.255');
  });

  it('takes q as a letter while typing (q quits only outside input lines) and Esc goes home', async () => {
    const app = await openCalc();
    await type(app, 'q');
    expect(app.frame()).toContain('> subnet  q');
    await app.press(KEY.escape);
    expect(app.frame()).toContain('> 1 Calculators');
  });
});

describe('same-segment calculator', () => {
  it('shows the AND of each address with the mask, octet by octet, and the verdict', async () => {
    const app = await openCalc();
    await app.press(KEY.down);
    await type(app, '192.168.1.10 192.168.2.200 /22');
    const f = app.frame();
    // Python: ip_interface('192.168.1.10/22').network == ip_interface('192.168.2.200/22').network == 192.168.0.0/22
    expect(f).toContain('✓ same segment: yes');
    expect(f).toMatch(/ip1\s+11000000\s+10101000\s+00000001\s+00001010\s+192\.168\.1\.10/);
    expect(f).toMatch(/mask\s+11111111\s+11111111\s+11111100\s+00000000\s+255\.255\.252\.0 \(\/22\)/);
    expect(f).toMatch(/= network\s+11000000\s+10101000\s+00000000\s+00000000\s+192\.168\.0\.0/);
    expect(f).toMatch(/ip2\s+11000000\s+10101000\s+00000010\s+11001000\s+192\.168\.2\.200/);
  });

  it('says no when the networks differ and marks the octet that differs', async () => {
    const app = await openCalc();
    await app.press(KEY.down);
    await type(app, '192.168.1.10 192.168.2.200 255.255.255.0');
    const f = app.frame();
    // Python: 192.168.1.0/24 vs 192.168.2.0/24
    expect(f).toContain('✗ same segment: no');
    expect(f).toMatch(/1 = 2 \?\s+=\s+=\s+≠ x\s+=/);
  });
});

describe('other calculators', () => {
  it('classify, ip notation, split, port and mac render their module results', async () => {
    const app = await openCalc();
    await app.press(KEY.down, KEY.down);
    await type(app, '100.64.0.1');
    expect(app.frame()).toMatch(/scope\s+shared/); // RFC 6598 shared address space
    await app.press(KEY.down);
    await type(app, '10.0.0.1');
    expect(app.frame()).toMatch(/integer\s+167772161/); // 10*2^24 + 1
    await app.press(KEY.down);
    await type(app, '10.0.0.0/24 /26');
    const f = app.frame();
    // Python: list(ip_network('10.0.0.0/24').subnets(new_prefix=26))
    for (const c of ['10.0.0.0/26', '10.0.0.64/26', '10.0.0.128/26', '10.0.0.192/26']) expect(f).toContain(c);
    await app.press(KEY.down);
    await type(app, '443');
    expect(app.frame()).toMatch(/https\/tcp/);
    await app.press(KEY.down);
    await type(app, '00:1A:2B:3C:4D:5E');
    // RFC 4291 appendix A: flip the U/L bit, insert ff:fe -> fe80::21a:2bff:fe3c:4d5e
    expect(app.frame()).toContain('fe80::21a:2bff:fe3c:4d5e');
  });

  it('ip and mac show the multicast mapping both ways (RFC 1112 6.4)', async () => {
    const app = await openCalc();
    await app.press(KEY.down, KEY.down, KEY.down);
    await type(app, '224.0.0.251');
    expect(app.frame()).toMatch(/group MAC\s+01:00:5e:00:00:fb/);
    await app.press(KEY.down, KEY.down, KEY.down);
    await type(app, '01:00:5e:00:00:fb');
    expect(app.frame()).toMatch(/IP groups\s+224\.0\.0\.251, 224\.128\.0\.251, … 239\.128\.0\.251 \(32\)/);
  });

  it('keeps each calculator its own line when switching', async () => {
    const app = await openCalc();
    await type(app, '10.0.0.1/8');
    await app.press(KEY.down);
    await type(app, '1.2.3.4');
    await app.press(KEY.up);
    expect(app.frame()).toContain('> subnet  10.0.0.1/8');
  });

  it('speaks Chinese labels with lang zh', async () => {
    const app = await openCalc('zh');
    await type(app, '192.168.12.87/24');
    expect(app.frame()).toMatch(/网络地址\s+192\.168\.12\.0/);
    expect(app.frame()).toMatch(/广播地址\s+192\.168\.12\.255/);
  });

  it('says an input error in Chinese in zh, with the input and the numbers of the English error', async () => {
    const app = await openCalc('zh');
    await type(app, '10.0.0.256/8');
    const line = app.frame().split('\n').find((l) => l.includes('✗'))!;
    expect(line).toMatch(/10\.0\.0\.256\/8：/);
    expect(line).toMatch(/[\u4e00-\u9fff]/);
    expect(line).toContain('256');
    expect(line).not.toMatch(/\b(octet|out of|range|between)\b/i);
    const en = evaluate(CALCULATORS.find((c) => c.id === 'subnet')!, '10.0.0.256/8');
    expect(en.status === 'error' && /256/.test(en.message) && !/[\u4e00-\u9fff]/.test(en.message)).toBe(true);
  });
});

describe('calculator adapters', () => {
  it('never throw: every calculator turns garbage into an inline error', () => {
    for (const calc of CALCULATORS) {
      for (const input of ['x', '1.2.3.4.5', '::::', '/', '999999999999', '-- --']) {
        const out = evaluate(calc, input);
        expect(out.status, `${calc.id} ${input}`).toBe('error');
        if (out.status === 'error') expect(out.internal, `${calc.id} ${input}: ${out.message}`).toBe(false);
      }
      expect(evaluate(calc, '   ').status).toBe('empty');
      expect(evaluate(calc, calc.example).status, calc.id).toBe('ok');
    }
  });

  it('cut the binary and hex forms where the prefix ends', () => {
    expect(cutDottedBinary('11000000.10101000.00001100.01010111', 24)).toEqual({
      network: '11000000.10101000.00001100',
      host: '01010111',
    });
    expect(cutDottedBinary('11000000.10101000.00001100.01010111', 26)).toEqual({
      network: '11000000.10101000.00001100.01',
      host: '010111',
    });
    expect(cutDottedBinary('11000000.10101000.00001100.01010111', 0).network).toBe('');
    expect(cutDottedBinary('11000000.10101000.00001100.01010111', 32).host).toBe('');
    expect(cutExpandedHex('2001:0db8:0000:0000:0000:0000:0000:0001', 64)).toEqual({
      network: '2001:0db8:0000:0000',
      host: '0000:0000:0000:0001',
      inside: false,
    });
    expect(cutExpandedHex('2001:0db8:0000:0000:0000:0000:0000:0001', 30).network).toBe('2001:0db8');
  });
});

describe('split at 80 columns', () => {
  const toSplit = async (): Promise<Rendered> => {
    const app = await openCalc();
    for (let i = 0; i < 10 && !app.frame().includes('[split]'); i++) await app.press(KEY.tab);
    expect(app.frame()).toContain('[split]');
    return app;
  };
  const unwrapped = (frame: string): string => frame.split('\n').map((l) => l.trimEnd()).join(' ').replace(/\s+/g, ' ');

  it('shows the whole hint, with the CLI\'s forms (--hosts, --count)', async () => {
    const app = await toSplit();
    const text = unwrapped(app.frame());
    expect(text).toContain('a CIDR, then /26 or --prefix 26,');
    expect(text).toContain('--hosts 50,20,10');
    expect(text).toContain('--count 4');
    expect(text).toContain('e.g. 10.0.0.0/24 /26');
  });

  it('takes the CLI\'s syntax: --hosts 50,20 plans the same subnets as h 50,20, --count 4 as x4', async () => {
    const split = CALCULATORS.find((c) => c.id === 'split')!;
    expect(evaluate(split, '192.168.1.0/24 --hosts 50,20')).toEqual(evaluate(split, '192.168.1.0/24 h 50,20'));
    expect(evaluate(split, '192.168.1.0/24 --count 4')).toEqual(evaluate(split, '192.168.1.0/24 x4'));
    // Python: list(ipaddress.ip_network('192.168.1.0/24').subnets(new_prefix=26))[1] -> 192.168.1.64/26
    const app = await toSplit();
    await type(app, '192.168.1.0/24 --count 4');
    expect(app.frame()).toMatch(/2 192\.168\.1\.64\/26/);
  });

  it('an error longer than the line wraps instead of being cut', async () => {
    const app = await toSplit();
    await type(app, '10.0.0.0/24 nonsense');
    const split = CALCULATORS.find((c) => c.id === 'split')!;
    const out = evaluate(split, '10.0.0.0/24 nonsense');
    if (out.status !== 'error') throw new Error('an error expected');
    expect(`✗ ${out.message}`.length).toBeGreaterThan(80);
    expect(unwrapped(app.frame())).toContain(unwrapped(`✗ ${out.message}`));
  });
});

describe('an empty calculator field', () => {
  // The hint is the field's placeholder (folded under the field when long); said a second time under it,
  // it only pushes the results down (split's takes three rows at 80 columns).
  const langs = ['en', 'zh'] as const;
  it.each(langs.flatMap((lang) => CALCULATORS.map((c) => [lang, c.id] as const)))('%s %s at 80 columns: shows its hint once', async (lang, id) => {
    const app = await openCalc(lang);
    Object.defineProperty(app.stdout, 'columns', { value: 80, configurable: true });
    app.stdout.emit('resize');
    for (let i = 0; i < 10 && CALCULATORS[i]?.id !== id; i++) await app.press(KEY.tab);
    const { translate } = await import('../../src/ui/i18n/strings.js');
    const calc = CALCULATORS.find((c) => c.id === id)!;
    expect(app.frame()).toContain(`[${translate(lang, calc.label)}]`);
    // Whitespace aside: a folded hint reads the same across its rows, in English and in Chinese.
    const flat = (s: string): string => s.replace(/\s+/g, '');
    expect(flat(app.frame()).split(flat(translate(lang, calc.hint))).length - 1).toBe(1);
    expect(app.frame()).toContain(translate(lang, 'calc.empty'));
  });
});

describe('calculators at 80 columns: lines broken where the CLI breaks them', () => {
  const at80 = async (): Promise<Rendered> => {
    const app = await openCalc();
    Object.defineProperty(app.stdout, 'columns', { value: 80, configurable: true });
    app.stdout.emit('resize');
    await tick();
    return app;
  };

  it('ip notation: an IPv6 address\'s binary on two rows of four groups, as `netkata ip` prints it', async () => {
    const app = await at80();
    await app.press(KEY.down, KEY.down, KEY.down);
    await type(app, '2001:db8::1');
    const ip = CALCULATORS.find((c) => c.id === 'ip')!;
    const out = evaluate(ip, '2001:db8::1');
    if (out.status !== 'ok' || out.result.kind !== 'ip') throw new Error('a notation expected');
    const { renderNotationText } = await import('../../src/cli/render/notation-text.js');
    // The CLI's two rows (label, then the value), binary only: the groups of 16 bits.
    const cli = renderNotationText(out.result.value)
      .split('\n')
      .map((l) => l.trim().split(/\s+/).at(-1)!)
      .filter((v) => /^[01]{16}(:[01]{16}){3}$/.test(v));
    expect(cli).toHaveLength(2);
    const rows = app.frame().split('\n').map((l) => l.trim().split(/\s+/).at(-1)!);
    for (const half of cli) expect(rows).toContain(half);
    for (const line of app.frame().split('\n')) expect(line.trimStart().startsWith(':'), line).toBe(false);
  });

  it('split: the empty field\'s placeholder is shown from its start, whole, on the field\'s rows', async () => {
    const app = await at80();
    for (let i = 0; i < 10 && !app.frame().includes('[split]'); i++) await app.press(KEY.tab);
    const split = CALCULATORS.find((c) => c.id === 'split')!;
    const { translate } = await import('../../src/ui/i18n/strings.js');
    const hint = translate('en', split.hint);
    const lines = app.frame().split('\n');
    const field = lines.findIndex((l) => l.startsWith('> split'));
    expect(field).toBeGreaterThanOrEqual(0);
    // The field's row and the rows folded under it, up to the blank row.
    const rows: string[] = [];
    for (let i = field; i < lines.length && lines[i]!.trim() !== ''; i++) rows.push(lines[i]!);
    expect(rows.join(' ').replace(/^> split\s+/, '').replace(/\s+/g, ' ').trim()).toBe(hint.replace(/\s+/g, ' '));
  });
});

describe("split's hint keeps its example on one row", () => {
  // The example is one command line (`netkata split 10.0.0.0/24 /26`): an address with its prefix and
  // the new prefix length. Broken after the address, "/26" stood alone on the next row at 80 columns.
  const EXAMPLE = '10.0.0.0/24 /26';
  const split = CALCULATORS.find((c) => c.id === 'split')!;

  it.each(['en', 'zh'] as const)('%s at 80 columns: the example whole on one row, every row within the width', async (lang) => {
    const app = await openCalc(lang);
    Object.defineProperty(app.stdout, 'columns', { value: 80, configurable: true });
    app.stdout.emit('resize');
    await tick();
    for (let i = 0; i < 10 && CALCULATORS[i]?.id !== 'split'; i++) await app.press(KEY.tab);
    const hint = translate(lang, split.hint);
    expect(hint).toContain(EXAMPLE);
    const lines = app.frame().split('\n');
    for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    const field = lines.findIndex((l) => l.startsWith(`> ${translate(lang, split.label)}`));
    expect(field).toBeGreaterThanOrEqual(0);
    const rows: string[] = [];
    for (let i = field; i < lines.length && lines[i]!.trim() !== ''; i++) rows.push(lines[i]!);
    // The field's rows hold the hint, whole (whitespace aside), and one of them the example.
    const flat = (t: string): string => t.replace(/\s+/g, '');
    expect(flat(rows.join('')).endsWith(flat(hint))).toBe(true);
    expect(rows.some((r) => r.includes(EXAMPLE)), rows.join('\n')).toBe(true);
  });

  it.each(['en', 'zh'] as const)('%s folded at any width from 16 to 120 cells: the example never broken', (lang) => {
    const hint = translate(lang, split.hint);
    for (let width = 16; width <= 120; width++) {
      const rows = foldLine(hint, width, 0);
      for (const r of rows) expect(stringWidth(r), `${width}: ${r}`).toBeLessThanOrEqual(width);
      expect(rows.some((r) => r.includes(EXAMPLE)), `${width}: ${JSON.stringify(rows)}`).toBe(true);
    }
  });
});

describe('ip notation: the reverse-DNS name folds between its labels, under its label column', () => {
  // The names, from the RFCs' own examples (names are case-insensitive, RFC 1035 2.3.3; the app prints
  // them in lower case without the root's trailing dot):
  // RFC 1035 3.5: 10.2.0.52 -> 52.0.2.10.IN-ADDR.ARPA.
  // RFC 3596 2.5: 4321:0:1:2:3:4:567:89ab -> b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.0.0.0.0.1.2.3.4.IP6.ARPA.
  // RFC 6052 2.4: 192.0.2.33 in 64:ff9b::/96 is 64:ff9b::c000:221 (its expanded nibbles
  // 0064ff9b0000000000000000c0000221, reversed under ip6.arpa as RFC 3596 2.5 says); it has the wider
  // label column of the embedded IPv4 row.
  const V4 = '52.0.2.10.in-addr.arpa';
  const V6 = 'b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.0.0.0.0.1.2.3.4.ip6.arpa';
  const NAT64 = '1.2.2.0.0.0.0.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.b.9.f.f.4.6.0.0.ip6.arpa';
  // RFC 4291 2.5.1: the low 64 bits (here 0003:0004:0567:89ab) are the interface identifier.
  const V6_LOW_HALF = 'b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.';

  const sized = async (lang: 'en' | 'zh', columns: number, rows: number): Promise<Rendered> => {
    const app = await openCalc(lang);
    Object.defineProperty(app.stdout, 'columns', { value: columns, configurable: true });
    Object.defineProperty(app.stdout, 'rows', { value: rows, configurable: true });
    app.stdout.emit('resize');
    await tick();
    await app.press(KEY.down, KEY.down, KEY.down); // subnet, same segment, classify, ip
    return app;
  };

  /** The rows of the labelled field: its own line's value and the lines under it whose label column is blank. */
  const fieldRows = (frame: string, label: string): { column: number; values: string[]; lines: string[] } => {
    const lines = frame.split('\n');
    const at = lines.findIndex((l) => l.startsWith(`${label} `));
    expect(at, frame).toBeGreaterThanOrEqual(0);
    const rest = lines[at]!.slice(label.length);
    const column = displayWidth(label) + rest.length - rest.trimStart().length;
    const values = [rest.trim()];
    const shown = [lines[at]!];
    for (let i = at + 1; i < lines.length && /^ +\S/.test(lines[i]!) && lines[i]!.slice(0, column).trim() === ''; i++) {
      expect(lines[i]!.length - lines[i]!.trimStart().length, `row under the value column: ${lines[i]}`).toBe(column);
      values.push(lines[i]!.trim());
      shown.push(lines[i]!);
    }
    return { column, values, lines: shown };
  };

  const cases: [lang: 'en' | 'zh', address: string, columns: number, rows: number, name: string][] = [
    ['en', '4321:0:1:2:3:4:567:89ab', 80, 24, V6],
    ['en', '4321:0:1:2:3:4:567:89ab', 120, 40, V6],
    ['zh', '4321:0:1:2:3:4:567:89ab', 80, 24, V6],
    ['en', '64:ff9b::c000:221', 80, 24, NAT64],
    ['en', '10.2.0.52', 80, 24, V4],
    ['en', '10.2.0.52', 120, 40, V4],
    ['en', '10.2.0.52', 30, 40, V4],
  ];
  it.each(cases)('%s %s at %sx%s: whole labels per row, each row within the width', async (lang, address, columns, rows, name) => {
    const app = await sized(lang, columns, rows);
    await type(app, address);
    const { column, values, lines } = fieldRows(app.frame(), lang === 'zh' ? '反向解析' : 'reverse DNS');
    expect(values.join('')).toBe(name);
    // Broken after a dot only: every row but the last ends with one, so no label is cut.
    for (const v of values.slice(0, -1)) expect(v.endsWith('.'), JSON.stringify(values)).toBe(true);
    for (const l of lines) expect(displayWidth(l.trimEnd())).toBeLessThanOrEqual(columns);
    // One row when the name fits beside the label column, else as few as the RFC's boundaries allow.
    if (column + name.length <= columns) expect(values).toEqual([name]);
    // An ip6.arpa name: two rows cut after its 16th nibble, the reversed interface identifier first.
    else if (name.endsWith('.ip6.arpa') && columns - column >= 40) expect(values).toEqual([name.slice(0, 32), name.slice(32)]);
    else expect(values.length).toBeGreaterThan(1);
    if (name === V6 && values.length === 2) expect(values[0]).toBe(V6_LOW_HALF);
  });
});
