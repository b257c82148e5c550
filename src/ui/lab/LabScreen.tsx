import { useEffect, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { defaultTheme, extendTheme, Spinner, ThemeProvider } from '@inkjs/ui';
import { EXPERIMENTS } from '../../lab/experiments/index.js';
import type { Observation } from '../../lab/observer.js';
import type { LabReport } from '../../lab/runner.js';
import { Menu } from '../components/Menu.js';
import { Paint } from '../components/Paint.js';
import type { ScreenProps } from '../screen-props.js';
import { useTheme, type Theme } from '../theme.js';
import { useKeys } from '../use-keys.js';

export interface LabScreenProps extends ScreenProps {
  /** Runs an experiment (tests may pass a fake; the app loads the real runner on first use). */
  readonly runExperiment?: (name: string, o: { signal: AbortSignal; onObservation: (ob: Observation) => void }) => Promise<LabReport>;
}

type Phase = { readonly kind: 'choose' } | { readonly kind: 'running'; readonly name: string } | { readonly kind: 'done'; readonly report: LabReport } | { readonly kind: 'failed'; readonly message: string };

async function realRun(name: string, o: { signal: AbortSignal; onObservation: (ob: Observation) => void }): Promise<LabReport> {
  const { runLabExperiment } = await import('../../lab/runner.js');
  return runLabExperiment(name, { signal: o.signal, onObservation: o.onObservation, timeoutMs: 15_000 });
}

/**
 * Choose an experiment, run it on real loopback sockets, watch the kernel's states arrive from
 * /proc/net/tcp, then read the conformance verdict. The screen only renders; src/lab runs and checks.
 */
export function LabScreen({ onBack, width, height, runExperiment = realRun }: LabScreenProps): React.JSX.Element {
  const theme = useTheme();
  const [selected, setSelected] = useState(0);
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const [observations, setObservations] = useState<Observation[]>([]);
  const abort = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => abort.current?.abort(), []); // leaving the screen stops a run (its sockets close)

  const start = (name: string): void => {
    const controller = new AbortController();
    abort.current = controller;
    setObservations([]);
    setPhase({ kind: 'running', name });
    runExperiment(name, { signal: controller.signal, onObservation: (ob) => setObservations((xs) => [...xs, ob]) }).then(
      (report) => {
        if (!controller.signal.aborted) setPhase({ kind: 'done', report });
      },
      (e: unknown) => setPhase({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
  };

  useKeys((ch, key) => {
    if (key.escape) {
      abort.current?.abort();
      onBack();
      return;
    }
    if (phase.kind === 'choose') {
      if (key.upArrow || ch === 'k') setSelected((i) => (i + EXPERIMENTS.length - 1) % EXPERIMENTS.length);
      else if (key.downArrow || ch === 'j') setSelected((i) => (i + 1) % EXPERIMENTS.length);
      else if (key.return) start(EXPERIMENTS[selected]!.name);
    } else if (phase.kind !== 'running' && (key.return || ch === 'b')) setPhase({ kind: 'choose' });
    else if (phase.kind !== 'running' && ch === 'r') start(EXPERIMENTS[selected]!.name);
  });

  if (phase.kind === 'choose') {
    const rows = Math.max(3, height - 4);
    const first = Math.max(0, Math.min(selected - Math.floor(rows / 2), EXPERIMENTS.length - rows));
    return (
      <Box flexDirection="column" width={width}>
        <Paint bold color={theme.title}>Socket lab: real sockets on loopback, kernel states from /proc/net/tcp</Paint>
        <Menu items={EXPERIMENTS.slice(first, first + rows).map((e) => ({ id: e.name, label: e.name, description: e.title }))} selected={selected - first} />
        <Paint color={theme.muted}>up/down choose  Enter run  Esc back</Paint>
      </Box>
    );
  }

  const shown = observations.slice(-Math.max(3, height - 10));
  const report = phase.kind === 'done' ? phase.report : undefined;
  return (
    <Box flexDirection="column" width={width}>
      <Paint bold color={theme.title}>{phase.kind === 'running' ? phase.name : report?.experiment ?? 'lab'}: kernel TCP states</Paint>
      {shown.map((o, i) => (
        <Text key={i}>
          {`${o.at.toFixed(1).padStart(8)} ms  ${o.socket.padEnd(12)} ${o.state.padEnd(12)}`}
          <Paint color={theme.muted}>{o.vanished ? 'gone from the table' : o.timer ? `timer ${o.timer.kind} ${o.timer.remainingMs} ms` : ''}</Paint>
        </Text>
      ))}
      {phase.kind === 'running' ? <ThemeProvider theme={spinnerTheme(theme)}><Spinner label="running on loopback..." /></ThemeProvider> : null}
      {phase.kind === 'failed' ? <Paint color={theme.error}>failed: {phase.message}</Paint> : null}
      {report ? <Verdict report={report} /> : null}
      <Paint color={theme.muted}>{phase.kind !== 'running' ? 'Enter choose another  r run again  Esc back' : 'Esc stop and go back'}</Paint>
    </Box>
  );
}

/** @inkjs/ui draws the spinner in blue whatever NO_COLOR says: give it the app's colour, or none. */
function spinnerTheme(theme: Theme): ReturnType<typeof extendTheme> {
  return extendTheme(defaultTheme, { components: { Spinner: { styles: { frame: () => (theme.timer === undefined ? {} : { color: theme.timer }) } } } });
}

function Verdict({ report }: { readonly report: LabReport }): React.JSX.Element {
  const theme = useTheme();
  return (
    <Box flexDirection="column" marginTop={1}>
      {Object.entries(report.sequences).map(([socket, seq]) => (
        <Text key={socket}>
          {socket.padEnd(12)} {seq.join(' -> ')}
        </Text>
      ))}
      {report.error ? <Paint color={theme.error}>error: {report.error}</Paint> : null}
      {report.conformance.ok ? (
        <Paint color={theme.ok}>conformance: every sequence is a path of the endpoint machine (linux profile)</Paint>
      ) : (
        report.conformance.violations.map((v, i) => (
          <Paint key={i} color={theme.error}>
            violation: {v.message}
          </Paint>
        ))
      )}
      <Paint color={report.expectations.ok ? theme.ok : theme.error}>
        expectations: {report.expectations.ok ? 'ok' : report.expectations.failures.map((f) => f.field).join(', ')}
      </Paint>
    </Box>
  );
}
