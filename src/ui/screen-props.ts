/** What every screen of the app receives from the frame. */
import type { Lang } from '../i18n/lang.js';

export type { Lang };

export interface ScreenProps {
  readonly lang: Lang;
  /** Leave the screen (Esc): the frame goes back to the home menu. */
  readonly onBack: () => void;
  /** Terminal size the screen may use. */
  readonly width: number;
  readonly height: number;
}
