/**
 * "Real traffic": what really happened, read-only, explained by the same endpoint machine the simulator
 * runs. A screen of its own rather than a source of the TCP simulator: the simulator's keys (drop,
 * close, abort, crash, play on a virtual clock) mean nothing for a capture, whose time, addresses and
 * anomalies are given, and live sockets belong beside captures (both observe, neither acts).
 */
import { useState } from 'react';
import { Box, Text } from 'ink';
import { messages } from '../../i18n/index.js';
import { KeyHints, menuHints } from '../components/KeyHints.js';
import { Menu } from '../components/Menu.js';
import { Paint } from '../components/Paint.js';
import { translate } from '../i18n/strings.js';
import type { ScreenProps } from '../screen-props.js';
import { useTheme } from '../theme.js';
import { useKeys } from '../use-keys.js';
import { CaptureView } from './CaptureView.js';
import { WatchView, type WatchViewProps } from './WatchView.js';

export interface TrafficScreenProps extends ScreenProps {
  /** Open this part at once (tests). */
  readonly open?: 'capture' | 'watch';
  /** The watch view's table reader and read interval (tests feed tables). */
  readonly watch?: Pick<WatchViewProps, 'readTable' | 'intervalMs'>;
}

const PARTS = ['capture', 'watch'] as const;

export function TrafficScreen({ lang, onBack, width, height, open, watch }: TrafficScreenProps): React.JSX.Element {
  const theme = useTheme();
  const m = messages(lang).traffic;
  const [selected, setSelected] = useState(0);
  const [part, setPart] = useState<'capture' | 'watch' | undefined>(open);
  useKeys(
    (input, key) => {
      if (key.escape) return onBack();
      if (key.upArrow || key.downArrow || key.tab || input === 'j' || input === 'k') setSelected((s) => 1 - s);
      else if (key.return) setPart(PARTS[selected]);
    },
    { isActive: part === undefined },
  );
  const back = (): void => setPart(undefined);
  if (part === 'capture') return <CaptureView lang={lang} width={width} height={height} onBack={back} />;
  if (part === 'watch') return <WatchView lang={lang} width={width} height={height} onBack={back} {...watch} />;
  const items = [
    { id: 'capture', label: m.capture, description: m.captureDesc },
    { id: 'watch', label: m.watch, description: m.watchDesc },
  ];
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold wrap="truncate">
        <Paint color={theme.title}>{m.choose}</Paint>
      </Text>
      <Box marginTop={1} flexGrow={1}>
        <Menu items={items} selected={selected} showDescriptions={width >= 60} width={width} />
      </Box>
      <KeyHints hints={menuHints((k) => translate(lang, k))} />
    </Box>
  );
}
