import { Box, Text } from 'ink';
import { KeyHints } from '../components/KeyHints.js';
import { Paint } from '../components/Paint.js';
import { useLang, useT, type StringKey } from '../i18n/strings.js';
import type { Lang, ScreenProps } from '../screen-props.js';
import { useTheme } from '../theme.js';
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
    } else if (!inLesson && key.downArrow) setScroll((s) => s + 1);
    else if (!inLesson && key.upArrow) setScroll((s) => Math.max(0, s - 1));
    else if (/^[1-5]$/.test(input)) {
      setTopic(TOPICS[Number(input) - 1]!);
      setScroll(0);
    }
  });

  const bodyHeight = Math.max(6, height - 3);
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
        {topic === 'layers' ? <LayersView lang={lang} scroll={scroll} /> : null}
        {topic === 'tcpUdp' ? <ComparisonView data={TCP_VS_UDP} lang={lang} width={width} scroll={scroll} /> : null}
        {topic === 'arch' ? <ComparisonView data={CS_VS_BS} lang={lang} width={width} scroll={scroll} /> : null}
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

function LayersView({ lang, scroll }: { readonly lang: Lang; readonly scroll: number }): React.JSX.Element {
  const t = useT();
  const theme = useTheme();
  const osiNameW = Math.max(...OSI_LAYERS.map((l) => displayWidth(l.name[lang]))) + 2;
  const tcpNameW = Math.max(...TCPIP_LAYERS.map((l) => displayWidth(l.name[lang]))) + 2;
  const pduW = Math.max(...TCPIP_LAYERS.map((l) => displayWidth(l.pdu[lang]))) + 2;
  const rows: React.JSX.Element[] = [
    <Paint key="osi" bold color={theme.title}>
      {t('concepts.osi')}
    </Paint>,
    ...OSI_LAYERS.map((l) => (
      <Box key={`o${l.n}`}>
        <Box width={3} flexShrink={0}>
          <Text bold>{l.n}</Text>
        </Box>
        <Box width={osiNameW} flexShrink={0}>
          <Text>{l.name[lang]}</Text>
        </Box>
        <Text dimColor wrap="wrap">
          {l.lives[lang]}
        </Text>
      </Box>
    )),
    <Text key="gap"> </Text>,
    <Paint key="tcpip" bold color={theme.title}>
      {t('concepts.tcpip')}
    </Paint>,
    ...TCPIP_LAYERS.map((l) => (
      <Box key={`t${l.n}`}>
        <Box width={3} flexShrink={0}>
          <Text bold>{l.n}</Text>
        </Box>
        <Box width={tcpNameW} flexShrink={0}>
          <Text>{l.name[lang]}</Text>
        </Box>
        <Box width={pduW} flexShrink={0}>
          <Paint color={theme.network}>{l.pdu[lang]}</Paint>
        </Box>
        <Text dimColor wrap="wrap">
          {l.lives[lang]}
        </Text>
      </Box>
    )),
    <Text key="gap2"> </Text>,
    <Text key="note" wrap="wrap">
      {LAYERS_NOTE[lang]}
    </Text>,
  ];
  return <Box flexDirection="column">{rows.slice(Math.min(scroll, rows.length - 1))}</Box>;
}

function ComparisonView(props: { readonly data: Comparison; readonly lang: Lang; readonly width: number; readonly scroll: number }): React.JSX.Element {
  const { data, lang, width, scroll } = props;
  const theme = useTheme();
  const aspectW = Math.max(...data.rows.map((r) => displayWidth(r.aspect[lang]))) + 2;
  const colW = Math.max(16, Math.floor((width - aspectW - 2) / 2));
  const rows = data.rows.slice(Math.min(scroll, data.rows.length - 1));
  return (
    <Box flexDirection="column">
      <Box>
        <Box width={aspectW} flexShrink={0} />
        <Box width={colW} flexShrink={0} marginRight={2}>
          <Paint bold color={theme.title}>
            {data.a}
          </Paint>
        </Box>
        <Paint bold color={theme.title}>
          {data.b}
        </Paint>
      </Box>
      {rows.map((r) => (
        <Box key={r.aspect.en} flexShrink={0}>
          <Box width={aspectW} flexShrink={0}>
            <Text bold>{r.aspect[lang]}</Text>
          </Box>
          <Box width={colW} flexShrink={0} marginRight={2}>
            <Text wrap="wrap">{r.a[lang]}</Text>
          </Box>
          <Box width={colW} flexShrink={0}>
            <Text wrap="wrap">{r.b[lang]}</Text>
          </Box>
        </Box>
      ))}
      <Box marginTop={1} flexShrink={0}>
        <Text dimColor wrap="wrap">
          {data.note[lang]}
        </Text>
      </Box>
    </Box>
  );
}
