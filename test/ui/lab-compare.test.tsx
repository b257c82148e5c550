// The lab screen's `m`: the simulator's run beside the kernel's sequence, as `netkata lab <exp> --compare`
// prints it. The contract is the CLI's JSON: test/data/lab/*-compare.json are `netkata lab close
// --compare --json` and `netkata lab syn-sent --compare --json` as the built CLI wrote them on loopback
// here (a real kernel run each); the screen gets the report part and must show the `compare` part's
// sequences, in order, in both languages, within 80 columns.
import { readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import type { Comparison } from '../../src/lab/compare.js';
import type { LabReport } from '../../src/lab/runner.js';
import { LabScreen } from '../../src/ui/lab/LabScreen.js';
import { ThemeContext, themeFor } from '../../src/ui/theme.js';
import { render, settle } from '../helpers/settle.js';

afterEach(() => cleanup());

type CliJson = LabReport & { readonly compare: Comparison };
const fixture = (name: string): CliJson => JSON.parse(readFileSync(new URL(`../data/lab/${name}-compare.json`, import.meta.url), 'utf8')) as CliJson;

// RFC 9293 3.3.2's states, in the lab's spelling (underscores).
const RFC_STATES = new Set(['CLOSED', 'LISTEN', 'SYN_SENT', 'SYN_RECEIVED', 'ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSE_WAIT', 'CLOSING', 'LAST_ACK', 'TIME_WAIT']);

async function compareFrame(json: CliJson, lang: 'en' | 'zh', width: number, height: number): Promise<string[]> {
  const { compare: _compare, ...report } = json;
  const app = render(
    <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>
      <LabScreen lang={lang} onBack={() => {}} width={width} height={height} runExperiment={async () => report as LabReport} />
    </ThemeContext.Provider>,
  );
  await settle();
  app.stdin.write('\r');
  await settle();
  app.stdin.write('m');
  await settle();
  return stripVTControlCharacters(app.lastFrame() ?? '').split('\n');
}

/** The CLI's sequences in the order its text prints them: per connection, client kernel, simulated, then server's. */
function cliOrder(c: Comparison): string[] {
  return c.connections.flatMap((k) => [...k.kernel.client, ...k.simulated.client, ...k.kernel.server, ...k.simulated.server]);
}

describe('lab screen: the side-by-side compare (m)', () => {
  for (const name of ['close', 'syn-sent']) {
    const json = fixture(name);
    for (const lang of ['en', 'zh'] as const) {
      it(`${name}, ${lang}: shows every connection's kernel and simulated sequences of lab ${name} --compare --json, in 80 columns`, async () => {
        const lines = await compareFrame(json, lang, 80, 60);
        for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(80);
        const body = lines.slice(1).join(' ');
        const states = body.split(/[\s,，：:()（）]+/).filter((w) => RFC_STATES.has(w));
        expect(states).toEqual(cliOrder(json.compare));
        for (const k of json.compare.connections) expect(body).toContain(`${k.client} / ${k.server}`);
        if (lang === 'en') {
          const flat = body.replace(/\s+/g, ' ');
          for (const k of json.compare.connections) expect(flat).toContain(`${k.client} / ${k.server}: ${k.steps.join(', ')}`);
          expect(lines.some((l) => /^\s+client\S*\s+kernel\s+[A-Z(]/.test(l))).toBe(true);
        } else {
          expect(body).not.toContain('open client'); // the steps described in Chinese, as the zh report does
          expect(body).toContain('内核：');
          expect(body).toContain('模拟：');
        }
        if (json.compare.connections.some((k) => k.kernel.server.length === 0)) expect(body).toContain(lang === 'en' ? '(never in the table)' : '从未出现在表中');
      });
    }
  }

  it('the recorded close run is RFC 9293 figure 12 in the simulator (the fixture is a real close)', () => {
    const k = fixture('close').compare.connections[0]!;
    expect(k.simulated.client).toEqual(['CLOSED', 'SYN_SENT', 'ESTABLISHED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'TIME_WAIT']);
    expect(k.simulated.server).toEqual(['LISTEN', 'SYN_RECEIVED', 'ESTABLISHED', 'CLOSE_WAIT', 'LAST_ACK', 'CLOSED']);
  });

  it('fits 80x24 and 120x40 in both languages, with the shared scroll indicator when it is longer', async () => {
    for (const [w, h] of [[80, 24], [120, 40]] as const) {
      for (const lang of ['en', 'zh'] as const) {
        const lines = await compareFrame(fixture('syn-sent'), lang, w, h);
        expect(lines.length).toBeLessThanOrEqual(h);
        for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(w);
        cleanup();
      }
    }
    // Too long for the rows (80x12): the shared indicator says which rows show.
    for (const lang of ['en', 'zh'] as const) {
      const lines = await compareFrame(fixture('syn-sent'), lang, 80, 12);
      expect(lines.length).toBeLessThanOrEqual(12);
      expect(lines.some((l) => (lang === 'en' ? /↓ rows 1-\d+ of \d+/ : /↓ 第 1-\d+ 行，共 \d+ 行/).test(l))).toBe(true);
      cleanup();
    }
  });
});
