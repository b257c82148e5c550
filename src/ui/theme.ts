import { createContext, useContext } from 'react';

/**
 * Colours by meaning, never by decoration. Every meaning is also carried without colour (a `|` at the
 * network/host boundary, `x` and "lost" on a dropped segment, `>` on a current state), so the app
 * reads the same under NO_COLOR.
 */
export interface Theme {
  readonly color: boolean;
  /** Network part of an address (bits and the network column). */
  readonly network: string | undefined;
  /** Host part of an address. */
  readonly host: string | undefined;
  /** A segment that crossed the link. */
  readonly sent: string | undefined;
  /** A segment lost on the link. */
  readonly dropped: string | undefined;
  /** The current state of an endpoint, the selected item. */
  readonly current: string | undefined;
  /** Secondary text: hints, units, explanations. */
  readonly muted: string | undefined;
  readonly error: string | undefined;
  readonly ok: string | undefined;
  readonly title: string | undefined;
  /** A running timer. */
  readonly timer: string | undefined;
}

const COLOURS: Theme = {
  color: true,
  network: 'cyan',
  host: 'yellow',
  sent: 'green',
  dropped: 'red',
  current: 'magentaBright',
  muted: 'gray',
  error: 'red',
  ok: 'green',
  title: 'blueBright',
  timer: 'yellow',
};

const PLAIN: Theme = {
  color: false,
  network: undefined,
  host: undefined,
  sent: undefined,
  dropped: undefined,
  current: undefined,
  muted: undefined,
  error: undefined,
  ok: undefined,
  title: undefined,
  timer: undefined,
};

/**
 * NO_COLOR (no-color.org: present and not empty) turns colour off; `--no-color` sets NO_COLOR in
 * src/cli/main.ts before the app starts. Ink's chalk does not read NO_COLOR itself (its supports-color
 * only sniffs FORCE_COLOR and argv flags), so the theme, not chalk, is what keeps colour out.
 */
export function themeFor(env: NodeJS.ProcessEnv = process.env): Theme {
  const noColor = env['NO_COLOR'];
  return noColor !== undefined && noColor !== '' ? PLAIN : COLOURS;
}

export const ThemeContext = createContext<Theme>(COLOURS);

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
