import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Question, Topic } from '../../src/practice/question.js';
import { record, stats, EMPTY } from '../../src/practice/schedule.js';
import { dataDir, ProgressStore } from '../../src/practice/store.js';

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'netkata-store-'));
  dirs.push(d);
  return d;
}
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('where progress lives', () => {
  it('NETKATA_HOME, else $XDG_DATA_HOME/netkata, else ~/.local/share/netkata (a relative XDG path is ignored)', () => {
    expect(dataDir({ NETKATA_HOME: '/x', XDG_DATA_HOME: '/y' })).toBe('/x');
    expect(dataDir({ XDG_DATA_HOME: '/y' })).toBe('/y/netkata');
    expect(dataDir({ XDG_DATA_HOME: 'rel', HOME: '/h' })).toMatch(/\.local\/share\/netkata$/);
  });
});

/** A minimal question of one topic: the store only needs its id, topic and source. */
const question = (topic: Topic, id = `${topic}/q`): Question => ({
  id, topic, source: `bank:${topic}`, prompt: { en: 'p', zh: 'p' }, answer: { en: 'a', zh: 'a' }, accepts: [],
  check: { kind: 'text' }, explanation: { en: 'e', zh: 'e' }, working: { en: '', zh: '' },
});

describe('per-topic counts beside the FSRS cards', () => {
  it('answered, correct, accuracy, streaks and recent results per topic', () => {
    const at = new Date(0);
    let p = record(EMPTY, question('tcp'), true, at);
    p = record(p, question('tcp'), true, at);
    p = record(p, question('tcp'), false, at);
    const row = stats(p, at).find((r) => r.topic === 'tcp')!;
    expect(row).toMatchObject({ answered: 3, correct: 2, accuracy: 67, streak: 0, bestStreak: 2, recent: '110' });
  });
});

describe('the progress file', () => {
  it('round-trips through the store', () => {
    const dir = tmp();
    const s = new ProgressStore(dir);
    s.load();
    s.record(question('ipv6'), true);
    s.save();
    expect(new ProgressStore(dir).load().topics.ipv6!.correct).toBe(1);
    expect(new ProgressStore(dir).load().kinds['ipv6/q']!.card.reps).toBe(1);
  });

  it('a corrupt file is set aside with a warning and practice goes on from empty progress', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'progress.json'), '{"version": 1, "topics": {"subnet": {"box": 9');
    const warnings: string[] = [];
    const s = new ProgressStore(dir, (m) => warnings.push(m.text));
    expect(s.load()).toEqual(EMPTY);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/set aside/);
    const aside = readdirSync(dir).filter((n) => n.startsWith('progress.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toMatch(/"box": 9/);
    s.record(question('subnet'), true);
    s.save();
    expect(new ProgressStore(dir).load().topics.subnet!.answered).toBe(1);
  });

  it('a file with the wrong shape counts as corrupt too', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'progress.json'), '{"version": 3}');
    const warnings: string[] = [];
    expect(new ProgressStore(dir, (m) => warnings.push(m.text)).load()).toEqual(EMPTY);
    expect(warnings).toHaveLength(1);
    expect(existsSync(join(dir, 'progress.json'))).toBe(false);
  });

  it('SIGKILL during a stream of writes leaves a readable file (atomic rename)', async () => {
    const dir = tmp();
    const store = new URL('../../dist/practice/store.js', import.meta.url).href;
    // The child rewrites the file as fast as it can with a growing record and reports each write.
    const script = `
      import { ProgressStore } from ${JSON.stringify(store)};
      const s = new ProgressStore(${JSON.stringify(dir)});
      s.load();
      const q = (topic) => ({ id: topic + '/q', topic, source: 'bank:' + topic, prompt: { en: 'p', zh: 'p' } });
      for (let i = 0; ; i++) { s.record(q(i % 2 ? 'tcp' : 'subnet'), i % 3 !== 0); s.save(); process.stdout.write('w\\n'); }
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => {
      let writes = 0;
      child.stdout.on('data', (d: Buffer) => {
        writes += d.toString().split('\n').length - 1;
        if (writes >= 200 && !child.killed) { child.kill('SIGKILL'); resolve(); }
      });
    });
    await new Promise((r) => child.on('close', r));
    const warnings: string[] = [];
    const p = new ProgressStore(dir, (m) => warnings.push(m.text)).load();
    expect(warnings).toEqual([]);
    expect((p.topics.subnet?.answered ?? 0) + (p.topics.tcp?.answered ?? 0)).toBeGreaterThanOrEqual(200);
    // The killed writer's temporary file, if any, is cleaned up by the next load.
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
