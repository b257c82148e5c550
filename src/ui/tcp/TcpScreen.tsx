import { scrollIndicator } from '../scroll-indicator.js';
import { useLang } from '../i18n/strings.js';
import { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { InputError } from '../../errors.js';
import type { TcpScenario } from '../../scenario/tcp.js';
import { editLine } from '../components/edit-line.js';
import { KeyHints, menuHints } from '../components/KeyHints.js';
import { LineInput } from '../components/LineInput.js';
import { Menu } from '../components/Menu.js';
import { Paint } from '../components/Paint.js';
import { useT } from '../i18n/strings.js';
import { useTextEntry } from '../key-context.js';
import type { ScreenProps } from '../screen-props.js';
import { useTheme } from '../theme.js';
import { useKeys } from '../use-keys.js';
import { useLatestState } from '../use-latest-state.js';
import { listBuiltinScenarios, loadScenarioFile, type ScenarioEntry } from '../../cli/scenario-files.js';
import { SimulatorView } from './SimulatorView.js';

export interface TcpScreenProps extends ScreenProps {
  /** A scenarios directory whose tcp/ holds the built-in scenarios (tests); default: the package's. */
  readonly scenariosRoot?: string;
  readonly playInterval?: number;
}

/** Pick a built-in scenario or load a file, then run it on the simulator. */
export function TcpScreen({ onBack, width, height, scenariosRoot, playInterval }: TcpScreenProps): React.JSX.Element {
  const t = useT();
  const lang = useLang();
  const theme = useTheme();
  const entries = useMemo<ScenarioEntry[]>(() => listBuiltinScenarios(scenariosRoot), [scenariosRoot]);
  const [selected, getSelected, setSelected] = useLatestState(0);
  const [running, setRunning] = useState<TcpScenario | undefined>(undefined);
  const [path, getPath, setPath] = useLatestState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const fileItem = entries.length;
  const typing = running === undefined && selected === fileItem;
  useTextEntry(typing);

  useKeys(
    (input, key) => {
      if (key.escape) return onBack();
      const n = entries.length + 1;
      if (key.upArrow) return setSelected((s) => (s + n - 1) % n);
      if (key.downArrow || key.tab) return setSelected((s) => (s + 1) % n);
      const selected = getSelected();
      if (key.return) {
        if (selected === fileItem) {
          try {
            setRunning(loadScenarioFile(getPath()));
            setError(undefined);
          } catch (e) {
            setError(e instanceof InputError ? e.parseMessage : e instanceof Error ? e.message : String(e));
          }
          return;
        }
        const entry = entries[selected]!;
        if (entry.scenario !== undefined) {
          setRunning(entry.scenario);
          setError(undefined);
        } else setError(entry.error);
        return;
      }
      if (selected === fileItem && input !== '?') {
        const next = editLine(getPath(), input, key);
        if (next !== undefined) setPath(next);
      }
    },
    { isActive: running === undefined },
  );

  if (running !== undefined) {
    return (
      <SimulatorView
        scenario={running}
        width={width}
        height={height}
        onBack={() => setRunning(undefined)}
        {...(playInterval !== undefined ? { playInterval } : {})}
      />
    );
  }

  const items = entries.map((e) => ({ id: e.file, label: e.name, description: e.error !== undefined ? `✗ ${e.error}` : lang === 'zh' ? (e.scenario?.titleZh ?? e.title) : e.title }));
  // One line of the list's room goes to the scroll indicator when the scenarios do not all fit.
  const listRoom = Math.max(3, height - 7 - (entries.length > Math.max(3, height - 7) ? 1 : 0));
  const first = Math.max(0, Math.min(selected - listRoom + 1, items.length - listRoom));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{t('tcp.choose')}</Text>
      <Box marginTop={1} flexDirection="column" flexGrow={1}>
        {entries.length === 0 ? <Text dimColor>{t('tcp.noScenarios')}</Text> : null}
        <Menu items={items.slice(first, first + listRoom)} selected={selected - first} showDescriptions={width >= 50} />
        {items.length > listRoom ? <Paint color={theme.muted}>{scrollIndicator(first, listRoom, items.length, lang)}</Paint> : null}
        <Box marginTop={1}>
          <LineInput label={t('tcp.file')} value={path} focused={selected === fileItem} placeholder={t('tcp.filePrompt')} />
        </Box>
        {error !== undefined ? (
          <Paint color={theme.error} wrap="wrap">
            ✗ {error}
          </Paint>
        ) : null}
      </Box>
      <KeyHints hints={menuHints(t)} />
    </Box>
  );
}
