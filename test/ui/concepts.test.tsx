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
