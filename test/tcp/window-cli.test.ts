/**
 * `netkata tcp run` on window scenarios through the built binary (npm run build first): the table and
 * the plot are printed, --json carries the same series, and bad input is one line with exit 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/netkata.js');
const dir = mkdtempSync(join(tmpdir(), 'netkata-window-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function netkata(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('netkata tcp run, window scenarios', () => {
  it('prints the per-round table and an asciichart plot; --json has the same series', () => {
    const r = netkata(['tcp', 'run', 'textbook-reno']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^round +cwnd +ssthresh +rwnd +in flight +sent +phase +event$/m);
    // Round 13's events wrap under their column (80 columns, issue 13); joined they read as one cell.
    const row13 = /^13 +24 +16 +1000 +24 +24 +avoidance +(.*)\n((?: {20,}.*\n)*)/m.exec(r.stdout)!;
    expect([row13[1], ...row13[2]!.split('\n').map((l) => l.trim()).filter(Boolean)].join(' ')).toBe('24 lost; timeout: ssthresh 12, cwnd 1, slow start');
    for (const l of r.stdout.split('\n')) expect(l.length, l).toBeLessThanOrEqual(80);
    expect(r.stdout).toMatch(/^ +24 ┼/m); // asciichart's axis, one row per segment
    const j = JSON.parse(netkata(['tcp', 'run', 'textbook-reno', '--json']).stdout);
    const table = [...r.stdout.matchAll(/^(\d+) +(\d+) +(\d+) /gm)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3])]);
    expect(table.map((t) => t[1])).toEqual(j.series.cwnd);
    expect(table.map((t) => t[2])).toEqual(j.series.ssthresh);
    expect(j.rounds[12]).toMatchObject({ round: 13, cwnd: 24, flight: 24 });
  });

  it('--profile linux names what Linux does instead (CUBIC, IW10) and starts from 10 segments', () => {
    const r = netkata(['tcp', 'run', 'zero-window-persist', '--profile', 'linux', '--json']);
    const j = JSON.parse(r.stdout);
    expect(j.notes.join('\n')).toMatch(/CUBIC/);
    expect(j.notes.join('\n')).toMatch(/RFC 6928/);
    expect(j.rounds[0].cwnd).toBe(10);
  });

  it('a failed expectation exits 1 and names the round', () => {
    const f = join(dir, 'wrong.yaml');
    writeFileSync(f, 'kind: window\nname: wrong\ntitle: t\nssthresh: 16\nsend: { segments: 40 }\nexpect:\n  - { round: 3, cwnd: 8 }\n');
    const r = netkata(['tcp', 'run', f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL round 3: cwnd 4, expected 8/);
  });

  it('bad input: one line, exit 2', () => {
    const f = join(dir, 'bad.yaml');
    writeFileSync(f, 'kind: window\nname: bad\ntitle: t\nvariant: vegas\nsend: { segments: 3 }\n');
    const r = netkata(['tcp', 'run', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^netkata: ${f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:4: variant: .*tahoe.*\\n$`));
    expect(r.stdout).toBe('');
  });
});
