import { scrollIndicator } from '../scroll-indicator.js';
import { useLang } from '../i18n/strings.js';
import { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { InputError } from '../../errors.js';
import type { TcpScenario } from '../../scenario/tcp.js';
import { EMPTY_LINE, editLine, type Line } from '../components/edit-line.js';
import { KeyHints, menuHints } from '../components/KeyHints.js';
import { LineInput, lineInputRows } from '../components/LineInput.js';
import { cutDescription, Menu, MenuDetail } from '../components/Menu.js';
import { Paint } from '../components/Paint.js';
import { useT } from '../i18n/strings.js';
import { useTextEntry } from '../key-context.js';
import type { ScreenProps } from '../screen-props.js';
import { useTheme } from '../theme.js';
import { useKeys } from '../use-keys.js';
import { useLatestState } from '../use-latest-state.js';
import { listBuiltinScenarios, loadScenarioFile, type ScenarioEntry } from '../../cli/scenario-files.js';
import { SimulatorView } from './SimulatorView.js';
import { findWindowScenario, loadWindowScenarios } from '../../cli/window-scenarios.js';
import type { WindowScenario } from '../../scenario/window.js';
import { runWindowScenario, type WindowRun } from '../../tcp/window-run.js';
import { WindowView } from './WindowView.js';
import { messages } from '../../i18n/index.js';

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
  // Window scenarios (scenarios/window/) follow the TCP ones in the list and open the window view.
  const windowEntries = useMemo<WindowScenario[]>(() => loadWindowScenarios(scenariosRoot), [scenariosRoot]);
  const [windowRun, setWindowRun] = useState<WindowRun | undefined>(undefined);
  // A window run in the app's language: its zh title, notes and failures under zh (as `tcp run` prints them).
  const openWindow = (w: WindowScenario): void => {
    setWindowRun(runWindowScenario(lang === 'zh' ? { ...w, title: w.titleZh ?? w.title } : w, messages(lang).windows));
  };
  const [selected, getSelected, setSelected] = useLatestState(0);
  const [running, setRunning] = useState<TcpScenario | undefined>(undefined);
  const [path, getPath, setPath] = useLatestState<Line>(EMPTY_LINE);
  const [error, setError] = useState<string | undefined>(undefined);
  const fileItem = entries.length + windowEntries.length;
  const typing = running === undefined && windowRun === undefined && selected === fileItem;
  useTextEntry(typing);

  useKeys(
    (input, key) => {
      if (key.escape) return onBack();
      const n = fileItem + 1;
      if (key.upArrow) return setSelected((s) => (s + n - 1) % n);
      if (key.downArrow || key.tab) return setSelected((s) => (s + 1) % n);
      const selected = getSelected();
      if (key.return) {
        if (selected === fileItem) {
          try {
            const w = findWindowScenario(getPath().value.trim());
            if (w) {
              openWindow(w);
              setError(undefined);
              return;
            }
            setRunning(loadScenarioFile(getPath().value));
            setError(undefined);
          } catch (e) {
            setError(e instanceof InputError ? e.parseMessage : e instanceof Error ? e.message : String(e));
          }
          return;
        }
        if (selected >= entries.length) {
          openWindow(windowEntries[selected - entries.length]!);
          setError(undefined);
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
    { isActive: running === undefined && windowRun === undefined },
  );

  if (windowRun !== undefined) {
    return <WindowView run={windowRun} width={width} height={height} onBack={() => setWindowRun(undefined)} />;
  }

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

  const items = [
    ...entries.map((e) => ({ id: e.file, label: e.name, description: e.error !== undefined ? `✗ ${e.error}` : lang === 'zh' ? (e.scenario?.titleZh ?? e.title) : e.title })),
    ...windowEntries.map((w) => ({ id: w.file, label: w.name, description: lang === 'zh' ? (w.titleZh ?? w.title) : w.title })),
  ];
  // One line of the list's room goes to the scroll indicator when the scenarios do not all fit.
  // Two more go to the selected scenario's title in full when the list cuts it, and the file field's
  // placeholder may fold onto more rows under the field.
  const fieldRows = lineInputRows(t('tcp.file'), path.value, t('tcp.filePrompt'), width);
  const fixed = 9 + fieldRows - 1;
  const listRoom = Math.max(3, height - fixed - (items.length > Math.max(3, height - fixed) ? 1 : 0));
  const first = Math.max(0, Math.min(selected - listRoom + 1, items.length - listRoom));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{t('tcp.choose')}</Text>
      <Box marginTop={1} flexDirection="column" flexGrow={1}>
        {entries.length === 0 ? <Text dimColor>{t('tcp.noScenarios')}</Text> : null}
        <Menu items={items.slice(first, first + listRoom)} selected={selected - first} showDescriptions={width >= 50} width={width} />
        {items.length > listRoom ? <Paint color={theme.muted}>{scrollIndicator(first, listRoom, items.length, lang)}</Paint> : null}
        <MenuDetail text={width >= 50 && selected < items.length ? cutDescription(items.slice(first, first + listRoom), selected - first, width) : undefined} />
        <Box marginTop={1}>
          <LineInput label={t('tcp.file')} line={path} focused={selected === fileItem} placeholder={t('tcp.filePrompt')} width={width} />
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
