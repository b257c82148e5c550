import { scrollIndicator } from '../scroll-indicator.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { defaultTheme, extendTheme, Spinner, ThemeProvider } from '@inkjs/ui';
import { EXPERIMENTS } from '../../lab/experiments/index.js';
import type { Observation } from '../../lab/observer.js';
import type { LabReport } from '../../lab/runner.js';
import { experimentText, type ExperimentText } from '../../lab/experiment-text.js';
import { compareWithSimulator } from '../../lab/compare.js';
import { formatComparison, formatResult, localValue, palette } from '../../lab/format.js';
import { messages, type Lang } from '../../i18n/index.js';
import { hintRows, KeyHints } from '../components/KeyHints.js';
import { Menu } from '../components/Menu.js';
import { Paint } from '../components/Paint.js';
import type { ScreenProps } from '../screen-props.js';
import { useTheme, type Theme } from '../theme.js';
import { translate } from '../i18n/strings.js';
import { foldLine } from '../../fold.js';
import { useKeys } from '../use-keys.js';
import { errorLine } from '../traffic/error-line.js';
import { captureLadder } from './capture-ladder.js';
import { LabLadder, ladderRoom } from './LabLadder.js';

/** What the run's report is shown as: the CLI's text report, the captured segments on the ladder, or `--compare`. */
type View = 'report' | 'ladder' | 'compare';

export interface LabScreenProps extends ScreenProps {
  /** Runs an experiment, with `capture` as `lab --capture` (tests may pass a fake; the app loads the real runner on first use). */
  readonly runExperiment?: (name: string, o: RunExperimentOptions) => Promise<LabReport>;
}

export interface RunExperimentOptions {
  readonly signal: AbortSignal;
  readonly onObservation: (ob: Observation) => void;
  readonly capture?: boolean;
}

type Phase = { readonly kind: 'choose' } | { readonly kind: 'running'; readonly name: string } | { readonly kind: 'done'; readonly report: LabReport } | { readonly kind: 'failed'; readonly message: string };

async function realRun(name: string, o: RunExperimentOptions): Promise<LabReport> {
  const { runLabExperiment } = await import('../../lab/runner.js');
  return runLabExperiment(name, { signal: o.signal, onObservation: o.onObservation, timeoutMs: 15_000, ...(o.capture === true ? { capture: {} } : {}) });
}

/**
 * Choose an experiment, run it on real loopback sockets, watch the kernel's states arrive from
 * /proc/net/tcp, then read the conformance verdict. The screen only renders; src/lab runs and checks.
 */
export function LabScreen({ lang, onBack, width, height, runExperiment = realRun }: LabScreenProps): React.JSX.Element {
  const theme = useTheme();
  const t = (key: Parameters<typeof translate>[1]): string => translate(lang, key);
  const lab = messages(lang).lab;
  // Titles and explanations in the app's language (zh from scenarios/lab/<name>.yaml), read once.
  const texts = useMemo(() => new Map(EXPERIMENTS.map((e) => [e.name, experimentText(e, lang)])), [lang]);
  const [selected, setSelected] = useState(0);
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const [observations, setObservations] = useState<Observation[]>([]);
  const [view, setView] = useState<View>('report');
  const [connection, setConnection] = useState(0);
  const abort = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => abort.current?.abort(), []); // leaving the screen stops a run (its sockets close)

  const start = (name: string, capture = false): void => {
    const controller = new AbortController();
    abort.current = controller;
    setObservations([]);
    setTop('end');
    setView('report');
    setConnection(0);
    setPhase({ kind: 'running', name });
    runExperiment(name, { signal: controller.signal, onObservation: (ob) => setObservations((xs) => [...xs, ob]), ...(capture ? { capture } : {}) }).then(
      (report) => {
        if (!controller.signal.aborted) {
          setTop(0); // the result first, or the ladder's first segment
          if (capture && report.capture) setView('ladder');
          setPhase({ kind: 'done', report });
        }
      },
      // No dumpcap, no right to capture: the CLI's exit-3 reason, in the app's language (one line).
      (e: unknown) => {
        if (!controller.signal.aborted) setPhase({ kind: 'failed', message: errorLine(e, lang) });
      },
    );
  };
  const show = (v: View): void => {
    setView((now) => (now === v ? 'report' : v));
    setTop(0);
  };

  const report = phase.kind === 'done' ? phase.report : undefined;
  const ladders = useMemo(() => (report ? captureLadder(report) : []), [report]);
  // `lab --compare`: the simulator replays the run's actions (src/lab/compare.ts), printed as the CLI prints it.
  const comparison = useMemo(() => (report && view === 'compare' ? formatComparison(compareWithSimulator(report), palette(false), lang) : []), [report, view, lang]);
  const [top, setTop] = useState<number | 'end'>('end'); // first body row shown; 'end' follows the tail
  const [shownHeight, setShownHeight] = useState(0);

  useKeys((ch, key) => {
    // Esc goes back one screen, as everywhere in the app: from a run (stopping it) to the list, from the
    // list home.
    if (key.escape) {
      abort.current?.abort();
      if (phase.kind === 'choose') onBack();
      else setPhase({ kind: 'choose' });
      return;
    }
    if (phase.kind === 'choose') {
      if (key.upArrow || ch === 'k') setSelected((i) => (i + EXPERIMENTS.length - 1) % EXPERIMENTS.length);
      else if (key.downArrow || ch === 'j') setSelected((i) => (i + 1) % EXPERIMENTS.length);
      else if (key.return) start(EXPERIMENTS[selected]!.name);
      else if (ch === 'c') start(EXPERIMENTS[selected]!.name, true);
      return;
    }
    const by = key.upArrow || ch === 'k' ? -1 : key.downArrow || ch === 'j' ? 1 : key.pageUp ? -shownHeight : key.pageDown ? shownHeight : 0;
    if (by !== 0) setTop((t) => (t === 'end' ? Number.MAX_SAFE_INTEGER : t) + by);
    else if (phase.kind !== 'running' && (key.return || ch === 'b')) setPhase({ kind: 'choose' });
    else if (phase.kind !== 'running' && ch === 'r') start(EXPERIMENTS[selected]!.name);
    else if (phase.kind !== 'running' && ch === 'c') start(EXPERIMENTS[selected]!.name, true);
    else if (phase.kind === 'done' && ch === 'm') show('compare');
    else if (phase.kind === 'done' && ch === 'l' && phase.report.capture) show('ladder');
    else if (phase.kind === 'done' && key.tab && view === 'ladder' && ladders.length > 0) {
      setConnection((i) => (i + 1) % ladders.length);
      setTop(0);
    }
  });

  if (phase.kind === 'choose') {
    const hints = [{ keys: '↑/↓', label: t('key.choose') }, { keys: 'Enter', label: t('key.run') }, { keys: 'c', label: t('key.capture') }, { keys: 'Esc', label: t('key.back') }];
    // Title, the verify line, the more-indicator and the hints take the rest.
    const rows = Math.max(3, height - 2 - hintRows(hints, width) - 1);
    const first = Math.max(0, Math.min(selected - Math.floor(rows / 2), EXPERIMENTS.length - rows));
    const more = EXPERIMENTS.length > rows ? `${first > 0 ? '↑' : ' '}${first + rows < EXPERIMENTS.length ? '↓' : ' '} ${first + 1}-${Math.min(first + rows, EXPERIMENTS.length)}/${EXPERIMENTS.length}` : '';
    return (
      <Box flexDirection="column" width={width}>
        <Text wrap="truncate"><Paint bold color={theme.title}>{lab.screenTitle}</Paint></Text>
        <Menu items={EXPERIMENTS.slice(first, first + rows).map((e) => ({ id: e.name, label: e.name, description: texts.get(e.name)!.title }))} selected={selected - first} width={width} />
        <Paint color={theme.muted}>{more}</Paint>
        <Text wrap="truncate"><Paint color={theme.muted}>{lab.screenVerify}</Paint></Text>
        <KeyHints hints={hints} />
      </Box>
    );
  }

  const hints = phase.kind === 'running'
    ? [{ keys: '↑/↓', label: t('key.scroll') }, { keys: 'Esc', label: t('key.stop') }]
    : [
        { keys: '↑/↓', label: t('key.scroll') },
        { keys: 'Enter', label: t('key.choose') },
        { keys: 'r', label: t('key.runAgain') },
        { keys: 'c', label: t('key.capture') },
        ...(report?.capture ? [{ keys: 'l', label: t(view === 'ladder' ? 'key.report' : 'key.ladder') }] : []),
        ...(report ? [{ keys: 'm', label: t(view === 'compare' ? 'key.report' : 'key.compare') }] : []),
        ...(view === 'ladder' && ladders.length > 1 ? [{ keys: 'Tab', label: t('key.connection') }] : []),
        { keys: 'Esc', label: t('key.back') },
      ];
  // Every line is cut to the width here, so that rows are lines and the frame never outgrows the
  // terminal (a taller frame scrolls the title away and leaves rows of an older frame behind).
  const name = phase.kind === 'running' ? phase.name : report?.experiment;
  const text = name === undefined ? undefined : texts.get(name);
  const shownView: View = report ? view : 'report';
  const body = wrapLines(
    shownView === 'compare'
      ? comparison.map((l, i) => ({ text: l, bold: i === 0 }))
      : labLines(observations, report, phase.kind === 'failed' ? phase.message : undefined, theme, lang, text),
    Math.max(20, width),
  );
  const bodyHeight = Math.max(3, height - 1 - hintRows(hints, width));
  const ladder = shownView === 'ladder' && report ? { total: ladders[connection]?.segments.length ?? 0, rows: ladderRoom(report, ladders, connection, width, bodyHeight, lang) } : undefined;
  const rows = ladder ? ladder.rows : bodyHeight - 1;
  const total = ladder ? ladder.total : body.length;
  const maxTop = Math.max(0, total - rows);
  const first = top === 'end' ? maxTop : Math.max(0, Math.min(top, maxTop));
  if (rows !== shownHeight) setShownHeight(rows);
  if (top !== 'end' && top !== first) setTop(first);
  const indicator = scrollIndicator(first, rows, total, lang);
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate"><Paint bold color={theme.title}>{lab.heading(name ?? 'lab', (lang === 'en' ? report?.title : undefined) ?? text?.title ?? lab.screenRunningTitle)}</Paint></Text>
      {ladder && report ? (
        <LabLadder lang={lang} report={report} connections={ladders} connection={connection} first={first} width={width} height={bodyHeight} />
      ) : (
        <>
          <Box flexDirection="column" height={rows}>
            {body.slice(first, first + rows).map((l, i) => (
              <Text key={i} wrap="truncate">
                <Paint bold={l.bold === true} color={l.color}>{l.text}</Paint>
              </Text>
            ))}
          </Box>
          <Box>
            {phase.kind === 'running' ? <ThemeProvider theme={spinnerTheme(theme)}><Spinner label={lab.screenRunning} /></ThemeProvider> : null}
            <Paint color={theme.muted}>{indicator}</Paint>
          </Box>
        </>
      )}
      <KeyHints hints={hints} />
    </Box>
  );
}

interface Line {
  readonly text: string;
  readonly color?: string | undefined;
  readonly bold?: boolean;
}

/**
 * What the screen shows of a run, as the CLI prints it (src/lab/format.ts): the result first once done,
 * then the verdicts, the explanation, the kernel states and the notes on Linux and RFC 9293.
 */
function labLines(observations: readonly Observation[], report: LabReport | undefined, failure: string | undefined, theme: Theme, lang: Lang, text: ExperimentText | undefined): Line[] {
  const t = messages(lang).lab;
  const out: Line[] = [];
  if (failure !== undefined) out.push({ text: t.failed(failure), color: theme.error });
  if (report) {
    if (report.error) out.push({ text: t.error(localValue(report.error, t)), color: theme.error });
    if (report.result) {
      out.push({ text: t.result, bold: true });
      for (const l of formatResult(report.result, lang)) out.push({ text: `  ${l}` });
    }
    out.push({ text: t.sequencesScreen, bold: true });
    for (const [socket, seq] of Object.entries(report.sequences)) out.push({ text: `  ${socket.padEnd(12)} ${seq.join(' -> ')}` });
    if (report.conformance.ok) out.push({ text: t.conformanceOkScreen, color: theme.ok });
    else for (const v of report.conformance.violations) out.push({ text: t.violation(v.message), color: theme.error });
    out.push({
      text: report.expectations.ok ? t.expectationsOk : t.expectationsScreen(report.expectations.failures.map((f) => f.field).join(', ')),
      color: report.expectations.ok ? theme.ok : theme.error,
    });
  }
  if (text) out.push({ text: text.explain, color: theme.muted });
  if (report) out.push({ text: t.kernelStatesCount(observations.length), bold: true });
  for (const o of observations) {
    const extra = o.vanished ? t.gone : o.timer ? t.timer(o.timer.kind, o.timer.remainingMs) : '';
    out.push({ text: `${o.at.toFixed(1).padStart(8)} ms  ${o.socket.padEnd(12)} ${o.state.padEnd(12)}${extra}` });
  }
  const notes = report?.linux?.filter((d) => d.shown) ?? [];
  if (notes.length > 0) {
    out.push({ text: t.linuxHeading, bold: true });
    for (const d of notes) out.push({ text: `- ${(t.linux as Readonly<Record<string, string>>)[d.id] ?? d.text}` });
  }
  return out;
}

/** Lines longer than the width go on in the next rows (indented), so that nothing is cut off: src/fold.ts, CJK-aware. */
function wrapLines(lines: readonly Line[], width: number): Line[] {
  return lines.flatMap((l) => foldLine(l.text, width, 4).map((text) => ({ ...l, text })));
}

/** @inkjs/ui draws the spinner in blue whatever NO_COLOR says: give it the app's colour, or none. */
function spinnerTheme(theme: Theme): ReturnType<typeof extendTheme> {
  return extendTheme(defaultTheme, { components: { Spinner: { styles: { frame: () => (theme.timer === undefined ? {} : { color: theme.timer }) } } } });
}
