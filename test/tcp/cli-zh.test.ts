/**
 * `netkata tcp run | list | states` in Chinese (LANG=zh_CN.UTF-8 or --lang zh) through the built binary
 * (`npm run build` first). A zh run must tell the same story as the English one: the same segments
 * (flags, seq, ack, len, lost or not, at the same virtual times), the same states in both columns, the
 * same expectation verdicts and final states; with Chinese words, full-width punctuation (clreq 3.1) and
 * no line wider than 80 terminal cells (measured with string-width, the measure ink uses).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { zhFindings } from '../practice/zh-text.js';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/netkata.js');
const dir = mkdtempSync(join(tmpdir(), 'netkata-tcp-zh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function netkata(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const ZH = { LANG: 'zh_CN.UTF-8' };

const STATES = ['CLOSED', 'LISTEN', 'SYN_SENT', 'SYN_RECEIVED', 'ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSE_WAIT', 'CLOSING', 'LAST_ACK', 'TIME_WAIT'];
/**
 * Latin words a zh ladder may keep: RFC state names and flags, the fields textbooks print on their
 * figures (seq=, ack=), the scenario's endpoint and file names, units, RFC numbers' prefix.
 */
const KEPT = new Set([...STATES, 'SYN', 'ACK', 'FIN', 'RST', 'PSH', 'seq', 'ack', 'len', 'win', 'RFC', 'ms', 'rfc9293', 'linux', 'client', 'server', 'RCV', 'NXT', 'SND', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNREFUSED', 'RTO', 'MSL', 'ISN']);

/** One arrow of the ladder: time, both columns' states, flags, seq, ack, len, lost. */
function arrows(out: string): string[] {
  const rows: string[] = [];
  for (const line of out.split('\n')) {
    const m = /^ *(\S+) {2}(\S+) +(--|<-) ([A-Z,]+) seq=(\d+)(?: ack=(\d+))?(?: len=(\d+))?.*?(?:(-+>|-+|X \S+) +(\S+))?$/.exec(line);
    if (!m) continue;
    const lost = /X (lost|丢失)/.test(line);
    rows.push([m[1], m[3], m[4], m[5], m[6] ?? '', m[7] ?? '', lost ? 'lost' : ''].join(' '));
  }
  return rows;
}
/** The states shown in the rows, left column then right (a scripted or crashed column as a marker). */
function stateColumns(out: string): string[] {
  const norm = (s: string | undefined) =>
    s !== undefined && STATES.includes(s) ? s : s === '(script)' || s === '（脚本）' ? 'script' : s === 'down' || s === '宕机' ? 'down' : `? ${s}`;
  // time, left state, an arrow (its head, its tail or the lost mark) or a state change in parentheses,
  // right state, maybe notes.
  const arrowRow = /^\s*\S+\s{2}(\S+)\s+(?:--|<-) .*?(?:->|--|X lost|X 丢失)\s+(\S+)(?:\s{2}[(（].*)?$/;
  const changeRow = /^\s*\S+\s{2}(\S+)\s+[(（].*[)）]\s+(\S+)$/;
  return out.split('\n').flatMap((l) => {
    const m = arrowRow.exec(l) ?? changeRow.exec(l);
    return m ? [`${norm(m[1])} ${norm(m[2])}`] : [];
  });
}
const verdicts = (out: string, ok: string, fail: string) =>
  out.split('\n').flatMap((l) => (new RegExp(`^ *\\S+ {2}${ok} `).test(l) ? ['ok'] : new RegExp(`^ *\\S+ {2}${fail} `).test(l) ? ['fail'] : []));

/** Typography of each piece of text; runs of two or more spaces and an arrow's dashes are drawing, not prose. */
function typography(out: string): string[] {
  return out.split('\n').flatMap((l) => l.split(/ {2,}| ?-{2,}>? ?/).filter((p) => /[\u3400-\u9fff]/.test(p)).flatMap((p) => zhFindings(p).map((f) => `${f.rule} at "${f.at}"`)));
}

const title = (name: string) => parse(readFileSync(join(root, existsSync(join(root, 'scenarios/tcp', `${name}.yaml`)) ? 'scenarios/tcp' : 'scenarios/window', `${name}.yaml`), 'utf8')) as { title: string; zh: { title: string } };

describe('netkata tcp in Chinese', () => {
  // A handshake, a loss, a script with challenge ACKs, reordering and duplicates, a flood, a crash, and
  // virtual hours (the time column widens).
  it.each(['handshake', 'lost-syn', 'lost-final-ack', 'rst-in-window', 'reorder-and-duplicate', 'syn-flood', 'crash-and-reboot', 'keepalive-dead-peer'])(
    'run %s: the same segments, states and verdicts as English, in Chinese, both within 80 columns',
    (name) => {
      const en = netkata(['tcp', 'run', name]);
      const zh = netkata(['tcp', 'run', name], ZH);
      expect(zh.code).toBe(en.code);
      expect(zh.code).toBe(0);
      // The same run: every arrow, both state columns, every verdict.
      expect(arrows(en.stdout).length).toBeGreaterThan(0);
      expect(arrows(zh.stdout)).toEqual(arrows(en.stdout));
      expect(stateColumns(zh.stdout)).toEqual(stateColumns(en.stdout));
      expect(verdicts(zh.stdout, '通过', '失败')).toEqual(verdicts(en.stdout, 'ok', 'FAIL'));
      // The same ending: final states and time.
      const enFinal = /^final: (.*) at (\S+); passed$/m.exec(en.stdout)!;
      const zhFinal = /^结束（(\S+)）：(.*)；全部通过$/m.exec(zh.stdout)!;
      expect(zhFinal[1]).toBe(enFinal[2]);
      expect(zhFinal[2]!.split('，')).toEqual(enFinal[1]!.split(', ').map((s) => s.replace(' (script)', '（脚本）').replace(' (crashed)', '（已崩溃）')));
      // In Chinese: the file's zh title first, Chinese words, nothing English but the kept names.
      expect(zh.stdout.split('\n')[0]).toBe(title(name).zh.title);
      expect(zh.stdout).toMatch(/每行一个事件/);
      const english = (zh.stdout.match(/(?<![A-Za-z0-9_.])[A-Za-z][A-Za-z_0-9]+/g) ?? []).filter((w) => !KEPT.has(w) && !name.split('-').includes(w) && !/^\d/.test(w));
      expect(english.filter((w) => !/^(FIN_WAIT_\d|[A-Z_]+_\d)$/.test(w))).toEqual([]);
      expect(typography(zh.stdout)).toEqual([]);
      expect(zh.stdout.split('\n').filter((l) => stringWidth(l) > 80)).toEqual([]);
      expect(en.stdout.split('\n').filter((l) => stringWidth(l) > 80)).toEqual([]);
    },
  );

  it('--lang zh does what a zh locale does, and --lang en wins over it', () => {
    const viaLocale = netkata(['tcp', 'run', 'handshake'], ZH).stdout;
    expect(netkata(['--lang', 'zh', 'tcp', 'run', 'handshake']).stdout).toBe(viaLocale);
    expect(netkata(['tcp', 'run', 'handshake', '--lang', 'en'], ZH).stdout).toBe(netkata(['tcp', 'run', 'handshake']).stdout);
  });

  it('JSON stays English under zh', () => {
    const en = netkata(['tcp', 'run', 'rst-in-window', '--json']).stdout;
    expect(netkata(['tcp', 'run', 'rst-in-window', '--json'], ZH).stdout).toBe(en);
    expect(JSON.parse(en).segments.map((s: { verdict?: string }) => s.verdict).filter(Boolean)).toContain('RST not at RCV.NXT: challenge ACK (RFC 5961 3.2)');
  });

  it('a failed expectation: 失败 with what differed, exit 1 and one Chinese line on stderr', () => {
    const f = join(dir, 'wrong.yaml');
    writeFileSync(f, 'name: wrong\ntitle: Wrong\nsteps:\n  - open: client\n  - settle: true\n  - expect: { client: SYN_SENT }\n');
    const r = netkata(['tcp', 'run', f], ZH);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ +30ms {2}失败 {2}检查：client=SYN_SENT$/m);
    expect(r.stdout).toMatch(/^ +client 的状态：期望 SYN_SENT，实际 ESTABLISHED$/m);
    expect(r.stdout).toMatch(/；未通过（1 项检查不符）$/m);
    expect(r.stderr).toBe('netkata: wrong：1 项检查未通过\n');
  });

  it('list: every built-in (segment-level and window scenarios) with the zh title its file gives', () => {
    const r = netkata(['tcp', 'list'], ZH);
    expect(r.code).toBe(0);
    const names = ['scenarios/tcp', 'scenarios/window'].flatMap((d) => readdirSync(join(root, d)).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5))).sort();
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => l.split(/ +/)[0]).sort()).toEqual(names);
    for (const l of lines) {
      const [name, ...rest] = l.split(/ {2,}/);
      expect(rest.join('  '), name).toBe(title(name!).zh.title);
    }
  });

  it('states: the same states and transitions as English, with a Chinese header', () => {
    const en = netkata(['tcp', 'states']).stdout.split('\n');
    const zh = netkata(['tcp', 'states'], ZH).stdout.split('\n');
    expect(zh[0]).toMatch(/^TCP 端点状态机（行为模型 rfc9293）：11 个状态，\d+ 个转换$/);
    expect(zh[0]!.match(/\d+ 个转换/)![0]).toBe(`${/(\d+) transitions/.exec(en[0]!)![1]} 个转换`);
    expect(zh.length).toBe(en.length);
    // Each transition line: the same event, guard and target state (actions keep the machine's names).
    const target = (l: string) => l.replace(/ +/g, ' ').replace(/ -> (\S+).*$/, (_, t: string) => ` -> ${STATES.includes(t) ? t : t.replace(/[（(].*/, '')}`);
    const strip = (ls: string[]) => ls.slice(1).filter((l) => l.startsWith('  ') && STATES.some((s) => l.includes(`-> ${s}`))).map(target);
    expect(strip(zh)).toEqual(strip(en));
  });
});
