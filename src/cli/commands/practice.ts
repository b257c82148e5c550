import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { t } from '../text.js';
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

// --lang is the program's option (the app uses it too); each command's help says it applies here.
const LANG_HELP = '\nLanguage: --lang en|zh (before or after the command; default from LC_ALL, LC_MESSAGES or LANG)\n';

export function registerPracticeCommands(program: Command): void {
  program
    .command('practice')
    .description('practise: seeded questions with verdicts, working and explanations; progress is saved')
    .option('--topic <topic>', `one of: ${TOPIC_LIST}`, 'all')
    .option('--seed <n>', 'replay exactly these questions (0-4294967295)')
    .option('--count <n>', 'number of questions', '10')
    .option('--check', 'line mode: exit 1 if any answer is wrong or input ends before the last question')
    .option('--stats', 'show accuracy, streaks and what is due when (FSRS) per topic, then exit')
    .option('--json', 'with --stats: one JSON document {now, topics, schedule}')
    .addHelpText('after', LANG_HELP)
    .action(async (opts: PracticeOpts, cmd: Command) => {
      const lang = cmd.optsWithGlobals()['lang'] as string | undefined;
      await practiceAction({ ...opts, ...(lang === undefined ? {} : { lang }) });
    });

  program
    .command('exam')
    .description('print an exam and its answer key (Markdown, or JSON with --json)')
    .option('--seed <n>', 'seed (a random one is chosen and printed when omitted)')
    .option('--count <n>', 'number of questions', EXAM_COUNT)
    .option('--topic <topic>', `one of: ${TOPIC_LIST}`, 'all')
    .option('--json', 'one JSON document: {seed, questions: [{id, topic, prompt, answer, accepts, explanation}]}')
    .addHelpText('after', LANG_HELP)
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
  const { writeOut, CheckFailed } = await import('../io.js');
  const warn = (m: string): void => { process.stderr.write(`netkata: warning: ${m}\n`); };
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
