import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { t } from '../text.js';
import type { Messages } from '../../i18n/en/index.js';
import { EXAM_COUNT, examAction, randomSeed, sessionOptions, TOPIC_LIST, type ExamOpts } from './exam.js';

// `netkata practice` and `netkata exam` (CLI.md "Practice"). Everything heavy (yaml, zod banks, the
// simulator, ink) is imported inside the actions.

interface PracticeOpts {
  topic?: string;
  seed?: string;
  count?: string;
  lang?: string;
  check?: boolean;
  stats?: boolean;
  json?: boolean;
}

export function registerPracticeCommands(program: Command, h: Messages['help']): void {
  // --lang is the program's option (the app uses it too); each command's help says it applies here.
  const langHelp = `\n${h.practice.lang}\n`;
  program
    .command('practice')
    .description(h.practice.description)
    .option('--topic <topic>', h.practice.topic(TOPIC_LIST), 'all')
    .option('--seed <n>', h.practice.seed)
    .option('--count <n>', h.practice.count, '10')
    .option('--check', h.practice.check)
    .option('--stats', h.practice.stats)
    .option('--json', h.practice.json)
    .addHelpText('after', langHelp)
    .action(async (opts: PracticeOpts, cmd: Command) => {
      const lang = cmd.optsWithGlobals()['lang'] as string | undefined;
      await practiceAction({ ...opts, ...(lang === undefined ? {} : { lang }) });
    });

  program
    .command('exam')
    .description(h.exam.description)
    .option('--seed <n>', h.exam.seed)
    .option('--count <n>', h.practice.count, EXAM_COUNT)
    .option('--topic <topic>', h.practice.topic(TOPIC_LIST), 'all')
    .option('--json', h.exam.json)
    .addHelpText('after', langHelp)
    .action(async (opts: ExamOpts, cmd: Command) => {
      const lang = cmd.optsWithGlobals()['lang'] as string | undefined;
      await examAction({ ...opts, ...(lang === undefined ? {} : { lang }) }, async (warn, topic) => {
        const { loadPoolAsync } = await import('../../practice/pool-load.js');
        return loadPoolAsync(warn, topic);
      });
    });
}

async function practiceAction(opts: PracticeOpts): Promise<void> {
  const { topic, seed: given, count, lang } = await sessionOptions(opts, '10');
  const { ProgressStore } = await import('../../practice/store.js');
  const { writeOut, writeWarning: warn, CheckFailed } = await import('../io.js');
  const store = new ProgressStore(undefined, warn);
  const progress = store.load();

  if (opts.json && !opts.stats) throw new InputError(t().cli.jsonOnlyWithStats, '--json');
  if (opts.stats) {
    const { statsJson, statsText } = await import('../../practice/stats-text.js');
    if (opts.json) {
      const { writeJson } = await import('../io.js');
      writeJson(statsJson(progress, new Date()));
    } else {
      writeOut(statsText(progress, lang, new Date()));
    }
    return;
  }

  const { loadPoolAsync } = await import('../../practice/pool-load.js');
  if (process.stdin.isTTY && process.stdout.isTTY && !opts.check) {
    // The screen draws its own session (and a new one each time a topic is picked after the summary),
    // so it gets the whole pool, loaded here so that warnings reach stderr before ink takes the
    // terminal; it gets a seed only when one was asked for: without one it weights weak topics.
    const pool = await loadPoolAsync(warn, 'all');
    const { runPracticeApp } = await import('../../ui/practice/run.js');
    await runPracticeApp({ lang, topic, count, store, pool, ...(given === undefined ? {} : { seed: given }) });
    return;
  }

  const { buildSession } = await import('../../practice/session.js');
  const { reviewSession } = await import('../../practice/review.js');
  const pool = await loadPoolAsync(warn, topic);
  const seed = given ?? randomSeed();
  // An explicit seed replays exactly; without one, what FSRS has due comes first.
  const { questions, due } = given === undefined
    ? reviewSession(pool, progress, { seed, count, topic }, new Date())
    : { questions: buildSession(pool, { seed, count, topic }), due: 0 };

  const { runLineMode } = await import('../../practice/line-mode.js');
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const zh = lang === 'zh';
  writeOut(zh ? `netkata 练习：${questions.length} 题，主题 ${topic}，种子 ${seed}（用 --seed ${seed} 重现）\n` : `netkata practice: ${questions.length} question${questions.length === 1 ? '' : 's'}, topic ${topic}, seed ${seed} (replay with --seed ${seed})\n`);
  if (due > 0) writeOut(zh ? `其中前 ${due} 题是到期复习的题。\n` : `The first ${due} ${due === 1 ? 'is' : 'are'} due for review.\n`);
  const result = await runLineMode(questions, lines, writeOut, lang, (q, correct) => {
    store.record(q, correct);
    store.save();
  });
  rl.close();
  if (result.answered > 0) writeOut(zh ? `进度已保存：${store.path}` : `Progress saved to ${store.path}`);
  const wrong = result.answered - result.correct;
  if (opts.check && wrong > 0) throw new CheckFailed(t().cli.wrongAnswers({ wrong, answered: result.answered }));
  // A check is passed only by answering every question: input that ends early is not a pass.
  if (opts.check && result.ended) throw new CheckFailed(t().cli.inputEnded({ answered: result.answered, asked: result.asked }));
}
