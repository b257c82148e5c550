import type { Lang } from '../screen-props.js';

/** A piece of concept text in both languages. */
export type Bilingual = Readonly<Record<Lang, string>>;
