import { Box, Text } from 'ink';
import { captureVerdict } from '../../lab/format.js';
import type { LabReport } from '../../lab/runner.js';
import { foldLine } from '../../fold.js';
import { messages, type Lang } from '../../i18n/index.js';
import { Paint } from '../components/Paint.js';
import { translate } from '../i18n/strings.js';
import { scrollIndicator } from '../scroll-indicator.js';
import { Ladder } from '../tcp/Ladder.js';
import { useTheme } from '../theme.js';
import type { LadderConnection } from './capture-ladder.js';

export interface LabLadderProps {
  readonly lang: Lang;
  readonly report: LabReport;
  readonly connections: readonly LadderConnection[];
  /** Which connection is shown. */
  readonly connection: number;
  /** The first segment shown (already within range: ladderRoom). */
  readonly first: number;
  readonly width: number;
  /** Rows for everything this draws. */
  readonly height: number;
}

/** The lines above and below the ladder's rows: connection, verdict, the ladder's two headers, legend, scroll indicator. */
export function ladderFrame(report: LabReport, connections: readonly LadderConnection[], connection: number, width: number, lang: Lang): { head: string[]; verdict: { text: string; tone: 'ok' | 'bad' | 'dim' }[]; chrome: number } {
  const t = messages(lang).lab;
  const c = connections[connection];
  const head = c === undefined ? [] : foldLine(t.ladderConnection(c.client, c.server, connection + 1, connections.length), width, 2);
  const verdict = report.capture ? captureVerdict(report.capture, t).flatMap((v) => foldLine(v.text, width, 4).map((text) => ({ text, tone: v.tone }))) : [];
  const legend = foldLine(t.ladderLegend, width, 2).length;
  return { head, verdict, chrome: head.length + verdict.length + 2 + legend + 1 };
}

/** Segment rows that fit under the frame's other lines. */
export function ladderRoom(report: LabReport, connections: readonly LadderConnection[], connection: number, width: number, height: number, lang: Lang): number {
  return Math.max(1, height - ladderFrame(report, connections, connection, width, lang).chrome);
}

/**
 * A captured run on the simulator's ladder: the chosen connection's segments, each end's kernel state
 * beside the machine's, the segment check's verdict above (as the CLI prints it under its report).
 */
export function LabLadder({ lang, report, connections, connection, first, width, height }: LabLadderProps): React.JSX.Element {
  const theme = useTheme();
  const t = messages(lang).lab;
  const tone = { ok: theme.ok, bad: theme.error, dim: theme.muted };
  if (!report.capture) return <Text wrap="truncate">{t.ladderNoCapture}</Text>;
  const c = connections[connection];
  const { head, verdict } = ladderFrame(report, connections, connection, width, lang);
  const rows = ladderRoom(report, connections, connection, width, height, lang);
  const segments = c?.segments ?? [];
  return (
    <Box flexDirection="column" width={width} height={height}>
      {head.map((l, i) => <Text key={`h${i}`} bold wrap="truncate">{l}</Text>)}
      {verdict.map((v, i) => <Text key={`v${i}`} wrap="truncate"><Paint color={tone[v.tone]}>{v.text}</Paint></Text>)}
      <Ladder
        segments={segments.slice(first, first + rows)}
        left={c?.client ?? 'client'}
        right={c?.server ?? 'server'}
        width={width}
        height={rows + 2}
        lostLabel={translate(lang, 'tcp.lost')}
        emptyLabel={t.ladderNone}
        timeLabel={messages(lang).traffic.time}
        messages={messages(lang).tcp}
        beside={{ kernel: t.compareKernel, machine: t.ladderMachine }}
      />
      {foldLine(t.ladderLegend, width, 2).map((l, i) => <Text key={`l${i}`} wrap="truncate"><Paint color={theme.muted}>{l}</Paint></Text>)}
      <Paint color={theme.muted}>{scrollIndicator(first, rows, segments.length, lang)}</Paint>
    </Box>
  );
}
