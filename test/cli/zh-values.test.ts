/**
 * Text the zh one-shot commands print beside their values, once hard-coded English outside the
 * catalogues: port's alias note (`port dns`), the RFC section a multicast MAC's groups cite (`mac`),
 * and how an IPv4 address sits in an IPv6 one (`classify`, `ip`). Each runs bin/netkata.js with
 * --lang zh and under LANG=zh_CN.UTF-8 (the CommonJS shortcut for classify and ip): the Chinese text is
 * there and the English phrase is not; --json stays English. Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVICE_ALIASES } from '../../src/addr/services.js';
import { messages } from '../../src/i18n/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'netkata.js');

function run(args: readonly string[], locale = 'C.UTF-8'): { stdout: string; status: number | null } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', NETKATA_DEBUG: '', LANG: locale };
  delete env['LC_ALL'];
  delete env['LC_MESSAGES'];
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, env, encoding: 'utf8' });
  return { stdout: r.stdout, status: r.status };
}

/** Both ways of asking for Chinese. */
function zh(args: readonly string[]): string[] {
  return [run(['--lang', 'zh', ...args]).stdout, run(args, 'zh_CN.UTF-8').stdout];
}

/** Output as one line: the mac command wraps long notes at 80 columns. */
const flat = (s: string): string => s.split('\n').map((l) => l.trim()).join('').replace(/\s+/g, ' ');

describe('zh values beside the labels', () => {
  it('port dns: the alias note is Chinese, the JSON note English', () => {
    for (const out of zh(['port', 'dns'])) {
      expect(out).toContain('IANA 把 DNS 登记为“domain”（53）；DNS over TLS 登记为“domain-s”（853）');
      expect(out).not.toContain('IANA registers');
    }
    expect(run(['port', 'dns']).stdout).toContain('IANA registers DNS as "domain" (53)');
    const json = JSON.parse(run(['--lang', 'zh', 'port', 'dns', '--json']).stdout) as { alias: { note: string } };
    expect(json.alias.note).toBe('IANA registers DNS as "domain" (53); DNS over TLS is "domain-s" (853)');
  });

  it('every alias has a note in both catalogues, and zh says it in Chinese', () => {
    const names = Object.keys(SERVICE_ALIASES).sort();
    expect(Object.keys(messages('en').port.aliasNotes).sort()).toEqual(names);
    expect(Object.keys(messages('zh').port.aliasNotes).sort()).toEqual(names);
    for (const [name, note] of Object.entries(messages('zh').port.aliasNotes)) expect(note, name).toMatch(/[\u3400-\u9fff]/);
  });

  it('mac: the RFC section of a multicast mapping is localized', () => {
    for (const out of zh(['mac', '01:00:5e:00:00:fb'])) {
      expect(flat(out)).toContain('RFC 1112 第 6.4 节');
      expect(out).not.toContain('section');
    }
    for (const out of zh(['mac', '33:33:00:00:00:01'])) {
      expect(flat(out)).toContain('RFC 2464 第 7 节');
      expect(out).not.toContain('section');
    }
    expect(flat(run(['mac', '01:00:5e:00:00:fb']).stdout)).toContain('RFC 1112 section 6.4');
    expect(JSON.parse(run(['--lang', 'zh', 'mac', '01:00:5e:00:00:fb', '--json']).stdout).multicastGroups.rfc).toBe('RFC 1112 section 6.4');
  });

  it('classify and ip: the embedding is named in Chinese', () => {
    for (const out of zh(['classify', '::ffff:127.0.0.1'])) {
      expect(out).toContain('内嵌 IPv4（IPv4 映射）：127.0.0.1');
      expect(out).not.toContain('ipv4-mapped');
    }
    for (const out of zh(['ip', '::ffff:1.2.3.4'])) {
      expect(out).toContain('1.2.3.4（IPv4 映射）');
      expect(out).not.toContain('ipv4-mapped');
    }
    for (const out of zh(['classify', '64:ff9b::192.0.2.1'])) expect(out).toContain('内嵌 IPv4（NAT64）');
    expect(run(['classify', '::ffff:127.0.0.1']).stdout).toContain('embedded IPv4 (ipv4-mapped): 127.0.0.1');
    expect(JSON.parse(run(['--lang', 'zh', 'ip', '::ffff:1.2.3.4', '--json']).stdout).embeddedKind).toBe('ipv4-mapped');
  });

  it('ip: a note in brackets after a value takes full-width brackets in zh, and English and JSON are unchanged', () => {
    // Chinese text brackets a note with the full-width （）, not ASCII ( ) (GB/T 15834, the zh notes of
    // port and mac already do). Addresses with every bracketed row of `ip`: the IPv4-mapped hex form,
    // each embedding (RFC 4291 2.5.5.2 mapped, RFC 6052 2.4's NAT64 example, RFC 3056 6to4, RFC 4380
    // section 4's Teredo example) and both group MACs.
    const rows: [address: string, zh: string, en: string][] = [
      ['192.0.2.1', '::ffff:192.0.2.1（::ffff:c000:201）', '::ffff:192.0.2.1  (::ffff:c000:201)'],
      ['::ffff:1.2.3.4', '1.2.3.4（IPv4 映射）', '1.2.3.4 (ipv4-mapped)'],
      ['64:ff9b::c000:221', '192.0.2.33（NAT64）', '192.0.2.33 (nat64)'],
      ['2002:c000:204::1', '192.0.2.4（6to4）', '192.0.2.4 (6to4)'],
      ['2001:0:4136:e378:8000:63bf:3fff:fdd2', '192.0.2.45（Teredo）', '192.0.2.45 (teredo)'],
      ['224.0.0.251', '01:00:5e:00:00:fb（01:00:5e 加低 23 位；RFC 1112 6.4）', '01:00:5e:00:00:fb  (01:00:5e + the low 23 bits; RFC 1112 6.4)'],
      ['ff02::fb', '33:33:00:00:00:fb（33:33 加低 32 位；RFC 2464 7）', '33:33:00:00:00:fb  (33:33 + the low 32 bits; RFC 2464 7)'],
    ];
    for (const [address, zhText, enText] of rows) {
      for (const out of zh(['ip', address])) {
        expect(out).toContain(zhText);
        expect(out, address).not.toMatch(/[()]/);
      }
      expect(run(['ip', address]).stdout).toContain(enText);
      expect(run(['--lang', 'zh', 'ip', address, '--json']).stdout).toBe(run(['ip', address, '--json']).stdout);
    }
  });
});
