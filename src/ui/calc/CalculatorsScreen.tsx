import { useMemo, useReducer } from 'react';
import { Box, Text, type Key } from 'ink';
import { EMPTY_LINE, editLine, type Line } from '../components/edit-line.js';
import { KeyHints } from '../components/KeyHints.js';
import { LineInput, lineInputRows } from '../components/LineInput.js';
import { Paint } from '../components/Paint.js';
import { useLang, useT } from '../i18n/strings.js';
import { useTextEntry } from '../key-context.js';
import type { ScreenProps } from '../screen-props.js';
import { displayWidth } from '../text-width.js';
import { useTheme } from '../theme.js';
import { useKeys } from '../use-keys.js';
import { CALCULATORS, evaluate, type CalcResult } from './calculators.js';
import { ClassifyView } from './ClassifyView.js';
import { MacView } from './MacView.js';
import { NotationView } from './NotationView.js';
import { PortView } from './PortView.js';
import { SameSegmentView } from './SameSegmentView.js';
import { SplitView } from './SplitView.js';
import { SubnetView } from './SubnetView.js';

export interface CalculatorsScreenProps extends ScreenProps {
  /** Start on this calculator (tests). */
  readonly initial?: CalcResult['kind'];
}

/**
 * One input line per calculator (each keeps its text when you switch), results recomputed by src/addr
 * on every keystroke, errors inline.
 */
export function CalculatorsScreen({ onBack, width, height, initial }: CalculatorsScreenProps): React.JSX.Element {
  const t = useT();
  const theme = useTheme();
  useTextEntry(true);
  const [{ selected, inputs }, dispatch] = useReducer(reduceKey, undefined, () => ({
    selected: Math.max(0, CALCULATORS.findIndex((c) => c.id === initial)),
    inputs: CALCULATORS.map(() => EMPTY_LINE),
  }));
  const calc = CALCULATORS[selected]!;
  const line = inputs[selected]!;
  const input = line.value;

  // Keys go through a reducer: several keys can arrive in one read (fast typing, a paste, tmux),
  // and each must see the state the previous one left, not the state of the last render.
  useKeys(
    (ch, key) => {
      if (key.escape) onBack();
      else dispatch({ ch, key });
    },
  );

  const lang = useLang();
  const outcome = useMemo(() => evaluate(calc, input, lang), [calc, input, lang]);
  // The error wraps rather than being cut at the width (a split error names the syntax at length).
  const errorText = outcome.status === 'error' ? `✗ ${outcome.internal ? `${t('calc.internal')}: ` : ''}${outcome.message}` : '';
  const errorRows = Math.max(1, Math.ceil(displayWidth(errorText) / Math.max(1, width)));
  // An empty field shows its hint whole, folded under the field when it is longer than the line.
  const inputRows = lineInputRows(t(calc.label), input, t(calc.hint), width);
  const resultHeight = Math.max(3, height - 4 - inputRows - errorRows);

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box flexWrap="wrap" columnGap={1}>
        {CALCULATORS.map((c, i) => (
          <Paint key={c.id} color={i === selected ? theme.current : theme.muted} bold={i === selected} inverse={i === selected && !theme.color}>
            {i === selected ? `[${t(c.label)}]` : ` ${t(c.label)} `}
          </Paint>
        ))}
      </Box>
      <Box marginTop={1} flexShrink={0}>
        <LineInput label={t(calc.label)} line={line} focused placeholder={t(calc.hint)} width={width} />
      </Box>
      <Box height={errorRows} flexShrink={0}>
        {outcome.status === 'error' ? <Paint color={theme.error}>{errorText}</Paint> : null}
      </Box>
      <Box flexDirection="column" flexGrow={1} height={resultHeight} overflow="hidden">
        {outcome.status === 'ok' ? (
          <ResultView result={outcome.result} width={width} height={resultHeight} />
        ) : outcome.status === 'empty' ? (
          // The hint is the field's placeholder, already whole on the field's rows.
          <Text dimColor>{t('calc.empty')}</Text>
        ) : null}
      </Box>
      <KeyHints
        hints={[
          { keys: '↑/↓ Tab', label: t('key.field') },
          { keys: 'a-z 0-9', label: t('key.edit') },
          { keys: 'Esc', label: t('key.back') },
          { keys: '?', label: t('key.help') },
          { keys: 'Ctrl-C', label: t('key.quit') },
        ]}
      />
    </Box>
  );
}

interface CalcState {
  readonly selected: number;
  readonly inputs: readonly Line[];
}

function reduceKey(state: CalcState, { ch, key }: { readonly ch: string; readonly key: Key }): CalcState {
  const n = CALCULATORS.length;
  if (key.upArrow || (key.tab && key.shift)) return { ...state, selected: (state.selected + n - 1) % n };
  if (key.downArrow || key.tab) return { ...state, selected: (state.selected + 1) % n };
  if (ch === '?') return state; // the frame opens help; `?` belongs to no input
  const next = editLine(state.inputs[state.selected]!, ch, key);
  if (next === undefined) return state;
  return { ...state, inputs: state.inputs.map((v, i) => (i === state.selected ? next : v)) };
}

function ResultView({ result, width, height }: { readonly result: CalcResult; readonly width: number; readonly height: number }): React.JSX.Element {
  switch (result.kind) {
    case 'subnet':
      return <SubnetView value={result.value} width={width} />;
    case 'same-segment':
      return <SameSegmentView value={result.value} />;
    case 'classify':
      return <ClassifyView value={result.value} height={height} />;
    case 'ip':
      return <NotationView value={result.value} width={width} />;
    case 'split':
      return <SplitView value={result.value} height={height} />;
    case 'port':
      return <PortView value={result.value} height={height} />;
    case 'mac':
      return <MacView value={result.value} />;
  }
}
