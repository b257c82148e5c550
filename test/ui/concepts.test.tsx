import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { CS_VS_BS, TCP_VS_UDP } from '../../src/ui/concepts/comparisons.js';
import { CLOSE, HANDSHAKE } from '../../src/ui/concepts/connection.js';
import { OSI_LAYERS, TCPIP_LAYERS } from '../../src/ui/concepts/layers.js';
import { SimSession } from '../../src/ui/tcp/sim-session.js';
import { KEY, renderApp, tick } from './helpers.js';

afterEach(() => cleanup());

describe('concepts screen', () => {
  it('shows the OSI 7 and TCP/IP 5 layer models in English', async () => {
    const app = renderApp({ screen: 'concepts' });
    await tick();
    const f = app.frame();
    expect(f).toContain('OSI 7 layers');
    expect(f).toContain('TCP/IP 5 layers');
    expect(f).toMatch(/7\s+Application\s+what programs ask/);
    expect(f).toMatch(/2\s+Data link\s+one link or LAN: Ethernet frames, MAC addresses/);
    expect(f).toMatch(/4\s+Transport\s+segment \/ datagram/);
  });

  it('shows the same models in Simplified Chinese', async () => {
    const app = renderApp({ screen: 'concepts', lang: 'zh' });
    await tick();
    const f = app.frame();
    expect(f).toContain('OSI 七层');
    expect(f).toContain('TCP/IP 五层');
    expect(f).toMatch(/3\s+网络层\s+跨网络的主机到主机/);
    await app.press(KEY.right);
    expect(app.frame()).toContain('字节流');
    await app.press(KEY.right);
    expect(app.frame()).toContain('浏览器');
  });

  it('explains the handshake step by step next to the live machine', async () => {
    const app = renderApp({ screen: 'concepts' });
    await tick();
    await app.press('4');
    let f = app.frame();
    expect(f).toContain('> before: server listens');
    expect(f).toMatch(/CLOSED\s+●\s*$/m); // client
    expect(f).toMatch(/LISTEN\s+●\s*$/m); // server (second column)
    await app.press('n');
    f = app.frame();
    expect(f).toContain('> 1. client → SYN');
    expect(f).toMatch(/SYN_SENT\s+●/);
    expect(f).toMatch(/C RTO\s+1000ms/);
    await app.press('n', 'n', 'n');
    f = app.frame();
    expect(f).toContain('> done: both ESTABLISHED');
    expect(f).toMatch(/ESTABLISHED\s+● ●/);
    await app.press('b');
    expect(app.frame()).toContain('> 3. client → ACK');
  });

  it('walks the close into TIME_WAIT with the 2MSL timer, then CLOSED', async () => {
    const app = renderApp({ screen: 'concepts' });
    await tick();
    await app.press('5');
    expect(app.frame()).toMatch(/ESTABLISHED\s+● ●/);
    await app.press('nnnnn'); // one read of five presses
    const f = app.frame();
    expect(f).toContain('> 4. client → ACK, TIME_WAIT');
    expect(f).toMatch(/TIME_WAIT\s+●/);
    expect(f).toMatch(/C 2MSL\s+60s/);
    await app.press('n', 'n');
    expect(app.frame()).toMatch(/CLOSED\s+● ●/);
  });
});

describe('concept data', () => {
  it('has every text in both languages and lessons that match the machine', () => {
    const texts = [
      ...OSI_LAYERS.flatMap((l) => [l.name, l.lives]),
      ...TCPIP_LAYERS.flatMap((l) => [l.name, l.pdu, l.lives]),
      ...[TCP_VS_UDP, CS_VS_BS].flatMap((c) => [c.note, ...c.rows.flatMap((r) => [r.aspect, r.a, r.b])]),
      ...[HANDSHAKE, CLOSE].flatMap((l) => l.steps.flatMap((s) => [s.title, s.text])),
    ];
    for (const t of texts) {
      expect(t.en.length).toBeGreaterThan(0);
      expect(t.zh).toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
    }
    expect(OSI_LAYERS.map((l) => l.n)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(TCPIP_LAYERS.map((l) => l.n)).toEqual([5, 4, 3, 2, 1]);
    // One explanation per state the lesson passes through: the run ends when the text does.
    for (const lesson of [HANDSHAKE, CLOSE]) {
      const s = new SimSession(lesson.scenario);
      for (let i = 0; i < lesson.setupSteps; i++) s.forward();
      let n = 1;
      while (s.forward()) n++;
      expect(n, lesson.id).toBe(lesson.steps.length);
    }
  });
});

describe('concepts at 80 columns', () => {
  it('wraps long layer rows instead of cutting them: every row can be read whole by scrolling', async () => {
    const app = renderApp({ screen: 'concepts' });
    await tick();
    // ink-testing-library's stream says 100 columns: narrow it to the classic 80 and tell ink and the app.
    Object.defineProperty(app.stdout, 'columns', { value: 80, configurable: true });
    app.stdout.emit('resize');
    await tick();
    const seen: string[] = [];
    for (let i = 0; i < 20; i++) {
      const f = app.frame();
      for (const line of f.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
      seen.push(f);
      await app.press(KEY.down);
    }
    const text = seen.join('\n').replace(/\s+/g, ' ');
    for (const l of [...OSI_LAYERS, ...TCPIP_LAYERS]) expect(text).toContain(l.lives.en.replace(/\s+/g, ' '));
  });
});

describe('concepts at 80x24: every table row reachable by scrolling', () => {
  const framesOf = async (topic: string): Promise<string[]> => {
    const app = renderApp({ screen: 'concepts' });
    await tick();
    Object.defineProperty(app.stdout, 'columns', { value: 80, configurable: true });
    Object.defineProperty(app.stdout, 'rows', { value: 24, configurable: true });
    app.stdout.emit('resize');
    await tick();
    await app.press(topic);
    const frames: string[] = [];
    for (let i = 0; i < 30; i++) {
      const f = app.frame();
      expect(f.split('\n').length).toBeLessThanOrEqual(24);
      for (const line of f.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
      frames.push(f);
      await app.press(KEY.down);
    }
    return frames;
  };
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  /** The frames with each run of rows joined, so a text folded over rows reads as one. */
  const flat = (frames: readonly string[]): string[] => frames.map((f) => f.replace(/\s+/g, ' '));

  it('Layers: each layer\'s number and name starts a row, and its whole description is shown', async () => {
    const frames = await framesOf('1');
    const text = flat(frames);
    for (const l of [...OSI_LAYERS, ...TCPIP_LAYERS]) {
      expect(frames.some((f) => new RegExp(`^${l.n}\\s+${esc(l.name.en)}\\s`, 'm').test(f)), `${l.n} ${l.name.en}`).toBe(true);
      // The description is the last column: its folded rows follow each other in a frame.
      expect(text.some((f) => f.includes(l.lives.en)), l.lives.en).toBe(true);
    }
    // Within each frame, a layer's row shown with the row after it is whole: no wrapped row of it vanished.
    // The columns as wide as their widest entry and two spaces (OSI's and TCP/IP's Physical rows differ there).
    const colW = (xs: readonly string[]): number => Math.max(...xs.map((x) => x.length)) + 2;
    const osiW = colW(OSI_LAYERS.map((l) => l.name.en));
    const tcpW = colW(TCPIP_LAYERS.map((l) => l.name.en));
    const pduW = colW(TCPIP_LAYERS.map((l) => l.pdu.en));
    const whole = [
      ...OSI_LAYERS.map((l) => ({ head: `${String(l.n).padEnd(3)}${l.name.en.padEnd(osiW)}`, text: `${l.n} ${l.name.en} ${l.lives.en}` })),
      ...TCPIP_LAYERS.map((l) => ({ head: `${String(l.n).padEnd(3)}${l.name.en.padEnd(tcpW)}${l.pdu.en.padEnd(pduW)}`, text: `${l.n} ${l.name.en} ${l.pdu.en} ${l.lives.en}` })),
    ];
    let checked = 0;
    for (const f of frames) {
      const lines = f.split('\n');
      for (const w of whole) {
        const i = lines.findIndex((l) => l.startsWith(w.head) && l[w.head.length] !== ' ');
        if (i < 0) continue;
        let j = i + 1;
        while (j < lines.length && /^ /.test(lines[j]!) && lines[j]!.trim() !== '' && !/rows \d+-\d+ of/.test(lines[j]!)) j++;
        if (j >= lines.length || /rows \d+-\d+ of/.test(lines[j]!)) continue; // cut by the bottom of the view
        expect(lines.slice(i, j).join(' ').replace(/\s+/g, ' ').trim(), `${f}`).toBe(w.text);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(whole.length);
    expect(frames.some((f) => /rows \d+-\d+ of \d+/.test(f))).toBe(true); // taller than the screen: the indicator says so
  });

  it('TCP vs UDP: the header row, and every row of both columns', async () => {
    const frames = await framesOf('2');
    const header = new RegExp(`^ +${esc(TCP_VS_UDP.a)} +${esc(TCP_VS_UDP.b)} *$`, 'm');
    const headRow = frames.map((f) => header.exec(f)?.[0]).find((h) => h !== undefined);
    expect(headRow).toBeDefined();
    // At the top, the header stands right above the first aspect (it was clipped there, shown only once scrolled).
    expect(frames[0]!.split('\n').findIndex((l) => l.startsWith(`${TCP_VS_UDP.rows[0]!.aspect.en} `)) - 1).toBe(frames[0]!.split('\n').findIndex((l) => header.test(l)));
    expect(frames[0]).toMatch(header);
    expect(frames.some((f) => /rows \d+-\d+ of \d+/.test(f))).toBe(true); // taller than the screen: the indicator says so
    // The columns start where their headers do.
    const aCol = headRow!.indexOf(TCP_VS_UDP.a);
    const bCol = headRow!.lastIndexOf(TCP_VS_UDP.b);
    for (const r of TCP_VS_UDP.rows) {
      // Read the columns apart: from each row of a frame that holds the aspect, the text under each header.
      const found = frames.some((f) => {
        const lines = f.split('\n');
        const head = lines.findIndex((l) => l.startsWith(`${r.aspect.en} `));
        if (head < 0) return false;
        const rows = [lines[head]!];
        for (let i = head + 1; i < lines.length && /^\s/.test(lines[i]!) && lines[i]!.trim() !== ''; i++) rows.push(lines[i]!);
        const colA = rows.map((l) => l.slice(aCol, bCol)).join(' ').replace(/\s+/g, ' ').trim();
        const colB = rows.map((l) => l.slice(bCol)).join(' ').replace(/\s+/g, ' ').trim();
        return colA === r.a.en && colB === r.b.en;
      });
      expect(found, r.aspect.en).toBe(true);
    }
    expect(flat(frames).some((f) => f.includes(TCP_VS_UDP.note.en))).toBe(true);
  });
});
