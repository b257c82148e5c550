import { shownId } from '../../practice/question.js';
import { useMemo, useRef, useState } from 'react';
import { Box } from 'ink';
import { EMPTY_LINE, editLine, type Line } from '../components/edit-line.js';
import { hintRows, KeyHints, menuHints, type KeyHint } from '../components/KeyHints.js';
import { LineText } from '../components/LineInput.js';
import { clampTop, foldRows, RowScroll, scrollRoom, type Row, type Span } from '../components/RowScroll.js';
import { Menu } from '../components/Menu.js';
import { translate, type StringKey, type useT } from '../i18n/strings.js';
import type { Pool } from '../../practice/bank.js';
import { grade, verdictLines, type Verdict } from '../../practice/grade.js';
import { loadPool } from '../../practice/pool-files.js';
import { choiceLines } from '../../practice/present.js';
import { TOPICS, tr, type Question, type TopicSelection } from '../../practice/question.js';
import { reviewSession } from '../../practice/review.js';
import { buildSession } from '../../practice/session.js';
import { ProgressStore } from '../../practice/store.js';
import type { ScreenProps } from '../screen-props.js';
import { useTheme, type Theme } from '../theme.js';
import { useKeys } from '../use-keys.js';
import { useLatestState } from '../use-latest-state.js';
import { Paint } from '../components/Paint.js';

export interface PracticeScreenProps extends ScreenProps {
  /** Start on this topic instead of the topic menu. */
  readonly topic?: TopicSelection;
  /** Replay these questions; without it a fresh seed is drawn and weak topics come up more often. */
  readonly seed?: number;
  readonly count?: number;
  /** Where progress is kept (tests pass one in a temporary directory). */
  readonly store?: ProgressStore;
  /** The question pool (tests); default: the package's banks and TCP scenarios. */
  readonly pool?: Pool;
}

type Phase =
  | { readonly kind: 'pick' }
  /** `retry`: the last answer could not be read (not recorded); it is shown above the field. */
  | { readonly kind: 'ask'; readonly index: number; readonly retry?: Verdict }
  | { readonly kind: 'verdict'; readonly index: number; readonly verdict: Verdict }
  | { readonly kind: 'summary' };


/**
 * The package's banks and TCP scenarios, read once per process: loading runs every scenario up to its
 * ask steps, too slow to repeat on each visit to the screen. A pool that failed to load is not kept.
 */
let cachedPool: Pool | undefined;
function packagePool(): Pool {
  return (cachedPool ??= loadPool());
}

/**
 * Practice in the app: choose a topic, answer each question in a text field, see the verdict with its
 * working and explanation, and move on. Each answer is recorded in the progress store at once. The
 * screen only renders and forwards keys; grading, sessions and progress live in src/practice.
 */
export function PracticeScreen(props: PracticeScreenProps): React.JSX.Element {
  const { lang, onBack, width, height } = props;
  const theme = useTheme();
  const store = useMemo(() => {
    const s = props.store ?? new ProgressStore();
    s.load();
    return s;
  }, [props.store]);
  const [error, setError] = useState<string | undefined>(undefined);
  const pool = useMemo<Pool | undefined>(() => {
    try {
      return props.pool ?? packagePool();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return undefined;
    }
  }, [props.pool]);
  const [topic, setTopic] = useState<TopicSelection | undefined>(props.topic);
  const [round, setRound] = useState(0);
  // Read through getPhase in the key handler: a read like "25\r\r" answers and moves on in one go.
  const [phase, getPhase, setPhase] = useLatestState<Phase>(props.topic === undefined ? { kind: 'pick' } : { kind: 'ask', index: 0 });
  // The answer being typed; cleared whenever a question is asked (again).
  const [answer, getAnswer, setAnswer] = useLatestState<Line>(EMPTY_LINE);
  const [score, setScore] = useState({ answered: 0, correct: 0 });

  const session = useMemo(() => {
    if (pool === undefined || topic === undefined) return { seed: 0, questions: [] as Question[] };
    const seed = props.seed ?? Math.floor(Math.random() * 0x100000000);
    const count = props.count ?? 10;
    try {
      // A seed replays exactly; without one, what FSRS has due comes first.
      const questions = props.seed === undefined
        ? reviewSession(pool, store.current, { seed, count, topic }, store.now()).questions
        : buildSession(pool, { seed, count, topic });
      return { seed, questions };
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return { seed, questions: [] as Question[] };
    }
    // `round` draws a new session when the same topic is picked again.
  }, [pool, topic, round, props.seed, props.count, store]);

  const [cursor, setCursor] = useState(0);
  // ↑/↓ scroll the question and its verdict when they are taller than the screen; a new phase starts at the top.
  const [scroll, setScroll] = useState<{ readonly phase: Phase | undefined; readonly top: number }>({ phase: undefined, top: 0 });
  const maxTop = useRef(0);
  const topicChoices: readonly TopicSelection[] = ['all', ...TOPICS];
  // The screen's language is its prop (the app passes the same one as LangContext).
  const t = (key: StringKey): string => translate(lang, key);
  const l = {
    pick: t('practice.pick'), all: t('practice.all'), answer: t('practice.answer'), next: t('practice.next'), done: t('practice.done'),
    score: t('practice.score'), saved: t('practice.saved'), noPool: t('practice.noPool'), seed: t('practice.seed'),
  };
  const startTopic = (value: TopicSelection): void => {
    setTopic(value);
    setRound((r) => r + 1);
    setScore({ answered: 0, correct: 0 });
    setAnswer(EMPTY_LINE);
    setPhase({ kind: 'ask', index: 0 });
  };

  const submit = (index: number, value: string): void => {
    const q = session.questions[index];
    if (q === undefined) return;
    setAnswer(EMPTY_LINE);
    const verdict = grade(q, value);
    if (verdict.unreadable) {
      setPhase({ kind: 'ask', index, retry: verdict });
      return;
    }
    store.record(q, verdict.correct);
    try {
      store.save();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    setScore((s) => ({ answered: s.answered + 1, correct: s.correct + (verdict.correct ? 1 : 0) }));
    setPhase({ kind: 'verdict', index, verdict });
  };

  // The answer field takes its keys here, one by one (useKeys cuts a read like "25\r" into 2, 5 and
  // Enter), so a paste or `tmux send-keys 25 Enter` types the answer and submits it.
  useKeys((input, key) => {
    const phase = getPhase();
    if ((phase.kind === 'ask' || phase.kind === 'verdict') && (key.upArrow || key.downArrow)) {
      setScroll((sc) => {
        const top = sc.phase === phase ? sc.top : 0;
        return { phase, top: Math.max(0, Math.min(maxTop.current, top + (key.upArrow ? -1 : 1))) };
      });
      return;
    }
    if (phase.kind === 'ask' && !key.escape) {
      if (key.return) submit(phase.index, getAnswer().value);
      else {
        const next = editLine(getAnswer(), input, key);
        if (next !== undefined) setAnswer(next);
      }
      return;
    }
    if (phase.kind === 'pick' && (key.upArrow || key.downArrow)) {
      const n = topicChoices.length;
      setCursor((c) => (c + (key.upArrow ? n - 1 : 1)) % n);
      return;
    }
    if (phase.kind === 'pick' && key.return) {
      startTopic(topicChoices[cursor]!);
      return;
    }
    if (key.escape) {
      // Mid-session, Esc ends the session and shows the score so far; from the summary or the topic
      // menu it goes back.
      if (phase.kind === 'ask' || phase.kind === 'verdict') setPhase({ kind: 'summary' });
      else onBack();
      return;
    }
    if (!key.return) return;
    if (phase.kind === 'verdict') {
      const next = phase.index + 1;
      setAnswer(EMPTY_LINE);
      setPhase(next < session.questions.length ? { kind: 'ask', index: next } : { kind: 'summary' });
    } else if (phase.kind === 'summary') {
      setPhase({ kind: 'pick' });
    }
  });

  if (error !== undefined) return <Paint color={theme.error}>{error}</Paint>;
  if (pool === undefined) return <Paint color={theme.error}>{l.noPool}</Paint>;

  if (phase.kind === 'pick') {
    // The app's one menu style: `>` and colour on the selected row, ↑/↓ and Enter, hints below.
    // A topic by its name (as `netkata practice --topic` takes it) and what it covers, in the app's language.
    const items = topicChoices.map((v) => (v === 'all' ? { id: v, label: l.all, description: ' ' } : { id: v, label: v, description: t(`practice.topic.${v}`) }));
    return (
      <Box flexDirection="column">
        <Paint color={theme.title}>{l.pick}</Paint>
        <Menu items={items} selected={cursor} width={width} />
        <KeyHints hints={menuHints(t).filter((h) => h.keys !== '?' && h.keys !== 'q')} />
      </Box>
    );
  }

  if (phase.kind === 'summary') {
    const pct = score.answered === 0 ? 0 : Math.round((100 * score.correct) / score.answered);
    const line = lang === 'zh'
      ? `${l.score}：${score.correct}/${score.answered}（${pct}%）· ${l.saved}`
      : `${l.score}: ${score.correct}/${score.answered} (${pct}%) · ${l.saved}`;
    return (
      <Box flexDirection="column">
        <Paint color={theme.title}>{line}</Paint>
        <Paint color={theme.muted}>{l.done}</Paint>
      </Box>
    );
  }

  const q = session.questions[phase.index];
  if (q === undefined) return <Paint color={theme.error}>{l.noPool}</Paint>;
  const header = `[${phase.index + 1}/${session.questions.length}] ${q.topic} · ${shownId(q)} · ${l.seed} ${session.seed}`;
  // Everything but the answer field as the rows it takes at this width (src/fold.ts), scrolled by rows
  // with ↑/↓ when it is taller than the screen: left to ink, long lines wrapped and the frame's fixed
  // height made yoga shrink them, so their second rows vanished (a scenario's trace rows).
  const fold = (text: string, style: Omit<Span, 'text'> = {}, hang = 2): Row[] => foldRows(text, width, style, hang);
  const rows: Row[] = [
    ...fold(header, { color: theme.muted }),
    ...fold(tr(q.prompt, lang)),
    ...choiceLines(q, lang).flatMap((c) => fold(c, {}, 3)),
    ...(phase.kind === 'ask'
      ? (phase.retry ? verdictLines(phase.retry, lang) : []).flatMap((line) => fold(line, { color: theme.timer }))
      : verdictRows(phase.verdict, lang, l.next, theme, fold)),
  ];
  const hints = phase.kind === 'ask' ? answerHints(t) : verdictHints(t);
  const bodyHeight = Math.max(3, height - hintRows(hints, width) - (phase.kind === 'ask' ? 1 : 0));
  const room = scrollRoom(rows.length, bodyHeight);
  const first = clampTop(scroll.phase === phase ? scroll.top : 0, rows.length, room);
  maxTop.current = Math.max(0, rows.length - room);
  return (
    <Box flexDirection="column">
      <RowScroll rows={rows} first={first} height={bodyHeight} lang={lang} />
      {phase.kind === 'ask' ? (
          <Box flexShrink={0}>
          <Paint color={theme.current}>{'> '}</Paint>
          <LineText line={answer} focused placeholder={l.answer} />
          </Box>
      ) : null}
      <KeyHints hints={hints} />
    </Box>
  );
}

function answerHints(t: ReturnType<typeof useT>): KeyHint[] {
  return [{ keys: 'Enter', label: t('key.answer') }, { keys: 'Esc', label: t('key.scoreSoFar') }];
}
function verdictHints(t: ReturnType<typeof useT>): KeyHint[] {
  return [{ keys: 'Enter', label: t('key.nextQuestion') }, { keys: 'Esc', label: t('key.scoreSoFar') }];
}

/** The answer given, the verdict, its working and explanation, and what Enter does next, as rows. */
function verdictRows(verdict: Verdict, lang: 'en' | 'zh', hint: string, theme: Theme, fold: (text: string, style?: Omit<Span, 'text'>, hang?: number) => Row[]): Row[] {
  const [first, ...rest] = verdictLines(verdict, lang);
  return [
    ...fold(`> ${verdict.given}`),
    ...fold(first ?? '', { color: verdict.correct ? theme.ok : theme.error }),
    ...rest.flatMap((line) => fold(line, { color: theme.muted }, 4)),
    ...fold(hint, { color: theme.muted }),
  ];
}
