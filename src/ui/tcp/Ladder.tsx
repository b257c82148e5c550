import { Box, Text } from 'ink';
import { formatTime, segmentLabel } from '../../tcp/ladder.js';
import type { SegmentRecord } from '../../tcp/simulation.js';
import { EN, type TcpMessages } from '../../tcp/step-text.js';
import { displayWidth, padEndCells } from '../../text-width.js';
import { Paint } from '../components/Paint.js';
import { useTheme } from '../theme.js';

/**
 * What the ladder draws of a segment: a simulator run's SegmentRecord, or a captured segment (whose ends
 * may not have shown their state yet: `?`).
 */
export type LadderSegment = Pick<SegmentRecord, 'index' | 'at' | 'from' | 'to' | 'flags' | 'seq' | 'ack' | 'len' | 'why' | 'whyCode' | 'dropped' | 'arrivedAt' | 'flood'> & {
  readonly fromState: string;
  readonly toState?: string | undefined;
  /** The kernel's state of each end beside the machine's (the lab's capture: `beside`), and whether the two disagree there. */
  readonly fromKernel?: string | undefined;
  readonly toKernel?: string | undefined;
  readonly fromDiffers?: boolean | undefined;
  readonly toDiffers?: boolean | undefined;
};

export interface LadderProps {
  readonly segments: readonly LadderSegment[];
  /** The two endpoints, left column first. */
  readonly left: string;
  readonly right: string;
  readonly width: number;
  /** Rows available, header included. */
  readonly height: number;
  readonly lostLabel: string;
  readonly emptyLabel: string;
  /** The time column's title. */
  readonly timeLabel?: string;
  /** The simulator's text in the app's language (default English). */
  readonly messages?: TcpMessages;
  /** Each end as two columns, the kernel's state then the machine's (titled with these words), `✗` between them where they disagree. */
  readonly beside?: { readonly kernel: string; readonly machine: string } | undefined;
}

const STATE_W = 13;

/** tcp's `FLAGS seq= ack= len=` label, shortened (no len, then the flags alone) until it fits the arrow. */
export function arrowLabel(s: Pick<SegmentRecord, 'flags' | 'seq' | 'ack' | 'len' | 'why' | 'whyCode'>, room: number, m: TcpMessages = EN): string {
  const bare = { flags: s.flags, seq: s.seq, ack: s.ack, len: s.len };
  const candidates = [segmentLabel(s, m), segmentLabel(bare, m), segmentLabel({ ...bare, len: 0 }, m), s.flags];
  return candidates.find((c) => displayWidth(c) <= room) ?? s.flags.slice(0, Math.max(1, room));
}

type Kind = 'sent' | 'dropped' | 'flying';

/** One arrow between the two columns: delivered `──X──▶`, lost `──X──✗ lost`, still in flight `──X── ·`. */
export function arrowText(label: string, rightward: boolean, width: number, kind: Kind, lost: string): string {
  const tail = kind === 'dropped' ? `✗ ${lost}` : kind === 'flying' ? '· ·' : rightward ? '▶' : '◀';
  const fill = Math.max(2, width - displayWidth(label) - displayWidth(tail) - 4);
  const head = Math.floor(fill / 2);
  const body = `─${'─'.repeat(head)} ${label} ${'─'.repeat(fill - head)}`;
  return rightward ? body + tail : tail + body;
}

/**
 * The ladder diagram: virtual time on the left, each endpoint's state after the segment on its side,
 * and an arrow per segment. The newest rows are kept when the run is longer than the screen.
 */
export function Ladder({ segments, left, right, width, height, lostLabel, emptyLabel, timeLabel = 'time', messages = EN, beside }: LadderProps): React.JSX.Element {
  const theme = useTheme();
  const rows = segments.filter((s) => !s.flood && [left, right].includes(s.from) && [left, right].includes(s.to));
  const flood = segments.length - rows.length;
  const room = Math.max(1, height - (beside ? 2 : 1) - (flood > 0 ? 1 : 0));
  const shown = rows.slice(-room);
  const TIME_W = Math.max(5, ...shown.map((s) => formatTime(s.at).length)) + 1;
  const sideW = beside ? 2 * STATE_W + 1 : STATE_W;
  const arrowW = Math.max(12, width - TIME_W - 2 * sideW);
  // One end's cell: its state, or (beside) the kernel's, the disagreement mark and the machine's.
  const cell = (machine: string, kernel: string | undefined, differs: boolean | undefined, last: boolean): React.JSX.Element => {
    if (!beside) return <>{last ? machine : machine.padEnd(STATE_W)}</>;
    return (
      <>
        {(kernel ?? '').padEnd(STATE_W)}
        {differs ? <Paint color={theme.error} bold>✗</Paint> : ' '}
        {last ? machine : machine.padEnd(STATE_W)}
      </>
    );
  };
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Text bold wrap="truncate">
        {padEndCells(timeLabel, TIME_W)}
        {left.padEnd(sideW)}
        {' '.repeat(arrowW)}
        {right}
      </Text>
      {beside ? (
        <Text dimColor wrap="truncate">
          {' '.repeat(TIME_W)}
          {padEndCells(beside.kernel, STATE_W + 1)}
          {padEndCells(beside.machine, STATE_W)}
          {' '.repeat(arrowW)}
          {padEndCells(beside.kernel, STATE_W + 1)}
          {beside.machine}
        </Text>
      ) : null}
      {rows.length === 0 ? <Text dimColor>{emptyLabel}</Text> : null}
      {shown.map((s) => {
        const rightward = s.from === left;
        const kind: Kind = s.dropped ? 'dropped' : s.arrivedAt === undefined ? 'flying' : 'sent';
        const label = arrowLabel(s, arrowW - 8, messages);
        const arrow = arrowText(label, rightward, arrowW - 2, kind, lostLabel);
        const fromState = s.fromState;
        const toState = kind === 'sent' ? (s.toState ?? '') : '';
        const leftState = rightward ? fromState : toState;
        const rightState = rightward ? toState : fromState;
        const [leftKernel, rightKernel] = rightward ? [s.fromKernel, s.toKernel] : [s.toKernel, s.fromKernel];
        const [leftDiffers, rightDiffers] = rightward ? [s.fromDiffers, s.toDiffers] : [s.toDiffers, s.fromDiffers];
        const colour = kind === 'dropped' ? theme.dropped : kind === 'sent' ? theme.sent : theme.muted;
        return (
          <Text key={s.index} wrap="truncate">
            <Text dimColor>{formatTime(s.at).padEnd(TIME_W)}</Text>
            {cell(leftState, leftKernel, leftDiffers, false)}
            <Paint color={colour} bold={kind === 'dropped'}>
              {' '}
              {arrow}
              {' '}
            </Paint>
            {cell(rightState, rightKernel, rightDiffers, true)}
          </Text>
        );
      })}
      {flood > 0 ? <Text dimColor>{messages.screen.floodNotDrawn(flood)}</Text> : null}
    </Box>
  );
}
