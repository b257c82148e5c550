import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = new URL('../../bin/netkata.js', import.meta.url).pathname;
const home = mkdtempSync(join(tmpdir(), 'netkata-practice-cli-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const env = { ...process.env, NETKATA_HOME: home, NO_COLOR: '1', LANG: 'C' };

interface Out { code: number | null; stdout: string; stderr: string }

function run(args: string[], input = ''): Promise<Out> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

interface Exam { seed: number; questions: { id: string; topic: string; prompt: string; answer: string; accepts: string[]; explanation: string; choices?: string[] }[] }

describe('netkata exam', () => {
  it('counts in the singular for one question (header and line mode)', async () => {
    const r = await run(['exam', '--seed', '7', '--count', '1']);
    expect(r.stdout).toMatch(/^Seed 7 · 1 question · topic all · /m);
    const [two] = await Promise.all([run(['exam', '--seed', '7', '--count', '2'])]);
    expect(two.stdout).toMatch(/^Seed 7 · 2 questions · /m);
  });

  it('gives the same questions for the same seed in two separate processes', async () => {
    const [a, b] = await Promise.all([run(['exam', '--seed', '7', '--json']), run(['exam', '--seed', '7', '--json'])]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const exam = JSON.parse(a.stdout) as Exam;
    expect(exam.seed).toBe(7);
    expect(exam.questions).toHaveLength(20);
    for (const q of exam.questions) {
      expect(Object.keys(q)).toEqual(expect.arrayContaining(['id', 'topic', 'prompt', 'answer', 'accepts', 'explanation']));
    }
    const other = JSON.parse((await run(['exam', '--seed', '8', '--json'])).stdout) as Exam;
    expect(other.questions.map((q) => q.prompt)).not.toEqual(exam.questions.map((q) => q.prompt));
  });

  it('prints Markdown with an answer key, in Chinese with --lang zh', async () => {
    const md = await run(['exam', '--seed', '3', '--count', '5', '--topic', 'subnet']);
    expect(md.stdout).toMatch(/^# netkata exam/);
    expect(md.stdout).toMatch(/## Answer key/);
    expect(md.stdout.match(/^\*\*\d+\.\*\*/gm)).toHaveLength(10);
    const zh = await run(['--lang', 'zh', 'exam', '--seed', '3', '--count', '5', '--topic', 'osi']);
    expect(zh.stdout).toMatch(/## 答案/);
  });

  it('rejects bad options with one line and exit 2', async () => {
    const cases = [['exam', '--topic', 'dns'], ['exam', '--count', 'x'], ['exam', '--seed', '-1'], ['practice', '--count', '0']];
    const results = await Promise.all(cases.map((args) => run(args)));
    for (const [i, args] of cases.entries()) {
      const r = results[i]!;
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^netkata: --\w+ /);
      expect(r.stdout).toBe('');
    }
  });
});

describe('netkata practice in line mode', () => {
  let cached: Exam | undefined;
  const exam = (): Exam => (cached ??= JSON.parse(spawnSync(process.execPath, [BIN, 'exam', '--seed', '11', '--count', '4', '--topic', 'subnet', '--json'], { env, encoding: 'utf8' }).stdout) as Exam);

  it('asks, grades, explains and sums up; the right answers from the exam key score 4/4', async () => {
    const key = exam().questions.map((q) => q.answer);
    const r = await run(['practice', '--seed', '11', '--count', '4', '--topic', 'subnet', '--check'], key.join('\n') + '\n');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/✓ correct/g)).toHaveLength(4);
    expect(r.stdout).toMatch(/Score: 4\/4 \(100%\)/);
    expect(r.stdout).toMatch(/replay with --seed 11/);
  });

  it('marks wrong answers with the expected answer and the working; --check exits 1, without it 0', async () => {
    // A readable answer that is certainly not the key: another choice, another prefix length, another
    // last octet, a 0/1 key flipped bit by bit; other kinds (a table) keep their key.
    const flip = (a: string, choices: readonly string[] | undefined): string => {
      if (choices) return choices.find((c) => c !== a) ?? a;
      if (/^\/\d+$/.test(a)) return `/${(Number(a.slice(1)) % 32) + 1}`;
      if (/^\d+\.\d+\.\d+\.\d+$/.test(a)) return a.replace(/\d+$/, (o) => String((Number(o) + 1) % 256));
      return /^[01.]+$/.test(a) ? a.replace(/[01]/g, (b) => (b === '0' ? '1' : '0')) : a;
    };
    const answers = exam().questions.map((q) => flip(q.answer, q.choices));
    const wrong = answers.filter((a, i) => a !== exam().questions[i]!.answer).length;
    expect(wrong).toBeGreaterThan(0);
    const plain = await run(['practice', '--seed', '11', '--count', '4', '--topic', 'subnet'], answers.join('\n') + '\n');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/✗ wrong: the answer is /);
    expect(plain.stdout).toContain(`Score: ${4 - wrong}/4`);
    const checked = await run(['practice', '--seed', '11', '--count', '4', '--topic', 'subnet', '--check'], answers.join('\n') + '\n');
    expect(checked.code).toBe(1);
    expect(checked.stderr).toBe(`netkata: ${wrong} of 4 answers wrong\n`);
  });

  it('an answer it cannot read is asked again and not counted', async () => {
    const key = exam().questions.map((q) => q.answer);
    const r = await run(['practice', '--seed', '11', '--count', '4', '--topic', 'subnet', '--check'], ['', 'nonsense', ...key].join('\n') + '\n');
    expect(r.code).toBe(0);
    expect(r.stdout.match(/could not read that answer/g)).toHaveLength(2);
    expect(r.stdout).toMatch(/Score: 4\/4 \(100%\)/);
  });

  it('ends cleanly at end of input (exit 1 under --check) and records progress on disk', async () => {
    const key = exam().questions.map((q) => q.answer);
    const r = await run(['practice', '--seed', '11', '--count', '4', '--topic', 'subnet'], `${key[0]}\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/End of input after 1 of 4 questions/);
    expect(r.stderr).toBe('');
    // A check is not passed by stopping early.
    const checked = await run(['practice', '--seed', '11', '--count', '4', '--topic', 'subnet', '--check'], `${key[0]}\n`);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toBe('netkata: input ended after 1 of 4 questions\n');
    const progress = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as { topics: Record<string, { answered: number }> };
    expect(progress.topics['subnet']!.answered).toBeGreaterThan(0);
    const stats = await run(['practice', '--stats']);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/^topic\s+answered\s+accuracy/);
    expect(stats.stdout).toMatch(/^subnet\s+\d+\s+\d+%/m);
    expect(stats.stdout).toMatch(/^Schedule \(FSRS\):$/m);
    const json = await run(['practice', '--stats', '--json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as { now: string; topics: { topic: string; answered: number }[]; schedule: { kind: string; due: string }[] };
    expect(doc.topics.find((t) => t.topic === 'subnet')!.answered).toBe(progress.topics['subnet']!.answered);
    // The one answer recorded above is on the schedule under its generator's name.
    expect(doc.schedule.map((c) => c.kind)).toContain(exam().questions[0]!.id.split('@')[0]);
    const alone = await run(['practice', '--json']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/^netkata: --json: /);
  });

  it('practice --help and exam --help mention --lang', async () => {
    for (const cmd of ['practice', 'exam']) {
      const r = await run([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/--lang en\|zh/);
    }
  });
});
