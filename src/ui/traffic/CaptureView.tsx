import { useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { foldLine } from '../../fold.js';
import { messages, type Lang } from '../../i18n/index.js';
import type { ConnectionReport } from '../../replay/replay.js';
import { EMPTY_LINE, editLine, type Line } from '../components/edit-line.js';
import { hintRows, KeyHints, type KeyHint } from '../components/KeyHints.js';
import { LineInput } from '../components/LineInput.js';
import { Menu } from '../components/Menu.js';
import { Paint } from '../components/Paint.js';
import { translate } from '../i18n/strings.js';
import { useTextEntry } from '../key-context.js';
import { scrollIndicator } from '../scroll-indicator.js';
import { Ladder } from '../tcp/Ladder.js';
import { useTheme } from '../theme.js';
import { useKeys } from '../use-keys.js';
import { useLatestState } from '../use-latest-state.js';
import { errorLine } from './error-line.js';
import { ladderSegments, readConnection, readSummary, rowNotes, type CaptureSummary } from './capture-session.js';

export interface CaptureViewProps {
  readonly lang: Lang;
  readonly width: number;
  readonly height: number;
  readonly onBack: () => void;
}

type Phase =
  | { readonly kind: 'open' }
  | { readonly kind: 'reading' }
  | { readonly kind: 'summary'; readonly summary: CaptureSummary }
  | { readonly kind: 'step'; readonly summary: CaptureSummary; readonly conn: ConnectionReport };

/**
 * Open a capture, read its summary (as `netkata tcp replay` prints it), pick a connection and step
 * through its segments on the simulator's ladder. src/replay decides every state; this only shows them.
 */
export function CaptureView({ lang, width, height, onBack }: CaptureViewProps): React.JSX.Element {
  const theme = useTheme();
  const t = (k: Parameters<typeof translate>[1]): string => translate(lang, k);
  const m = messages(lang).traffic;
  const r = messages(lang).replay;
  const [phase, setPhase] = useState<Phase>({ kind: 'open' });
  const [path, getPath, setPath] = useLatestState<Line>(EMPTY_LINE);
  const [error, setError] = useState<string | undefined>(undefined);
  const [selected, getSelected, setSelected] = useLatestState(0);
  const [step, getStep, setStep] = useLatestState(0);
  useTextEntry(phase.kind === 'open');

  // Each read has a number; Esc during a long read gives it up (its result, when it comes, is dropped).
  const reading = useRef(0);
  const fail = (n: number) => (e: unknown): void => {
    if (reading.current !== n) return;
    setError(errorLine(e, lang, width - 2));
    setPhase({ kind: 'open' });
  };
  const open = (): void => {
    const file = getPath().value.trim();
    const n = ++reading.current;
    setError(undefined);
    setPhase({ kind: 'reading' });
    readSummary(file).then((summary) => {
      if (reading.current !== n) return;
      setSelected(0);
      setPhase({ kind: 'summary', summary });
    }, fail(n));
  };
  const pick = (summary: CaptureSummary): void => {
    const id = summary.connections[getSelected()]?.id;
    if (id === undefined) return;
    const n = ++reading.current;
    setPhase({ kind: 'reading' });
    readConnection(summary.file, id).then((conn) => {
      if (reading.current !== n) return;
      setStep(0);
      setPhase({ kind: 'step', summary, conn });
    }, fail(n));
  };

  useKeys((input, key) => {
    if (phase.kind === 'open') {
      if (key.escape) return onBack();
      if (key.return) return open();
      const next = editLine(getPath(), input, key);
      if (next !== undefined) setPath(next);
      return;
    }
    if (phase.kind === 'reading') {
      if (key.escape) {
        reading.current++;
        setPhase({ kind: 'open' });
      }
      return;
    }
    if (phase.kind === 'summary') {
      const n = phase.summary.connections.length;
      if (key.escape) return setPhase({ kind: 'open' });
      if (n === 0) return;
      if (key.upArrow || input === 'k') setSelected((getSelected() + n - 1) % n);
      else if (key.downArrow || input === 'j' || key.tab) setSelected((getSelected() + 1) % n);
      else if (key.return) pick(phase.summary);
      return;
    }
    if (phase.kind === 'step') {
      const n = phase.conn.rows?.length ?? 0;
      if (key.escape) return setPhase({ kind: 'summary', summary: phase.summary });
      if (key.rightArrow || input === ' ' || input === 'n') setStep(Math.min(n, getStep() + 1));
      else if (key.leftArrow || input === 'b') setStep(Math.max(0, getStep() - 1));
      else if (key.home) setStep(0);
      else if (key.end) setStep(n);
    }
  });

  const fold = (line: string, hang = 4): string[] => foldLine(line, width, hang);

  if (phase.kind === 'open' || phase.kind === 'reading') {
    const hints: KeyHint[] = [{ keys: 'Enter', label: t('key.open') }, { keys: 'Esc', label: t('key.back') }];
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Box flexDirection="column" flexGrow={1}>
          <LineInput label={m.file} line={path} focused={phase.kind === 'open'} placeholder={m.filePrompt} width={width} />
          {phase.kind === 'reading' ? <Paint color={theme.muted}>{m.reading}</Paint> : null}
          {error !== undefined ? <Text wrap="truncate"><Paint color={theme.error}>✗ {error}</Paint></Text> : null}
        </Box>
        <KeyHints hints={hints} />
      </Box>
    );
  }

  const { summary } = phase;
  const format = summary.read.gzip ? `${summary.read.format}.gz` : summary.read.format;
  const head = fold(r.heading(summary.file, format, summary.read.frames, summary.segments, summary.connections.length, 'linux'), 2);
  if (summary.read.truncatedBytes > 0) head.push(...fold(r.truncated(summary.read.truncatedBytes)));
  if (summary.read.gzipTruncated) head.push(...fold(r.gzipTruncated));

  if (phase.kind === 'summary') {
    const conns = summary.connections;
    const hints: KeyHint[] = [{ keys: '↑/↓', label: t('key.choose') }, { keys: 'Enter', label: t('key.open') }, { keys: 'Esc', label: t('key.back') }];
    const c = conns[selected];
    const detail = c === undefined ? [r.noConnection] : connectionDetail(c, lang).flatMap((l) => fold(`  ${l}`));
    const room = Math.max(1, height - head.length - 1 - detail.length - 1 - hintRows(hints, width));
    const first = Math.max(0, Math.min(selected - room + 1, conns.length - room));
    const items = conns.slice(first, first + room).map((x) => ({ id: String(x.id), label: r.connection(x.id, x.a, x.b) }));
    return (
      <Box flexDirection="column" width={width} height={height}>
        {head.map((l, i) => <Text key={i} wrap="truncate">{l}</Text>)}
        <Text bold wrap="truncate">{m.pick}</Text>
        <Box height={Math.min(room, Math.max(1, conns.length))} flexShrink={0}>
          <Menu items={items} selected={selected - first} showDescriptions={false} />
        </Box>
        {conns.length > room ? <Paint color={theme.muted}>{scrollIndicator(first, room, conns.length, lang)}</Paint> : null}
        <Box flexDirection="column" flexGrow={1}>
          {detail.map((l, i) => <Text key={i} wrap="truncate">{l}</Text>)}
        </Box>
        <KeyHints hints={hints} />
      </Box>
    );
  }

  const { conn } = phase;
  const rows = conn.rows ?? [];
  const hints: KeyHint[] = [{ keys: '→/Space', label: t('key.step') }, { keys: '←', label: t('key.stepBack') }, { keys: 'Esc', label: t('key.back') }];
  const top = [...fold(r.ladderHeading(conn.id, conn.a, conn.b)), ...(conn.midStream ? fold(r.midStream) : [])];
  const current = step > 0 ? rows[step - 1] : undefined;
  const status = [step === 0 ? m.start : m.step(step, rows.length), ...(conn.moreRows > 0 ? [r.moreRows(conn.moreRows)] : [])].flatMap((l) => fold(l));
  const notes = (current ? rowNotes(current, lang) : []).flatMap((l) => fold(`  ${l}`));
  const ladderHeight = Math.max(3, height - top.length - status.length - notes.length - hintRows(hints, width));
  return (
    <Box flexDirection="column" width={width} height={height}>
      {top.map((l, i) => <Text key={i} wrap="truncate">{l}</Text>)}
      <Ladder
        segments={ladderSegments(conn, step, lang)}
        left="a"
        right="b"
        width={width}
        height={ladderHeight}
        lostLabel={t('tcp.lost')}
        emptyLabel={t('tcp.noSegments')}
        timeLabel={m.time}
        messages={messages(lang).tcp}
      />
      <Box flexDirection="column" flexGrow={1}>
        {status.map((l, i) => <Text key={i} bold={i === 0} wrap="truncate">{l}</Text>)}
        {notes.map((l, i) => <Text key={i} wrap="truncate"><Paint color={theme.error}>{l}</Paint></Text>)}
      </Box>
      <KeyHints hints={hints} />
    </Box>
  );
}

/** A connection's lines of the summary, as `tcp replay` prints them under its `#N a -> b` line. */
function connectionDetail(c: ConnectionReport, lang: Lang): string[] {
  const r = messages(lang).replay;
  const anomalies = Object.entries(c.anomalies) as [keyof typeof r.anomaly, number][];
  return [
    r.segments(c.frames[0], c.frames[1]),
    `${r.states(c.states[0] ?? r.unknownState, c.states[1] ?? r.unknownState)}${messages(lang).traffic.clauseSep}${r.ended[c.ended]}`,
    ...(c.midStream ? [r.midStream] : []),
    ...(anomalies.length ? [r.anomalyCounts(anomalies.map(([k, n]) => r.count(n, r.anomaly[k])).join(r.listSep))] : []),
    ...(c.dropped > 0 ? [r.dropped(c.dropped)] : []),
  ];
}
