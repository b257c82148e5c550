/**
 * `netkata tcp run <window scenario>` in Chinese, and both languages within 80 columns (issue 13),
 * through the built binary (npm run build first).
 *
 * What is checked, against what: the widths with string-width (the library ink measures with, not
 * src/text-width.ts); the typography with the zh checker the practice banks use (clreq 3.1); the words
 * against the terms of Chinese textbooks (谢希仁《计算机网络》, the translations of Kurose & Ross and of
 * Stevens), listed here per event kind from RFC 5681 / 6582 / 9293 and not read from the catalogue; the
 * numbers of each zh and en table row against the JSON rounds, which this change leaves as they were
 * (the JSON is compared between the languages and with the English text of its notes and failures).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { zhFindings } from '../practice/zh-text.js';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/netkata.js');
const dir = mkdtempSync(join(tmpdir(), 'netkata-window-zh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function netkata(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SCENARIOS = readdirSync(join(root, 'scenarios/window')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
const HAN = /[\u3400-\u9fff]/;

/**
 * Latin words that may stay in zh text: the symbols textbooks print as they are (cwnd, ssthresh, rwnd,
 * MSS, RFC), the variants' names, Linux, `recover` (RFC 6582's variable), and kernel names (a sysctl,
 * its value `cubic`, a kernel constant or function: anything with `_` or `.` in it).
 */
const KEPT = new Set(['cwnd', 'ssthresh', 'rwnd', 'MSS', 'RFC', 'Reno', 'NewReno', 'Tahoe', 'CUBIC', 'PRR', 'Linux', 'recover', 'cubic']);
const englishWords = (line: string): string[] => (line.match(/[A-Za-z][A-Za-z0-9_.]*/g) ?? []).filter((w) => !KEPT.has(w) && !/[_.]/.test(w));

/** Each event kind (the JSON's `events[].kind`) and the textbook term its zh text must use. */
const TERM: Record<string, RegExp> = {
  'fast-retransmit': /3 个重复确认：快重传/,
  'partial-ack': /部分确认/,
  'recovery-exit': /快恢复结束/,
  timeout: /超时重传/,
  'no-fast-retransmit': /不做快重传/,
  'dup-acks': /\d+ 个重复确认/,
  'zero-window': /零窗口.*持续计时器/,
  probe: /窗口探测/,
  'update-lost': /窗口更新丢失/,
  'window-update': /窗口更新/,
  done: /全部确认/,
  lost: /丢失 \d+ 个报文段/,
};
const PHASE_ZH: Record<string, string> = { 'slow-start': '慢开始', avoidance: '拥塞避免', recovery: '快恢复' };

interface Row { readonly nums: number[]; readonly phase: string; readonly text: string }

/** The table's rows: a line that starts with the round number, and the event lines wrapped under it. */
function tableRows(out: string): Row[] {
  const lines = out.split('\n');
  const head = lines.findIndex((l) => /^(round|轮次) /.test(l));
  const rows: Row[] = [];
  for (const l of lines.slice(head + 1)) {
    if (l === '') break;
    const m = /^(\d+) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) +(\S+)(.*)$/.exec(l);
    if (m) rows.push({ nums: m.slice(1, 7).map(Number), phase: m[7]!, text: m[8]!.trim() });
    else {
      expect(l, 'a wrapped event line starts under the event column').toMatch(/^ {20,}\S/);
      const last = rows.at(-1)!;
      // A break beside Chinese text or full-width punctuation took no space; between two words it took one.
      const next = l.trim();
      const tight = /[\u3400-\u9fff\uff00-\uffef]$/.test(last.text) || /^[\u3400-\u9fff\uff00-\uffef]/.test(next);
      rows[rows.length - 1] = { ...last, text: `${last.text}${tight ? '' : ' '}${next}` };
    }
  }
  return rows;
}

interface JsonRound { round: number; cwnd: number; ssthresh: number; rwnd: number; flight: number; sent: number; phase: string; events: { kind: string; ssthresh?: number; cwnd?: number; win?: number; seq?: number }[] }

const runs = SCENARIOS.flatMap((name) => (['rfc9293', 'linux'] as const).map((profile) => {
  const args = ['tcp', 'run', name, '--profile', profile];
  return { name, profile, en: netkata(['--lang', 'en', ...args]), zh: netkata(['--lang', 'zh', ...args]), json: netkata([...args, '--json']) };
}));

describe('tcp run <window scenario> under --lang zh', () => {
  it('covers every built-in window scenario', () => {
    expect(SCENARIOS).toEqual(expect.arrayContaining(['textbook-reno', 'zero-window-persist', 'reno-two-losses', 'newreno-two-losses', 'tahoe-three-dupacks', 'reno-three-dupacks']));
  });

  for (const r of runs) {
    describe(`${r.name} --profile ${r.profile}`, () => {
      const j = JSON.parse(r.json.stdout) as { title: string; rounds: JsonRound[]; notes: string[] };
      const zhLines = r.zh.stdout.split('\n');

      it('every line of both languages is at most 80 columns (string-width)', () => {
        for (const [lang, out] of [['en', r.en.stdout], ['zh', r.zh.stdout]] as const) {
          for (const l of out.split('\n')) expect(stringWidth(l), `${lang}: ${l}`).toBeLessThanOrEqual(80);
        }
      });

      it('has no English words but the kept symbols, and sets its punctuation full-width (clreq 3.1)', () => {
        const findings: string[] = [];
        for (const l of zhLines) {
          expect(englishWords(l), l).toEqual([]);
          // Columns and the legend's items are two or more spaces apart: check each piece of text.
          for (const piece of l.split(/ {2,}/)) if (HAN.test(piece)) for (const f of zhFindings(piece)) findings.push(`${f.rule}: ${f.at}`);
        }
        expect(findings).toEqual([]);
      });

      it('shows the zh title, the Chinese notes, heads, legend and verdict', () => {
        const file = parse(readFileSync(join(root, 'scenarios/window', `${r.name}.yaml`), 'utf8')) as { title: string; zh: { title: string } };
        const notesAt = zhLines.findIndex((l) => l.startsWith('拥塞控制：'));
        expect(zhLines.slice(0, notesAt).join('')).toBe(file.zh.title);
        const enLines = r.en.stdout.split('\n');
        expect(enLines.slice(0, enLines.findIndex((l) => l.startsWith('congestion control: '))).join(' ')).toBe(file.title);
        expect(r.zh.stdout).toMatch(/^拥塞控制：/m);
        expect(r.zh.stdout).toMatch(/^轮次 +cwnd +ssthresh +rwnd +\S+ +\S+ +阶段 +事件$/m);
        expect(r.zh.stdout).toMatch(/^cwnd.*ssthresh.*横轴：轮次.*纵轴：报文段$/m);
        expect(r.zh.stdout).toMatch(/^结束：/m);
        if (r.profile === 'linux') {
          // The four linux notes, each about what Linux does instead: CUBIC, IW 10, PRR, its probe.
          expect(zhLines.filter((l) => l.startsWith('Linux：'))).toHaveLength(4);
          expect(r.zh.stdout).toMatch(/CUBIC（RFC 9438/);
          expect(r.zh.stdout).toMatch(/初始窗口为 10 个报文段（RFC 6928/);
        }
      });

      it('the table rows carry the JSON rounds\' numbers in both languages, with the phase and events in textbook terms', () => {
        const en = tableRows(r.en.stdout);
        const zh = tableRows(r.zh.stdout);
        const want = j.rounds.map((x) => [x.round, x.cwnd, x.ssthresh, x.rwnd, x.flight, x.sent]);
        expect(en.map((x) => x.nums)).toEqual(want);
        expect(zh.map((x) => x.nums)).toEqual(want);
        expect(en.map((x) => x.phase)).toEqual(j.rounds.map((x) => x.phase));
        expect(zh.map((x) => x.phase)).toEqual(j.rounds.map((x) => PHASE_ZH[x.phase]));
        j.rounds.forEach((x, i) => {
          const text = zh[i]!.text;
          if (x.events.length === 0) expect(text).toBe('');
          for (const e of x.events) {
            expect(text, `round ${x.round} ${e.kind}`).toMatch(TERM[e.kind]!);
            // The numbers the event carries appear beside their symbols.
            if (e.kind === 'fast-retransmit' || e.kind === 'timeout') expect(text).toMatch(new RegExp(`ssthresh ${e.ssthresh}，cwnd ${e.cwnd}`));
            if (e.kind === 'window-update') expect(text).toContain(`rwnd ${e.win}`);
            if (e.kind === 'probe') expect(text).toContain(String(e.seq));
          }
        });
      });

      it('JSON is the same under zh (LANG or --lang) and keeps its English text', () => {
        // zh by the locale for one profile, by --lang for the other (each spawn costs a node start).
        const zh = r.profile === 'linux' ? netkata(['tcp', 'run', r.name, '--profile', r.profile, '--json'], { LANG: 'zh_CN.UTF-8' }) : netkata(['--lang', 'zh', 'tcp', 'run', r.name, '--profile', r.profile, '--json']);
        expect(zh.stdout).toBe(r.json.stdout);
        expect(j.notes.join('\n')).not.toMatch(HAN);
        expect(j.notes[0]).toMatch(/^congestion control: /);
        expect(j.title).not.toMatch(HAN);
      });
    });
  }

  it('a failed expectation: Chinese lines with the values, exit 1, the catalogue\'s runFailed on stderr; JSON failures stay English', () => {
    const f = join(dir, 'wrong.yaml');
    // RFC 5681 3.1 slow start from cwnd 1 with ssthresh 16: 1, 2, 4 in round 3.
    writeFileSync(f, 'kind: window\nname: wrong\ntitle: t\nzh: { title: "错误的预期" }\nssthresh: 16\nsend: { segments: 40 }\nexpect:\n  - { round: 3, cwnd: 8, phase: avoidance, event: timeout }\n  - { round: 99, cwnd: 1 }\n');
    const r = netkata(['--lang', 'zh', 'tcp', 'run', f]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('错误的预期');
    const fails = lines.filter((l) => l.startsWith('失败：'));
    expect(fails).toHaveLength(4);
    expect(fails[0]).toMatch(/^失败：第 3 轮：cwnd：期望 8，实际 4$/);
    expect(fails[1]).toMatch(/^失败：第 3 轮：阶段：期望拥塞避免，实际慢开始$/);
    expect(fails[2]).toMatch(/^失败：第 3 轮：没有超时重传事件/);
    expect(fails[3]).toMatch(/^失败：第 99 轮：/);
    expect(lines).toContain('结束：4 项检查未通过');
    for (const l of lines) {
      expect(englishWords(l), l).toEqual([]);
      expect(stringWidth(l)).toBeLessThanOrEqual(80);
      for (const piece of l.split(/ {2,}/)) if (HAN.test(piece)) expect(zhFindings(piece), piece).toEqual([]);
    }
    expect(r.stderr).toMatch(/4 项检查未通过/);
    const j = JSON.parse(netkata(['--lang', 'zh', 'tcp', 'run', f, '--json']).stdout);
    expect(j.failures).toEqual(JSON.parse(netkata(['tcp', 'run', f, '--json']).stdout).failures);
    expect(j.failures[0]).toBe('round 3: cwnd 4, expected 8');
  });

  it('a long run is sampled to 80 columns, its y labels included, and a bytes run\'s wider numbers still fit', () => {
    const long = join(dir, 'long.yaml');
    // 300 rounds of congestion avoidance: the old plot was 100 points plus its labels wide.
    writeFileSync(long, 'kind: window\nname: long\ntitle: long\niw: 2\nssthresh: 2\nbuffer: 100000\nsend: { segments: 100000 }\nrounds: 300\n');
    const bytes = join(dir, 'bytes.yaml');
    writeFileSync(bytes, 'kind: window\nname: bytes\ntitle: bytes\nunit: bytes\nmss: 1460\nssthresh: 65535\nbuffer: 10000000\nsend: { bytes: 3000000 }\nloss:\n  - timeout: 6\n  - dupacks: 9\nrounds: 14\n');
    for (const f of [long, bytes]) {
      for (const lang of ['en', 'zh']) {
        const r = netkata(['--lang', lang, 'tcp', 'run', f]);
        expect(r.code).toBe(0);
        const widest = Math.max(...r.stdout.split('\n').map((l) => stringWidth(l)));
        expect(widest, `${lang} ${f}`).toBeLessThanOrEqual(80);
        if (f === long) {
          // 80 columns less the 7-column labels, a space and the axis leave 71 points: every 5th of 300 rounds.
          const plot = r.stdout.split('\n').filter((l) => /^ +\d+ [┼┤]/.test(l));
          expect(plot.length).toBeGreaterThan(5);
          expect(Math.max(...plot.map((l) => stringWidth(l)))).toBe(7 + 2 + 300 / 5);
          expect(r.stdout).toMatch(lang === 'en' ? /x: round \(every 5th\)/ : /横轴：轮次（每 5 轮取一点）/);
        }
      }
    }
  });
});
