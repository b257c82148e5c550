import type { StringKey } from './i18n/strings.js';

/** The app's screens, in home-menu order. */
export const SCREENS = ['calc', 'tcp', 'lab', 'practice', 'concepts', 'traffic'] as const;
export type ScreenId = (typeof SCREENS)[number];

export const SCREEN_TITLE: Record<ScreenId, StringKey> = {
  calc: 'home.calculators',
  tcp: 'home.tcp',
  lab: 'home.lab',
  practice: 'home.practice',
  concepts: 'home.concepts',
  traffic: 'home.traffic',
};

export const SCREEN_DESCRIPTION: Record<ScreenId, StringKey> = {
  calc: 'home.calculators.desc',
  tcp: 'home.tcp.desc',
  lab: 'home.lab.desc',
  practice: 'home.practice.desc',
  concepts: 'home.concepts.desc',
  traffic: 'home.traffic.desc',
};

/**
 * Screens that take typed text everywhere take the keyboard whole (a practice answer may contain `q`);
 * the frame leaves them every key but Ctrl-C, and they leave through their own onBack (Esc). The lab
 * takes no text, so `q` and `?` work there as on the other screens.
 */
export const OWNS_ALL_KEYS: ReadonlySet<ScreenId> = new Set(['practice']);
