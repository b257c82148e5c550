import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import type { TcpScenario, TcpStep } from '../../scenario/tcp.js';
import { formatTime } from '../../tcp/ladder.js';
import { describeStep } from '../../tcp/simulation.js';
import { hintRows, KeyHints, type KeyHint } from '../components/KeyHints.js';
import { Paint } from '../components/Paint.js';
import { grade, verdictLines, type Verdict } from '../../practice/grade.js';
import { tr } from '../../practice/question.js';
import { askQuestions } from '../../practice/scenario-ask.js';
import { EMPTY_LINE, editLine, type Line } from '../components/edit-line.js';
import { LineText } from '../components/LineInput.js';
import { useLang, useT } from '../i18n/strings.js';
import { messages } from '../../i18n/index.js';
import { useTextEntry } from '../key-context.js';
import { displayWidth } from '../text-width.js';
import { useTheme } from '../theme.js';
import { useKeys } from '../use-keys.js';
import { useLatestState } from '../use-latest-state.js';
import { Ladder } from './Ladder.js';
import { SimSession, type SessionView } from './sim-session.js';
import { endpointTags, StateList } from './StateList.js';
import { TimerList } from './TimerList.js';

export interface SimulatorViewProps {
  readonly scenario: TcpScenario;
  readonly width: number;
  readonly height: number;
  readonly onBack: () => void;
  /** Wall-clock ms between steps while playing. */
  readonly playInterval?: number;
}

const PANEL_W = 21;

/**
 * Cut text to `room` terminal cells with an ellipsis. Ink's truncation can leave a line one cell too wide
 * when a CJK character straddles the edge, so the simulator's one-line texts are cut here first.
 */
function fitCells(text: string, room: number): string {
  if (displayWidth(text) <= room) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > room - 1) break;
    out += ch;
  }
  return room > 0 ? `${out}…` : '';
}

/** What the inject keys do to the selected endpoint. */
const INJECT: Readonly<Record<string, (ep: string) => TcpStep>> = {
  d: (ep) => ({ drop: { from: ep } }),
  c: (ep) => ({ close: ep }),
  a: (ep) => ({ abort: ep }),
  x: (ep) => ({ crash: ep }),
};

/**
 * A scenario on the simulator: step forward and back (back replays the run minus its last action),
 * play/pause, inject events, and see the ladder, both endpoints in the state list, and the timers.
 */
export function SimulatorView({ scenario, width, height, onBack, playInterval = 700 }: SimulatorViewProps): React.JSX.Element {
  const t = useT();
  const theme = useTheme();
  const session = useRef<SimSession | null>(null);
  if (session.current === null || session.current.scenario !== scenario) session.current = new SimSession(scenario);
  const [view, setView] = useState<SessionView>(() => session.current!.view());
  const [playing, isPlaying, setPlaying] = useLatestState(false);
  const [selected, getSelected, setSelected] = useLatestState(0);
  const [note, setNote] = useState<string | undefined>(undefined);

  const refresh = useCallback(() => setView(session.current!.view()), []);
  const awaitingAnswer = useRef(false); // an ask step waits for its answer: playing stops there
  const forward = useCallback((): boolean => {
    if (awaitingAnswer.current) return false;
    const moved = session.current!.forward();
    refresh();
    return moved;
  }, [refresh]);

  useEffect(() => {
    if (!playing) return undefined;
    const timer = setInterval(() => {
      // A pause can land before this effect's cleanup runs: check the latest value, not the render's.
      if (isPlaying() && !forward()) setPlaying(false);
    }, playInterval);
    return () => clearInterval(timer);
  }, [playing, isPlaying, setPlaying, forward, playInterval]);

  const names = view.snapshot.endpoints.map((e) => e.name);
  const actOn = names[selected % names.length]!;

  // A scenario's `ask` steps are asked here as practice asks them (the same questions and grading,
  // src/practice/scenario-ask.ts): the run waits at the step until an answer is given, then shows the verdict.
  const lang = useLang();
  const m = messages(lang).tcp;
  const questions = useMemo(() => new Map(askQuestions(scenario).map((q) => [Number(q.id.slice(q.id.lastIndexOf('#') + 1)) - 1, q])), [scenario]);
  const [answer, getAnswer, setAnswer] = useLatestState<Line>(EMPTY_LINE);
  const [verdicts, setVerdicts] = useState<ReadonlyMap<number, Verdict>>(new Map());
  const question = questions.get(view.snapshot.next);
  const verdict = verdicts.get(view.snapshot.next);
  const awaiting = question !== undefined && verdict === undefined;
  useTextEntry(awaiting);
  awaitingAnswer.current = awaiting;

  useKeys((input, key) => {
    if (awaiting && !key.escape) {
      if (key.return) {
        const at = view.snapshot.next;
        const v = grade(question, getAnswer().value);
        setVerdicts((m) => new Map(m).set(at, v));
        setAnswer(EMPTY_LINE);
        return;
      }
      const edited = editLine(getAnswer(), input, key);
      if (edited !== undefined) setAnswer(edited);
      return;
    }
    if (key.escape) {
      setPlaying(false);
      onBack();
    } else if (key.rightArrow || input === 'n') {
      setNote(undefined);
      if (!forward()) setNote(t('tcp.finished'));
    } else if (key.leftArrow || input === 'b') {
      setPlaying(false);
      setNote(undefined);
      session.current!.back();
      refresh();
    } else if (input === ' ') {
      setPlaying((p) => !p && session.current!.canForward());
    } else if (key.tab) {
      setSelected((s) => (s + 1) % names.length);
    } else if (input === 'r') {
      setPlaying(false);
      setNote(undefined);
      session.current!.restart();
      setVerdicts(new Map());
      refresh();
    } else if (INJECT[input] !== undefined) {
      const step = INJECT[input](names[getSelected() % names.length]!);
      session.current!.inject(step);
      setNote(`${t('tcp.injected')}${lang === 'zh' ? '：' : ': '}${describeStep(step, m)}`);
      refresh();
    }
  });

  const snap = view.snapshot;
  const tags = endpointTags(names);
  const nextStep = scenario.steps[snap.next];
  const failures = snap.failures;
  const hints: KeyHint[] = [
    { keys: '→ n', label: t('key.step') },
    { keys: '← b', label: t('key.stepBack') },
    { keys: 'Space', label: t('key.play') },
    // Each hint says what its key does: d c a x act on the selected endpoint (named here and underlined
    // in the states header), Tab selects the next one ("Tab act on client" read as a description).
    { keys: 'd c a x', label: `${t('tcp.inject.drop')}/${t('tcp.inject.close')}/${t('tcp.inject.abort')}/${t('tcp.inject.crash')} ${actOn}` },
    { keys: 'Tab', label: `${t('tcp.actOn')} ${names[(selected + 1) % names.length]!}` },
    { keys: 'r', label: t('key.restart') },
    { keys: 'Esc', label: t('key.back') },
  ];
  // `field`: the answer line, drawn as `> ` + the text with its cursor + `field` (the hint).
  const askLines: { text: string; color?: string | undefined; field?: string }[] = [];
  if (question !== undefined) {
    const spec = (nextStep as { ask: { prompt: string; zh?: { prompt: string } } }).ask;
    askLines.push({ text: lang === 'zh' ? `问：${spec.zh?.prompt ?? spec.prompt}` : `? ${spec.prompt}`, color: theme.title });
    (question.choices ?? []).forEach((c, i) => askLines.push({ text: `  ${String.fromCharCode(97 + i)}) ${tr(c, lang)}` }));
    if (verdict === undefined) {
      const hint = `  ${lang === 'zh' ? `（Enter ${t('tcp.answer')}）` : `(Enter ${t('tcp.answer')})`}`;
      askLines.push({ text: `> ${answer.value} ${hint}`, field: hint });
    }
    // The working is the ladder above: the verdict, its note and the explanation only.
    else verdictLines({ ...verdict, working: { en: '', zh: '' } }, lang).forEach((l, i) => askLines.push({ text: l, color: i === 0 ? (verdict.correct ? theme.ok : theme.error) : theme.muted }));
  }
  const askRows = askLines.reduce((n, l) => n + Math.max(1, Math.ceil(displayWidth(l.text) / Math.max(1, width))), 0);
  // A failed expectation wraps rather than being cut at the width: it names each field that differed.
  const failureText =
    failures.length > 0
      ? `✗ ${t('tcp.expectFailed')}${lang === 'zh' ? '：' : ': '}${failures.map((f) => `${m.field(f.field)} ${f.expected.replace(/; /g, m.ladder.failureJoin)}≠${f.actual.replace(/; /g, m.ladder.failureJoin)}`).join(m.ladder.failureJoin)}`
      : '';
  const statusRows = Math.max(1, Math.ceil(displayWidth(failureText) / Math.max(1, width)));
  const mainHeight = Math.max(4, height - 2 - statusRows - hintRows(hints, width) - askRows);
  const ladderWidth = Math.max(30, width - PANEL_W - 1);
  const timerRows = Math.max(1, mainHeight - 12 - 1);
  const [left, right] = names as [string, string];
  const playState = playing ? `▶ ${t('tcp.playing')}` : `❚❚ ${t('tcp.paused')}`;
  const position = ` · ${t('tcp.step')} ${view.stepsTaken}/${view.stepsTotal} · ${t('tcp.time')} ${formatTime(snap.now)} · `;
  const nextLabel = `${t('tcp.next')}${lang === 'zh' ? '：' : ': '}`;
  const nextText = nextStep !== undefined ? describeStep(nextStep, m) : t('tcp.finished');
  const last = view.last;
  const lastText =
    last === undefined
      ? ''
      : lang === 'zh'
        ? `   （${last.injected ? t('tcp.injected') : t('tcp.step')}：${describeStep(last.step, m)}）`
        : `   (${last.injected ? t('tcp.injected') : t('tcp.step')}: ${last.action})`;

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box flexShrink={0}>
        <Text wrap="truncate">
          <Paint color={playing ? theme.ok : theme.muted}>{playState}</Paint>
          <Text dimColor>{position}</Text>
          <Text bold>{fitCells(lang === 'zh' ? (scenario.titleZh ?? scenario.title) : scenario.title, width - displayWidth(playState + position))}</Text>
        </Text>
      </Box>
      <Box flexShrink={0}>
        <Text wrap="truncate">
          <Text dimColor>{nextLabel}</Text>
          {fitCells(nextText, width - displayWidth(nextLabel))}
          <Text dimColor>{fitCells(lastText, width - displayWidth(nextLabel) - displayWidth(nextText))}</Text>
        </Text>
      </Box>
      <Box height={mainHeight} flexShrink={0} overflow="hidden">
        {names.length >= 2 ? (
          <Ladder
            segments={snap.segments}
            left={left}
            right={right}
            width={ladderWidth}
            height={mainHeight}
            lostLabel={t('tcp.lost')}
            emptyLabel={t('tcp.noSegments')}
            timeLabel={t('tcp.time')}
            messages={m}
          />
        ) : null}
        <Box flexDirection="column" marginLeft={1} width={PANEL_W - 1} flexShrink={0}>
          <StateList title={t('tcp.states')} endpoints={snap.endpoints} selected={actOn} />
          <TimerList title={t('tcp.timers')} empty={t('tcp.noTimers')} timers={snap.timers} tags={tags} max={timerRows} messages={m} />
        </Box>
      </Box>
      {askLines.length > 0 ? (
        <Box flexDirection="column" flexShrink={0}>
          {askLines.map((l, i) => (
            l.field !== undefined ? (
              <Box key={i}>
                <Text>{'> '}</Text>
                <LineText line={answer} focused />
                <Text>{l.field}</Text>
              </Box>
            ) : (
              <Paint key={i} color={l.color}>
                {l.text}
              </Paint>
            )
          ))}
        </Box>
      ) : null}
      <Box height={statusRows} flexShrink={0}>
        {failures.length > 0 ? (
          <Paint color={theme.error}>{failureText}</Paint>
        ) : note !== undefined ? (
          <Paint color={theme.muted} wrap="truncate">
            {note}
          </Paint>
        ) : null}
      </Box>
      <KeyHints hints={hints} />
    </Box>
  );
}
