import { useRef } from 'react';
import { Box } from 'ink';
import { clampTop, foldRows, RowScroll, scrollRoom, tableRows, type Row } from '../components/RowScroll.js';
import { KeyHints } from '../components/KeyHints.js';
import { Paint } from '../components/Paint.js';
import { useLang, useT, type StringKey } from '../i18n/strings.js';
import type { Lang, ScreenProps } from '../screen-props.js';
import { useTheme, type Theme } from '../theme.js';
import { displayWidth } from '../text-width.js';
import { useKeys } from '../use-keys.js';
import { useLatestState } from '../use-latest-state.js';
import { CS_VS_BS, TCP_VS_UDP, type Comparison } from './comparisons.js';
import { CLOSE, HANDSHAKE } from './connection.js';
import { LAYERS_NOTE, OSI_LAYERS, TCPIP_LAYERS } from './layers.js';
import { LessonView } from './LessonView.js';

const TOPICS = ['layers', 'tcpUdp', 'arch', 'handshake', 'close'] as const;
type Topic = (typeof TOPICS)[number];
const TOPIC_TITLE: Record<Topic, StringKey> = {
  layers: 'concepts.layers',
  tcpUdp: 'concepts.tcpUdp',
  arch: 'concepts.arch',
  handshake: 'concepts.handshake',
  close: 'concepts.close',
};

export interface ConceptsScreenProps extends ScreenProps {
  readonly initialTopic?: Topic;
}

/** The models and the two classic exchanges, in our own words, from data in this folder. */
export function ConceptsScreen({ onBack, width, height, initialTopic }: ConceptsScreenProps): React.JSX.Element {
  const t = useT();
  const lang = useLang();
  const theme = useTheme();
  const [topic, getTopic, setTopic] = useLatestState<Topic>(initialTopic ?? 'layers');
  const [scroll, , setScroll] = useLatestState(0);
  const lesson = topic === 'handshake' || topic === 'close';
  const maxTop = useRef(0);

  useKeys((input, key) => {
    const i = TOPICS.indexOf(getTopic());
    const inLesson = getTopic() === 'handshake' || getTopic() === 'close';
    if (key.escape) onBack();
    else if (key.rightArrow || (key.tab && !key.shift)) {
      setTopic(TOPICS[(i + 1) % TOPICS.length]!);
      setScroll(0);
    } else if (key.leftArrow || (key.tab && key.shift)) {
      setTopic(TOPICS[(i + TOPICS.length - 1) % TOPICS.length]!);
      setScroll(0);
    } else if (!inLesson && key.downArrow) setScroll((s) => Math.min(s + 1, maxTop.current));
    else if (!inLesson && key.upArrow) setScroll((s) => Math.max(0, s - 1));
    else if (/^[1-5]$/.test(input)) {
      setTopic(TOPICS[Number(input) - 1]!);
      setScroll(0);
    }
  });

  const bodyHeight = Math.max(6, height - 3);
  // The tables as the rows they take at this width, so that scrolling goes by rows and nothing is clipped.
  const rows =
    topic === 'layers' ? layersRows(lang, width, t, theme)
    : topic === 'tcpUdp' ? comparisonRows(TCP_VS_UDP, lang, width, theme)
    : topic === 'arch' ? comparisonRows(CS_VS_BS, lang, width, theme)
    : undefined;
  const room = scrollRoom(rows?.length ?? 0, bodyHeight);
  const first = clampTop(scroll, rows?.length ?? 0, room);
  maxTop.current = Math.max(0, (rows?.length ?? 0) - room);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box flexShrink={0} columnGap={1} flexWrap="wrap">
        {TOPICS.map((x, i) => (
          <Paint key={x} color={x === topic ? theme.current : theme.muted} bold={x === topic} inverse={x === topic && !theme.color}>
            {x === topic ? `[${i + 1} ${t(TOPIC_TITLE[x])}]` : ` ${i + 1} ${t(TOPIC_TITLE[x])} `}
          </Paint>
        ))}
      </Box>
      <Box marginTop={1} height={bodyHeight} flexDirection="column" overflow="hidden" flexShrink={0}>
        {rows !== undefined ? <RowScroll rows={rows} first={first} height={bodyHeight} lang={lang} /> : null}
        {topic === 'handshake' ? <LessonView key="handshake" lesson={HANDSHAKE} width={width} height={bodyHeight} /> : null}
        {topic === 'close' ? <LessonView key="close" lesson={CLOSE} width={width} height={bodyHeight} /> : null}
      </Box>
      <Box flexGrow={1} />
      <KeyHints
        hints={[
          { keys: '←/→', label: t('key.topic') },
          ...(lesson
            ? [
                { keys: 'n Space', label: t('key.step') },
                { keys: 'b', label: t('key.stepBack') },
                { keys: 'r', label: t('key.restart') },
              ]
            : [{ keys: '↑/↓', label: t('key.move') }]),
          { keys: 'Esc', label: t('key.back') },
          { keys: '?', label: t('key.help') },
          { keys: 'q', label: t('key.quit') },
        ]}
      />
    </Box>
  );
}

/** The two models as rows of the terminal: the long descriptions folded under their column. */
function layersRows(lang: Lang, width: number, t: ReturnType<typeof useT>, theme: Theme): Row[] {
  const osiNameW = Math.max(...OSI_LAYERS.map((l) => displayWidth(l.name[lang]))) + 2;
  const tcpNameW = Math.max(...TCPIP_LAYERS.map((l) => displayWidth(l.name[lang]))) + 2;
  const pduW = Math.max(...TCPIP_LAYERS.map((l) => displayWidth(l.pdu[lang]))) + 2;
  return [
    [{ text: t('concepts.osi'), bold: true, color: theme.title }],
    ...OSI_LAYERS.flatMap((l) =>
      tableRows(
        [
          { text: String(l.n), width: 3, bold: true },
          { text: l.name[lang], width: osiNameW },
          { text: l.lives[lang], dim: true },
        ],
        width,
      ),
    ),
    [],
    [{ text: t('concepts.tcpip'), bold: true, color: theme.title }],
    ...TCPIP_LAYERS.flatMap((l) =>
      tableRows(
        [
          { text: String(l.n), width: 3, bold: true },
          { text: l.name[lang], width: tcpNameW },
          { text: l.pdu[lang], width: pduW, color: theme.network },
          { text: l.lives[lang], dim: true },
        ],
        width,
      ),
    ),
    [],
    ...foldRows(LAYERS_NOTE[lang], width, {}, 0),
  ];
}

/** A comparison as rows of the terminal: the header, each aspect with both sides folded in their columns, the note. */
function comparisonRows(data: Comparison, lang: Lang, width: number, theme: Theme): Row[] {
  const aspectW = Math.max(...data.rows.map((r) => displayWidth(r.aspect[lang]))) + 2;
  const colW = Math.max(16, Math.floor((width - aspectW - 2) / 2));
  return [
    ...tableRows(
      [
        { text: '', width: aspectW },
        { text: data.a, width: colW, bold: true, color: theme.title },
        { text: '', width: 2 },
        { text: data.b, bold: true, color: theme.title },
      ],
      width,
    ),
    ...data.rows.flatMap((r) =>
      tableRows(
        [
          { text: r.aspect[lang], width: aspectW, bold: true },
          { text: r.a[lang], width: colW },
          { text: '', width: 2 },
          { text: r.b[lang] },
        ],
        width,
      ),
    ),
    [],
    ...foldRows(data.note[lang], width, { dim: true }, 0),
  ];
}
