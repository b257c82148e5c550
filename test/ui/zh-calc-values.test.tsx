// Values the zh calculators print next to their labels come from the catalogue too: split's list of
// the parent's unused blocks, an alias's note on the port calculator, how an IPv4 address sits in an
// IPv6 one (classify and ip), and the broadcast MAC. Each was once hard-coded English in src/ui/calc.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { messages } from '../../src/i18n/index.js';
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
    const classify = await calcFrame('zh', 'classify', '::ffff:127.0.0.1');
    expect(classify).toContain('127.0.0.1 (IPv4 映射: 环回');
    expect(classify).not.toContain('ipv4-mapped');
    const ip = await calcFrame('zh', 'ip', '::ffff:1.2.3.4');
    expect(ip).toContain('1.2.3.4 (IPv4 映射)');
    expect(ip).not.toContain('ipv4-mapped');
    const teredo = await calcFrame('zh', 'classify', '2001:0:4136:e378:8000:63bf:3fff:fdd2');
    expect(teredo).toContain('(Teredo: ');
    expect(teredo).not.toMatch(/\(teredo:/);
    expect(await calcFrame('en', 'classify', '::ffff:127.0.0.1')).toContain('127.0.0.1 (ipv4-mapped: loopback');
  });

  it('mac says broadcast in Chinese', async () => {
    const zh = await calcFrame('zh', 'mac', 'ff:ff:ff:ff:ff:ff');
    expect(zh).toContain(`(${messages('zh').app['mac.broadcast']})`);
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
