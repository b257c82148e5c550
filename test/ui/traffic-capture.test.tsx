/**
 * The app's capture screen on a capture made here: the simulator's own pcapng (gzipped) of RFC 9293's
 * three-way handshake and four-way close (scenarios/tcp/normal-close.yaml). Two sources the screen's
 * code does not share: the states each end must be in after each segment, written below from RFC 9293
 * (section 3.5 figure 6, section 3.6 figure 12: SYN_SENT, ..., FIN_WAIT_1, ..., TIME_WAIT), and
 * tshark's own reading of the same file (connections, addresses, flags, relative seq/ack, segment
 * counts), when tshark is installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { render } from 'ink-testing-library';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { parseTcpScenario } from '../../src/scenario/tcp.js';
import { toPcapng } from '../../src/tcp/pcap.js';
import { Simulation } from '../../src/tcp/simulation.js';
import { displayWidth } from '../../src/text-width.js';
import { LangContext } from '../../src/ui/i18n/strings.js';
import type { Lang } from '../../src/ui/screen-props.js';
import { themeFor, ThemeContext } from '../../src/ui/theme.js';
import { TrafficScreen } from '../../src/ui/traffic/TrafficScreen.js';
import { skipTitle } from '../helpers/skip-title.js';
import { KEY, renderApp, tick, withHelpers, type Rendered } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'netkata-capture-screen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => cleanup());

const scenarioFile = join(root, 'scenarios', 'tcp', 'normal-close.yaml');
const sim = new Simulation(parseTcpScenario(readFileSync(scenarioFile, 'utf8'), scenarioFile));
const file = join(dir, 'normal-close.pcapng.gz');
writeFileSync(file, gzipSync(toPcapng(sim.run().segments, sim.endpointNames())));

/**
 * RFC 9293: a (the client, active open and active close) and b (the listener) after each segment
 * reaches the other end: [a, b].
 */
const RFC: [string, string][] = [
  ['SYN_SENT', 'SYN_RECEIVED'], // SYN: a sent it (3.5), b took it in LISTEN
  ['ESTABLISHED', 'SYN_RECEIVED'], // SYN,ACK
  ['ESTABLISHED', 'ESTABLISHED'], // ACK: the handshake is done
  ['FIN_WAIT_1', 'CLOSE_WAIT'], // a's FIN (3.6: CLOSE in ESTABLISHED)
  ['FIN_WAIT_2', 'CLOSE_WAIT'], // b's ACK of it
  ['TIME_WAIT', 'LAST_ACK'], // b's FIN: a acknowledges and waits 2 MSL
  ['TIME_WAIT', 'CLOSED'], // a's ACK: b is done
];

interface Tshark {
  readonly stream: string;
  readonly src: string;
  readonly dst: string;
  readonly flags: string[];
  readonly seq: number;
  readonly ack: number;
}

// Looked up on PATH rather than run: a tshark start costs about a second (its dissectors load).
const hasTshark = (process.env.PATH ?? '').split(delimiter).some((d) => d !== '' && existsSync(join(d, 'tshark')));
/** tshark's fields of every frame (relative sequence numbers, its default). */
function tsharkFrames(): Tshark[] {
  const r = spawnSync('tshark', ['-r', file, '-T', 'fields', '-E', 'separator=/t', '-e', 'tcp.stream', '-e', 'ip.src', '-e', 'tcp.srcport', '-e', 'ip.dst', '-e', 'tcp.dstport', '-e', 'tcp.flags.syn', '-e', 'tcp.flags.ack', '-e', 'tcp.flags.fin', '-e', 'tcp.flags.reset', '-e', 'tcp.seq', '-e', 'tcp.ack'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim().split('\n').map((l) => {
    const [stream, ip, sport, dip, dport, syn, ack, fin, rst, seq, ackNo] = l.split('\t');
    const on = (v: string | undefined): boolean => v === '1' || v === 'True';
    const flags = [on(syn) && 'SYN', on(fin) && 'FIN', on(rst) && 'RST', on(ack) && 'ACK'].filter((f): f is string => f !== false);
    return { stream: stream!, src: `${ip}:${sport}`, dst: `${dip}:${dport}`, flags, seq: Number(seq), ack: Number(ackNo) };
  });
}

function screen(lang: Lang, width = 80, height = 22): Rendered {
  return withHelpers(render(
    <LangContext.Provider value={lang}>
      <ThemeContext.Provider value={themeFor({ NO_COLOR: '1' })}>
        <TrafficScreen lang={lang} width={width} height={height} onBack={() => {}} open="capture" />
      </ThemeContext.Provider>
    </LangContext.Provider>,
  ));
}

/** The file is read asynchronously: wait (a bounded number of turns) until the frame shows `what`. */
async function until(app: Rendered, what: RegExp | string): Promise<void> {
  for (let i = 0; i < 200 && !(typeof what === 'string' ? app.frame().includes(what) : what.test(app.frame())); i++) await tick();
  expect(app.frame()).toMatch(what);
}

/** The ladder's newest row: a's state, the arrow's label, b's state. */
function lastRow(frame: string): { a: string; b: string; flags: string[]; seq: number; ack: number | undefined } {
  const row = frame.split('\n').filter((l) => /[▶◀]/.test(l)).at(-1)!;
  const tokens = row.trim().split(/\s+/);
  const label = tokens.find((x) => /^[A-Z]+(,[A-Z]+)*$/.test(x) && x !== tokens[1] && x !== tokens.at(-1))!;
  const num = (k: string): number | undefined => {
    const m = new RegExp(`\\b${k}=(\\d+)`).exec(row);
    return m ? Number(m[1]) : undefined;
  };
  return { a: tokens[1]!, b: tokens.at(-1)!, flags: label.split(','), seq: num('seq')!, ack: num('ack') };
}

const within = (app: Rendered, width: number): void => {
  for (const l of app.frame().split('\n')) expect(displayWidth(l), l).toBeLessThanOrEqual(width);
};

describe('capture screen', () => {
  it('reads the summary and steps both ends through the handshake and the close as RFC 9293 has them, within 80 columns', async () => {
    const app = screen('en');
    await tick();
    await app.press(file, KEY.enter);
    await until(app, 'Pick a connection');
    within(app, 80);
    // The client ends in TIME_WAIT, the server in CLOSED: a four-way close (RFC 9293 3.6).
    expect(app.frame()).toContain('a TIME_WAIT, b CLOSED; ended: FIN');
    expect(app.frame()).toContain('7 segments (4 -> / 3 <-)');
    await app.press(KEY.enter);
    await until(app, 'before the first segment');
    for (let k = 1; k <= RFC.length; k++) {
      await app.press(k % 2 ? KEY.right : ' ');
      expect(app.frame()).toContain(`segment ${k} of 7`);
      const row = lastRow(app.frame());
      expect([row.a, row.b], `segment ${k}`).toEqual(RFC[k - 1]);
      within(app, 80);
    }
    // Back one, and the other end of the ladder: the newest row is the sixth again.
    await app.press(KEY.left);
    expect(app.frame()).toContain('segment 6 of 7');
    expect([lastRow(app.frame()).a, lastRow(app.frame()).b]).toEqual(RFC[5]);
    // Esc: back to the summary, then to the file.
    await app.press(KEY.escape);
    expect(app.frame()).toContain('Pick a connection');
  });

  it.skipIf(!hasTshark)(skipTitle('the connection, its addresses and every stepped segment\'s flags and relative seq/ack agree with tshark', !hasTshark, 'tshark is not installed'), async () => {
    const frames = tsharkFrames();
    expect(new Set(frames.map((f) => f.stream)).size).toBe(1);
    const app = screen('en', 120, 38);
    await tick();
    await app.press(file, KEY.enter);
    await until(app, 'Pick a connection');
    expect(app.frame()).toContain(`#0  ${frames[0]!.src} -> ${frames[0]!.dst}`);
    expect(app.frame().replace(/\n */g, ' ')).toContain(`${frames.length} frames, ${frames.length} TCP segments, 1 connection (linux profile)`);
    await app.press(KEY.enter);
    await until(app, 'before the first segment');
    for (const [i, f] of frames.entries()) {
      await app.press('n');
      const row = lastRow(app.frame());
      expect(row.flags.sort(), `frame ${i + 1}`).toEqual([...f.flags].sort());
      expect(row.seq, `frame ${i + 1} seq`).toBe(f.seq);
      if (f.flags.includes('ACK')) expect(row.ack, `frame ${i + 1} ack`).toBe(f.ack);
    }
    expect(app.frame()).toContain(`segment ${frames.length} of ${frames.length}`);
    within(app, 120);
  });

  it('netkata\'s own capture of a lost SYN: the summary counts it, its arrow ends in ✗ lost as the simulator draws one, and only the retransmitted SYN moves the server (RFC 9293 3.10.7.2)', async () => {
    const lostFile = join(root, 'scenarios', 'tcp', 'lost-syn.yaml');
    const lost = new Simulation(parseTcpScenario(readFileSync(lostFile, 'utf8'), lostFile));
    const pcap = join(dir, 'lost-syn.pcapng');
    writeFileSync(pcap, toPcapng(lost.run().segments, lost.endpointNames()));
    const app = screen('en');
    await tick();
    await app.press(pcap, KEY.enter);
    await until(app, 'Pick a connection');
    expect(app.frame()).toContain("1 segment dropped (netkata's capture comment): sent, never delivered");
    await app.press(KEY.enter);
    await until(app, 'before the first segment');
    await app.press(KEY.right);
    expect(app.frame()).toContain('segment 1 of 4');
    expect(app.frame()).toMatch(/^0ms +SYN_SENT +─+ SYN seq=0 ─+✗ lost$/m);
    await app.press(KEY.right);
    expect([lastRow(app.frame()).a, lastRow(app.frame()).b]).toEqual(['SYN_SENT', 'SYN_RECEIVED']);
    within(app, 80);
  });

  it('is the sixth area of the app\'s home menu; under zh its menu and help are Chinese', async () => {
    const app = renderApp({ lang: 'zh' });
    await tick();
    await app.press('6');
    expect(app.frame()).toContain('netkata › 真实流量');
    expect(app.frame()).toContain('> 打开抓包文件');
    expect(app.frame()).toContain('实时套接字');
    await app.press('?');
    expect(app.frame()).toContain('抓包：下一个报文段');
  });

  it('under zh: the summary and the steps in Chinese, state names as RFC 9293 writes them, within 80 columns', async () => {
    const app = screen('zh');
    await tick();
    await app.press(file, KEY.enter);
    await until(app, '选择一个连接');
    expect(app.frame()).toContain('a TIME_WAIT，b CLOSED；结束方式：FIN');
    expect(app.frame()).toContain('结束方式：FIN');
    within(app, 80);
    await app.press(KEY.enter);
    await until(app, '尚未到第一个报文段');
    for (let k = 1; k <= 4; k++) await app.press(KEY.right);
    expect(app.frame()).toContain('第 4 个报文段，共 7 个');
    expect([lastRow(app.frame()).a, lastRow(app.frame()).b]).toEqual(RFC[3]);
    within(app, 80);
  });

  it('thirty connections in 80x22: the list scrolls with its indicator, and the one picked is the one stepped', async () => {
    // Thirty clients each send a SYN to a closed port, answered by RST,ACK (RFC 9293 3.10.7.1: a SYN to CLOSED).
    const names = [...Array.from({ length: 30 }, (_, i) => `c${i}`), 'server'];
    const segs = names.slice(0, 30).flatMap((c, i) => [
      { at: i, from: c, to: 'server', flags: 'SYN', seq: 1000, ack: 0, len: 0 },
      { at: i + 0.5, from: 'server', to: c, flags: 'RST,ACK', seq: 0, ack: 1001, len: 0 },
    ]);
    const many = join(dir, 'many.pcapng');
    writeFileSync(many, toPcapng(segs, names));
    const app = screen('en');
    await tick();
    await app.press(many, KEY.enter);
    await until(app, 'Pick a connection');
    expect(app.frame()).toMatch(/^ ↓ rows 1-\d+ of 30$/m);
    within(app, 80);
    await app.press(KEY.up); // wraps to the last
    expect(app.frame()).toContain('> #29  127.0.0.30:40029 -> 127.0.0.31:40030');
    expect(app.frame()).toMatch(/↑  rows \d+-30 of 30/);
    expect(app.frame()).toContain('a CLOSED, b CLOSED; ended: RST');
    await app.press(KEY.enter);
    await until(app, '#29  a = 127.0.0.30:40029');
    await app.press(KEY.end);
    expect(app.frame()).toContain('segment 2 of 2');
  });

  it('a bad file is one line on the screen, in the chosen language, and the screen goes on', async () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a capture at all\n');
    const sub = join(dir, 'subdir');
    mkdirSync(sub);
    const cases: [Lang, string, RegExp][] = [
      ['en', text, /✗ .*notes\.txt: not a capture file \(neither pcap nor pcapng\)$/],
      ['en', sub, /✗ .*subdir: is a directory$/],
      ['zh', text, /✗ .*notes\.txt：不是抓包文件（既不是 pcap 也不是 pcapng）$/],
      ['zh', join(dir, 'missing.pcap'), /✗ .*missing\.pcap：文件不存在$/],
    ];
    for (const [lang, path, line] of cases) {
      const app = screen(lang);
      await tick();
      await app.press(path, KEY.enter);
      await until(app, '✗');
      const errors = app.frame().split('\n').filter((l) => l.includes('✗'));
      expect(errors, `${lang} ${path}`).toHaveLength(1);
      expect(errors[0]!.trimEnd()).toMatch(line);
      // Still the file prompt: type another path and it is read.
      await app.press(KEY.ctrlU, file, KEY.enter);
      await until(app, lang === 'en' ? 'Pick a connection' : '选择一个连接');
      cleanup();
    }
  });
});
