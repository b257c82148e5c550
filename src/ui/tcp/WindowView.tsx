import { useMemo } from 'react';
import { Box, Text } from 'ink';
import { messages } from '../../i18n/index.js';
import type { WindowRun } from '../../tcp/window-run.js';
import { eventsCell, phaseText } from '../../tcp/window-text.js';
import { windowBar, windowPlot } from '../../cli/render/tcp-windows.js';
import { KeyHints } from '../components/KeyHints.js';
import { Paint } from '../components/Paint.js';
import { useLang } from '../i18n/strings.js';
import { useTheme } from '../theme.js';
import { useKeys } from '../use-keys.js';
import { useLatestState } from '../use-latest-state.js';

export interface WindowViewProps {
  readonly run: WindowRun;
  readonly width: number;
  readonly height: number;
  readonly onBack: () => void;
}

/**
 * A window scenario round by round: the numbers of the round, the sender's window over the sequence
 * space when it began (sent and acknowledged, sent and not acknowledged, usable, not yet allowed) and
 * the plot of cwnd and ssthresh up to it.
 */
export function WindowView({ run, width, height, onBack }: WindowViewProps): React.JSX.Element {
  const m = messages(useLang()).windows;
  const theme = useTheme();
  const [round, , setRound] = useLatestState(0);
  const last = run.rounds.length - 1;
  useKeys((input, key) => {
    if (key.escape) return onBack();
    if (key.rightArrow || input === ' ' || input === 'n') return setRound((r) => Math.min(last, r + 1));
    if (key.leftArrow || input === 'p') return setRound((r) => Math.max(0, r - 1));
    return undefined;
  });
  const row = run.rounds[round];
  const room = Math.max(0, height - 9);
  const barWidth = Math.max(10, width - 2);
  const bar = row ? windowBar(row, barWidth) : undefined;
  // The plot of the rounds so far: the same run cut at this round.
  const plot = useMemo(() => {
    const upTo = round + 1;
    const cut = { ...run, rounds: run.rounds.slice(0, upTo), series: { ...run.series, cwnd: run.series.cwnd.slice(0, upTo), ssthresh: run.series.ssthresh.slice(0, upTo) } };
    return windowPlot(cut, theme.color, Math.max(1, room - 2), m, width).split('\n');
  }, [run, round, room, theme.color, m, width]);
  const shownPlot = plot.length > room ? [] : plot;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold wrap="truncate">{run.title}</Text>
      {row ? (
        <>
          <Text wrap="truncate">
            {m.round(row.round, run.rounds.length)}  cwnd {row.cwnd}  ssthresh {row.ssthresh}  rwnd {row.rwnd}  {m.head.flight} {row.flight}  {phaseText(row.phase, m)}
          </Text>
          <Paint color={theme.muted} wrap="truncate">{m.sent(row.sent)}{row.events.length ? `  ${eventsCell(row.events, m)}` : ''}</Paint>
          <Text wrap="truncate">{m.bar(bar!.scale)}</Text>
          <Text wrap="truncate">
            <Paint color={theme.muted}>{'█'.repeat(bar!.acked)}</Paint>
            <Paint color={theme.sent}>{'▓'.repeat(bar!.unacked)}</Paint>
            <Paint color={theme.host}>{'░'.repeat(bar!.usable)}</Paint>
            <Paint color={theme.muted}>{'·'.repeat(bar!.blocked)}</Paint>
          </Text>
          <Text wrap="truncate">█ {m.sentAcked}  ▓ {m.sentUnacked}  ░ {m.usable}  · {m.notAllowed}</Text>
        </>
      ) : null}
      <Box flexDirection="column" flexGrow={1}>
        {shownPlot.length ? <Text dimColor>{m.plot}</Text> : null}
        {shownPlot.map((l, i) => <Text key={i} wrap="truncate">{l}</Text>)}
      </Box>
      <KeyHints hints={[{ keys: '→ n', label: m.next }, { keys: '← p', label: m.previous }, { keys: 'esc', label: m.back }]} />
    </Box>
  );
}
