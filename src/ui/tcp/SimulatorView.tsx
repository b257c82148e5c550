import { useCallback, useEffect, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import type { TcpScenario, TcpStep } from '../../scenario/tcp.js';
import { formatTime } from '../../tcp/ladder.js';
import { describeStep } from '../../tcp/simulation.js';
import { hintRows, KeyHints, type KeyHint } from '../components/KeyHints.js';
import { Paint } from '../components/Paint.js';
import { useT } from '../i18n/strings.js';
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
  const forward = useCallback((): boolean => {
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

  useKeys((input, key) => {
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
      refresh();
    } else if (INJECT[input] !== undefined) {
      const step = INJECT[input](names[getSelected() % names.length]!);
      session.current!.inject(step);
      setNote(`${t('tcp.injected')}: ${describeStep(step)}`);
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
    { keys: 'd c a x', label: `${t('tcp.inject.drop')}/${t('tcp.inject.close')}/${t('tcp.inject.abort')}/${t('tcp.inject.crash')}` },
    { keys: 'Tab', label: `${t('tcp.actOn')} ${actOn}` },
    { keys: 'r', label: t('key.restart') },
    { keys: 'Esc', label: t('key.back') },
  ];
  const mainHeight = Math.max(8, height - 3 - hintRows(hints, width));
  const ladderWidth = Math.max(30, width - PANEL_W - 1);
  const timerRows = Math.max(1, mainHeight - 12 - 1);
  const [left, right] = names as [string, string];

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box flexShrink={0}>
        <Text wrap="truncate">
          <Paint color={playing ? theme.ok : theme.muted}>{playing ? `▶ ${t('tcp.playing')}` : `❚❚ ${t('tcp.paused')}`}</Paint>
          <Text dimColor>
            {' · '}
            {t('tcp.step')} {view.stepsTaken}/{view.stepsTotal} · {t('tcp.time')} {formatTime(snap.now)} ·{' '}
          </Text>
          <Text bold>{scenario.title}</Text>
        </Text>
      </Box>
      <Box flexShrink={0}>
        <Text wrap="truncate">
          <Text dimColor>{t('tcp.next')}: </Text>
          {nextStep !== undefined ? describeStep(nextStep) : t('tcp.finished')}
          <Text dimColor>
            {'   '}
            {view.last !== undefined ? `(${view.last.injected ? t('tcp.injected') : t('tcp.step')}: ${view.last.action})` : ''}
          </Text>
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
          />
        ) : null}
        <Box flexDirection="column" marginLeft={1} width={PANEL_W - 1} flexShrink={0}>
          <StateList title={t('tcp.states')} endpoints={snap.endpoints} selected={actOn} />
          <TimerList title={t('tcp.timers')} empty={t('tcp.noTimers')} timers={snap.timers} tags={tags} max={timerRows} />
        </Box>
      </Box>
      <Box height={1} flexShrink={0}>
        {failures.length > 0 ? (
          <Paint color={theme.error} wrap="truncate">
            ✗ {t('tcp.expectFailed')}: {failures.map((f) => `${f.field} ${f.expected}≠${f.actual}`).join('; ')}
          </Paint>
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
