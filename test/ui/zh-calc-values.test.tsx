// Values the zh calculators print next to their labels come from the catalogue too: split's list of
// the parent's unused blocks, an alias's note on the port calculator, how an IPv4 address sits in an
// IPv6 one (classify and ip), and the broadcast MAC. Each was once hard-coded English in src/ui/calc.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { messages } from '../../src/i18n/index.js';
import { notation } from '../../src/addr/notation.js';
import { renderNotationText } from '../../src/cli/render/notation-text.js';
import { KEY, renderApp, tick, type, type Rendered } from './helpers.js';

afterEach(() => cleanup());

/** The calculators in their order on the screen (src/ui/calc/calculators.ts). */
const ORDER = ['subnet', 'same-segment', 'classify', 'ip', 'split', 'port', 'mac'] as const;

async function calcFrame(lang: 'en' | 'zh', calc: (typeof ORDER)[number], input: string): Promise<string> {
  const app: Rendered = renderApp({ lang, screen: 'calc' });
  await tick();
  for (let i = 0; i < ORDER.indexOf(calc); i++) await app.press(KEY.down);
  await type(app, input);
  return app.frame();
}

/** The frame as one line: ink wraps long values, so a phrase can straddle two rows. */
const flat = (frame: string): string => frame.split('\n').map((l) => l.trim()).join(' ').replace(/\s+/g, ' ');

describe('calculator values in zh', () => {
  it('split names the unused blocks in Chinese', async () => {
    const zh = await calcFrame('zh', 'split', '10.0.0.0/24 --hosts 50,20,10,2');
    expect(zh).toContain('10.0.0.116/30');
    expect(zh).toContain(`${messages('zh').app['field.free']}: 10.0.0.116/30`);
    expect(zh).not.toMatch(/\bfree\b/);
    expect(await calcFrame('en', 'split', '10.0.0.0/24 --hosts 50,20,10,2')).toContain('free: 10.0.0.116/30');
  });

  it("port's alias note is the language's", async () => {
    const zh = flat(await calcFrame('zh', 'port', 'dns'));
    expect(zh).toContain('IANA 把 DNS 登记为“domain”（53）');
    expect(zh).not.toContain('IANA registers');
    expect(flat(await calcFrame('en', 'port', 'dns'))).toContain('IANA registers DNS as "domain" (53)');
  });

  it('classify and ip name the embedding in Chinese', async () => {
    const classify = flat(await calcFrame('zh', 'classify', '::ffff:127.0.0.1'));
    expect(classify).toContain('127.0.0.1（IPv4 映射：环回，');
    expect(classify).not.toContain('ipv4-mapped');
    const ip = await calcFrame('zh', 'ip', '::ffff:1.2.3.4');
    expect(ip).toContain('1.2.3.4（IPv4 映射）');
    expect(ip).not.toContain('ipv4-mapped');
    const teredo = flat(await calcFrame('zh', 'classify', '2001:0:4136:e378:8000:63bf:3fff:fdd2'));
    expect(teredo).toContain('（Teredo：');
    expect(teredo).not.toMatch(/\(teredo:/);
    expect(await calcFrame('en', 'classify', '::ffff:127.0.0.1')).toContain('127.0.0.1 (ipv4-mapped: loopback');
    expect(await calcFrame('en', 'ip', '::ffff:1.2.3.4')).toContain('1.2.3.4 (ipv4-mapped)');
  });

  it('mac says broadcast in Chinese', async () => {
    const zh = await calcFrame('zh', 'mac', 'ff:ff:ff:ff:ff:ff');
    expect(zh).toContain(`${messages('zh').app.yes}（${messages('zh').app['mac.broadcast']}）`);
    expect(zh).not.toContain('(broadcast)');
    expect(await calcFrame('en', 'mac', 'ff:ff:ff:ff:ff:ff')).toContain('(broadcast)');
  });
});

describe('calculator notes and input errors in zh', () => {
  it("subnet's note on an IPv6 prefix off a hex digit's edge is Chinese", async () => {
    const zh = flat(await calcFrame('zh', 'subnet', '2001:db8::/50'));
    expect(zh).toContain('（/50：边界落在最后一个网络位十六进制数字之内）');
    expect(zh).not.toContain('the boundary falls');
    expect(flat(await calcFrame('en', 'subnet', '2001:db8::/50'))).toContain('(/50: the boundary falls inside the last network digit)');
  });

  it("split's and same-segment's input errors are Chinese", async () => {
    for (const [calc, input, zhText, en] of [
      ['split', '10.0.0.0/24 nonsense', '请用 /<前缀>', 'use /<prefix>'],
      ['split', '10.0.0.0/24 --prefix', '后面只能跟一个值', 'expected one value after'],
      ['same-segment', '10.0.0.1', '需要两个地址和一个掩码', 'expected two addresses'],
      ['subnet', '10.0.0.1 255.0.0.0 x', '应为 <地址>/<前缀>', 'expected <address>/<prefix>'],
    ] as const) {
      const zh = flat(await calcFrame('zh', calc, input));
      expect(zh, `${calc} ${input}`).toContain(zhText);
      expect(zh, `${calc} ${input}`).not.toContain(en);
      expect(flat(await calcFrame('en', calc, input)), `${calc} ${input}`).toContain(en);
    }
  });
});

// Chinese text brackets a note with the full-width （）(GB/T 15834; W3C clreq, "Requirements for Chinese
// Text Layout", on brackets): a note of Chinese words, or one right after Chinese text, never takes the
// ASCII ( ). The English screens keep theirs.
describe('notes after a value in zh take full-width brackets', () => {
  const HAN = /\p{Script=Han}/u;
  /** ASCII brackets after Chinese text or around Chinese words. */
  const asciiNotes = (frame: string): string[] =>
    [...frame.matchAll(/(\S?)\s*\(([^()\n]*)\)/gu)].filter(([, before, inside]) => HAN.test(before ?? '') || HAN.test(inside ?? '')).map(([m]) => m);

  it.each([
    ['subnet', '10.0.0.1/31'],
    ['subnet', '10.0.0.1/32'],
    ['subnet', '2001:db8::/50'],
    ['same-segment', '10.0.0.1 10.0.0.2 255.255.255.0'],
    ['classify', '::ffff:127.0.0.1'],
    ['classify', '2001:0:4136:e378:8000:63bf:3fff:fdd2'],
    ['classify', '64:ff9b::c000:221'],
    ['ip', '::ffff:1.2.3.4'],
    ['ip', '2002:c000:204::1'],
    ['split', '10.0.0.0/24 --hosts 50,20,10,2'],
    ['port', 'dns'],
    ['mac', 'ff:ff:ff:ff:ff:ff'],
    ['mac', '01:00:5e:00:00:01'],
  ] as const)('%s %s', async (calc, input) => {
    const zh = await calcFrame('zh', calc, input);
    expect(asciiNotes(zh), zh).toEqual([]);
  });

  it("the app's embedded IPv4 row is the CLI's, in both languages", async () => {
    for (const lang of ['en', 'zh'] as const) {
      for (const [address, embedded] of [['::ffff:1.2.3.4', '1.2.3.4'], ['2002:c000:204::1', '192.0.2.4']] as const) {
        const t = messages(lang).ip;
        const row = renderNotationText(notation(address), t).split('\n').find((l) => l.trimStart().startsWith(t.embedded)) ?? '';
        const value = row.slice(row.indexOf(embedded)).trimEnd();
        expect(value, `${lang} ${address}`).toMatch(new RegExp(`^${embedded.replaceAll('.', '\\.')}.`));
        expect(flat(await calcFrame(lang, 'ip', address)), `${lang} ${address}`).toContain(value);
      }
    }
  });

  it('subnet notes the prefix after Chinese words in full-width brackets', async () => {
    const none = messages('zh').app['field.none'];
    expect(await calcFrame('zh', 'subnet', '10.0.0.1/31')).toContain(`${none}（/31）`);
    expect(await calcFrame('zh', 'subnet', '2001:db8::/50')).toContain(`${messages('zh').app['field.expanded']}（/50）`);
    expect(await calcFrame('en', 'subnet', '10.0.0.1/31')).toContain(`${messages('en').app['field.none']} (/31)`);
    expect(await calcFrame('en', 'subnet', '2001:db8::/50')).toContain(`${messages('en').app['field.expanded']} (/50)`);
  });
});
