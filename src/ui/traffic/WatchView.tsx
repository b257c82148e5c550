import { useState } from 'react';
import { Box, Text } from 'ink';
import { foldLine } from '../../fold.js';
import { parsePortNumber } from '../../addr/port.js';
import { messages, type Lang } from '../../i18n/index.js';
import type { ProcNetEntry } from '../../lab/procnet.js';
import { conformanceLines, countsText, transitionLine } from '../../watch/format.js';
import { EMPTY_LINE, editLine, type Line } from '../components/edit-line.js';
import { hintRows, KeyHints, type KeyHint } from '../components/KeyHints.js';
import { LineInput, lineInputRows } from '../components/LineInput.js';
import { Paint } from '../components/Paint.js';
import { translate } from '../i18n/strings.js';
import { scrollIndicator } from '../scroll-indicator.js';
import { useTheme } from '../theme.js';
import { useKeys } from '../use-keys.js';
import { useLatestState } from '../use-latest-state.js';
import { errorLine } from './error-line.js';
import { useWatch } from './use-watch.js';

export interface WatchViewProps {
  readonly lang: Lang;
  readonly width: number;
  readonly height: number;
  readonly onBack: () => void;
  /** The tables to read (tests); default /proc/net/tcp and tcp6. */
  readonly readTable?: () => ProcNetEntry[];
  readonly intervalMs?: number;
  /** Milliseconds of a monotonic clock (tests). */
  readonly now?: () => number;
}

/**
 * This machine's TCP sockets as `netkata watch` shows them: the transitions as they happen (newest at
 * the bottom, ↑/↓ to scroll back), the counts per state, the CLOSE_WAIT / TIME_WAIT warning and the
 * machine's verdict on every sequence. The port filter is typed on screen (digits only, so `q` and `?`
 * keep their meaning).
 */
export function WatchView({ lang, width, height, onBack, readTable, intervalMs = 500, now }: WatchViewProps): React.JSX.Element {
  const theme = useTheme();
  const t = (k: Parameters<typeof translate>[1]): string => translate(lang, k);
  const m = messages(lang).traffic;
  const w = messages(lang).watch;
  const [typed, getTyped, setTyped] = useLatestState<Line>(EMPTY_LINE);
  const [port, setPort] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  // Rows scrolled back from the newest (0: follow the tail).
  const [back, setBack] = useState(0);
  const feed = useWatch(port, intervalMs, readTable, now);

  useKeys((input, key) => {
    if (key.escape) return onBack();
    if (key.upArrow || input === 'k') return setBack((b) => b + 1);
    if (key.downArrow || input === 'j') return setBack((b) => Math.max(0, b - 1));
    if (key.return) {
      const text = getTyped().value.trim();
      try {
        setPort(text === '' ? undefined : parsePortNumber(text));
        setError(undefined);
        setBack(0);
      } catch (e) {
        setError(errorLine(e, lang, width - 2));
      }
      return;
    }
    // Only digits are typed (so `q` and `?` keep their meaning); keys that edit or move the cursor pass.
    if (!key.ctrl && input !== '' && !/^[0-9]+$/.test(input)) return;
    const next = editLine(getTyped(), input, key);
    if (next !== undefined) setTyped(next);
  });

  const fold = (line: string, hang = 4): string[] => foldLine(line, width, hang);
  const hints: KeyHint[] = [{ keys: '0-9 Enter', label: m.port }, { keys: '↑/↓', label: t('key.scroll') }, { keys: 'Esc', label: t('key.back') }];
  const head = [
    ...fold(`${feed.port === undefined ? m.every : m.onPort(feed.port)} · ${m.counts(countsText(feed.counts, w))}`),
    ...(error !== undefined ? fold(`✗ ${error}`) : []),
  ];
  const warnings = feed.pileUps.flatMap((p) => fold(w.pileUp(p.count, p.state), 2));
  const verdictAll = feed.conformance ? conformanceLines(feed.conformance, w, messages(lang).lab, '', width) : [];
  // The verdict gets at most a quarter of the screen; its first line says how many steps there are.
  const verdictRoom = Math.max(1, Math.floor(height / 4));
  const verdict = verdictAll.length > verdictRoom ? [...verdictAll.slice(0, verdictRoom - 1), '  …'] : verdictAll;
  const lines = feed.transitions.flatMap((tr) => transitionLine(tr, w));
  const fieldRows = lineInputRows(m.port, typed.value, m.portPrompt, width);
  const room = Math.max(1, height - fieldRows - head.length - warnings.length - verdict.length - 1 - hintRows(hints, width));
  const maxBack = Math.max(0, lines.length - room);
  if (back > maxBack) setBack(maxBack);
  const first = Math.max(0, lines.length - room - Math.min(back, maxBack));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <LineInput label={m.port} line={typed} focused placeholder={m.portPrompt} width={width} />
      {head.map((l, i) => <Text key={i} wrap="truncate"><Paint color={l.startsWith('✗') ? theme.error : undefined}>{l}</Paint></Text>)}
      {warnings.map((l, i) => <Text key={i} wrap="truncate"><Paint bold color={theme.error}>{l}</Paint></Text>)}
      {verdict.map((l, i) => <Text key={i} wrap="truncate"><Paint color={feed.conformance?.ok ? theme.ok : theme.error}>{l}</Paint></Text>)}
      <Box flexDirection="column" height={room} flexShrink={0}>
        {feed.unavailable ? <Paint color={theme.error}>{m.noProcNet}</Paint> : lines.length === 0 ? <Paint color={theme.muted}>{m.noTransition}</Paint> : null}
        {lines.slice(first, first + room).map((l, i) => <Text key={i} wrap="truncate">{l}</Text>)}
      </Box>
      <Paint color={theme.muted}>{scrollIndicator(first, room, lines.length, lang) || ' '}</Paint>
      <KeyHints hints={hints} />
    </Box>
  );
}
