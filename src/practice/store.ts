/**
 * The one part of practice that touches the file system: the progress file and the bank files.
 *
 * Progress lives in `$NETKATA_HOME/progress.json`, else `$XDG_DATA_HOME/netkata/progress.json`, else
 * `~/.local/share/netkata/progress.json` (XDG Base Directory spec). Writes are atomic: the new content
 * goes to a temporary file in the same directory, is fsync'ed, then renamed over the old file (rename
 * within one file system is atomic on POSIX), and the directory is fsync'ed so the rename itself
 * survives a crash. A reader therefore sees the old file or the new one, never a torn mix, even if the
 * writer is killed with SIGKILL. A file that does not parse is renamed aside with a timestamp, a
 * warning is given, and practice starts from empty progress.
 */
import { reason, type Reason } from '../errors.js';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { TOPICS, type Question, type Topic } from './question.js';
import { EMPTY, record, type Progress, type TopicCounts } from './schedule.js';

export const PROGRESS_FILE = 'progress.json';

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  const own = env['NETKATA_HOME'];
  if (own !== undefined && own !== '') return own;
  const xdg = env['XDG_DATA_HOME'];
  // The spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  if (xdg !== undefined && xdg.startsWith('/')) return join(xdg, 'netkata');
  return join(homedir(), '.local', 'share', 'netkata');
}

const countsSchema = z.object({
  answered: z.number().int().min(0),
  correct: z.number().int().min(0),
  streak: z.number().int().min(0),
  bestStreak: z.number().int().min(0),
  recent: z.string().regex(/^[01]*$/),
  last: z.string(),
});

const topicsSchema = <T extends z.ZodType>(entry: T) => z.record(z.string(), entry).transform((r) => {
  const out: Partial<Record<Topic, z.output<T>>> = {};
  for (const [k, v] of Object.entries(r)) if ((TOPICS as readonly string[]).includes(k)) out[k as Topic] = v;
  return out;
});

const isoDate = z.string().refine((t) => !Number.isNaN(Date.parse(t)), 'an ISO date');

const cardSchema = z.object({
  due: isoDate,
  stability: z.number().min(0),
  difficulty: z.number().min(0),
  elapsed_days: z.number().min(0),
  scheduled_days: z.number().min(0),
  learning_steps: z.number().int().min(0),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
  state: z.number().int().min(0).max(3),
  last_review: isoDate.optional(),
});

const topicName = z.string().refine((t): t is Topic => (TOPICS as readonly string[]).includes(t));

const progressV2 = z.object({
  version: z.literal(2),
  topics: topicsSchema(countsSchema),
  kinds: z.record(z.string(), z.object({ topic: topicName, card: cardSchema })),
  missed: z.record(z.string(), z.object({ topic: topicName, kind: z.string(), prompt: z.string(), card: cardSchema })),
});

/**
 * Version 1 kept a Leitner box per topic beside the same counts. The counts, streaks and recent
 * results carry over unchanged; the box has no FSRS equivalent (it knew topics, not question kinds),
 * so each kind starts as a new FSRS card the first time it is asked.
 */
const progressV1 = z.object({
  version: z.literal(1),
  topics: topicsSchema(countsSchema.extend({ box: z.number().int().min(1).max(5) })),
}).transform((v1): Progress => {
  const topics: Partial<Record<Topic, TopicCounts>> = {};
  for (const [t, { box: _box, ...counts }] of Object.entries(v1.topics)) topics[t as Topic] = counts;
  return { ...EMPTY, topics };
});

const progressSchema = z.union([progressV2, progressV1]);

/** Write `data` to `path` so that readers only ever see the old or the new content. */
export function writeFileAtomic(path: string, data: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${PROGRESS_FILE}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  try {
    const dfd = openSync(dir, 'r');
    try { fsyncSync(dfd); } finally { closeSync(dfd); }
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic.
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class ProgressStore {
  readonly path: string;
  private progress: Progress = EMPTY;
  constructor(
    readonly dir: string = dataDir(),
    private readonly warn: (why: Reason) => void = () => {},
    readonly now: () => Date = () => new Date(),
  ) {
    this.path = join(dir, PROGRESS_FILE);
  }

  load(): Progress {
    this.removeStaleTemps();
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return (this.progress = EMPTY);
      throw e;
    }
    let parsed: Progress | undefined;
    let version: unknown;
    try {
      const json: unknown = JSON.parse(text);
      version = (json as { version?: unknown } | null)?.version;
      const r = progressSchema.safeParse(json);
      if (r.success) parsed = r.data as Progress;
    } catch {
      parsed = undefined;
    }
    if (parsed !== undefined && version === 1) {
      // The next save writes version 2; the version 1 file stays beside it, untouched, once.
      const kept = `${this.path}.v1`;
      if (!existsSync(kept)) copyFileSync(this.path, kept);
    }
    if (parsed === undefined) {
      const aside = `${this.path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(this.path, aside);
      this.warn(reason('progressUnreadable', { path: this.path, aside }));
      return (this.progress = EMPTY);
    }
    return (this.progress = parsed);
  }

  get current(): Progress {
    return this.progress;
  }

  /** `now` is the clock (tests pass a fixed one); an answer is recorded at `now()`. */
  record(q: Question, correct: boolean, at: Date = this.now()): Progress {
    this.progress = record(this.progress, q, correct, at);
    return this.progress;
  }

  save(): void {
    writeFileAtomic(this.path, JSON.stringify(this.progress, null, 2) + '\n');
  }

  /** Temp files left by a writer that was killed mid-write (its pid is gone). */
  private removeStaleTemps(): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const n of names) {
      const m = /^\.progress\.json\.(\d+)\.\d+\.tmp$/.exec(n);
      if (m && Number(m[1]) !== process.pid && !pidAlive(Number(m[1]))) {
        try { unlinkSync(join(this.dir, n)); } catch { /* already gone */ }
      }
    }
  }
}

export { readScenarioFiles, scenariosDir, type SourceFile } from './source-files.js';
