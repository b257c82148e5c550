import { useRef, useState } from 'react';
import { useLatestState } from '../use-latest-state.js';
import { Box, Text } from 'ink';
import { Paint } from '../components/Paint.js';
import { useLang, useT } from '../i18n/strings.js';
import { SimSession } from '../tcp/sim-session.js';
import { endpointTags, StateList } from '../tcp/StateList.js';
import { TimerList } from '../tcp/TimerList.js';
import { useTheme } from '../theme.js';
import { useKeys } from '../use-keys.js';
import type { Lesson } from './connection.js';

export interface LessonViewProps {
  readonly lesson: Lesson;
  readonly width: number;
  readonly height: number;
}

const PANEL_W = 22;

/** A lesson's steps and the text for the current one, beside the live endpoint machine's states and timers. */
export function LessonView({ lesson, width, height }: LessonViewProps): React.JSX.Element {
  const t = useT();
  const lang = useLang();
  const theme = useTheme();
  const session = useRef<SimSession | null>(null);
  const fresh = (): SimSession => {
    const s = new SimSession(lesson.scenario);
    for (let i = 0; i < lesson.setupSteps; i++) s.forward();
    return s;
  };
  if (session.current === null) session.current = fresh();
  const [at, getAt, setAt] = useLatestState(0);
  const [view, setView] = useState(() => session.current!.view());

  useKeys((input) => {
    if (input === 'n' || input === ' ') {
      if (getAt() < lesson.steps.length - 1 && session.current!.forward()) {
        setAt(getAt() + 1);
        setView(session.current!.view());
      }
    } else if (input === 'b') {
      if (getAt() > 0) {
        session.current!.back();
        setAt(getAt() - 1);
        setView(session.current!.view());
      }
    } else if (input === 'r') {
      session.current = fresh();
      setAt(0);
      setView(session.current.view());
    }
  });

  const snap = view.snapshot;
  const step = lesson.steps[at]!;
  const textWidth = Math.max(30, width - PANEL_W - 2);
  return (
    <Box height={height}>
      <Box flexDirection="column" width={textWidth} flexShrink={0} marginRight={2}>
        {lesson.steps.map((s, i) => (
          <Paint key={i} color={i === at ? theme.current : undefined} bold={i === at} dimColor={i > at} wrap="truncate">
            {i === at ? '> ' : '  '}
            {s.title[lang]}
          </Paint>
        ))}
        <Box marginTop={1}>
          <Text wrap="wrap">{step.text[lang]}</Text>
        </Box>
      </Box>
      <Box flexDirection="column" width={PANEL_W} flexShrink={0}>
        <Text dimColor>
          {t('concepts.live')} · {t('concepts.now')}
        </Text>
        <StateList title={t('tcp.states')} endpoints={snap.endpoints} />
        <TimerList
          title={t('tcp.timers')}
          empty={t('tcp.noTimers')}
          timers={snap.timers}
          tags={endpointTags(snap.endpoints.map((e) => e.name))}
          max={Math.max(1, height - 15)}
        />
      </Box>
    </Box>
  );
}
